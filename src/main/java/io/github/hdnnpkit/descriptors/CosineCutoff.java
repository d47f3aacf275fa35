package io.github.hdnnpkit.descriptors;

/**
 * The cosine cutoff of the thesis (eq. 2.1) and of Behler: f_c(r) = ½[cos(π r / r_c) + 1] for r < r_c, 0 beyond.
 * With an inner fraction {@code alpha > 0} (n2p2 {@code cutoff_type 1 alpha}) it is 1 up to r_ci = alpha·r_c and the
 * cosine is stretched over [r_ci, r_c]; the thesis uses alpha = 0.
 *
 * <p>The thesis writes "≤ r_c" for the cosine branch; both branches give 0 at r_c, so the choice does not matter.
 */
public record CosineCutoff(double rc, double alpha) implements CutoffFunction {
    public CosineCutoff {
        CutoffFunction.checkRadius(rc);
        CutoffFunction.checkAlpha(alpha);
    }

    /** The thesis's cutoff (alpha = 0). */
    public CosineCutoff(double rc) {
        this(rc, 0.0);
    }

    @Override
    public double value(double r) {
        if (r >= rc) return 0.0;
        double rci = alpha * rc;
        if (r <= rci) return 1.0;
        double x = (r - rci) / (rc - rci);
        return 0.5 * (Math.cos(Math.PI * x) + 1.0);
    }

    @Override
    public double derivative(double r) {
        double rci = alpha * rc;
        if (r >= rc || r <= rci) return 0.0;
        double x = (r - rci) / (rc - rci);
        return -0.5 * Math.PI * Math.sin(Math.PI * x) / (rc - rci);
    }

    @Override public int n2p2Type() { return 1; }

    @Override public double n2p2Alpha() { return alpha; }

    @Override public CutoffFunction withRc(double newRc) { return new CosineCutoff(newRc, alpha); }
}
