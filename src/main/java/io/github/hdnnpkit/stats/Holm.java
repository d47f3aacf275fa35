package io.github.hdnnpkit.stats;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for a family of m comparisons (e.g. every model against the best one, the thesis's
 * figure 4.6, which tested each at 0.05 on its own). With the p-values sorted, p_(1) ≤ … ≤ p_(m), the adjusted
 * value is max over j ≤ i of min(1, (m − j + 1) p_(j)): monotone, capped at 1, and rejecting where it is ≤ α keeps
 * the family-wise error at α. Bonferroni's min(1, m p) is given for reference (never smaller than Holm's).
 * <pre>{@code
 * Holm h = Holm.againstReference("57 variables", losses, TwoSampleTest::welch, 0.05);
 * Show.table(h.table());
 * }</pre>
 *
 * @param alpha       the family-wise level
 * @param comparisons in the order given
 */
public record Holm(double alpha, List<Comparison> comparisons) {
    /**
     * One comparison of the family.
     *
     * @param test the test behind the p-value, null when only p-values were given
     */
    public record Comparison(String name, double p, double holm, double bonferroni, boolean rejected,
                             boolean rejectedBonferroni, TestResult test) {
    }

    public Holm {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        comparisons = List.copyOf(comparisons);
    }

    /** Holm-adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        checkP(p);
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i])); // stable: equal p keep their order
        double[] adj = new double[m];
        double running = 0;
        for (int r = 0; r < m; r++) {
            running = Math.max(running, Math.min(1, (m - r) * p[order[r]]));
            adj[order[r]] = running;
        }
        return adj;
    }

    /** Bonferroni-adjusted p-values min(1, m p), in the order given. */
    public static double[] bonferroni(double[] p) {
        checkP(p);
        return Arrays.stream(p).map(v -> Math.min(1, p.length * v)).toArray();
    }

    /** The family of named p-values (iteration order of the map) corrected at level {@code alpha}. */
    public static Holm of(Map<String, Double> pValues, double alpha) {
        List<String> names = new ArrayList<>(pValues.keySet());
        for (String n : names)
            if (pValues.get(n) == null) throw new IllegalArgumentException("comparison '" + n + "' has no p-value");
        double[] p = names.stream().mapToDouble(pValues::get).toArray();
        return build(names, p, new TestResult[p.length], alpha);
    }

    /**
     * Every group against the {@code reference} group with {@code test(reference, other)}, corrected together: the
     * comparison of many models with one best model.
     */
    public static Holm againstReference(String reference, Map<String, double[]> groups,
                                        BiFunction<double[], double[], TestResult> test, double alpha) {
        if (!groups.containsKey(reference))
            throw new IllegalArgumentException("reference group '" + reference + "' not among " + groups.keySet());
        if (groups.size() < 2) throw new IllegalArgumentException("need at least one group besides the reference");
        double[] ref = groups.get(reference);
        List<String> names = new ArrayList<>();
        List<TestResult> tests = new ArrayList<>();
        groups.forEach((name, x) -> {
            if (name.equals(reference)) return;
            names.add(name);
            tests.add(test.apply(ref, x));
        });
        double[] p = tests.stream().mapToDouble(TestResult::pValue).toArray();
        return build(names, p, tests.toArray(TestResult[]::new), alpha);
    }

    /** The name of the group with the smallest mean (the best model when the values are losses). */
    public static String lowestMean(Map<String, double[]> groups) {
        if (groups.isEmpty()) throw new IllegalArgumentException("no groups");
        Map<String, Double> means = new LinkedHashMap<>();
        groups.forEach((k, v) -> means.put(k, Samples.mean(Samples.check(k, v, 1))));
        return means.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static Holm build(List<String> names, double[] p, TestResult[] tests, double alpha) {
        double[] h = adjust(p), b = bonferroni(p);
        List<Comparison> list = new ArrayList<>();
        for (int i = 0; i < p.length; i++)
            list.add(new Comparison(names.get(i), p[i], h[i], b[i], h[i] <= alpha, b[i] <= alpha, tests[i]));
        return new Holm(alpha, list);
    }

    public int rejections() {
        return (int) comparisons.stream().filter(Comparison::rejected).count();
    }

    /** One row per comparison: raw, Holm and Bonferroni p-values and the decisions at α (and the test's figures). */
    public Table table() {
        Table t = Table.create("Holm correction at family-wise α = " + alpha + " (" + comparisons.size() + " comparisons)",
                StringColumn.create("comparison"), DoubleColumn.create("statistic"), DoubleColumn.create("difference"),
                DoubleColumn.create("p"), DoubleColumn.create("p_holm"), DoubleColumn.create("p_bonferroni"),
                BooleanColumn.create("reject_holm"), BooleanColumn.create("reject_bonferroni"));
        for (Comparison c : comparisons) {
            t.stringColumn(0).append(c.name());
            t.doubleColumn(1).append(c.test() == null ? Double.NaN : c.test().statistic());
            t.doubleColumn(2).append(c.test() == null ? Double.NaN : c.test().difference());
            t.doubleColumn(3).append(c.p());
            t.doubleColumn(4).append(c.holm());
            t.doubleColumn(5).append(c.bonferroni());
            t.booleanColumn(6).append(c.rejected());
            t.booleanColumn(7).append(c.rejectedBonferroni());
        }
        return t;
    }

    private static void checkP(double[] p) {
        if (p == null || p.length == 0) throw new IllegalArgumentException("no p-values");
        for (int i = 0; i < p.length; i++)
            if (!(p[i] >= 0 && p[i] <= 1))
                throw new IllegalArgumentException("p-value " + i + " is " + p[i] + ", expected a number in [0, 1]");
    }
}
