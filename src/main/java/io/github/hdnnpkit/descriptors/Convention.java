package io.github.hdnnpkit.descriptors;

import java.util.Locale;

/**
 * How the angular sums (G4, G5) run over neighbour pairs.
 *
 * <ul>
 * <li>{@link #N2P2}: each unordered pair of neighbours once, j &lt; k — the convention of n2p2 (and of most codes);
 * values can be exchanged with n2p2 unchanged.</li>
 * <li>{@link #THESIS}: all ordered pairs j ≠ k, both ≠ i, as the thesis writes eq. G4/G5 ("Σ_{j,k≠i}^{all}"). Every
 * unordered pair then appears twice, so every angular value is exactly <b>2×</b> the n2p2 value; radial functions are
 * the same in both.</li>
 * </ul>
 * The factor is a constant per column, so models trained on either are equivalent after preconditioning, but raw
 * values differ and must not be mixed.
 */
public enum Convention {
    N2P2(1.0),
    THESIS(2.0);

    private final double angularFactor;

    Convention(double angularFactor) {
        this.angularFactor = angularFactor;
    }

    /** Factor applied to the j &lt; k sum of an angular function: 1 (n2p2) or 2 (thesis). */
    public double angularFactor() {
        return angularFactor;
    }

    /** Parses {@code n2p2} or {@code thesis} (case-insensitive). */
    public static Convention parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "n2p2" -> N2P2;
            case "thesis" -> THESIS;
            default -> throw new IllegalArgumentException("unknown convention '" + s + "' (expected n2p2 or thesis)");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
