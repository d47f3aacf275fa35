package io.github.hdnnpkit.stats;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How stable a ranking of features (e.g. by first-layer weight norm) is across runs (seeds): Spearman's ρ and
 * Kendall's τ-b between every pair of runs, and the overlap of their top-k sets. Rankings are given either as scores
 * per id (higher = more important; equal scores are ties, which ρ handles by average ranks and τ-b by its tie terms)
 * or as lists of ids, most important first. Every run must rank the same ids.
 * <pre>{@code
 * RankStability s = RankStability.ofScores(normsBySeed, 10);   // Map<seed, Map<feature, norm>>
 * s.meanSpearman(); Show.table(s.pairwiseTable());
 * }</pre>
 *
 * @param k     the size of the top sets compared
 * @param pairs one entry per unordered pair of runs, in the runs' order
 */
public record RankStability(int k, List<Pair> pairs) {
    /** The agreement of two runs. */
    public record Pair(String runA, String runB, double spearman, double kendall, Overlap overlap) {
    }

    /**
     * The overlap of two top-k sets: {@code common} = |A ∩ B|, {@code fraction} = |A ∩ B| / k and Jaccard's
     * |A ∩ B| / |A ∪ B|.
     */
    public record Overlap(int k, int common, double fraction, double jaccard) {
        public Overlap {
            if (k < 1 || common < 0 || common > k) throw new IllegalArgumentException("overlap " + common + " of top " + k);
        }

        static Overlap of(Set<String> a, Set<String> b, int k) {
            Set<String> both = new HashSet<>(a);
            both.retainAll(b);
            int union = a.size() + b.size() - both.size();
            return new Overlap(k, both.size(), both.size() / (double) k, both.size() / (double) union);
        }
    }

    public RankStability {
        if (k < 1) throw new IllegalArgumentException("k must be ≥ 1, got " + k);
        if (pairs.isEmpty()) throw new IllegalArgumentException("rank stability needs at least two runs");
        pairs = List.copyOf(pairs);
    }

    // --- two rankings ---

    /** Spearman's ρ: Pearson's correlation of the average ranks of x and y. */
    public static double spearman(double[] x, double[] y) {
        checkPaired(x, y);
        return new SpearmansCorrelation().correlation(x, y);
    }

    /** Kendall's τ-b = (concordant − discordant) / √((n₀ − n₁)(n₀ − n₂)), ties in x (n₁) and y (n₂) removed. */
    public static double kendall(double[] x, double[] y) {
        checkPaired(x, y);
        return new KendallsCorrelation().correlation(x, y);
    }

    /** Spearman's ρ between two score maps over the same ids. */
    public static double spearman(Map<String, Double> a, Map<String, Double> b) {
        double[][] xy = aligned(a, b);
        return spearman(xy[0], xy[1]);
    }

    /** Kendall's τ-b between two score maps over the same ids. */
    public static double kendall(Map<String, Double> a, Map<String, Double> b) {
        double[][] xy = aligned(a, b);
        return kendall(xy[0], xy[1]);
    }

    /** Spearman's ρ between two orderings of the same ids (most important first; no ties). */
    public static double spearman(List<String> a, List<String> b) {
        return spearman(scores(a, "a"), scores(b, "b"));
    }

    /** Kendall's τ (= τ-b without ties) between two orderings of the same ids. */
    public static double kendall(List<String> a, List<String> b) {
        return kendall(scores(a, "a"), scores(b, "b"));
    }

    /** The overlap of the first k ids of two orderings. */
    public static Overlap topK(List<String> a, List<String> b, int k) {
        checkK(k, Math.min(a.size(), b.size()));
        return Overlap.of(new HashSet<>(a.subList(0, k)), new HashSet<>(b.subList(0, k)), k);
    }

    /**
     * The overlap of the k highest-scored ids of two score maps. Equal scores at the k-th place are broken by id
     * (alphabetically), so that the sets are well defined.
     */
    public static Overlap topK(Map<String, Double> a, Map<String, Double> b, int k) {
        return topK(order(a), order(b), k);
    }

    /** The ids by descending score, ties by id. */
    public static List<String> order(Map<String, Double> scores) {
        checkScores(scores, "scores");
        List<String> ids = new ArrayList<>(scores.keySet());
        ids.sort(Comparator.comparing((String id) -> scores.get(id)).reversed().thenComparing(Comparator.naturalOrder()));
        return ids;
    }

    // --- many runs ---

