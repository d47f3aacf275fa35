package io.github.hdnnpkit.descriptors;

/** G3 = Σ_j cos(κ r_ij)·f_c(r_ij) (thesis section 2.1). Not representable in n2p2. */
public record RadialG3(String centre, String neighbour, double kappa, CutoffFunction cutoff) implements RadialSymmetryFunction {
    public RadialG3 {
        SymmetryFunction.checkElement("centre", centre);
        SymmetryFunction.checkElement("neighbour", neighbour);
        SymmetryFunction.checkFinite("kappa", kappa);
        java.util.Objects.requireNonNull(cutoff, "cutoff");
    }

    @Override public int type() { return 3; }

    @Override public double radial(double r) { return Math.cos(kappa * r); }

    @Override public double radialDerivative(double r) { return -kappa * Math.sin(kappa * r); }

    @Override
    public String name() {
        return "G3(kappa=" + SymmetryFunction.format(kappa) + ",rc=" + SymmetryFunction.format(rc()) + ")";
    }
}
