package io.github.hdnnpkit.study.plot;

import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.study.Metric;
import io.github.hdnnpkit.study.StudyResults;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figures of notebooks 04, 05 and 12: loss curves of every run (figures 3.3 and B.1), a metric against a numeric key
 * with one line per group (figure 3.5: test RMSE against the train fraction, one line per structure), and the
 * parameters of the 329's radial functions with the two 22-sets on them (section 3.3, figure 3.9).
 */
public final class ChapterThreeCharts {
    private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f);

    private ChapterThreeCharts() {
    }

    /**
     * The validation loss (solid) and, with {@code withTraining}, the training loss (dashed) per epoch of every run
     * of the given groups (all when none are given), one colour per group, log scale: the seed-to-seed spread and the
     * runs that stopped early stay visible, which a mean curve cut to the shortest run hides.
     */
    public static XYChart lossCurves(StudyResults results, String groupBy, String title, boolean withTraining, String... groups) {
        XYChart c = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle("epoch (count)").yAxisTitle("loss (eV² per configuration)").build();
        Color[] colours = FigureStyle.palette();
        List<String> wanted = List.of(groups);
        int i = 0;
        for (var e : results.groups(groupBy).entrySet()) {
            if (!wanted.isEmpty() && !wanted.contains(e.getKey())) continue;
            Color col = colours[i++ % colours.length];
            int run = 0;
            for (StudyResults.Entry en : e.getValue()) {
                double[] v = en.result().validationLossHistory(), t = en.result().trainLossHistory();
                if (v.length == 0) continue;
                XYSeries sv = c.addSeries(e.getKey() + " validation" + (run == 0 ? "" : " #" + run), epochs(v.length), v);
                sv.setMarker(SeriesMarkers.NONE).setLineColor(col).setLineWidth(1.4f).setShowInLegend(run == 0);
                if (withTraining) {
                    XYSeries st = c.addSeries(e.getKey() + " training" + (run == 0 ? "" : " #" + run), epochs(t.length), t);
                    st.setMarker(SeriesMarkers.NONE).setLineColor(FigureStyle.translucent(col, 0.75)).setLineStyle(DASHED).setShowInLegend(run == 0);
                }
                run++;
            }
        }
        if (c.getSeriesMap().isEmpty()) throw new IllegalArgumentException("no runs of " + wanted + " among " + results.groups(groupBy).keySet());
        c.getStyler().setYAxisLogarithmic(true);
        return FigureStyle.apply(c);
    }

    private static double[] epochs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i + 1;
        return x;
    }

    /**
     * A metric against a numeric key (e.g. {@code train_fraction}), one line per value of {@code lineKey} (e.g. the
     * structure) through the means over seeds with ± 1 sd bars, every seed as a small point of the line's colour.
     */
    public static XYChart metricByLine(StudyResults results, Metric metric, String xKey, String lineKey, String xTitle, String lineTitle, String title) {
        XYChart c = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle(xTitle).yAxisTitle(metric.label()).build();
        Color[] colours = FigureStyle.palette();
        int i = 0;
        for (var line : results.groups(lineKey).entrySet()) {
            Color col = colours[i++ % colours.length];
            Map<String, List<Double>> byX = new java.util.TreeMap<>((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
            for (StudyResults.Entry e : line.getValue()) byX.computeIfAbsent(e.key(xKey), k -> new ArrayList<>()).add(metric.of(e.result()));
            List<Double> px = new ArrayList<>(), py = new ArrayList<>(), mx = new ArrayList<>(), my = new ArrayList<>(), sd = new ArrayList<>();
            byX.forEach((k, v) -> {
                double x = Double.parseDouble(k), m = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), s = 0;
                for (double y : v) { px.add(x); py.add(y); s += (y - m) * (y - m); }
                mx.add(x);
                my.add(m);
                sd.add(v.size() > 1 ? Math.sqrt(s / (v.size() - 1)) : 0);
            });
            XYSeries mean = c.addSeries(lineTitle + " " + line.getKey() + ", mean ± sd", mx, my, sd);
            mean.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(col).setLineColor(col);
            XYSeries seeds = c.addSeries(lineTitle + " " + line.getKey() + ", each seed", px, py);
            seeds.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE)
                    .setMarkerColor(FigureStyle.translucent(col, 0.45)).setShowInLegend(false);
        }
        return FigureStyle.apply(c);
    }

    /**
     * The (r_s, η) of every radial G2 of {@code all} (the 329), coloured by its group (r_s = 0 or shifted), with the
     * G2 of each set in {@code marked} drawn on top: where the 12 G2 of the original 22 and of the extracted 22 sit
     * among the 269 (section 3.3).
     */
    public static XYChart g2Parameters(SymmetryFunctionSet all, String title, SymmetryFunctionSet... marked) {
        XYChart c = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle("r_s (Å)").yAxisTitle("η (Å⁻²)").build();
        List<Double> x0 = new ArrayList<>(), y0 = new ArrayList<>(), x1 = new ArrayList<>(), y1 = new ArrayList<>();
        for (SymmetryFunction f : all.functions())
            if (f instanceof RadialG2 g) {
                (g.rs() == 0 ? x0 : x1).add(g.rs());
                (g.rs() == 0 ? y0 : y1).add(g.eta());
            }
        if (x0.isEmpty() && x1.isEmpty()) throw new IllegalArgumentException("set " + all.name() + " has no G2");
        if (!x0.isEmpty()) c.addSeries(all.name() + ": G2 with r_s = 0 (" + x0.size() + ")", x0, y0).setMarker(SeriesMarkers.CIRCLE)
                .setMarkerColor(FigureStyle.translucent(FigureStyle.SKY_BLUE, 0.6));
        if (!x1.isEmpty()) c.addSeries(all.name() + ": shifted G2 (" + x1.size() + ")", x1, y1).setMarker(SeriesMarkers.CIRCLE)
                .setMarkerColor(FigureStyle.translucent(FigureStyle.BLUISH_GREEN, 0.6));
        Color[] marks = {FigureStyle.VERMILLION, FigureStyle.BLACK, FigureStyle.REDDISH_PURPLE};
        var shapes = List.of(SeriesMarkers.SQUARE, SeriesMarkers.CROSS, SeriesMarkers.DIAMOND);
        for (int k = 0; k < marked.length; k++) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (SymmetryFunction f : marked[k].functions())
                if (f instanceof RadialG2 g) { x.add(g.rs()); y.add(g.eta()); }
            if (x.isEmpty()) continue;
            c.addSeries(marked[k].name() + " (" + x.size() + " G2)", x, y).setMarker(shapes.get(k % shapes.size())).setMarkerColor(marks[k % marks.length]);
        }
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (XYSeries s : c.getSeriesMap().values()) s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return FigureStyle.apply(c);
    }
}
