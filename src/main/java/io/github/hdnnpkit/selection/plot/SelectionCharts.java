package io.github.hdnnpkit.selection.plot;

import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.plot.DescriptorCharts;
import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.selection.PenaltyPath;
import io.github.hdnnpkit.selection.Selection;
import io.github.hdnnpkit.study.Metric;
import io.github.hdnnpkit.study.StudyResults;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of notebook 11: regularisation paths, the head-to-head, and what a method picks. */
public final class SelectionCharts {
    private SelectionCharts() {
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(820).height(480).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return c;
    }

    /** Number of features in the model against λ (log scale), one line per path; the dense fit (λ = 0) is left out. */
    public static XYChart featuresVsLambda(String title, PenaltyPath... paths) {
        XYChart c = chart(title, "λ (engine units, log scale)", "features in the model");
        for (PenaltyPath p : paths) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (PenaltyPath.Point pt : p.points())
                if (pt.lambda() > 0) {
                    x.add(pt.lambda());
                    y.add((double) pt.count());
                }
            if (!x.isEmpty()) c.addSeries(p.method(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        c.getStyler().setXAxisLogarithmic(true);   // before the style, which pads the axes by their scale
        FigureStyle.apply(c);
        return c;
    }

    /** Validation loss of the penalised model against its number of features, one line per path. */
    public static XYChart lossVsFeatures(String title, PenaltyPath... paths) {
        XYChart c = chart(title, "features in the model", "validation loss (eV² per configuration, log scale)");
        for (PenaltyPath p : paths) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (PenaltyPath.Point pt : p.points())
                if (pt.count() > 0 && pt.validationLoss() > 0) {
                    x.add((double) pt.count());
                    y.add(pt.validationLoss());
                }
            if (!x.isEmpty()) c.addSeries(p.method(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        c.getStyler().setYAxisLogarithmic(true);   // before the style, which pads the axes by their scale
        FigureStyle.apply(c);
        return c;
    }

    /**
     * Mean test RMSE over seeds against k for each method (tag {@code method}), with the reference set's mean as a
     * horizontal line and its ± sd as dashed lines.
     */
    public static XYChart comparison(StudyResults results, String referenceLabel, String title) {
        XYChart c = chart(title, "number of features k (log scale)", Metric.TEST_RMSE.label());
        Map<String, TreeMap<Integer, double[]>> byMethod = new java.util.LinkedHashMap<>();
        double[] ref = null;
        for (var g : results.groups("subset").entrySet()) {
            var es = g.getValue();
            double[] v = es.stream().mapToDouble(e -> Metric.TEST_RMSE.of(e.result())).toArray();
            if (g.getKey().equals(referenceLabel)) {
                ref = v;
                continue;
            }
            String m = es.get(0).spec().tags().getOrDefault("method", g.getKey());
            byMethod.computeIfAbsent(m, x -> new TreeMap<>()).put(es.get(0).spec().features().size(), v);
        }
        int kMin = Integer.MAX_VALUE, kMax = 1;
        for (var e : byMethod.entrySet()) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (var kv : e.getValue().entrySet()) {
                x.add((double) kv.getKey());
                y.add(mean(kv.getValue()));
                kMin = Math.min(kMin, kv.getKey());
                kMax = Math.max(kMax, kv.getKey());
            }
            c.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        if (ref != null && kMin <= kMax) {
            double m = mean(ref), sd = sd(ref);
            double[] xs = {kMin, kMax};
            XYSeries s = c.addSeries(referenceLabel + " (mean)", xs, new double[]{m, m});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(java.awt.Color.GRAY);
            s.setLineWidth(3f);
            for (int sign = -1; sign <= 1; sign += 2) {
                XYSeries b = c.addSeries(referenceLabel + (sign < 0 ? " − sd" : " + sd"), xs, new double[]{m + sign * sd, m + sign * sd});
                b.setMarker(SeriesMarkers.NONE);
                b.setLineColor(java.awt.Color.LIGHT_GRAY);
                b.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
                b.setShowInLegend(sign > 0);
            }
        }
        c.getStyler().setXAxisLogarithmic(true);   // before the style, which pads the axes by their scale
        FigureStyle.apply(c);
        return c;
    }

    /**
     * The radial functions among a selection's top k, drawn as the thesis's physical representation (figure 3.2
     * style); null when the top k holds no radial function.
     */
    public static XYChart picks(Selection s, int k, SymmetryFunctionSet set) {
        List<Integer> cols = new ArrayList<>();
        for (String id : s.top(k)) {
            int i = set.indexOf(id);
            if (i < 0) throw new IllegalArgumentException("set " + set.name() + " has no function " + id);
            cols.add(i);
        }
        SymmetryFunctionSet sub = set.select(s.method() + " top " + k, cols.stream().mapToInt(Integer::intValue).toArray());
        if (sub.radialColumns().length == 0) return null;
        return DescriptorCharts.radialFunctions(sub.radialOnly(), "Radial functions among " + s.method() + "'s top " + k
                + " (" + sub.radialColumns().length + " radial, " + sub.angularColumns().length + " angular)");
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double sd(double[] x) {
        if (x.length < 2) return 0;
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }
}
