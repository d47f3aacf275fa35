package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.descriptors.AngularG5;
import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.stats.Holm;
import io.github.hdnnpkit.stats.NoiseFloor;
import io.github.hdnnpkit.stats.TwoSampleTest;
import io.github.hdnnpkit.study.Metric;
import io.github.hdnnpkit.study.ModelSpec;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyResults;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The head-to-head of feature-selection methods: each method's top k retrained as a plain HDNNP of one template
 * (same network, training and split as the reference), with several seeds, and every (method, k) compared with the
 * reference set (the thesis's 57) on the test RMSE by Welch's two-sided t-test, Holm-corrected as one family. The
 * study's {@code subset} is {@code method-k}; tags {@code method} and {@code k}.
 */
public final class HeadToHead {
    private HeadToHead() {
    }

    /** The models: every selection's top k for each k it can give, and the reference set under {@code referenceLabel}. */
    public static Study study(ModelSpec.Template template, List<Selection> selections, int[] ks, String referenceLabel, List<String> reference) {
        List<ModelSpec> specs = new ArrayList<>();
        specs.add(template.model(referenceLabel, reference, Map.of("method", referenceLabel, "k", Integer.toString(reference.size()))));
        for (Selection s : selections)
            for (int k : ks)
                if (k <= s.size())
                    specs.add(template.model(s.method() + "-" + k, s.top(k), Map.of("method", s.method(), "k", Integer.toString(k))));
        return Study.of("feature selection head-to-head", specs);
    }

    /** Every (method, k) against the reference: Welch two-sided on the test RMSE over seeds, Holm-corrected. */
    public static Holm holm(StudyResults results, String referenceLabel, double alpha) {
        return Holm.againstReference(referenceLabel, results.values(Metric.TEST_RMSE, "subset"), TwoSampleTest::welch, alpha);
    }

    /**
     * One row per (method, k): seeds, mean and sd of the test RMSE (meV/atom), the difference to the reference's mean
     * (negative = better than the reference), Welch's p, Holm's adjusted p and whether it is significant.
     */
    public static Table table(StudyResults results, String referenceLabel, double alpha) {
        Map<String, double[]> groups = results.values(Metric.TEST_RMSE, "subset");
        Holm h = holm(results, referenceLabel, alpha);
        Map<String, Holm.Comparison> byName = new LinkedHashMap<>();
        for (Holm.Comparison c : h.comparisons()) byName.put(c.name(), c);
        StringColumn method = StringColumn.create("method"), subset = StringColumn.create("subset");
        IntColumn k = IntColumn.create("k"), n = IntColumn.create("seeds");
        DoubleColumn mean = DoubleColumn.create("test RMSE (meV/atom)"), sd = DoubleColumn.create("sd"),
                diff = DoubleColumn.create("minus reference"), p = DoubleColumn.create("Welch p"), holm = DoubleColumn.create("Holm p");
        BooleanColumn sig = BooleanColumn.create("significant");
        double refMean = mean(groups.get(referenceLabel));
        results.groups("subset").forEach((name, es) -> {
            double[] x = groups.get(name);
            method.append(es.get(0).spec().tags().getOrDefault("method", name));
            subset.append(name);
            k.append(es.get(0).spec().features().size());
            n.append(x.length);
            mean.append(round(mean(x)));
            sd.append(x.length >= 2 ? round(NoiseFloor.of(x).sd()) : Double.NaN);
            diff.append(round(mean(x) - refMean));
            Holm.Comparison c = byName.get(name);
            p.append(c == null ? Double.NaN : sig(c.p()));
            holm.append(c == null ? Double.NaN : sig(c.holm()));
            if (c == null) sig.appendMissing(); else sig.append(c.rejected());
        });
        return Table.create("test RMSE of each method's top k against " + referenceLabel + " (Welch, Holm, α = " + alpha + ")",
                method, subset, k, n, mean, sd, diff, p, holm, sig);
    }

    /**
     * What each selection picks among its top k of a set of symmetry functions: how many G2 with r_s = 0, shifted
     * G2 and G5, and the ranges of η (Å⁻²) and r_s (Å) of the radial ones and η of the angular ones.
     */
    public static Table composition(List<Selection> selections, int kMax, SymmetryFunctionSet set, int... ks) {
        StringColumn method = StringColumn.create("method"), etaR = StringColumn.create("G2 η range"), rsR = StringColumn.create("G2 r_s range"),
                etaA = StringColumn.create("G5 η range");
        IntColumn k = IntColumn.create("k"), rs0 = IntColumn.create("G2 r_s=0"), shifted = IntColumn.create("G2 shifted"), g5 = IntColumn.create("G5");
        for (Selection s : selections)
            for (int kk : ks) {
                if (kk > s.size() || kk > kMax) continue;
                int a = 0, b = 0, c = 0;
                double[] er = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, rr = er.clone(), ea = er.clone();
                for (String id : s.top(kk)) {
                    int i = set.indexOf(id);
                    if (i < 0) throw new IllegalArgumentException("set " + set.name() + " has no function " + id + " (selection " + s.method() + ")");
                    SymmetryFunction f = set.function(i);
                    if (f instanceof RadialG2 g) {
                        if (g.rs() == 0) a++; else b++;
                        widen(er, g.eta());
                        widen(rr, g.rs());
                    } else if (f instanceof AngularG5 g) {
                        c++;
                        widen(ea, g.eta());
                    }
                }
                method.append(s.method());
                k.append(kk);
                rs0.append(a);
                shifted.append(b);
                g5.append(c);
                etaR.append(range(er));
                rsR.append(range(rr));
                etaA.append(range(ea));
            }
        return Table.create("what each method picks", method, k, rs0, shifted, g5, etaR, rsR, etaA);
    }

    private static void widen(double[] r, double v) {
        r[0] = Math.min(r[0], v);
        r[1] = Math.max(r[1], v);
    }

    private static String range(double[] r) {
        if (r[0] > r[1]) return "–";
        return r[0] == r[1] ? fmt(r[0]) : fmt(r[0]) + " … " + fmt(r[1]);
    }

    private static String fmt(double v) { return String.format(java.util.Locale.ROOT, "%.4g", v); }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double round(double v) { return Math.round(v * 1e4) / 1e4; }

    private static double sig(double v) { return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)); }
}
