package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import org.tribuo.Example;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a row of the kit's data becomes a Tribuo {@link Example}: continuous inputs (descriptors, their per-configuration
 * aggregates, the numeric temperature) optionally replaced by their quantile bin, and categorical inputs one-hot in
 * Tribuo's own convention ({@code name@value} = 1 on the rows of that category, absent elsewhere — Tribuo's trees read
 * an absent feature as 0, see {@code RegressorTrainingNode.invertData}).
 *
 * <p>Rows are addressed by configuration {@code c} and matrix row {@code row} (an atom), or {@code row = -1} for the
 * configuration itself (configurations mode). Examples are built from the descriptor matrix one at a time, so the only
 * full copy of the data is the Tribuo dataset itself. Measured: 467 bytes per atom row of 22 descriptors + 2
 * categoricals (Tribuo's {@code ArrayExample} holds names and double values), so the thesis's full set-up
 * (1.07 M rows) takes about 0.5 GB beside its 94 MB float matrix; with all 329 descriptors a row costs about 4 kB
 * (≈ 4.3 GB for every atom), which is why the atom modes can sample atoms per configuration.
 */
public final class ForestEncoding {
    /** Joins a categorical field and its value, as Tribuo's columnar processors do. */
    public static final String CATEGORY_JOINER = "@";
    public static final String SERIES = "series", PHASE = "phase", TEMPERATURE = "temperature_K";
    private static final int MAX_BIN_SAMPLE = 200_000;

    private final ForestData data;
    private final ForestSetup setup;
    private final List<String> continuousNames;
    private final List<String> categoricalGroups;
    private final double[][] edges;   // per continuous column, null when exact
    private final String[] names;     // continuous names as an array, shared by every example
    private final Map<String, String> categoryNames = new ConcurrentHashMap<>();  // one String per category, not per row

    private ForestEncoding(ForestData data, ForestSetup setup, List<String> continuousNames, List<String> groups, double[][] edges) {
        this.data = data;
        this.setup = setup;
        this.continuousNames = List.copyOf(continuousNames);
        this.categoricalGroups = List.copyOf(groups);
        this.edges = edges;
        this.names = continuousNames.toArray(String[]::new);
    }

    /**
     * Decides the inputs of a set-up and, with {@code bins > 0}, fits quantile bin edges on the training units.
     *
     * @param trainConfigurations training configurations
     * @param trainRows           training atom rows (atom modes) or null (configurations mode)
     */
    public static ForestEncoding fit(ForestData data, ForestSetup setup, int bins, int[] trainConfigurations, int[] trainRows) {
        List<String> names = new ArrayList<>();
        List<String> ids = data.descriptors().featureIds();
        if (setup.mode().atomRows()) {
            names.addAll(ids);
        } else {
            for (String id : ids) names.add("mean(" + id + ")");
            if (setup.variance()) for (String id : ids) names.add("var(" + id + ")");
        }
        if (setup.temperatureNumeric()) names.add(TEMPERATURE);
        List<String> groups = new ArrayList<>();
        if (setup.seriesCategorical()) groups.add(SERIES);
        if (setup.phaseCategorical()) groups.add(PHASE);
        ForestEncoding unbinned = new ForestEncoding(data, setup, names, groups, null);
        if (bins == 0) return unbinned;

        // sample training units evenly (deterministic stride), at most MAX_BIN_SAMPLE
        int units = setup.mode().atomRows() ? trainRows.length : trainConfigurations.length;
        int stride = Math.max(1, (int) Math.ceil(units / (double) MAX_BIN_SAMPLE));
        int m = (units + stride - 1) / stride;
        int k = names.size();
        double[][] columns = new double[k][m];
        double[] buf = new double[k];
        for (int i = 0, u = 0; u < units; u += stride, i++) {
            if (setup.mode().atomRows()) {
                int row = trainRows[u];
                unbinned.raw(configurationOf(data.descriptors(), row), row, buf);
            } else {
                unbinned.raw(trainConfigurations[u], -1, buf);
            }
            for (int j = 0; j < k; j++) columns[j][i] = buf[j];
        }
        double[][] edges = new double[k][];
        for (int j = 0; j < k; j++) edges[j] = quantileEdges(columns[j], bins);
        return new ForestEncoding(data, setup, names, groups, edges);
    }

    /** The inner edges between {@code bins} equally populated bins, duplicates removed. */
    static double[] quantileEdges(double[] values, int bins) {
        double[] v = values.clone();
        Arrays.sort(v);
        double[] e = new double[bins - 1];
        int n = 0;
        for (int i = 1; i < bins; i++) {
            double q = v[(int) Math.min(v.length - 1, (long) i * v.length / bins)];
            if (n == 0 || q > e[n - 1]) e[n++] = q;
        }
        // the smallest value must fall in bin 0: an edge equal to the minimum would leave bin 0 empty
        int start = (n > 0 && e[0] <= v[0]) ? 1 : 0;
        return Arrays.copyOfRange(e, start, n);
    }

    /** The bin of a value: the number of edges at or below it. */
    static int bin(double[] edges, double value) {
        int lo = 0, hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    static int configurationOf(DescriptorMatrix d, int row) {
        int lo = 0, hi = d.configurations() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (d.firstAtom(mid) <= row) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** Continuous input names, in the order of {@link #raw}. */
    public List<String> continuousNames() { return continuousNames; }

    /** Categorical groups ({@code series}, {@code phase}) present. */
    public List<String> categoricalGroups() { return categoricalGroups; }

    public boolean binned() { return edges != null; }

    /** Number of bins actually used per continuous column (distinct quantiles), or empty when exact. */
    public int[] binsPerColumn() {
        if (edges == null) return new int[0];
        return Arrays.stream(edges).mapToInt(e -> e.length + 1).toArray();
    }

    /** Raw (unbinned) continuous values of a row into {@code out}. */
    void raw(int c, int row, double[] out) {
        DescriptorMatrix d = data.descriptors();
        int f = d.features();
        int j = 0;
        if (setup.mode().atomRows()) {
            float[] v = d.rawValues();
            int base = row * f;
            for (int q = 0; q < f; q++) out[j++] = v[base + q];
        } else {
            float[] v = d.rawValues();
            int first = d.firstAtom(c), n = d.atomsIn(c);
            double[] mean = new double[f], m2 = new double[f];
            for (int a = 0; a < n; a++) {            // Welford: stable variance in one pass
                int base = (first + a) * f;
                for (int q = 0; q < f; q++) {
                    double x = v[base + q], delta = x - mean[q];
                    mean[q] += delta / (a + 1);
                    m2[q] += delta * (x - mean[q]);
                }
            }
            for (int q = 0; q < f; q++) out[j++] = mean[q];
            if (setup.variance()) for (int q = 0; q < f; q++) out[j++] = m2[q] / n;
        }
        if (setup.temperatureNumeric()) {
            double t = data.temperature(c);
            if (Double.isNaN(t)) throw new IllegalArgumentException("configuration " + c + " has no temperature label but the set-up uses it");
            out[j] = t;
        }
    }

    /** Continuous values as Tribuo sees them (binned when fitted so), in place. */
    void encode(double[] values) {
        if (edges == null) return;
        for (int j = 0; j < values.length; j++) values[j] = bin(edges[j], values[j]);
    }

    /** Category values of a configuration, one per group. */
    String[] categories(int c) {
        String[] out = new String[categoricalGroups.size()];
        for (int g = 0; g < out.length; g++)
            out[g] = categoricalGroups.get(g).equals(SERIES) ? data.series(c) : data.phase(c);
        return out;
    }

    /** The encoded continuous values of a row (fresh array). */
    double[] encoded(int c, int row) {
        double[] v = new double[continuousNames.size()];
        raw(c, row, v);
        encode(v);
        return v;
    }

    /** The Tribuo example of a row. */
    public Example<Regressor> example(int c, int row, Regressor target) {
        return example(encoded(c, row), categories(c), target);
    }

    /** A Tribuo example from already encoded continuous values and category values. */
    Example<Regressor> example(double[] encoded, String[] categories, Regressor target) {
        int k = encoded.length, g = categories.length;
        String[] names = new String[k + g];
        double[] values = new double[k + g];
        for (int j = 0; j < k; j++) {
            names[j] = this.names[j];
            values[j] = encoded[j];
        }
        for (int q = 0; q < g; q++) {
            String group = categoricalGroups.get(q);
            names[k + q] = categoryNames.computeIfAbsent(group + CATEGORY_JOINER + categories[q], s -> s);
            values[k + q] = 1.0;
        }
        return new ArrayExample<>(target, names, values);
    }

    /** The input a Tribuo feature name belongs to: the continuous name itself, or the categorical group. */
    public static String inputOf(String tribuoFeature) {
        int at = tribuoFeature.indexOf(CATEGORY_JOINER);
        return at < 0 ? tribuoFeature : tribuoFeature.substring(0, at);
    }
}
