package io.github.hdnnpkit.study;

import io.github.hdnnpkit.selection.WeightDropping;
import io.github.hdnnpkit.stats.Alternative;
import io.github.hdnnpkit.stats.Holm;
import io.github.hdnnpkit.stats.TestResult;
import io.github.hdnnpkit.stats.TwoSampleTest;
import io.github.hdnnpkit.thesis.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The conclusions of the thesis's chapter 4, each decided on a study's results with repeated seeds and a test
 * (test RMSE in meV/atom, Welch's t-test, Holm's correction where one model is compared with many), so the notebooks'
 * closing tables are computed, never written by hand. With fewer than two seeds per group nothing can be decided
 * and the verdict is "unclear".
 */
public final class ChapterFourClaims {
    /** The significance level of every verdict. */
    public static final double ALPHA = 0.05;

    private ChapterFourClaims() {
    }

    /** Section 4.1: the shifted G2 carry more than the r_s = 0 G2; the G5 alone are poor. Group key: {@code group}. */
    public static List<Verdict> groups(StudyResults r) {
        Map<String, double[]> g = r.values(Metric.TEST_RMSE, "group");
        double[] rs0 = g.get(ThesisStudies.Group.G2_RS0.label()), shifted = g.get(ThesisStudies.Group.G2_SHIFTED.label()),
                g5 = g.get(ThesisStudies.Group.G5.label());
        List<Verdict> out = new ArrayList<>();
        if (!enough(rs0, shifted, g5)) {
            out.add(Verdict.unclear("groups", "fewer than 2 seeds per group"));
            return out;
        }
        TestResult better = TwoSampleTest.welch(shifted, rs0, Alternative.LESS), worse = TwoSampleTest.welch(shifted, rs0, Alternative.GREATER);
        out.add(Verdict.ofDifference("the 68 shifted G2 carry more information than the 201 G2 with r_s = 0", better.pValue(), worse.pValue(), ALPHA,
                String.format(Locale.ROOT, "test RMSE %s vs %s meV/atom; one-sided Welch p = %.3g", ms(shifted), ms(rs0), better.pValue())));
        TestResult vsRs0 = TwoSampleTest.welch(g5, rs0, Alternative.GREATER), vsShifted = TwoSampleTest.welch(g5, shifted, Alternative.GREATER);
        double p = Math.max(vsRs0.pValue(), vsShifted.pValue());
        // the claim fails only if the G5 are significantly better than one of the G2 groups; not poorer is "unclear"
        double opposite = Math.min(TwoSampleTest.welch(g5, rs0, Alternative.LESS).pValue(), TwoSampleTest.welch(g5, shifted, Alternative.LESS).pValue());
        out.add(Verdict.ofDifference("the 60 G5 alone are much poorer than either G2 group", p, opposite, ALPHA,
                String.format(Locale.ROOT, "G5 %s meV/atom vs %s and %s; one-sided Welch p ≤ %.3g", ms(g5), ms(rs0), ms(shifted), p)));
        return out;
    }

    /**
     * Tables 3.3 and 4.1: the 57 evenly spaced variables beat both the 22 of chapter 3 (least validation loss 0.1448
     * against 0.2402 eV²) and all 329 (0.1595). One-sided Welch tests on the test RMSE; group key {@code features}
     * ({@link ThesisStudies#featureCounts}).
     */
    public static List<Verdict> featureCounts(StudyResults r) {
        Map<String, double[]> g = r.values(Metric.TEST_RMSE, "features");
        List<Verdict> out = new ArrayList<>();
        for (String other : List.of("22", "329")) {
            String claim = "57 variables give a better model than " + other;
            double[] a = g.get("57"), b = g.get(other);
            if (!enough(a, b)) {
                out.add(Verdict.unclear(claim, "fewer than 2 seeds of 57 or " + other));
                continue;
            }
            TestResult better = TwoSampleTest.welch(a, b, Alternative.LESS), worse = TwoSampleTest.welch(a, b, Alternative.GREATER);
            out.add(Verdict.ofDifference(claim, better.pValue(), worse.pValue(), ALPHA, String.format(Locale.ROOT,
                    "test RMSE %s (57) vs %s (%s) meV/atom; one-sided Welch p = %.3g", ms(a), ms(b), other, better.pValue())));
        }
        return out;
    }