    /** Every pair of runs (map order) of score maps, with top-{@code k} overlaps. */
    public static RankStability ofScores(Map<String, Map<String, Double>> runs, int k) {
        List<String> names = new ArrayList<>(runs.keySet());
        if (names.size() < 2) throw new IllegalArgumentException("rank stability needs at least two runs, got " + names.size());
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++)
            for (int j = i + 1; j < names.size(); j++) {
                Map<String, Double> a = runs.get(names.get(i)), b = runs.get(names.get(j));
                requireSameIds(a.keySet(), b.keySet(), names.get(i), names.get(j));
                checkK(k, a.size());
                pairs.add(new Pair(names.get(i), names.get(j), spearman(a, b), kendall(a, b), topK(a, b, k)));
            }
        return new RankStability(k, pairs);
    }

    /** Every pair of runs (map order) of orderings, most important first. */
    public static RankStability ofOrderings(Map<String, List<String>> runs, int k) {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        runs.forEach((run, ids) -> scores.put(run, scores(ids, run)));
        return ofScores(scores, k);
    }

    public double meanSpearman() { return pairs.stream().mapToDouble(Pair::spearman).average().orElseThrow(); }

    public double meanKendall() { return pairs.stream().mapToDouble(Pair::kendall).average().orElseThrow(); }

    public double meanJaccard() { return pairs.stream().mapToDouble(p -> p.overlap().jaccard()).average().orElseThrow(); }

    /** Mean |A ∩ B| / k. */
    public double meanOverlap() { return pairs.stream().mapToDouble(p -> p.overlap().fraction()).average().orElseThrow(); }

    /** One row per pair of runs: ρ, τ-b, |A ∩ B|, |A ∩ B|/k and Jaccard. */
    public Table pairwiseTable() {
        Table t = Table.create(String.format(Locale.ROOT, "Rank stability over %d pairs of runs: mean ρ %.3f, τ-b %.3f, "
                        + "top-%d Jaccard %.3f", pairs.size(), meanSpearman(), meanKendall(), k, meanJaccard()),
                StringColumn.create("run_a"), StringColumn.create("run_b"), DoubleColumn.create("spearman"),
                DoubleColumn.create("kendall_tau_b"), IntColumn.create("top" + k + "_common"),
                DoubleColumn.create("top" + k + "_fraction"), DoubleColumn.create("top" + k + "_jaccard"));
        for (Pair p : pairs) {
            t.stringColumn(0).append(p.runA());
            t.stringColumn(1).append(p.runB());
            t.doubleColumn(2).append(p.spearman());
            t.doubleColumn(3).append(p.kendall());
            t.intColumn(4).append(p.overlap().common());
            t.doubleColumn(5).append(p.overlap().fraction());
            t.doubleColumn(6).append(p.overlap().jaccard());
        }
        return t;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rank stability over %d pairs: mean Spearman %.4f, Kendall τ-b %.4f, "
                + "top-%d overlap %.3f, Jaccard %.3f", pairs.size(), meanSpearman(), meanKendall(), k, meanOverlap(), meanJaccard());
    }

    // --- helpers ---

    /** An ordering as scores: the first id gets n, the last 1, so that higher = more important as for score maps. */
    private static Map<String, Double> scores(List<String> ids, String name) {
        Map<String, Double> s = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++)
            if (s.put(ids.get(i), (double) (ids.size() - i)) != null)
                throw new IllegalArgumentException("ordering " + name + " lists '" + ids.get(i) + "' twice (position " + (i + 1) + ")");
        return s;
    }

    private static double[][] aligned(Map<String, Double> a, Map<String, Double> b) {
        checkScores(a, "a");
        checkScores(b, "b");
        requireSameIds(a.keySet(), b.keySet(), "a", "b");
        double[] x = new double[a.size()], y = new double[a.size()];
        int i = 0;
        for (String id : a.keySet()) {
            x[i] = a.get(id);
            y[i++] = b.get(id);
        }
        return new double[][]{x, y};
    }

    private static void requireSameIds(Set<String> a, Set<String> b, String nameA, String nameB) {
        if (a.equals(b)) return;
        Set<String> onlyA = new TreeSet<>(a), onlyB = new TreeSet<>(b);
        onlyA.removeAll(b);
        onlyB.removeAll(a);
        throw new IllegalArgumentException("rankings " + nameA + " and " + nameB + " rank different ids: only in "
                + nameA + " " + onlyA + ", only in " + nameB + " " + onlyB);
    }

    private static void checkScores(Map<String, Double> s, String name) {
        if (s == null || s.size() < 2) throw new IllegalArgumentException("ranking " + name + " needs at least two ids");
        s.forEach((id, v) -> {
            if (v == null || !Double.isFinite(v))
                throw new IllegalArgumentException("ranking " + name + ": score of '" + id + "' is " + v + ", expected a finite number");
        });
    }

    private static void checkPaired(double[] x, double[] y) {
        Samples.check("x", x, 2);
        Samples.check("y", y, 2);
        if (x.length != y.length)
            throw new IllegalArgumentException("rankings of different lengths: " + x.length + " and " + y.length);
    }

    private static void checkK(int k, int n) {
        if (k < 1 || k > n) throw new IllegalArgumentException("top-k needs 1 ≤ k ≤ " + n + " ids, got k = " + k);
    }
}
