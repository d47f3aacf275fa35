package io.github.hdnnpkit.baseline;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** XChart figures of forest results: the thesis's test–predict plots, the force model, importance, the comparison. */
public final class ForestCharts {
    private ForestCharts() {
    }

    /**
     * Predicted against reference E/N per configuration (training and validation), with the identity line: the
     * figure 2.8 / C.1 view. A collapsed model draws a horizontal band.
     */
    public static XYChart testPredict(ForestResult r) {
        ForestPredictions.Energies v = energies(r, true), t = r.trainPredictions();
        XYChart c = scatter("Test-predict E/N: " + r.setup().label(), "reference E/N (eV/atom)", "predicted E/N (eV/atom)");
        if (t != null && t.size() > 0) c.addSeries("training", t.reference(), t.predicted()).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(150, 150, 150, 120));
        c.addSeries("validation", v.reference(), v.predicted()).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(31, 119, 180, 180));
        identity(c, min(v.reference(), v.predicted()), max(v.reference(), v.predicted()));
        return c;
    }

    /**
     * The thesis's own view: one point per validation atom row (predicted row target against its reference), and with
     * {@code crop} the axes cut to the range of the predictions, "a closer look after cropping" (figure C.1).
     */
    public static XYChart rows(ForestResult r, boolean crop) {
        ForestPredictions.Rows rows = r.validationRows();
        String out = rows.outputs().get(0);
        XYChart c = scatter((crop ? "Per-row test-predict, cropped: " : "Per-row test-predict: ") + r.setup().label(),
                "reference " + out + " (eV)", "predicted " + out + " (eV)");
        double[] ref = rows.reference(0), pred = rows.predicted(0);
        c.addSeries("validation rows", ref, pred).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(31, 119, 180, 90));
        double lo = crop ? min(pred) : min(ref, pred), hi = crop ? max(pred) : max(ref, pred);
        double pad = 0.05 * (hi - lo + 1e-12);
        identity(c, lo - pad, hi + pad);
        if (crop) {
            c.getStyler().setXAxisMin(lo - pad).setXAxisMax(hi + pad).setYAxisMin(lo - pad).setYAxisMax(hi + pad);
        }
        return c;
    }

    /** The force model: predicted against reference components on validation atoms (figure C.2). */
    public static XYChart forces(ForestResult r) {
        ForestPredictions.Rows rows = r.validationRows();
        if (!r.mode().forces()) throw new IllegalArgumentException(r.setup().label() + " is not a force model");
        XYChart c = scatter("Test-predict forces: " + r.setup().label(), "reference F (eV/Å)", "predicted F (eV/Å)");
        Color[] colors = {new Color(214, 39, 40, 80), new Color(44, 160, 44, 80), new Color(31, 119, 180, 80)};
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int k = 0; k < rows.outputs().size(); k++) {
            double[] ref = rows.reference(k), pred = rows.predicted(k);
            c.addSeries(rows.outputs().get(k), ref, pred).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(colors[k % 3]);
            lo = Math.min(lo, min(ref, pred));
            hi = Math.max(hi, max(ref, pred));
        }
        identity(c, lo, hi);
        return c;
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
                .xAxisTitle("input").yAxisTitle("importance / max").build();
        c.getStyler().setXAxisLabelRotation(60).setLegendPosition(Styler.LegendPosition.InsideNE);
        c.addSeries("permutation (validation)", names, perm);
        c.addSeries("impurity decrease (training)", names, imp);
        return c;
    }

    /** Validation and training energy RMSE (meV/atom, log scale) of several runs side by side. */
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
        c.getStyler().setXAxisLabelRotation(20).setLegendPosition(Styler.LegendPosition.InsideNW);
        c.addSeries("training", names, train);
        c.addSeries("validation", names, val);
        return c;
    }

    private static ForestPredictions.Energies energies(ForestResult r, boolean validation) {
        ForestPredictions.Energies p = validation ? r.validationPredictions() : r.trainPredictions();
        if (p == null) throw new IllegalArgumentException(r.setup().label() + " predicts forces, not energies");
        return p;
    }

    private static XYChart scatter(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(640).height(520).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerSize(5)
                .setLegendPosition(Styler.LegendPosition.InsideNW);
        return c;
    }

    private static void identity(XYChart c, double lo, double hi) {
        XYSeries s = c.addSeries("y = x", new double[]{lo, hi}, new double[]{lo, hi});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE).setLineColor(Color.BLACK);
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
