package io.github.hdnnpkit.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Locale;

/**
 * A confidence interval {@code [lower, upper]} around an estimate at a confidence {@code level} (0.95 for 95 %);
 * one-sided intervals have an infinite end. {@code of} says what is estimated ("mean", "difference in means",
 * "location shift (Hodges–Lehmann)").
 */
public record ConfidenceInterval(String of, double estimate, double lower, double upper, double level) {
    public ConfidenceInterval {
        if (of == null || of.isBlank()) throw new IllegalArgumentException("a confidence interval needs a description");
        Samples.checkLevel(level);
        if (!(lower <= upper)) throw new IllegalArgumentException("lower end " + lower + " above upper end " + upper);
    }

    /** The t-based interval of the mean of {@code x} (R's {@code t.test(x)$conf.int}). */
    public static ConfidenceInterval mean(double[] x, double level) {
        return mean(x, level, Alternative.TWO_SIDED);
    }

    /** As {@link #mean(double[], double)}, one-sided for {@link Alternative#LESS} (upper bound) or GREATER (lower). */
    public static ConfidenceInterval mean(double[] x, double level, Alternative alternative) {
        Samples.check("x", x, 2);
        double m = Samples.mean(x);
        return around("mean", m, Math.sqrt(Samples.variance(x) / x.length), x.length - 1, level, alternative);
    }

    /** The Welch interval of mean(a) − mean(b): unequal variances, Welch–Satterthwaite degrees of freedom. */
    public static ConfidenceInterval differenceWelch(double[] a, double[] b, double level) {
        return TwoSampleTest.welch(a, b, Alternative.TWO_SIDED, level).ci();
    }

    /** The pooled-variance (Student) interval of mean(a) − mean(b), n_a + n_b − 2 degrees of freedom. */
    public static ConfidenceInterval differencePooled(double[] a, double[] b, double level) {
        return TwoSampleTest.student(a, b, Alternative.TWO_SIDED, level).ci();
    }

    /** estimate ± t quantile × standard error, the ends following the alternative. */
    static ConfidenceInterval around(String of, double estimate, double se, double df, double level, Alternative alt) {
        Samples.checkLevel(level);
        TDistribution t = tDistribution(df);
        double q = alt == Alternative.TWO_SIDED ? t.inverseCumulativeProbability(0.5 + level / 2)
                : t.inverseCumulativeProbability(level);
        double lo = alt == Alternative.LESS ? Double.NEGATIVE_INFINITY : estimate - q * se;
        double hi = alt == Alternative.GREATER ? Double.POSITIVE_INFINITY : estimate + q * se;
        return new ConfidenceInterval(of, estimate, lo, hi, level);
    }

    /** Student's t with a tight inverse (the default 1e-9 would show in the eighth digit of an interval). */
    static TDistribution tDistribution(double df) {
        return new TDistribution(null, df, 1e-14);
    }

    public double width() { return upper - lower; }

    public boolean contains(double v) { return v >= lower && v <= upper; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.6g, %s %% CI [%.6g, %.6g]", of, estimate,
                trim(100 * level), lower, upper);
    }

    private static String trim(double pct) {
        return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
    }
}
