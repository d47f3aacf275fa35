package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.model.TrainingResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The conclusion of notebook 06 written from the measured figures, so it holds whatever the profile or data. Every
 * number is a test figure (configurations no training decision saw); the one choice the text makes, which forest is
 * best, looks at validation only, and the HDNNP is judged on the same test configurations as the forests.
 */
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
     * @throws IllegalArgumentException when the HDNNP was not trained on the forests' split (its test part differs)
     */
    public static String conclusion(ForestResult thesisAtoms, ForestResult forces, ForestResult only950K,
                                    ForestResult configurations, ForestResult atomic, TrainingResult hdnnp) {
        List<String> p = new ArrayList<>();
        ForestMetrics.Collapse c = thesisAtoms.test().collapse();
        ForestMetrics.Energy v = thesisAtoms.test().energy();
        String within;
        if (!Double.isFinite(c.withinSeriesSpreadRatio()) || !Double.isFinite(c.withinSeriesR2()))
            within = "; no two test configurations share a series, so the spread inside a series cannot be measured here.";
        else
            within = String.format(Locale.ROOT, "; inside a temperature series the predictions have %.0f %% of the reference "
                            + "spread and explain R² = %.3f of the within-series variation%s", 100 * c.withinSeriesSpreadRatio(),
                    c.withinSeriesR2(), c.withinSeriesR2() > 0.5 ? ". (With this data the within-series signal is partly learned.)"
                            : ": beyond the series means nothing is learned, the collapse of figure C.1.");
        p.add(String.format(Locale.ROOT, "<b>The thesis's set-up</b> (%d atom rows, target E/N): the target's variance is %s "
                        + "within a configuration against %.3g eV² between configurations, so an atom's own descriptors carry no "
                        + "signal the target responds to; the forest can only learn configuration means through correlations "
                        + "between one atom's environment and its configuration's energy. On %d test configurations it "
                        + "reaches %.2f meV/atom (R² %.3f), helped by the series label%s",
                thesisAtoms.trainRows(), c.targetWithinConfigurationVariance() == 0 ? "exactly 0 eV²"
                        : String.format(Locale.ROOT, "%.3g eV²", c.targetWithinConfigurationVariance()),
                c.targetBetweenConfigurationVariance(), v.configurations(), v.rmseMeVPerAtom(), v.r2(), within));
        ForestMetrics.Forces f = forces.test().forces();
        double maxCorr = f.components().stream().mapToDouble(x -> Math.abs(x.correlation())).max().orElse(Double.NaN);
        double maxSpread = f.components().stream().mapToDouble(ForestMetrics.Component::spreadRatio).max().orElse(Double.NaN);
        p.add(String.format(Locale.ROOT, "<b>The force model</b> (%d test atoms): RMSE %.4f eV/Å against %.4f eV/Å for "
                        + "predicting F = 0 everywhere (ratio %.3f); |correlation| ≤ %.3f and the predicted components spread "
                        + "at most %.0f %% of the reference. Rotation-invariant descriptors cannot carry a direction, so "
                        + "E[F | descriptors] ≈ 0%s",
                f.atoms(), f.rmse(), f.zeroPredictorRmse(), f.rmseOverZeroPredictor(), maxCorr, 100 * maxSpread,
                f.rmseOverZeroPredictor() > 0.9 ? ": the forest does no better than predicting zero, as appendix C found."
                        : "; here the forest beats the zero predictor somewhat (see the table)."));
        ForestMetrics.Energy k = only950K.test().energy();
        String spread = Double.isFinite(k.spreadRatio()) && Double.isFinite(k.r2())
                ? String.format(Locale.ROOT, "the predictions have %.0f %% of the reference spread, R² %.3f", 100 * k.spreadRatio(), k.r2())
                : "one test configuration has no spread to compare";
        p.add(String.format(Locale.ROOT, "<b>950 K only, depth %d</b> (%d test configuration%s): MSE of the configuration "
                        + "energy %.3g eV² per configuration, %.3g per atom (the thesis: \"around %.1f\" on its ab initio data, "
                        + "%.3g per atom with its %d atoms); %s. Within one series the energies form a narrow Gaussian: a "
                        + "small MSE there says nothing until the test-predict plot is read.",
                only950K.options().maxDepth(), k.configurations(), k.configurations() == 1 ? "" : "s",
                k.mseConfigurationEnergy(), k.msePerAtom(), ForestTables.THESIS_950K_MSE,
                ForestTables.THESIS_950K_MSE / ForestTables.THESIS_ATOMS, ForestTables.THESIS_ATOMS, spread));
        StringBuilder sound = new StringBuilder("<b>Set-ups that are sound</b>: ");
        sound.append(configurations.setup().label()).append(": ").append(fmt(configurations.test().energy())).append("; ");
        if (atomic != null) sound.append(atomic.setup().label()).append(": ").append(fmt(atomic.test().energy())).append("; ");
        TrainingResult.Errors h = hdnnp == null ? null : ForestVersusHdnnp.hdnnpTest(hdnnp, configurations);
        if (hdnnp != null)
            sound.append(String.format(Locale.ROOT, "the HDNNP %s on the same split, %d epochs: %.2f meV/atom test RMSE "
                            + "(MSE %.3g eV² per configuration) on the same test configurations.",
                    hdnnp.provenance().layout(), hdnnp.lastEpoch(), h.rmseMeVPerAtom(), h.mse()));
        p.add(sound.toString());
        List<ForestResult> energy = new ArrayList<>(List.of(thesisAtoms, configurations));
        if (atomic != null) energy.add(atomic);
        // the choice of the best forest is a decision: it may look at validation, the figure it reports is test
        ForestResult best = energy.stream().min(Comparator.comparingDouble(r -> r.validation().energy().rmseMeVPerAtom())).orElseThrow();
        double bestTest = best.test().energy().rmseMeVPerAtom();
        double gain = v.rmseMeVPerAtom() / bestTest;
        String beside = best == thesisAtoms ? "the thesis's set-up itself" : String.format(Locale.ROOT,
                "%.1f× %s than the thesis's set-up (%.2f meV/atom)", gain >= 1 ? gain : 1 / gain, gain >= 1 ? "better" : "worse",
                v.rmseMeVPerAtom());
        String verdict = String.format(Locale.ROOT, "<b>Measured verdict</b> (test): the best forest by validation RMSE is %s; "
                + "on the %d held-out test configurations it reaches %.2f meV/atom, %s.", best.setup().label(), best.test().size(),
                bestTest, beside);
        if (hdnnp != null) {
            double hb = ForestVersusHdnnp.hdnnpTest(hdnnp, best).rmseMeVPerAtom();
            double ratio = bestTest / hb;
            verdict += String.format(Locale.ROOT, " On the same test configurations the HDNNP reaches %.2f meV/atom: %.1f× %s than "
                    + "that forest.", hb, ratio >= 1 ? ratio : 1 / ratio, ratio >= 1 ? "more accurate" : "less accurate");
        }
        p.add(verdict);
        StringBuilder html = new StringBuilder("<div>");
        for (String s : p) html.append("<p>").append(s).append("</p>");
        return html.append("</div>").toString();
    }

    private static String fmt(ForestMetrics.Energy e) {
        return String.format(Locale.ROOT, "%.2f meV/atom test RMSE (R² %.3f, spread ratio %.2f)", e.rmseMeVPerAtom(), e.r2(), e.spreadRatio());
    }
}
