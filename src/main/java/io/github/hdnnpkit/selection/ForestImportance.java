package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.baseline.ForestData;
import io.github.hdnnpkit.baseline.ForestMetrics;
import io.github.hdnnpkit.baseline.ForestOptions;
import io.github.hdnnpkit.baseline.ForestResult;
import io.github.hdnnpkit.baseline.ForestSetup;
import io.github.hdnnpkit.baseline.RandomForestBaseline;
import io.github.hdnnpkit.model.TrainingData;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The random forest's ranking (chapter 4 compares it with the network's): a forest on one row per configuration
 * (mean and variance of each descriptor over its atoms, target E/N — {@link ForestSetup#configurations()}, a set-up
 * that only knows positions) is trained on the training configurations, and each descriptor is ranked by the
 * increase of the validation MSE when its inputs are shuffled (mean and variance summed), impurity share breaking
 * ties ({@link ForestResult#importanceByDescriptor()}). The test configurations are not used.
 */
public final class ForestImportance implements FeatureSelector {
    private final ForestOptions options;

    public ForestImportance(ForestOptions options) { this.options = Objects.requireNonNull(options); }

    @Override
    public String name() { return "random-forest"; }

    @Override
    public Selection select(TrainingData data) {
        var d = data.descriptors();
        int n = d.configurations();
        String[] unknown = new String[n];
        Arrays.fill(unknown, ForestData.UNKNOWN);
        double[] noTemperature = new double[n];
        Arrays.fill(noTemperature, Double.NaN);
        ForestData fd = new ForestData(data.dataId(), data.descriptorSet(), d, data.energies(), null, null, unknown, noTemperature, unknown);
        ForestResult r = new RandomForestBaseline(options).fit(fd, data.split(), ForestSetup.configurations());
        Map<String, Double> scores = new LinkedHashMap<>();
        for (ForestMetrics.Importance i : r.importanceByDescriptor())
            if (d.indexOf(i.descriptor()) >= 0) scores.put(i.descriptor(), i.permutationIncrease());
        // a descriptor no tree ever split on has no importance entry: it ranks last
        for (String id : d.featureIds()) scores.putIfAbsent(id, Double.NEGATIVE_INFINITY);
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("trees", Integer.toString(options.trees()));
        hp.put("max_depth", Integer.toString(options.maxDepth()));
        hp.put("bins", Integer.toString(options.bins()));
        hp.put("setup", "configurations (mean, variance)");
        return Selection.byScore(name(), scores, "validation MSE increase when shuffled (eV²/atom²)", hp,
                data.dataId() + " [" + data.descriptorSet() + ", training part; permutations on the validation part]", options.seed());
    }
}
