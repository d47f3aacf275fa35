package io.github.hdnnpkit.util;

import java.math.BigDecimal;
import java.math.MathContext;

/** Rounding for printed tables: losses with the five significant digits the thesis prints. */
public final class Rounding {
    private Rounding() {
    }

    /** {@code v} to {@code digits} significant digits; NaN, infinities and 0 unchanged. */
    public static double significant(double v, int digits) {
        if (!Double.isFinite(v) || v == 0) return v;
        return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }

    /** Five significant digits, as the thesis prints its losses. */
    public static double thesis(double v) {
        return significant(v, 5);
    }
}
