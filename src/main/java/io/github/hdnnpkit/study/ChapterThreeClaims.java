package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.stats.Alternative;
import io.github.hdnnpkit.stats.Holm;
import io.github.hdnnpkit.stats.TestResult;
import io.github.hdnnpkit.stats.TwoSampleTest;
import io.github.hdnnpkit.thesis.Verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/**
 * The conclusions of the thesis's chapter 3 and appendix B, each decided on a study's results over seeds with
 * Welch's t-test (one-sided in the direction the thesis claims; Holm's correction where one claim needs several
 * comparisons), so the notebooks' closing tables are computed, never written by hand. A model is judged on its
 * test RMSE (meV/atom): the test part is the same for every model of a study on one data set and took no part in
 * any training decision. A claim "A beats B" holds when the one-sided p is below {@link #ALPHA}, fails when the
 * opposite one-sided p is, and is unclear otherwise; with fewer than two seeds per group it is unclear.
 *
 * <p>Two samples without any spread (e.g. every run of both groups stopped at the same epoch cap) admit no t-test;
 * their difference is then decided by the means (p = 0 in the direction of a difference, 1 against it or for equal means).
 */
public final class ChapterThreeClaims {
    /** The significance level of every verdict. */
    public static final double ALPHA = 0.05;
    /** The thesis's boundary between smaller and larger depth (section 3.1: "smaller depth (<=20)"). */
    public static final int SMALL_DEPTH = 20;
    /** The structure section 3.2 chose. */
    public static final String CHOSEN_DEPTH = "10";
    /** The train fraction section 3.1 chose. */
    public static final String CHOSEN_FRACTION = "0.8";
    /** A data reduction "costs no accuracy" when the 95 % upper bound of its cost is below this share of the larger set's RMSE. */
    public static final double NO_COST_MARGIN = 0.10;

    private ChapterThreeClaims() {
    }

