package io.github.hdnnpkit.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * Two-sample tests of {@code a} against {@code b} on plain samples (e.g. the validation losses of a model over seeds
 * or over its last epochs), with the statistics computed here and the distributions from Commons Math. Defaults are
 * two-sided at 95 %. Conventions follow R's {@code t.test}/{@code wilcox.test}, which SciPy's {@code ttest_ind},
 * {@code ttest_rel} and {@code mannwhitneyu} share: the statistic is about a − b, LESS means a is smaller.
 * <pre>{@code
 * TestResult r = TwoSampleTest.welch(best, other);              // the thesis's figure 4.6 comparison
 * TestResult u = TwoSampleTest.mannWhitney(best, other, Alternative.LESS);
 * }</pre>
 */
public final class TwoSampleTest {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private TwoSampleTest() {
    }

    /** How Mann–Whitney finds its p-value. */
    public enum Method {
        /**
         * Exact when both samples have fewer than 50 values and there are no ties (R's {@code wilcox.test} rule),
         * else ASYMPTOTIC. SciPy's "auto" is stricter, exact only when one sample has at most 8 values: for two
         * tie-free samples of 9–49 it reports the approximation where this (and R) reports the exact value.
         */
        AUTO,
        /**
         * The exact permutation distribution; refused when there are ties (the tie-free distribution would be
         * wrong for them; SciPy's "exact" applies it anyway).
         */
        EXACT,
        /** The normal approximation with tie and continuity corrections (R's default, SciPy's "asymptotic"). */
        ASYMPTOTIC
    }

    // --- Student (pooled variance) ---

    public static TestResult student(double[] a, double[] b) {
        return student(a, b, Alternative.TWO_SIDED, 0.95);
    }

    public static TestResult student(double[] a, double[] b, Alternative alternative) {
        return student(a, b, alternative, 0.95);
    }

    /** Student's t-test assuming equal variances: pooled variance, n_a + n_b − 2 degrees of freedom. */
    public static TestResult student(double[] a, double[] b, Alternative alternative, double level) {
        checkPair(a, b, 2);
        if (a.length + b.length < 3) throw new IllegalArgumentException("Student's t needs n_a + n_b ≥ 3");
        double ma = Samples.mean(a), mb = Samples.mean(b);
        int df = a.length + b.length - 2;
        double pooled = ((a.length - 1) * var(a) + (b.length - 1) * var(b)) / df;
        double se = Math.sqrt(pooled * (1.0 / a.length + 1.0 / b.length));
        return tResult("Student two-sample t-test", ma - mb, se, df, alternative, level, "difference in means",
                a.length, b.length, ma, mb);
    }

    // --- Welch (unequal variances) ---

    public static TestResult welch(double[] a, double[] b) {
        return welch(a, b, Alternative.TWO_SIDED, 0.95);
    }

    public static TestResult welch(double[] a, double[] b, Alternative alternative) {
        return welch(a, b, alternative, 0.95);
    }

    /** Welch's t-test: unequal variances, Welch–Satterthwaite degrees of freedom. */
    public static TestResult welch(double[] a, double[] b, Alternative alternative, double level) {
        checkPair(a, b, 2);
        double ma = Samples.mean(a), mb = Samples.mean(b);
        double va = var(a) / a.length, vb = var(b) / b.length;
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        return tResult("Welch two-sample t-test", ma - mb, Math.sqrt(va + vb), df, alternative, level,
                "difference in means", a.length, b.length, ma, mb);
    }

    // --- paired ---

    public static TestResult paired(double[] a, double[] b) {
        return paired(a, b, Alternative.TWO_SIDED, 0.95);
    }

    public static TestResult paired(double[] a, double[] b, Alternative alternative) {
        return paired(a, b, alternative, 0.95);
    }

    /** The paired t-test: a one-sample t-test of the differences a_i − b_i (e.g. two models trained on the same seeds). */
    public static TestResult paired(double[] a, double[] b, Alternative alternative, double level) {
        checkPair(a, b, 2);
        if (a.length != b.length)
            throw new IllegalArgumentException("paired samples must have the same length, got " + a.length + " and " + b.length);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
        double md = Samples.mean(d);
        return tResult("Paired t-test", md, Math.sqrt(var(d) / d.length), d.length - 1, alternative, level,
                "mean difference", a.length, b.length, Samples.mean(a), Samples.mean(b));
    }

    private static TestResult tResult(String name, double diff, double se, double df, Alternative alt, double level,
                                      String estimate, int na, int nb, double ma, double mb) {
        if (alt == null) throw new IllegalArgumentException("alternative is null");
        Samples.checkLevel(level);
        if (!(se > 0))
            throw new IllegalArgumentException(name + ": the data are constant (standard error 0), t is undefined");
        double t = diff / se;
        TDistribution dist = ConfidenceInterval.tDistribution(df);
        double p = alt.pValue(dist.cumulativeProbability(t), dist.cumulativeProbability(-t));
        ConfidenceInterval ci = ConfidenceInterval.around(estimate, diff, se, df, level, alt);
        return new TestResult(name, "t distribution", t, df, p, alt, na, nb, ma, mb, diff, ci);
    }

