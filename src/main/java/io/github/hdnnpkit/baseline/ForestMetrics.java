package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.model.TrainingResult;

import java.util.List;

/** The figures a forest run reports; energies in meV/atom as the field does, MSE as the thesis did. */
public final class ForestMetrics {
    private ForestMetrics() {
    }

    /**
     * Energy figures on one part of the split, per configuration.
     *
     * @param configurations         configurations evaluated
     * @param rows                   rows evaluated (atoms, or configurations in the configurations mode)
     * @param mseRow                 MSE of the row target in eV² (what the thesis's scikit-learn loop printed: the
     *                               atom rows' E/N for the thesis set-up, atomic energies for the upper bound)
     * @param rmseMeVPerAtom         RMSE of E/N over configurations, meV/atom
     * @param maeMeVPerAtom          MAE of E/N over configurations, meV/atom
     * @param mseConfigurationEnergy MSE of the total configuration energy over configurations, eV² per configuration
     *                               (= N² × the E/N error²): the thesis's loss, Keras's {@code mean_squared_error},
     *                               and the HDNNP's {@link TrainingResult.Errors#mse()}
     * @param msePerAtom             {@code mseConfigurationEnergy} / mean atoms per configuration: the thesis's "per
     *                               atom" column (/256), not the MSE of E/N
     * @param r2                     coefficient of determination of E/N over configurations
     * @param spreadRatio            std(predicted E/N) / std(reference E/N): 1 = the spread is reproduced, 0 = every
     *                               configuration gets the same prediction (the collapse to the mean)
     */
    public record Energy(int configurations, int rows, double mseRow, double rmseMeVPerAtom, double maeMeVPerAtom,
                         double mseConfigurationEnergy, double msePerAtom, double r2, double spreadRatio) {
        /** The same figures in the HDNNP's terms, so that a forest and a network are judged by one definition. */
        public TrainingResult.Errors errors() {
            return new TrainingResult.Errors(rmseMeVPerAtom, maeMeVPerAtom, mseConfigurationEnergy, msePerAtom);
        }
    }

    /**
     * Why an atom-row forest cannot learn E/N, measured.
     *
     * @param targetWithinConfigurationVariance  variance of the row target around its configuration's mean over
     *                                           the training rows (eV²): exactly 0 for the thesis's E/N target, so an
     *                                           atom's descriptors carry no information the target can respond to
     *                                           within a configuration; NaN for configuration rows
     * @param targetBetweenConfigurationVariance variance of the configuration means of the row target (eV²)
     * @param predictionWithinConfigurationVariance variance of the predictions around their configuration's mean
     *                                           on the evaluated rows (eV²): what the forest invents within a
     *                                           configuration where the truth is constant (thesis set-up)
     * @param spreadRatio                        std(predicted E/N) / std(reference E/N) on the evaluated part
     * @param r2                                 R² of E/N on the evaluated part
     * @param withinSeriesSpreadRatio            the same ratio after removing each series' mean from the references
     *                                           and from the predictions: the spread the forest reproduces inside a
     *                                           temperature series, where the series label cannot help
     * @param withinSeriesCorrelation            correlation of the within-series deviations, predicted vs reference
     * @param withinSeriesR2                     1 − Σ(δy − δp)² / Σ δy² with δ the within-series deviations
     */
    public record Collapse(double targetWithinConfigurationVariance, double targetBetweenConfigurationVariance,
                           double predictionWithinConfigurationVariance, double spreadRatio, double r2,
                           double withinSeriesSpreadRatio, double withinSeriesCorrelation, double withinSeriesR2) {
    }

    /**
     * One force component.
     *
     * @param component    Fx, Fy or Fz
     * @param mse          (eV/Å)²
     * @param rmse         eV/Å
     * @param r2           coefficient of determination
     * @param correlation  Pearson correlation predicted vs reference
     * @param spreadRatio  std(predicted) / std(reference)
     * @param referenceRms root mean square of the reference component: the RMSE of always predicting 0
     */
    public record Component(String component, double mse, double rmse, double r2, double correlation,
                            double spreadRatio, double referenceRms) {
    }

    /**
     * Force figures on one part of the split.
     *
     * @param atoms              atom rows evaluated
     * @param components         Fx, Fy, Fz
     * @param rmse               RMSE over all components, eV/Å
     * @param zeroPredictorRmse  RMSE of predicting F = 0 everywhere, eV/Å. Descriptors are invariant under rotations
     *                           of the environment, forces rotate with it: given the descriptors, every direction is
     *                           as likely, so E[F | descriptors] = 0 and no function of the descriptors beats this by
     *                           much. rmse / zeroPredictorRmse ≈ 1 is the measured form of that argument.
     * @param meanReference      mean of the reference components (≈ 0: Σ F = 0 in every periodic configuration)
     */
    public record Forces(int atoms, List<Component> components, double rmse, double zeroPredictorRmse, double meanReference) {
        public Forces {
            components = List.copyOf(components);
        }

        /** rmse / zeroPredictorRmse: 1 = no better than predicting zero. */
        public double rmseOverZeroPredictor() {
            return rmse / zeroPredictorRmse;
        }
    }

    /**
     * Importance of one input of the forest.
     *
     * @param input               continuous input name (descriptor id, {@code mean(id)}, {@code var(id)},
     *                            {@code temperature_K}) or categorical group ({@code series}, {@code phase})
     * @param descriptor          the descriptor id the input derives from, or the input itself
     * @param impurityShare       share of the total squared-error decrease of all splits on this input (mean
     *                            decrease in impurity, training rows routed through Tribuo's trees), sums to 1
     * @param splits              split nodes on this input over all trees (what Tribuo's {@code getTopFeatures} counts)
     * @param permutationIncrease increase of the validation MSE of the row target (eV², summed over outputs) when
     *                            this input is shuffled among validation rows
     */
    public record Importance(String input, String descriptor, double impurityShare, int splits, double permutationIncrease) {
    }
}