    /**
     * Section 3.1: the structures with smaller depth (≤ 20) predict better and train faster than those with larger
     * depth. Better: one-sided Welch on the test RMSE, every run of a side one sample. Faster: one-sided Welch on the
     * median time per epoch of each depth (one sample per structure), so that a run slowed by the JIT's warm-up (the
     * first models a JVM trains) or by a busy machine does not decide. Group key: {@code depth}.
     */
    public static List<Verdict> depth(StudyResults r) {
        Map<String, List<StudyResults.Entry>> g = r.groups("depth");
        List<StudyResults.Entry> small = new ArrayList<>(), large = new ArrayList<>();
        List<Double> smallTimes = new ArrayList<>(), largeTimes = new ArrayList<>();
        g.forEach((k, es) -> {
            boolean isSmall = Integer.parseInt(k) <= SMALL_DEPTH;
            (isSmall ? small : large).addAll(es);
            (isSmall ? smallTimes : largeTimes).add(median(values(es, Metric.SECONDS_PER_EPOCH)));
        });
        String better = "structures with smaller depth (≤ " + SMALL_DEPTH + ") predict the energy better than larger ones";
        String faster = "structures with smaller depth (≤ " + SMALL_DEPTH + ") take less time per epoch than larger ones";
        List<Verdict> out = new ArrayList<>();
        if (small.size() < 2 || large.size() < 2) {
            out.add(Verdict.unclear(better, "fewer than 2 runs on a side"));
        } else {
            double[] a = values(small, Metric.TEST_RMSE), b = values(large, Metric.TEST_RMSE);
            double p = pLess(a, b), q = pLess(b, a);
            out.add(Verdict.ofDifference(better, p, q, ALPHA, String.format(Locale.ROOT,
                    "test RMSE %s meV/atom (depth ≤ %d, %d runs) vs %s (depth > %d, %d runs); one-sided Welch p = %.3g; means per depth: %s",
                    ms(a), SMALL_DEPTH, a.length, ms(b), SMALL_DEPTH, b.length, p, means(r.values(Metric.TEST_RMSE, "depth")))));
        }
        if (smallTimes.size() < 2 || largeTimes.size() < 2) {
            out.add(Verdict.unclear(faster, "fewer than 2 structures on a side"));
        } else {
            double[] a = smallTimes.stream().mapToDouble(Double::doubleValue).toArray(), b = largeTimes.stream().mapToDouble(Double::doubleValue).toArray();
            double p = pLess(a, b), q = pLess(b, a);
            Map<String, double[]> med = new LinkedHashMap<>();
            g.forEach((k, es) -> med.put(k, new double[]{median(values(es, Metric.SECONDS_PER_EPOCH))}));
            out.add(Verdict.ofDifference(faster, p, q, ALPHA, String.format(Locale.ROOT,
                    "median s per epoch over seeds, per depth: %s; depth ≤ %d: %s vs > %d: %s (one sample per structure); one-sided Welch p = %.3g",
                    means(med), SMALL_DEPTH, ms(a), SMALL_DEPTH, ms(b), p)));
        }
        return out;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * Section 3.2: (10, 10) is the structure to keep. Holds when it has the lowest mean test RMSE, fails when the
     * best structure is significantly better (two-sided Welch), unclear when the difference is within the noise.
     * Group key: {@code depth}.
     */
    public static Verdict chosenStructure(StudyResults r) {
        String claim = "(10, 10) is the best structure (section 3.2's choice)";
        Map<String, double[]> g = r.values(Metric.TEST_RMSE, "depth");
        if (!g.containsKey(CHOSEN_DEPTH) || g.values().stream().anyMatch(x -> x.length < 2))
            return Verdict.unclear(claim, "no repeated (10, 10) models, or a depth with fewer than 2 seeds");
        String best = Holm.lowestMean(g);
        double[] chosen = g.get(CHOSEN_DEPTH);
        if (best.equals(CHOSEN_DEPTH)) {
            String second = g.keySet().stream().filter(k -> !k.equals(CHOSEN_DEPTH))
                    .min(Comparator.comparingDouble(k -> mean(g.get(k)))).orElse(null);
            return Verdict.holds(claim, "lowest mean test RMSE, " + ms(chosen) + " meV/atom"
                    + (second == null ? "" : String.format(Locale.ROOT, "; next (%s, %s): %s, two-sided Welch p = %.3g",
                    second, second, ms(g.get(second)), pTwoSided(chosen, g.get(second)))));
        }
        double p = pTwoSided(g.get(best), chosen);
        String ev = String.format(Locale.ROOT, "best is (%s, %s) with %s meV/atom; (10, 10): %s; two-sided Welch p = %.3g", best, best,
                ms(g.get(best)), ms(chosen), p);
        return p < ALPHA ? Verdict.fails(claim, ev) : Verdict.unclear(claim, ev + " (within the noise: keeping (10, 10) costs nothing significant)");
    }

    /**
     * Section 3.2's t-test in full: two-sided Welch of the best structure's test RMSE (lowest mean) against (10, 10)'s,
     * or of (10, 10) against the runner-up when (10, 10) is best. Group key: {@code depth}.
     */
    public static TestResult chosenStructureTest(StudyResults r) {
        Map<String, double[]> g = r.values(Metric.TEST_RMSE, "depth");
        if (!g.containsKey(CHOSEN_DEPTH) || g.size() < 2) throw new IllegalArgumentException("need (10, 10) and another depth, have " + g.keySet());
        String best = Holm.lowestMean(g);
        String other = best.equals(CHOSEN_DEPTH) ? g.keySet().stream().filter(k -> !k.equals(CHOSEN_DEPTH))
                .min(Comparator.comparingDouble(k -> mean(g.get(k)))).orElseThrow() : best;
        return best.equals(CHOSEN_DEPTH) ? TwoSampleTest.welch(g.get(CHOSEN_DEPTH), g.get(other)) : TwoSampleTest.welch(g.get(best), g.get(CHOSEN_DEPTH));
    }

    /**
     * Section 3.1, figure 3.5: 0.8 is the best train fraction. For every structure the 0.8 models are compared with
     * each other fraction (one-sided Welch on the test RMSE, Holm over all comparisons): holds when 0.8 is
     * significantly better in every comparison, fails when another fraction is significantly better in one, unclear
     * otherwise. Group keys: {@code depth} and {@code train_fraction}.
     */
    public static Verdict trainFraction(StudyResults r) {
        String claim = "a train fraction of 0.8 is better than 0.7 and 0.6";
        List<String> names = new ArrayList<>();
        List<double[]> refs = new ArrayList<>(), others = new ArrayList<>();
        int lowest = 0, structures = 0;
        StringJoiner detail = new StringJoiner("; ");
        for (var e : r.groups("depth").entrySet()) {
            Map<String, double[]> f = byKey(e.getValue(), "train_fraction", Metric.TEST_RMSE);
            double[] ref = f.get(CHOSEN_FRACTION);
            if (ref == null || f.size() < 2) continue;
            structures++;
            if (Holm.lowestMean(f).equals(CHOSEN_FRACTION)) lowest++;
            detail.add("(" + e.getKey() + ", " + e.getKey() + "): " + means(f));
            for (var o : f.entrySet()) {
                if (o.getKey().equals(CHOSEN_FRACTION)) continue;
                names.add("(" + e.getKey() + ", " + e.getKey() + ") " + o.getKey());
                refs.add(ref);
                others.add(o.getValue());
            }
        }
        if (names.isEmpty()) return Verdict.unclear(claim, "no structure trained with 0.8 and another fraction");
        return family(claim, names, refs, others, String.format(Locale.ROOT, "0.8 has the lowest mean test RMSE for %d of %d structures; ",
                lowest, structures), "test RMSE means per fraction: " + detail);
    }

    /**
     * Section 3.3, table 3.3, figure 3.8: 22 features beat 12 (on the original and on the extracted descriptors), and
     * the extracted descriptors beat the original ones (with 12 and with 22 features). Group key: {@code set}.
     */
    public static List<Verdict> featureCounts(StudyResults r) {
        Map<String, double[]> g = r.values(Metric.TEST_RMSE, "set");
        List<Verdict> out = new ArrayList<>();
        out.add(better("22 features (12 G2 + 10 G5) beat the 12 G2, on the original descriptors", g, "original 22", "original 12"));
        out.add(better("22 features (12 G2 + 10 G5) beat the 12 G2, on the extracted descriptors", g, "extracted 22", "extracted 12"));
        out.add(better("the 12 G2 extracted from the 329 beat the original 12", g, "extracted 12", "original 12"));
        out.add(better("the 22 extracted from the 329 beat the original 22", g, "extracted 22", "original 22"));
        return out;
    }

    /**
     * Section 3.3, table 3.2: reducing the data costs no accuracy. The largest set of the study is compared with the
     * next smaller one (test RMSE; their test parts are different draws of the same series): fails when the smaller
     * is significantly worse (one-sided Welch), holds when not and the 95 % upper bound of its extra RMSE is below
     * {@link #NO_COST_MARGIN} of the larger set's, unclear otherwise. Group key: {@code configurations}.
     */
    public static Verdict dataReduction(StudyResults r) {
        Map<String, double[]> g = r.values(Metric.TEST_RMSE, "configurations");
        List<String> sizes = g.keySet().stream().sorted(Comparator.comparingInt((String k) -> Integer.parseInt(k)).reversed()).toList();
        if (sizes.size() < 2 || g.get(sizes.get(0)).length < 2 || g.get(sizes.get(1)).length < 2)
            return Verdict.unclear("reducing the data set costs no accuracy", "fewer than two data sizes with 2 or more seeds");
        String large = sizes.get(0), small = sizes.get(1);
        String claim = String.format(Locale.ROOT, "training on %s instead of %s configurations costs no accuracy (the thesis: 4200 instead of 22 000)",
                small, large);
        double[] s = g.get(small), l = g.get(large);
        double pWorse = pLess(l, s);
        double upper = upperBoundOfDifference(s, l);
        double rel = upper / mean(l);
        String ev = String.format(Locale.ROOT, "test RMSE %s meV/atom (%s) vs %s (%s); one-sided Welch p (smaller is worse) = %.3g; "
                        + "95 %% upper bound of the extra RMSE %.3g meV/atom = %.1f %% of the larger set's (margin %.0f %%); means per size: %s",
                ms(s), small, ms(l), large, pWorse, upper, 100 * rel, 100 * NO_COST_MARGIN, means(g));
        if (pWorse < ALPHA) return Verdict.fails(claim, ev);
        return rel < NO_COST_MARGIN ? Verdict.holds(claim, ev) : Verdict.unclear(claim, ev);
    }

    /**
     * Appendix B, figure B.1: batch 64 reaches a lower loss than 700 and 4200 (test RMSE), in fewer epochs (best
     * epoch) and in less wall time (time per epoch × best epoch). Each is one-sided Welch of 64 against each other
     * batch size, Holm-corrected; the evidence says how many runs ended at the epoch cap (their best epoch is then a
     * lower bound). Group key: {@code batch_size}.
     */
    public static List<Verdict> batchSize(StudyResults r) {
        String ref = "64";
        Map<String, List<StudyResults.Entry>> g = r.groups("batch_size");
        String[] claims = {"batch 64 reaches a lower loss than batch 700 and 4200", "batch 64 converges in fewer epochs than 700 and 4200",
                "batch 64 reaches its best model in less wall time than 700 and 4200"};
        List<ToDoubleFunction<StudyResult>> fs = List.of(Metric.TEST_RMSE::of, Metric.BEST_EPOCH::of,
                x -> x.secondsPerEpoch() * x.bestEpoch());
        String[] what = {"test RMSE (meV/atom)", "best epoch", "s to the best epoch"};
        if (!g.containsKey(ref) || g.size() < 2 || g.values().stream().anyMatch(es -> es.size() < 2)) {
            List<Verdict> out = new ArrayList<>();
            for (String c : claims) out.add(Verdict.unclear(c, "batch 64 and another batch size each need 2 or more seeds"));
            return out;
        }
        StringJoiner capped = new StringJoiner(", ");
        g.forEach((k, es) -> capped.add(k + ": " + es.stream().filter(e -> e.result().stopReason() == TrainingResult.StopReason.MAX_EPOCHS).count()
                + " of " + es.size()));
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < claims.length; i++) {
            ToDoubleFunction<StudyResult> f = fs.get(i);
            Map<String, double[]> v = new LinkedHashMap<>();
            g.forEach((k, es) -> v.put(k, es.stream().mapToDouble(e -> f.applyAsDouble(e.result())).toArray()));
            List<String> names = new ArrayList<>();
            List<double[]> refs = new ArrayList<>(), others = new ArrayList<>();
            v.forEach((k, x) -> {
                if (k.equals(ref)) return;
                names.add(k);
                refs.add(v.get(ref));
                others.add(x);
            });
            out.add(family(claims[i], names, refs, others, what[i] + " means: " + means(v) + "; ",
                    i == 1 ? "runs that ended at the epoch cap (not converged): " + capped : ""));
        }
        return out;
    }

