package io.github.hdnnpkit.stats;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers behind a box plot (the thesis's figure 3.4: the losses of the last 50 epochs per layout).
 * <p>Quartiles use the linear interpolation of R's type 7, which is numpy's default {@code percentile}: the p-quantile
 * of the sorted x_1..x_n sits at position h = (n − 1)p + 1, between x_⌊h⌋ and x_⌈h⌉. Whiskers are Tukey's: the most
 * extreme observations within 1.5 IQR of the box; observations beyond are outliers. {@code sd} is the n − 1 sample
 * standard deviation.
 */
public record BoxSummary(int n, double mean, double sd, double min, double q1, double median, double q3, double max,
                         double lowerWhisker, double upperWhisker, List<Double> outliers) {
    /** Tukey's whisker reach, in interquartile ranges. */
    public static final double WHISKER_IQR = 1.5;

    public BoxSummary {
        if (n < 1) throw new IllegalArgumentException("a box summary needs at least one value");
        if (!(min <= q1 && q1 <= median && median <= q3 && q3 <= max))
            throw new IllegalArgumentException("quartiles out of order: " + min + ", " + q1 + ", " + median + ", " + q3 + ", " + max);
        outliers = List.copyOf(outliers);
    }

    public static BoxSummary of(double[] x) {
        Samples.check("x", x, 1);
        double[] s = x.clone();
        Arrays.sort(s);
        double q1 = quantile(s, 0.25), q3 = quantile(s, 0.75);
        double lowFence = q1 - WHISKER_IQR * (q3 - q1), highFence = q3 + WHISKER_IQR * (q3 - q1);
        double lw = Double.NaN, uw = Double.NaN;
        List<Double> out = new ArrayList<>();
        for (double v : s) {
            if (v < lowFence || v > highFence) out.add(v);
            else {
                if (Double.isNaN(lw)) lw = v;
                uw = v;
            }
        }
        double sd = s.length > 1 ? Math.sqrt(Samples.variance(s)) : Double.NaN;
        return new BoxSummary(s.length, Samples.mean(s), sd, s[0], q1, quantile(s, 0.5), q3, s[s.length - 1], lw, uw, out);
    }

    /** The summary of the last {@code count} values of a series (e.g. the losses of the last 50 epochs). */
    public static BoxSummary ofLast(double[] series, int count) {
        Samples.check("series", series, 1);
        if (count < 1) throw new IllegalArgumentException("count must be ≥ 1, got " + count);
        if (count > series.length)
            throw new IllegalArgumentException("asked for the last " + count + " values of a series of " + series.length);
        return of(Arrays.copyOfRange(series, series.length - count, series.length));
    }

    /**
     * The type-7 p-quantile of an ascending {@code sorted} sample: h = (n − 1)p (0-based), linear between the
     * neighbours of h.
     */
    public static double quantile(double[] sorted, double p) {
        if (sorted == null || sorted.length == 0) throw new IllegalArgumentException("quantile of an empty sample");
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
        for (int i = 1; i < sorted.length; i++)
            if (!(sorted[i - 1] <= sorted[i])) throw new IllegalArgumentException("sample not sorted at element " + i);
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    public double iqr() { return q3 - q1; }

    /** One row per group: n, mean, sd, the five numbers, whiskers and the number of outliers. */
    public static Table table(String title, Map<String, double[]> groups) {
        Table t = Table.create(title, StringColumn.create("group"), IntColumn.create("n"), DoubleColumn.create("mean"),
                DoubleColumn.create("sd"), DoubleColumn.create("min"), DoubleColumn.create("q1"),
                DoubleColumn.create("median"), DoubleColumn.create("q3"), DoubleColumn.create("max"),
                DoubleColumn.create("lower_whisker"), DoubleColumn.create("upper_whisker"), IntColumn.create("outliers"));
        groups.forEach((name, x) -> {
            BoxSummary b = of(x);
            t.stringColumn(0).append(name);
            t.intColumn(1).append(b.n());
            double[] v = {b.mean(), b.sd(), b.min(), b.q1(), b.median(), b.q3(), b.max(), b.lowerWhisker(), b.upperWhisker()};
            for (int k = 0; k < v.length; k++) t.doubleColumn(2 + k).append(v[k]);
            t.intColumn(11).append(b.outliers().size());
        });
        return t;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n = %d, mean %.6g ± %.3g (sd); min %.6g, q1 %.6g, median %.6g, q3 %.6g, "
                        + "max %.6g; whiskers [%.6g, %.6g], %d outlier(s)", n, mean, sd, min, q1, median, q3, max,
                lowerWhisker, upperWhisker, outliers.size());
    }
}
