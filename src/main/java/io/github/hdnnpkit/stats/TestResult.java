package io.github.hdnnpkit.stats;

import java.util.Locale;

/**
 * The outcome of a two-sample test of {@code a} against {@code b}.
 *
 * @param test        the test's name ("Welch two-sample t-test", "Mann–Whitney U test", ...)
 * @param method      how the p-value was found ("t distribution", "exact", "normal approximation, tie and
 *                    continuity corrected")
 * @param statistic   t for the t-tests, U of sample a for Mann–Whitney (R's W, SciPy's U1)
 * @param df          degrees of freedom; NaN for tests without
 * @param pValue      under the stated alternative
 * @param meanA       mean of sample a
 * @param meanB       mean of sample b
 * @param difference  meanA − meanB (for the paired test also the mean of the differences)
 * @param ci          interval of the test's estimate: the difference in means for the t-tests, the Hodges–Lehmann
 *                    location shift for Mann–Whitney; one-sided for a one-sided alternative
 */
public record TestResult(String test, String method, double statistic, double df, double pValue,
                         Alternative alternative, int nA, int nB, double meanA, double meanB, double difference,
                         ConfidenceInterval ci) {
    public TestResult {
        if (test == null || method == null || alternative == null || ci == null)
            throw new IllegalArgumentException("test, method, alternative and interval are required");
        if (!(pValue >= 0 && pValue <= 1)) throw new IllegalArgumentException("p-value outside [0, 1]: " + pValue);
        if (nA < 1 || nB < 1) throw new IllegalArgumentException("sample sizes must be ≥ 1, got " + nA + ", " + nB);
    }

    /** Whether the null hypothesis is rejected at level {@code alpha} (p ≤ α). */
    public boolean significant(double alpha) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        return pValue <= alpha;
    }

    @Override
    public String toString() {
        String stat = test.startsWith("Mann") ? "U" : "t";
        String dfPart = Double.isNaN(df) ? "" : String.format(Locale.ROOT, ", df = %.6g", df);
        return String.format(Locale.ROOT, "%s (%s, %s): %s = %.6g%s, p = %.4g%n  n = %d, %d; means %.6g, %.6g; "
                        + "difference %.6g%n  %s",
                test, method, alternative.label(), stat, statistic, dfPart, pValue, nA, nB, meanA, meanB,
                difference, ci);
    }
}