    // --- Mann–Whitney U ---

    public static TestResult mannWhitney(double[] a, double[] b) {
        return mannWhitney(a, b, Alternative.TWO_SIDED, Method.AUTO, 0.95);
    }

    public static TestResult mannWhitney(double[] a, double[] b, Alternative alternative) {
        return mannWhitney(a, b, alternative, Method.AUTO, 0.95);
    }

    /**
     * The Mann–Whitney U (Wilcoxon rank-sum) test. The statistic is U of {@code a}: the number of pairs with
     * a_i > b_j, ties counting ½ (R's W, SciPy's U1). The p-value is exact or from the normal approximation with
     * the tie-corrected variance and a continuity correction of ½ (see {@link Method}); the result names which. The
     * interval is of the Hodges–Lehmann location shift (the median of all a_i − b_j), bounded by order statistics of
     * those differences: at exact U quantiles (as R's {@code conf.int = TRUE}), or at normal-approximation ones
     * (R instead solves for the shift numerically, so its asymptotic ends can differ by an order statistic). For
     * tiny samples the exact interval cannot reach the level and is the widest one available (R warns likewise).
     */
    public static TestResult mannWhitney(double[] a, double[] b, Alternative alternative, Method method, double level) {
        checkPair(a, b, 1);
        if (alternative == null || method == null) throw new IllegalArgumentException("alternative and method are required");
        Samples.checkLevel(level);
        int m = a.length, n = b.length;
        double[] all = new double[m + n];
        System.arraycopy(a, 0, all, 0, m);
        System.arraycopy(b, 0, all, m, n);
        double[] ranks = Ranks.average(all);
        double rankSumA = 0;
        for (int i = 0; i < m; i++) rankSumA += ranks[i];
        double u = rankSumA - m * (m + 1) / 2.0;
        double ties = Ranks.tieTerm(all);
        boolean exact = switch (method) {
            case AUTO -> ties == 0 && m < MannWhitneyDistribution.EXACT_LIMIT && n < MannWhitneyDistribution.EXACT_LIMIT;
            case EXACT -> {
                if (ties != 0) throw new IllegalArgumentException("exact Mann–Whitney p-values need samples without ties");
                yield true;
            }
            case ASYMPTOTIC -> false;
        };
        double mn = (double) m * n, mu = mn / 2;
        double p;
        String how;
        double sigma = Math.sqrt(mn / 12 * ((m + n + 1) - ties / ((double) (m + n) * (m + n - 1))));
        MannWhitneyDistribution exactDist = null;
        if (exact) {
            exactDist = new MannWhitneyDistribution(m, n);
            p = alternative.pValue(exactDist.cdf(u), exactDist.survival(u));
            how = "exact";
        } else {
            if (!(sigma > 0)) throw new IllegalArgumentException("Mann–Whitney: all values are equal, U has no spread");
            // continuity: the lower tail P(U ≤ u) is read at u + ½, the upper P(U ≥ u) at u − ½
            double lower = NORMAL.cumulativeProbability((u - mu + 0.5) / sigma);
            double upper = NORMAL.cumulativeProbability(-(u - mu - 0.5) / sigma);
            p = alternative.pValue(lower, upper);
            how = ties == 0 ? "normal approximation, continuity corrected"
                    : "normal approximation, tie and continuity corrected";
        }
        ConfidenceInterval ci = hodgesLehmann(a, b, alternative, level, exactDist, sigma);
        double ma = Samples.mean(a), mb = Samples.mean(b);
        return new TestResult("Mann–Whitney U test", how, u, Double.NaN, p, alternative, m, n, ma, mb, ma - mb, ci);
    }

    private static ConfidenceInterval hodgesLehmann(double[] a, double[] b, Alternative alt, double level,
                                                    MannWhitneyDistribution exact, double sigma) {
        int m = a.length, n = b.length, mn = m * n;
        double[] d = new double[mn];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) d[i * n + j] = a[i] - b[j];
        Arrays.sort(d);
        double shift = BoxSummary.quantile(d, 0.5);
        double tail = alt == Alternative.TWO_SIDED ? (1 - level) / 2 : 1 - level;
        // k = the lower α-quantile of U: the k-th smallest difference is the lower end, the k-th largest the upper
        int k;
        if (exact != null) {
            k = exact.quantile(tail);
        } else {
            double z = NORMAL.inverseCumulativeProbability(tail);
            k = (int) Math.ceil(mn / 2.0 + z * sigma - 0.5);
        }
        k = Math.max(1, Math.min(k, (mn + 1) / 2));
        double lo = alt == Alternative.LESS ? Double.NEGATIVE_INFINITY : d[k - 1];
        double hi = alt == Alternative.GREATER ? Double.POSITIVE_INFINITY : d[mn - k];
        return new ConfidenceInterval("location shift (Hodges–Lehmann)", shift, lo, hi, level);
    }

    private static double var(double[] x) {
        return Samples.variance(x);
    }

    private static void checkPair(double[] a, double[] b, int minSize) {
        Samples.check("a", a, minSize);
        Samples.check("b", b, minSize);
    }
}
