package io.github.hdnnpkit.descriptors;

/**
 * Behler's hyperbolic-tangent cutoff f_c(r) = tanh³(1 − r/r_c), optionally normalised by 1/tanh³(1) so that
 * f_c(0) = 1 (n2p2 {@code cutoff_type 3}; the unnormalised form is {@code cutoff_type 2}).
 */
public record TanhCutoff(double rc, boolean normalised) implements CutoffFunction {
    private static final double NORM = 1.0 / Math.pow(Math.tanh(1.0), 3);

    public TanhCutoff {
        CutoffFunction.checkRadius(rc);
    }

    @Override
    public double value(double r) {
        if (r >= rc) return 0.0;
        double t = Math.tanh(1.0 - r / rc);
        return (normalised ? NORM : 1.0) * t * t * t;
    }

    @Override
    public double derivative(double r) {
        if (r >= rc) return 0.0;
        double t = Math.tanh(1.0 - r / rc);
        return (normalised ? NORM : 1.0) * -3.0 * t * t * (1.0 - t * t) / rc;
    }

    @Override public int n2p2Type() { return normalised ? 3 : 2; }

    @Override public double n2p2Alpha() { return 0.0; }

    @Override public CutoffFunction withRc(double newRc) { return new TanhCutoff(newRc, normalised); }
}
