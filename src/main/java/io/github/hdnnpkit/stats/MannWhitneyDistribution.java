package io.github.hdnnpkit.stats;

/**
 * The exact null distribution of the Mann–Whitney U of a sample of size m against one of size n without ties: all
 * C(m+n, m) orderings equally likely. The counts follow from the recursion on the largest observation: it is either
 * from the first sample (adding n to U) or from the second, f(u; m, n) = f(u − n; m − 1, n) + f(u; m, n − 1).
 */
final class MannWhitneyDistribution {
    /** Beyond this size the tables grow as (mn)² and the normal approximation is accurate: as in R, exact below 50. */
    static final int EXACT_LIMIT = 50;

    private final int m, n;
    private final double[] probability; // P(U = u), u = 0..mn

    MannWhitneyDistribution(int m, int n) {
        if (m < 1 || n < 1) throw new IllegalArgumentException("sample sizes must be ≥ 1, got " + m + ", " + n);
        if (m > 200 || n > 200) throw new IllegalArgumentException("exact Mann–Whitney tables only up to 200 per sample");
        this.m = m;
        this.n = n;
        // f[i] holds the counts for i observations of the first sample and j of the second, j rising in the outer loop
        double[][] f = new double[m + 1][];
        for (int i = 0; i <= m; i++) f[i] = new double[]{1};
        for (int j = 1; j <= n; j++) {
            for (int i = 1; i <= m; i++) {
                double[] next = new double[i * j + 1];
                double[] withoutB = f[i];        // (i, j − 1): the largest is from the second sample
                double[] withoutA = f[i - 1];    // (i − 1, j), already updated: the largest is from the first
                for (int u = 0; u < withoutB.length; u++) next[u] += withoutB[u];
                for (int u = 0; u < withoutA.length; u++) next[u + j] += withoutA[u];
                f[i] = next;
            }
        }
        double[] counts = f[m];
        double total = 0;
        for (double c : counts) total += c;
        probability = new double[counts.length];
        for (int u = 0; u < counts.length; u++) probability[u] = counts[u] / total;
    }

    /** P(U ≤ u). */
    double cdf(double u) {
        int k = (int) Math.floor(u);
        if (k < 0) return 0;
        if (k >= m * n) return 1;
        double s = 0;
        for (int v = 0; v <= k; v++) s += probability[v];
        return Math.min(1, s);
    }

    /** P(U ≥ u), summed from the upper tail so that small tails keep their digits. */
    double survival(double u) {
        int k = (int) Math.ceil(u);
        if (k <= 0) return 1;
        if (k > m * n) return 0;
        double s = 0;
        for (int v = m * n; v >= k; v--) s += probability[v];
        return Math.min(1, s);
    }

    /** The smallest u with P(U ≤ u) ≥ p (R's {@code qwilcox}). */
    int quantile(double p) {
        double s = 0;
        for (int u = 0; u <= m * n; u++) {
            s += probability[u];
            if (s >= p * (1 - 1e-12)) return u;
        }
        return m * n;
    }
}