    // --- helpers ---

    /** "a beats b" on one-sided Welch. */
    private static Verdict better(String claim, Map<String, double[]> g, String a, String b) {
        double[] x = g.get(a), y = g.get(b);
        if (x == null || y == null || x.length < 2 || y.length < 2) return Verdict.unclear(claim, "no repeated models of " + a + " and " + b);
        double p = pLess(x, y), q = pLess(y, x);
        return Verdict.ofDifference(claim, p, q, ALPHA, String.format(Locale.ROOT, "test RMSE %s (%s) vs %s (%s) meV/atom; one-sided Welch p = %.3g",
                ms(x), a, ms(y), b, p));
    }

    /**
     * One claim that needs every comparison ref[i] &lt; other[i]: Holm over the claimed direction (all rejected:
     * holds) and over the opposite direction (any rejected: fails), unclear otherwise.
     */
    static Verdict family(String claim, List<String> names, List<double[]> refs, List<double[]> others, String prefix, String suffix) {
        int n = names.size();
        double[] p = new double[n], q = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = pLess(refs.get(i), others.get(i));
            q[i] = pLess(others.get(i), refs.get(i));
        }
        double[] hp = Holm.adjust(p), hq = Holm.adjust(q);
        int claimed = 0, opposite = 0;
        StringJoiner list = new StringJoiner(", ");
        for (int i = 0; i < n; i++) {
            if (hp[i] < ALPHA) claimed++;
            if (hq[i] < ALPHA) opposite++;
            list.add(String.format(Locale.ROOT, "%s p = %.3g", names.get(i), hp[i]));
        }
        Verdict.Outcome o = claimed == n ? Verdict.Outcome.HOLDS : opposite > 0 ? Verdict.Outcome.FAILS : Verdict.Outcome.UNCLEAR;
        String ev = String.format(Locale.ROOT, "%ssignificantly better in %d of %d comparisons, significantly worse in %d (one-sided Welch, "
                + "Holm-adjusted: %s)%s", prefix, claimed, n, opposite, list, suffix.isEmpty() ? "" : "; " + suffix);
        return new Verdict(claim, o, ev);
    }

    /** One-sided p of "mean(a) &lt; mean(b)" (Welch); samples without spread are decided by their means. */
    static double pLess(double[] a, double[] b) {
        if (spread(a) == 0 && spread(b) == 0) return mean(a) < mean(b) ? 0 : 1;
        return TwoSampleTest.welch(a, b, Alternative.LESS).pValue();
    }

    private static double pTwoSided(double[] a, double[] b) {
        if (spread(a) == 0 && spread(b) == 0) return mean(a) == mean(b) ? 1 : 0;
        return TwoSampleTest.welch(a, b).pValue();
    }

    /** The one-sided 95 % upper confidence bound of mean(a) − mean(b) (Welch). */
    private static double upperBoundOfDifference(double[] a, double[] b) {
        if (spread(a) == 0 && spread(b) == 0) return mean(a) - mean(b);
        TestResult t = TwoSampleTest.welch(a, b, Alternative.LESS, 0.95);
        return t.ci().upper();
    }

    private static Map<String, double[]> byKey(List<StudyResults.Entry> es, String key, Metric m) {
        Map<String, double[]> out = new LinkedHashMap<>();
        Map<String, List<Double>> tmp = new LinkedHashMap<>();
        for (StudyResults.Entry e : es) tmp.computeIfAbsent(e.key(key), k -> new ArrayList<>()).add(m.of(e.result()));
        tmp.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private static double[] values(List<StudyResults.Entry> es, Metric m) {
        return es.stream().mapToDouble(e -> m.of(e.result())).toArray();
    }

    private static double spread(double[] x) {
        return Arrays.stream(x).max().orElse(0) - Arrays.stream(x).min().orElse(0);
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    private static String means(Map<String, double[]> g) {
        StringJoiner j = new StringJoiner(", ");
        g.forEach((k, v) -> j.add(k + ": " + String.format(Locale.ROOT, "%.4g", mean(v))));
        return j.toString();
    }

    /** mean ± sd at four significant digits (times per epoch are milliseconds, RMSEs meV/atom). */
    private static String ms(double[] x) {
        return String.format(Locale.ROOT, "%.4g ± %.2g", mean(x), ChapterFourClaims.sd(x));
    }
}
