package io.github.hdnnpkit.descriptors;

/**
 * n2p2's polynomial cutoffs ({@code cutoff_type 5..8} = poly1..poly4): with x = (r − r_ci)/(r_c − r_ci),
 * <ul>
 * <li>degree 1: f = (2x − 3)x² + 1 (continuous first derivative),</li>
 * <li>degree 2: f = ((15 − 6x)x − 10)x³ + 1 (continuous second derivative),</li>
 * <li>degree 3: f = x⁴(x(x(20x − 70) + 84) − 35) + 1,</li>
 * <li>degree 4: f = x⁵(x(x(x(315 − 70x) − 540) + 420) − 126) + 1,</li>
 * </ul>
 * 1 below r_ci = alpha·r_c and 0 from r_c on.
 */
public record PolynomialCutoff(double rc, double alpha, int degree) implements CutoffFunction {
    public PolynomialCutoff {
        CutoffFunction.checkRadius(rc);
        CutoffFunction.checkAlpha(alpha);
        if (degree < 1 || degree > 4) throw new IllegalArgumentException("polynomial cutoff degree must be 1..4: " + degree);
    }

    @Override
    public double value(double r) {
        if (r >= rc) return 0.0;
        double rci = alpha * rc;
        if (r <= rci) return 1.0;
        double x = (r - rci) / (rc - rci);
        return switch (degree) {
            case 1 -> (2 * x - 3) * x * x + 1;
            case 2 -> ((15 - 6 * x) * x - 10) * x * x * x + 1;
            case 3 -> x * x * x * x * (x * (x * (20 * x - 70) + 84) - 35) + 1;
            default -> x * x * x * x * x * (x * (x * (x * (315 - 70 * x) - 540) + 420) - 126) + 1;
        };
    }

    @Override
    public double derivative(double r) {
        double rci = alpha * rc;
        if (r >= rc || r <= rci) return 0.0;
        double x = (r - rci) / (rc - rci);
        double dfdx = switch (degree) {
            case 1 -> 6 * x * (x - 1);
            case 2 -> -30 * x * x * (x - 1) * (x - 1);
            case 3 -> 140 * x * x * x * (x - 1) * (x - 1) * (x - 1);
            default -> -630 * x * x * x * x * (x - 1) * (x - 1) * (x - 1) * (x - 1);
        };
        return dfdx / (rc - rci);
    }

    @Override public int n2p2Type() { return 4 + degree; }

    @Override public double n2p2Alpha() { return alpha; }

    @Override public CutoffFunction withRc(double newRc) { return new PolynomialCutoff(newRc, alpha, degree); }
}
