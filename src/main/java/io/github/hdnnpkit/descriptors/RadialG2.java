package io.github.hdnnpkit.descriptors;

/**
 * G2 = Σ_j exp(−η (r_ij − r_s)²)·f_c(r_ij) (thesis section 2.1, n2p2 type 2), r_s applied as written. η = 0 and
 * r_s = 0 give G1.
 */
public record RadialG2(String centre, String neighbour, double eta, double rs, CutoffFunction cutoff)
        implements RadialSymmetryFunction {
    public RadialG2 {
        SymmetryFunction.checkElement("centre", centre);
        SymmetryFunction.checkElement("neighbour", neighbour);
        SymmetryFunction.checkFinite("eta", eta);
        SymmetryFunction.checkFinite("r_s", rs);
        if (eta < 0) throw new IllegalArgumentException("eta must be ≥ 0: " + eta);
        java.util.Objects.requireNonNull(cutoff, "cutoff");
    }

    @Override public int type() { return 2; }

    @Override
    public double radial(double r) {
        double a = r - rs;
        return Math.exp(-eta * a * a);
    }

    @Override
    public double radialDerivative(double r) {
        double a = r - rs;
        return -2 * eta * a * Math.exp(-eta * a * a);
    }

    @Override
    public String name() {
        return "G2(eta=" + SymmetryFunction.format(eta) + ",rs=" + SymmetryFunction.format(rs) + ",rc="
                + SymmetryFunction.format(rc()) + ")";
    }
}
