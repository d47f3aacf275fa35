package io.github.hdnnpkit.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one forest run reports: the set-up and options that made it, provenance, timings, the energy or force
 * figures on the three parts of the configuration split, the collapse diagnostics, variable importance and the
 * predictions for test–predict plots. Immutable.
 *
 * <p>The parts have different jobs. The forest is fitted on {@link #train()}; {@link #validation()} is what a choice
 * may look at (between set-ups or options, the permutation importance chapter 4 selects inputs by); {@link #test()}
 * holds configurations that no training decision saw, so <b>a forest is judged, and compared with the HDNNP, on its
 * test part</b>.
 *
 * @param setup          rows and inputs
 * @param options        the forest's knobs
 * @param provenance     data, descriptors, seeds, versions
 * @param trainRows      rows the forest was trained on
 * @param treesTrained   trees actually trained (fewer than asked when cancelled)
 * @param datasetSeconds time to build the Tribuo training set from the descriptor matrix
 * @param trainSeconds   time to train the forest
 * @param predictSeconds time to predict the evaluation rows of all three parts
 * @param train          figures on the training configurations (evenly thinned to about
 *                       {@link RandomForestBaseline#MAX_TRAIN_EVALUATION_ROWS} rows)
 * @param validation     figures on the validation configurations
 * @param test           figures on the held-out test configurations
 * @param importance     inputs ranked by permutation importance (on validation rows), then impurity share
 */
public record ForestResult(ForestSetup setup, ForestOptions options, ForestProvenance provenance, int trainRows,
                           int treesTrained, double datasetSeconds, double trainSeconds, double predictSeconds,
                           Evaluation train, Evaluation validation, Evaluation test,
                           List<ForestMetrics.Importance> importance) {
    public ForestResult {
        Objects.requireNonNull(train);
        Objects.requireNonNull(validation);
        Objects.requireNonNull(test);
        importance = List.copyOf(importance);
    }

    /**
     * The figures on one part of the split. An energy model has {@code energy}, {@code collapse} and
     * {@code predictions} and no {@code forces}; the force model the other way round.
     *
     * @param configurations the configurations evaluated, ascending (the part's, after any series restriction)
     * @param energy         energy figures (null for the force model)
     * @param collapse       collapse diagnostics (null for the force model)
     * @param forces         force figures on the part's atoms (null for energy models)
     * @param predictions    E/N per configuration (null for the force model)
     * @param rows           a sample of rows with all outputs, the thesis's per-row test–predict view
     */
    public record Evaluation(int[] configurations, ForestMetrics.Energy energy, ForestMetrics.Collapse collapse,
                             ForestMetrics.Forces forces, ForestPredictions.Energies predictions, ForestPredictions.Rows rows) {
        public Evaluation {
            configurations = configurations.clone();
            Objects.requireNonNull(rows);
            if ((energy == null) != (predictions == null) || (energy == null) == (forces == null))
                throw new IllegalArgumentException("an evaluation has energy figures and predictions, or force figures");
        }

        @Override public int[] configurations() { return configurations.clone(); }

        public int size() { return configurations.length; }
    }

    /** One part of the split by name. */
    public enum Part {
        TRAIN("training"), VALIDATION("validation"), TEST("test");

        private final String label;

        Part(String label) { this.label = label; }

        /** "training", "validation", "test": for titles and legends. */
        public String label() { return label; }
    }

    public Evaluation part(Part p) {
        return switch (p) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }

    /** True for the models of E/N (every mode but the force model). */
    public boolean predictsEnergy() { return test.energy() != null; }

    public ForestMode mode() { return setup.mode(); }

    /**
     * Importance summed per descriptor ({@code mean(G2_001)} and {@code var(G2_001)} count for {@code G2_001}),
     * ranked by permutation increase: the ranking chapter 4 compares with the network-based selections.
     */
    public List<ForestMetrics.Importance> importanceByDescriptor() {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (ForestMetrics.Importance i : importance) {
            double[] a = acc.computeIfAbsent(i.descriptor(), k -> new double[3]);
            a[0] += i.impurityShare();
            a[1] += i.splits();
            a[2] += i.permutationIncrease();
        }
        return acc.entrySet().stream()
                .map(e -> new ForestMetrics.Importance(e.getKey(), e.getKey(), e.getValue()[0], (int) e.getValue()[1], e.getValue()[2]))
                .sorted(ForestResult::byImportance).toList();
    }

    static int byImportance(ForestMetrics.Importance a, ForestMetrics.Importance b) {
        int c = Double.compare(b.permutationIncrease(), a.permutationIncrease());
        return c != 0 ? c : Double.compare(b.impurityShare(), a.impurityShare());
    }
}
