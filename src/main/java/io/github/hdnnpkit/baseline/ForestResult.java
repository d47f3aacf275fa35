package io.github.hdnnpkit.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one forest run reports: the set-up and options that made it, provenance, timings, the energy or force
 * figures on the training and validation parts of the configuration split, the collapse diagnostics, variable
 * importance and the predictions for test–predict plots. Immutable.
 *
 * @param setup             rows and inputs
 * @param options           the forest's knobs
 * @param provenance        data, descriptors, seeds, versions
 * @param trainRows         rows the forest was trained on
 * @param treesTrained      trees actually trained (fewer than asked when cancelled)
 * @param datasetSeconds    time to build the Tribuo training set from the descriptor matrix
 * @param trainSeconds      time to train the forest
 * @param predictSeconds    time to predict the evaluation rows
 * @param trainEnergy       energy figures on the training configurations (null for the force model)
 * @param validationEnergy  energy figures on the validation configurations (null for the force model)
 * @param collapse          collapse diagnostics (null for the force model)
 * @param trainForces       force figures on training atoms (null for energy models)
 * @param validationForces  force figures on validation atoms (null for energy models)
 * @param importance        inputs ranked by permutation importance, then impurity share
 * @param trainPredictions  E/N per training configuration evaluated (null for the force model)
 * @param validationPredictions E/N per validation configuration (null for the force model)
 * @param validationRows    a sample of validation rows with all outputs, the thesis's per-row test–predict view
 */
public record ForestResult(ForestSetup setup, ForestOptions options, ForestProvenance provenance, int trainRows,
                           int treesTrained, double datasetSeconds, double trainSeconds, double predictSeconds,
                           ForestMetrics.Energy trainEnergy, ForestMetrics.Energy validationEnergy,
                           ForestMetrics.Collapse collapse, ForestMetrics.Forces trainForces,
                           ForestMetrics.Forces validationForces, List<ForestMetrics.Importance> importance,
                           ForestPredictions.Energies trainPredictions, ForestPredictions.Energies validationPredictions,
                           ForestPredictions.Rows validationRows) {
    public ForestResult {
        importance = List.copyOf(importance);
    }

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
