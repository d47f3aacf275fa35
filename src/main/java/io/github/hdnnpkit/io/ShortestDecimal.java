package io.github.hdnnpkit.io;

import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;

/**
 * The shortest decimal that reads back to the identical double (or float): Raffaello Giulietti's Schubfach algorithm,
 * the one Java 19's {@link Double#toString} adopted — for doubles the kit's allocation-free {@link Schubfach}, for
 * floats jackson-core's maintained copy. Java 17's own {@link Double#toString} also round-trips but is several times
 * slower (and not always shortest: 1.0E23 comes out as 9.999999999999999E22), which made it the main cost of writing
 * descriptors as text.
 *
 * <p>Output looks like Java's: {@code 0.1}, {@code 0.30000000000000004}, {@code 1.0E-300}, {@code 4.9E-324},
 * {@code -0.0}; {@link Double#parseDouble}, numpy and pandas read all of them.
 */
public final class ShortestDecimal {
    private ShortestDecimal() {
    }

    /** The shortest round-trip decimal of {@code v}. */
    public static String of(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        byte[] b = new byte[32];
        return new String(b, 0, Schubfach.write(v, b, 0), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The shortest decimal that reads back (as a float) to {@code v}. */
    public static String of(float v) {
        return FloatToDecimal.toString(v);
    }
}
