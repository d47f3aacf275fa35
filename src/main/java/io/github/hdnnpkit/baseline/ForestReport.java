package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.model.TrainingResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The conclusion of notebook 06 written from the measured figures, so it holds whatever the profile or data. */
public final class ForestReport {
    private ForestReport() {
    }

    /**
     * @param thesisAtoms    the thesis's energy set-up
     * @param forces         the thesis's force model
     * @param only950K       the 950 K experiment
     * @param configurations the configuration-row forest
     * @param atomic         the atomic-energy forest (null when the data has no per-atom energies)
     * @param hdnnp          the HDNNP on the same split (null when not trained)
     */
    public static String conclusion(ForestResult thesisAtoms, ForestResult forces, ForestResult only950K,
                                    ForestResult configurations, ForestResult atomic, TrainingResult hdnnp) {
        List<String> p = new ArrayList<>();
        ForestMetrics.Collapse c = thesisAtoms.collapse();
        ForestMetrics.Energy v = thesisAtoms.validationEnergy();
        p.add(String.format(Locale.ROOT, "<b>The thesis's set-up</b> (%d atom rows, target E/N): the target varies by %.3g eV² "
                        + "within a configuration against %.3g eV² between configurations, so an atom's own descriptors carry no "
                        + "signal the target responds to; the forest can only learn configuration means through correlations "
                        + "between one atom's environment and its configuration's energy. On validation it reaches %.2f meV/atom "
                        + "(R² %.3f) — largely by the series label — but inside a temperature series its predictions keep only "
                        + "%.0f %% of the reference spread (within-series R² %.3f): the collapse to the mean of figure C.1.",
                thesisAtoms.trainRows(), c.targetWithinConfigurationVariance(), c.targetBetweenConfigurationVariance(),
                v.rmseMeVPerAtom(), v.r2(), 100 * c.withinSeriesSpreadRatio(), c.withinSeriesR2()));
        ForestMetrics.Forces f = forces.validationForces();
        double maxCorr = f.components().stream().mapToDouble(x -> Math.abs(x.correlation())).max().orElse(Double.NaN);
        double maxSpread = f.components().stream().mapToDouble(ForestMetrics.Component::spreadRatio).max().orElse(Double.NaN);
        p.add(String.format(Locale.ROOT, "<b>The force model</b>: RMSE %.4f eV/Å against %.4f eV/Å for predicting F = 0 "
                        + "everywhere (ratio %.3f); |correlation| ≤ %.3f and the predicted components spread at most %.0f %% "
                        + "of the reference. Rotation-invariant descriptors cannot carry a direction, so E[F | descriptors] ≈ 0 "
                        + "and the forest predicts near-zero forces, as appendix C found.",
                f.rmse(), f.zeroPredictorRmse(), f.rmseOverZeroPredictor(), maxCorr, 100 * maxSpread));
        ForestMetrics.Energy k = only950K.validationEnergy();
        p.add(String.format(Locale.ROOT, "<b>950 K only, depth %d</b>: MSE of the configuration energy %.3g eV² "
                        + "(the thesis: \"around 2.0\" on its ab initio data), yet the predictions keep %.0f %% of the spread: "
                        + "a small MSE on a narrow Gaussian of energies does not mean the model has learned anything.",
                only950K.options().maxDepth(), k.mseConfigurationEnergy(), 100 * k.spreadRatio()));
        List<String[]> ranking = new ArrayList<>();
        ranking.add(new String[]{configurations.setup().label(), fmt(configurations.validationEnergy())});
        if (atomic != null) ranking.add(new String[]{atomic.setup().label(), fmt(atomic.validationEnergy())});
        StringBuilder sound = new StringBuilder("<b>Set-ups that are sound</b>: ");
        for (String[] r : ranking) sound.append(r[0]).append(": ").append(r[1]).append("; ");
        if (hdnnp != null)
            sound.append(String.format(Locale.ROOT, "the HDNNP %s on the same split: %.2f meV/atom validation RMSE.",
                    hdnnp.provenance().layout(), hdnnp.validation().rmseMeVPerAtom()));
        p.add(sound.toString());
        List<ForestResult> energy = new ArrayList<>(List.of(thesisAtoms, configurations));
        if (atomic != null) energy.add(atomic);
        ForestResult best = energy.stream().min(Comparator.comparingDouble(r -> r.validationEnergy().rmseMeVPerAtom())).orElseThrow();
        String verdict = String.format(Locale.ROOT, "<b>Measured verdict</b>: the best forest here is %s at %.2f meV/atom, "
                        + "%.1f× better than the thesis's set-up.", best.setup().label(), best.validationEnergy().rmseMeVPerAtom(),
                v.rmseMeVPerAtom() / best.validationEnergy().rmseMeVPerAtom());
        if (hdnnp != null) {
            double ratio = best.validationEnergy().rmseMeVPerAtom() / hdnnp.validation().rmseMeVPerAtom();
            verdict += String.format(Locale.ROOT, " The HDNNP is %.1f× %s than that forest.", ratio >= 1 ? ratio : 1 / ratio,
                    ratio >= 1 ? "more accurate" : "less accurate");
        }
        p.add(verdict);
        StringBuilder html = new StringBuilder("<div>");
        for (String s : p) html.append("<p>").append(s).append("</p>");
        return html.append("</div>").toString();
    }

    private static String fmt(ForestMetrics.Energy e) {
        return String.format(Locale.ROOT, "%.2f meV/atom validation RMSE (R² %.3f, spread ratio %.2f)", e.rmseMeVPerAtom(), e.r2(), e.spreadRatio());
    }
}
