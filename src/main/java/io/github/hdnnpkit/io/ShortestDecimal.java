package io.github.hdnnpkit.io;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;

/**
 * The shortest decimal that reads back to the identical double (or float): Raffaello Giulietti's Schubfach algorithm,
 * the one Java 19's {@link Double#toString} adopted, in jackson-core's maintained copy. Java 17's own
 * {@link Double#toString} also round-trips but is several times slower (and not always shortest), which made it the
 * main cost of writing descriptors as text.
 *
 * <p>Output looks like Java's: {@code 0.1}, {@code 0.30000000000000004}, {@code 1.0E-300}, {@code 4.9E-324},
 * {@code -0.0}; {@link Double#parseDouble}, numpy and pandas read all of them.
 */
public final class ShortestDecimal {
    private ShortestDecimal() {
    }

    /** The shortest round-trip decimal of {@code v}. */
    public static String of(double v) {
        return DoubleToDecimal.toString(v);
    }

    /** The shortest decimal that reads back (as a float) to {@code v}. */
    public static String of(float v) {
        return FloatToDecimal.toString(v);
    }
}
