package io.github.hdnnpkit.baseline;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.notebook.ParityPlot;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures of forest results in the kit's {@link FigureStyle}: the thesis's test–predict plots (with residual panels,
 * {@link ParityPlot}) on the held-out test configurations, the force model, importance, the comparison.
 */
public final class ForestCharts {
    private ForestCharts() {
    }

    /** Test points: the third Okabe–Ito colour, beside {@link FigureStyle#TRAINING} and {@link FigureStyle#VALIDATION}. */
    static final Color TEST = FigureStyle.TEST;

    /**
     * Predicted against reference E/N per configuration (training, validation and test), with the identity line and
     * the residual panel below: the figure 2.8 / C.1 view, titled with the test RMSE. A collapsed model draws a
     * horizontal band on top and a sloped line of residuals below.
     */
    public static ParityPlot testPredict(ForestResult r) {
        ForestPredictions.Energies t = energies(r, ForestResult.Part.TRAIN), v = energies(r, ForestResult.Part.VALIDATION),
                s = energies(r, ForestResult.Part.TEST);
        ParityPlot p = new ParityPlot(String.format(Locale.ROOT, "%s: test RMSE %.2f meV/atom",
                r.setup().label(), r.test().energy().rmseMeVPerAtom()), "E/N", "eV/atom", "meV/atom", 1000);
        if (t.size() > 0) p.add("training", t.reference(), t.predicted(), FigureStyle.TRAINING);
        p.add("validation", v.reference(), v.predicted(), FigureStyle.VALIDATION);
        return p.add("test", s.reference(), s.predicted(), TEST);
    }

    /**
     * The thesis's own view: one point per test atom row (predicted row target against its reference), and with
     * {@code crop} the axes cut to the range of the predictions, "a closer look after cropping" (figure C.1). Thousands
     * of rows are drawn as a 2-D histogram.
     */
    public static ParityPlot rows(ForestResult r, boolean crop) {
        ForestPredictions.Rows rows = r.test().rows();
        String out = rows.outputs().get(0);
        double[] ref = rows.reference(0), pred = rows.predicted(0);
        ParityPlot p = new ParityPlot((crop ? "Per-row test-predict, cropped: " : "Per-row test-predict: ") + r.setup().label(),
                out, "eV", "meV", 1000).add("test rows", ref, pred, TEST);
        if (crop) {
            double lo = min(pred), hi = max(pred), pad = 0.05 * (hi - lo + 1e-12);
            p.crop(lo - pad, hi + pad);
        }
        return p;
    }

    /** The force model: predicted against reference components F_x, F_y, F_z on test atoms (figure C.2). */
    public static ParityPlot forces(ForestResult r) {
        if (!r.mode().forces()) throw new IllegalArgumentException(r.setup().label() + " is not a force model");
        ForestPredictions.Rows rows = r.test().rows();
        int k = rows.outputs().size(), n = rows.reference(0).length;
        // the components pooled: one residual RMSE, one density; they are alike by symmetry
        double[] ref = new double[k * n], pred = new double[k * n];
        for (int j = 0; j < k; j++) {
            System.arraycopy(rows.reference(j), 0, ref, j * n, n);
            System.arraycopy(rows.predicted(j), 0, pred, j * n, n);
        }
        return new ParityPlot("Test-predict forces: " + r.setup().label(), "F component", "eV/Å", "meV/Å", 1000)
                .add("test " + String.join(", ", rows.outputs()), ref, pred, TEST);
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

    /** Training, validation and test energy RMSE (meV/atom) of several runs side by side. */
    public static CategoryChart comparison(List<ForestResult> results) {
        return comparison(results, null);
    }

    /**
     * As {@link #comparison(List)} with the HDNNP trained on the same split as the last bar (null = none), its test bar
     * on the same test configurations as the forests' ({@link ForestVersusHdnnp}); a forest restricted to a subset of
     * them (one series) gets an HDNNP bar of its own on that subset.
     *
     * @throws IllegalArgumentException when a forest's test configurations are not among the HDNNP's
     */
    public static CategoryChart comparison(List<ForestResult> results, io.github.hdnnpkit.model.TrainingResult hdnnp) {
        List<String> names = new ArrayList<>();
        List<Double> train = new ArrayList<>(), val = new ArrayList<>(), test = new ArrayList<>();
        java.util.Map<String, Double> subsets = new java.util.LinkedHashMap<>();
        for (ForestResult r : results) {
            if (!r.predictsEnergy()) continue;
            names.add(r.setup().label());
            train.add(r.train().energy().rmseMeVPerAtom());
            val.add(r.validation().energy().rmseMeVPerAtom());
            test.add(r.test().energy().rmseMeVPerAtom());
            if (hdnnp != null) {
                double h = ForestVersusHdnnp.hdnnpTest(hdnnp, r).rmseMeVPerAtom();
                if (!ForestVersusHdnnp.sameTestPart(hdnnp, r))
                    subsets.putIfAbsent("HDNNP " + hdnnp.provenance().layout() + " [" + r.test().size() + " test of "
                            + (r.setup().onlySeries() == null ? r.setup().label() : r.setup().onlySeries()) + "]", h);
            }
        }
        if (hdnnp != null) {
            names.add("HDNNP " + hdnnp.provenance().layout());
            train.add(hdnnp.train().rmseMeVPerAtom());
            val.add(hdnnp.validation().rmseMeVPerAtom());
            test.add(hdnnp.test().rmseMeVPerAtom());
            for (var s : subsets.entrySet()) {
                names.add(s.getKey());
                train.add(hdnnp.train().rmseMeVPerAtom());
                val.add(hdnnp.validation().rmseMeVPerAtom());
                test.add(s.getValue());
            }
        }
        CategoryChart c = new CategoryChartBuilder().width(900).height(440)
                .title("Energy RMSE per set-up (same configuration split; judged on test)").xAxisTitle("set-up")
                .yAxisTitle("RMSE E/N (meV/atom)").build();
        c.addSeries("training", names, train).setFillColor(FigureStyle.TRAINING);
        c.addSeries("validation", names, val).setFillColor(FigureStyle.VALIDATION);
        c.addSeries("test", names, test).setFillColor(TEST);
        FigureStyle.apply(c);
        c.getStyler().setXAxisLabelRotation(20).setLegendPosition(Styler.LegendPosition.InsideNW);
        return c;
    }

    private static ForestPredictions.Energies energies(ForestResult r, ForestResult.Part part) {
        ForestPredictions.Energies p = r.part(part).predictions();
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
