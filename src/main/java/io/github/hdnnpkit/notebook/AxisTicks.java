package io.github.hdnnpkit.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.function.Function;

/**
 * Tick steps and tick labels of the kit's figures. XChart's own labels print {@code .003} (pattern {@code #.###})
 * and, on an axis of equally spaced data such as epochs, put ticks on every k-th data value (1, 35, 69, …). Here
 * steps are 1, 2 or 5 × 10^k, labels always have a leading zero ({@code 0.003}), use a true minus sign, and switch to
 * {@code 2×10⁻⁴} when the whole axis is below 10⁻³ or above 10⁶ in magnitude.
 */
public final class AxisTicks {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private AxisTicks() {
    }

    /** The smallest step of the form 1, 2 or 5 × 10^k that is at least {@code rough} (> 0). */
    public static double niceStep(double rough) {
        if (!(rough > 0) || Double.isInfinite(rough)) throw new IllegalArgumentException("a tick step needs a finite span > 0, got " + rough);
        int exponent = (int) Math.floor(Math.log10(rough));
        double base = Math.pow(10, exponent);
        for (double m : new double[]{1, 2, 5, 10}) {
            // 1e-9 tolerance: 0.3 / 0.1 is 2.9999999999999996, not above 3
            if (m * base >= rough * (1 - 1e-9)) return BigDecimal.valueOf(m).scaleByPowerOfTen(exponent).doubleValue();
        }
        throw new AssertionError(rough);
    }

    /** A nice step giving at most {@code maxTicks} intervals over [lo, hi]. */
    public static double niceStep(double lo, double hi, int maxTicks) {
        if (maxTicks < 1) throw new IllegalArgumentException("maxTicks must be >= 1, got " + maxTicks);
        double span = hi - lo;
        if (!(span > 0)) span = Math.max(Math.abs(hi), 1);
        return niceStep(span / maxTicks);
    }

    /** The tick values k·step inside [lo, hi], with the step from {@link #niceStep(double, double, int)}. */
    public static double[] ticks(double lo, double hi, int maxTicks) {
        double step = niceStep(lo, hi, maxTicks);
        long first = (long) Math.ceil(lo / step - 1e-9), last = (long) Math.floor(hi / step + 1e-9);
        double[] t = new double[(int) Math.max(0, last - first + 1)];
        BigDecimal s = BigDecimal.valueOf(step);
        for (int i = 0; i < t.length; i++) t[i] = s.multiply(BigDecimal.valueOf(first + i)).doubleValue();
        return t;
    }

    /**
     * The label function of an axis spanning [lo, hi]: as many decimals as a 1-2-5 step of about a fifth of the span
     * needs of the span, the same for every label (0.5, 1.0, 1.5 rather than 0.5, 1, 1.5).
     */
    public static Function<Double, String> labels(double lo, double hi) {
        double coarse = niceStep(lo, hi, 5);
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
        boolean scientific = magnitude > 0 && (magnitude < 1e-3 || magnitude >= 1e6);
        return v -> label(v, coarse, scientific);
    }

    /**
     * Labels for an axis of whole numbers (epochs, column numbers, counts): a fractional tick rounds onto its
     * neighbour, so XChart sees duplicate labels and widens the step until every tick is a whole number.
     */
    public static Function<Double, String> integerLabels() {
        return v -> minus(String.valueOf(Math.round(v)));
    }

    /** A number to {@code digits} significant digits for titles and legends, leading zero kept: 0.976, 12.3, 1.23×10⁻⁴. */
    public static String significant(double v, int digits) {
        if (digits < 1) throw new IllegalArgumentException("digits must be >= 1, got " + digits);
        if (v == 0 || !Double.isFinite(v)) return v == 0 ? "0" : String.valueOf(v);
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits));
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e6) return label(b.doubleValue(), Math.pow(10, Math.floor(Math.log10(a)) - digits + 1), true);
        return minus(b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString());
    }

    /** One label: {@code step} is the coarse tick step of the axis, {@code scientific} the axis-wide choice. */
    static String label(double v, double step, boolean scientific) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
        if (Math.abs(v) < step * 1e-9) {   // 0, -0 and the 1e-17 left by float steps
            if (scientific) return "0";
            v = 0;
        }
        if (scientific) {
            int e = (int) Math.floor(Math.log10(Math.abs(v)) + 1e-12);
            BigDecimal m = new BigDecimal(v, MathContext.DECIMAL64).scaleByPowerOfTen(-e).round(new MathContext(6)).stripTrailingZeros();
            String mantissa = m.scale() < 0 ? m.setScale(0).toPlainString() : m.toPlainString();
            return minus(mantissa.equals("1") ? "10" + superscript(e) : mantissa.equals("-1") ? "-10" + superscript(e)
                    : mantissa + "×10" + superscript(e));
        }
        // one number of decimals per axis: a finer step XChart might try rounds onto duplicate labels, which XChart
        // rejects and widens the step, so all labels of an axis read alike (−3.20, −3.19, not −3.2, −3.195)
        return minus(String.format(Locale.ROOT, "%." + decimals(step) + "f", v));
    }

    /** Decimals needed to write multiples of a 1-, 2- or 5-step: 0.5 → 1, 0.002 → 3, 20 → 0. */
    static int decimals(double step) {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    private static String superscript(int e) {
        StringBuilder b = new StringBuilder(e < 0 ? "⁻" : "");
        for (char c : String.valueOf(Math.abs(e)).toCharArray()) b.append(SUPERSCRIPTS.charAt(c - '0'));
        return b.toString();
    }

    /** U+2212, the typographic minus, as matplotlib prints it (a hyphen is too short next to digits). */
    private static String minus(String s) {
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