    /**
     * Section 4.2 / table 4.1: 57 is the best number of evenly spaced variables; 50 to 72 are not significantly
     * different. Group key: {@code k}.
     */
    public static List<Verdict> evenlySpaced(StudyResults r) {
        Map<String, double[]> g = r.values(Metric.TEST_RMSE, "k");
        List<Verdict> out = new ArrayList<>();
        if (!g.containsKey("57") || g.get("57").length < 2) {
            out.add(Verdict.unclear("57 variables are best", "no repeated 57-variable models"));
            return out;
        }
        String best = Holm.lowestMean(g);
        Holm h = Holm.againstReference(best, g, TwoSampleTest::welch, ALPHA);
        if (best.equals("57")) {
            out.add(Verdict.holds("57 evenly spaced variables give the best model", "lowest mean test RMSE " + ms(g.get("57")) + " meV/atom"));
        } else {
            Holm.Comparison c57 = h.comparisons().stream().filter(c -> c.name().equals("57")).findFirst().orElseThrow();
            out.add(c57.rejected()
                    ? Verdict.fails("57 evenly spaced variables give the best model", String.format(Locale.ROOT,
                    "k = %s is best (%s meV/atom); 57 (%s) is significantly worse, Holm p = %.3g", best, ms(g.get(best)), ms(g.get("57")), c57.holm()))
                    : Verdict.unclear("57 evenly spaced variables give the best model", String.format(Locale.ROOT,
                    "k = %s has the lowest mean (%s meV/atom) but 57 (%s) is within the noise, Holm p = %.3g", best, ms(g.get(best)), ms(g.get("57")), c57.holm())));
        }
        List<String> band = new ArrayList<>();
        for (String k : g.keySet()) {
            int n = Integer.parseInt(k);
            if (n >= 50 && n <= 72 && !k.equals("57") && g.get(k).length >= 2) band.add(k);
        }
        if (band.isEmpty()) {
            out.add(Verdict.unclear("50 to 72 variables are not significantly different", "no repeated models with 50–72 variables besides 57"));
        } else {
            Map<String, double[]> fam = new java.util.LinkedHashMap<>();
            fam.put("57", g.get("57"));
            band.forEach(k -> fam.put(k, g.get(k)));
            Holm hb = Holm.againstReference("57", fam, TwoSampleTest::welch, ALPHA);
            long rejected = hb.comparisons().stream().filter(Holm.Comparison::rejected).count();
            double minP = hb.comparisons().stream().mapToDouble(Holm.Comparison::holm).min().orElse(1);
            out.add(Verdict.of("models with 50 to 72 variables are not significantly different from 57", rejected == 0,
                    String.format(Locale.ROOT, "k = %s against 57: %d of %d differ at α = %.2f after Holm (smallest adjusted p = %.3g)",
                            String.join(", ", band), rejected, band.size(), ALPHA, minP)));
        }
        return out;
    }

    /** Appendix D, table D.1: dropping one of the 57 changes the loss only within the noise. Group key: {@code dropped}. */
    public static Verdict dropOne(StudyResults r) {
        Map<String, double[]> g = r.values(Metric.TEST_RMSE, "dropped");
        if (!g.containsKey("none") || g.size() < 2 || g.get("none").length < 2)
            return Verdict.unclear("dropping one of the 57 variables changes the loss only within the noise", "no repeated base model");
        Holm h = Holm.againstReference("none", g, TwoSampleTest::welch, ALPHA);
        long rejected = h.comparisons().stream().filter(Holm.Comparison::rejected).count();
        return Verdict.of("dropping one of the 57 variables changes the loss only within the noise", rejected == 0,
                String.format(Locale.ROOT, "%d of %d drop-ones differ from the full 57 (Welch, Holm, α = %.2f); the 57's seed-to-seed sd is %.3g meV/atom",
                        rejected, h.comparisons().size(), ALPHA, sd(g.get("none"))));
    }

    /**
     * Section 4.4: weight-based rankings are inconsistent across seeds. Holds when the seeds' weakest-k sets overlap
     * by less than half on average (they would drop different features), fails above 0.8, unclear between.
     */
    public static Verdict weightRanking(WeightDropping.Round round) {
        var s = round.stability();
        double overlap = s.pairs().stream().mapToDouble(p -> p.overlap().fraction()).average().orElse(Double.NaN);
        double rho = s.pairs().stream().mapToDouble(p -> p.spearman()).average().orElse(Double.NaN);
        Verdict.Outcome o = overlap < 0.5 ? Verdict.Outcome.HOLDS : overlap > 0.8 ? Verdict.Outcome.FAILS : Verdict.Outcome.UNCLEAR;
        return new Verdict("ranking variables by their first-layer weights is inconsistent between seeds", o,
                String.format(Locale.ROOT, "mean pairwise Spearman ρ %.2f over %d seed pairs; the seeds' weakest-%d sets share %.0f %% on average",
                        rho, s.pairs().size(), s.k(), 100 * overlap));
    }

    private static boolean enough(double[]... xs) {
        for (double[] x : xs) if (x == null || x.length < 2) return false;
        return true;
    }

    static String ms(double[] x) {
        double m = 0;
        for (double v : x) m += v;
        m /= x.length;
        return String.format(Locale.ROOT, "%.3f ± %.3f", m, sd(x));
    }

    static double sd(double[] x) {
        if (x.length < 2) return Double.NaN;
        double m = 0;
        for (double v : x) m += v;
        m /= x.length;
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }
}
