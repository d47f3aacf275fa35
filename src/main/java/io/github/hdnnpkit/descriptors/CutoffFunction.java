package io.github.hdnnpkit.descriptors;

/**
 * A cutoff function f_c(r): smooth, 1 near r = 0 (or up to an inner radius), 0 at and beyond the cutoff radius
 * r_c. The symmetry functions multiply every neighbour's contribution by it so that atoms entering or leaving the
 * cutoff sphere change the descriptors continuously.
 *
 * <p>Implementations are immutable values (records) so that functions sharing a cutoff can be grouped by
 * {@code equals}. Each knows its n2p2 {@code cutoff_type} code, so a set can be written to {@code input.nn}.
 */
public sealed interface CutoffFunction permits CosineCutoff, TanhCutoff, PolynomialCutoff {
    /** Cutoff radius r_c in Å. */
    double rc();

    /** f_c(r); 0 for r ≥ r_c. */
    double value(double r);

    /** df_c/dr; 0 for r ≥ r_c. */
    double derivative(double r);

    /** n2p2 {@code cutoff_type} code (1 = cos, 2 = tanhu, 3 = tanh, 5..8 = poly1..poly4). */
    int n2p2Type();

    /** n2p2 inner-cutoff fraction alpha (0 for the thesis's cosine). */
    double n2p2Alpha();

    /** The same kind of cutoff function with another radius (a set has one kind, several radii). */
    CutoffFunction withRc(double rc);

    /** The cutoff function n2p2 means by {@code cutoff_type type alpha} with radius rc. */
    static CutoffFunction n2p2(int type, double alpha, double rc) {
        return switch (type) {
            case 1 -> new CosineCutoff(rc, alpha);
            case 2 -> new TanhCutoff(rc, false);
            case 3 -> new TanhCutoff(rc, true);
            case 5, 6, 7, 8 -> new PolynomialCutoff(rc, alpha, type - 4);
            default -> throw new IllegalArgumentException("cutoff_type " + type
                    + " is not supported (supported: 1 = cos, 2 = tanhu, 3 = tanh, 5-8 = poly1-poly4)");
        };
    }

    static void checkRadius(double rc) {
        if (!(rc > 0) || !Double.isFinite(rc)) throw new IllegalArgumentException("cutoff radius must be positive: " + rc);
    }

    static void checkAlpha(double alpha) {
        if (!(alpha >= 0 && alpha < 1)) throw new IllegalArgumentException("inner cutoff fraction alpha must be in [0, 1): " + alpha);
    }
}
