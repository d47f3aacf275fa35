package io.github.hdnnpkit.baseline;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.notebook.ParityPlot;
import org.knowm.xchart.style.Styler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures of forest results in the kit's {@link FigureStyle}: the thesis's test–predict plots (with residual panels,
 * {@link ParityPlot}), the force model, importance, the comparison.
 */
public final class ForestCharts {
    private ForestCharts() {
    }

    /**
     * Predicted against reference E/N per configuration (training and validation), with the identity line and the
     * residual panel below: the figure 2.8 / C.1 view. A collapsed model draws a horizontal band on top and a
     * sloped line of residuals below.
     */
    public static ParityPlot testPredict(ForestResult r) {
        ForestPredictions.Energies v = energies(r, true), t = r.trainPredictions();
        ParityPlot p = new ParityPlot(String.format(Locale.ROOT, "Test-predict E/N: %s (validation RMSE %.2f meV/atom)",
                r.setup().label(), r.validationEnergy().rmseMeVPerAtom()), "E/N", "eV/atom", "meV/atom", 1000);
        if (t != null && t.size() > 0) p.add("training", t.reference(), t.predicted(), FigureStyle.TRAINING);
        return p.add("validation", v.reference(), v.predicted(), FigureStyle.VALIDATION);
    }

    /**
     * The thesis's own view: one point per validation atom row (predicted row target against its reference), and with
     * {@code crop} the axes cut to the range of the predictions, "a closer look after cropping" (figure C.1). Thousands
     * of rows are drawn as a 2-D histogram.
     */
    public static ParityPlot rows(ForestResult r, boolean crop) {
        ForestPredictions.Rows rows = r.validationRows();
        String out = rows.outputs().get(0);
        double[] ref = rows.reference(0), pred = rows.predicted(0);
        ParityPlot p = new ParityPlot((crop ? "Per-row test-predict, cropped: " : "Per-row test-predict: ") + r.setup().label(),
                out, "eV", "meV", 1000).add("validation rows", ref, pred, FigureStyle.VALIDATION);
        if (crop) {
            double lo = min(pred), hi = max(pred), pad = 0.05 * (hi - lo + 1e-12);
            p.crop(lo - pad, hi + pad);
        }
        return p;
    }

    /** The force model: predicted against reference components F_x, F_y, F_z on validation atoms (figure C.2). */
    public static ParityPlot forces(ForestResult r) {
        ForestPredictions.Rows rows = r.validationRows();
        if (!r.mode().forces()) throw new IllegalArgumentException(r.setup().label() + " is not a force model");
        int k = rows.outputs().size(), n = rows.reference(0).length;
        // the components pooled: one residual RMSE, one density; they are alike by symmetry
        double[] ref = new double[k * n], pred = new double[k * n];
        for (int j = 0; j < k; j++) {
            System.arraycopy(rows.reference(j), 0, ref, j * n, n);
            System.arraycopy(rows.predicted(j), 0, pred, j * n, n);
        }
        return new ParityPlot("Test-predict forces: " + r.setup().label(), "F component", "eV/Å", "meV/Å", 1000)
                .add("validation " + String.join(", ", rows.outputs()), ref, pred, FigureStyle.VALIDATION);
    }

    /** The top inputs by permutation importance (bars), per descriptor when {@code byDescriptor}. */
    public static CategoryChart importance(ForestResult r, int top, boolean byDescriptor) {
        List<ForestMetrics.Importance> list = byDescriptor ? r.importanceByDescriptor() : r.importance();
        List<String> names = new ArrayList<>();
        List<Double> perm = new ArrayList<>(), imp = new ArrayList<>();
        double permMax = list.stream().mapToDouble(ForestMetrics.Importance::permutationIncrease).max().orElse(1);
        double impMax = list.stream().mapToDouble(ForestMetrics.Importance::impurityShare).max().orElse(1);
        for (int i = 0; i < Math.min(top, list.size()); i++) {
            names.add(list.get(i).input());
            perm.add(permMax > 0 ? Math.max(0, list.get(i).permutationIncrease()) / permMax : 0);
            imp.add(impMax > 0 ? list.get(i).impurityShare() / impMax : 0);
        }
        CategoryChart c = new CategoryChartBuilder().width(900).height(440)
                .title("Variable importance: " + r.setup().label() + " (scaled to the largest)")
                .xAxisTitle("input (descriptor statistic)").yAxisTitle("importance / max (dimensionless)").build();
        c.addSeries("permutation (validation)", names, perm).setFillColor(FigureStyle.VALIDATION);
        c.addSeries("impurity decrease (training)", names, imp).setFillColor(FigureStyle.TRAINING);
        FigureStyle.apply(c);
        c.getStyler().setXAxisLabelRotation(60).setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    /** Validation and training energy RMSE (meV/atom) of several runs side by side. */
    public static CategoryChart comparison(List<ForestResult> results) {
        return comparison(results, null);
    }

    /** As {@link #comparison(List)} with the HDNNP trained on the same split as the last bar (null = none). */
    public static CategoryChart comparison(List<ForestResult> results, io.github.hdnnpkit.model.TrainingResult hdnnp) {
        List<String> names = new ArrayList<>();
        List<Double> train = new ArrayList<>(), val = new ArrayList<>();
        for (ForestResult r : results) {
            if (r.validationEnergy() == null) continue;
            names.add(r.setup().label());
            train.add(r.trainEnergy().rmseMeVPerAtom());
            val.add(r.validationEnergy().rmseMeVPerAtom());
        }
        if (hdnnp != null) {
            names.add("HDNNP " + hdnnp.provenance().layout());
            train.add(hdnnp.train().rmseMeVPerAtom());
            val.add(hdnnp.validation().rmseMeVPerAtom());
        }
        CategoryChart c = new CategoryChartBuilder().width(900).height(440)
                .title("Energy RMSE per set-up (same configuration split)").xAxisTitle("set-up")
                .yAxisTitle("RMSE E/N (meV/atom)").build();
        c.addSeries("training", names, train).setFillColor(FigureStyle.TRAINING);
        c.addSeries("validation", names, val).setFillColor(FigureStyle.VALIDATION);
        FigureStyle.apply(c);
        c.getStyler().setXAxisLabelRotation(20).setLegendPosition(Styler.LegendPosition.InsideNW);
        return c;
    }

    private static ForestPredictions.Energies energies(ForestResult r, boolean validation) {
        ForestPredictions.Energies p = validation ? r.validationPredictions() : r.trainPredictions();
        if (p == null) throw new IllegalArgumentException(r.setup().label() + " predicts forces, not energies");
        return p;
    }

    private static double min(double[]... arrays) {
        double m = Double.MAX_VALUE;
        for (double[] a : arrays) for (double v : a) m = Math.min(m, v);
        return m;
    }

    private static double max(double[]... arrays) {
        double m = -Double.MAX_VALUE;
        for (double[] a : arrays) for (double v : a) m = Math.max(m, v);
        return m;
    }
}
