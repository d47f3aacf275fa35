package io.github.hdnnpkit.descriptors;

/** G1 = Σ_j f_c(r_ij): the cutoff-weighted coordination number (thesis section 2.1). */
public record RadialG1(String centre, String neighbour, CutoffFunction cutoff) implements RadialSymmetryFunction {
    public RadialG1 {
        SymmetryFunction.checkElement("centre", centre);
        SymmetryFunction.checkElement("neighbour", neighbour);
        java.util.Objects.requireNonNull(cutoff, "cutoff");
    }

    @Override public int type() { return 1; }

    @Override public double radial(double r) { return 1.0; }

    @Override public double radialDerivative(double r) { return 0.0; }

    @Override public String name() { return "G1(rc=" + SymmetryFunction.format(rc()) + ")"; }
}
