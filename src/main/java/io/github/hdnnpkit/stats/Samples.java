package io.github.hdnnpkit.stats;

/** Checks and moments of plain samples, shared by the tests and summaries. */
final class Samples {
    private Samples() {
    }

    /** Rejects a null or too short sample and any non-finite element, naming the sample and the element. */
    static double[] check(String name, double[] x, int minSize) {
        if (x == null) throw new IllegalArgumentException("sample " + name + " is null");
        if (x.length < minSize)
            throw new IllegalArgumentException("sample " + name + " needs at least " + minSize + " values, got " + x.length);
        for (int i = 0; i < x.length; i++)
            if (!Double.isFinite(x[i]))
                throw new IllegalArgumentException("sample " + name + ": element " + i + " is " + x[i] + ", expected a finite number");
        return x;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        double m = s / x.length;
        // one correction pass: the mean of the residuals removes most of the rounding of the first sum
        double r = 0;
        for (double v : x) r += v - m;
        return m + r / x.length;
    }

    /** The unbiased (n − 1) sample variance, by the two-pass formula. */
    static double variance(double[] x) {
        if (x.length < 2) return Double.NaN;
        double m = mean(x), ss = 0, c = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
            c += v - m;
        }
        return (ss - c * c / x.length) / (x.length - 1);
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1))
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
}
