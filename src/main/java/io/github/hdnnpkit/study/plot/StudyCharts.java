package io.github.hdnnpkit.study.plot;

import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.stats.Holm;
import io.github.hdnnpkit.stats.plot.BoxCharts;
import io.github.hdnnpkit.study.Metric;
import io.github.hdnnpkit.study.StudyResult;
import io.github.hdnnpkit.study.StudyResults;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Figures of studies: a metric against the groups with every seed shown, box plots, mean loss curves, p-values. */
public final class StudyCharts {
    private StudyCharts() {
    }

    /**
     * A metric against a numeric group key (e.g. {@code k}, the number of features): every seed as a small point and
     * the mean with ± 1 sd error bars, so the seed-to-seed noise is visible beside the trend (figure 4.4).
     */
    public static XYChart metricVsNumber(StudyResults results, Metric metric, String groupBy, String xTitle, String title, boolean logY) {
        XYChart c = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle(xTitle).yAxisTitle(metric.label()).build();
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>(), mx = new ArrayList<>(), my = new ArrayList<>(), sd = new ArrayList<>();
        results.values(metric, groupBy).forEach((k, v) -> {
            double x = Double.parseDouble(k);
            double m = 0, s = 0;
            for (double y : v) { xs.add(x); ys.add(y); m += y; }
            m /= v.length;
            for (double y : v) s += (y - m) * (y - m);
            mx.add(x);
            my.add(m);
            sd.add(v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0);
        });
        XYSeries seeds = c.addSeries("each seed", xs, ys);
        seeds.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE)
                .setMarkerColor(FigureStyle.translucent(FigureStyle.SKY_BLUE, 0.7));
        XYSeries mean = logY ? c.addSeries("mean over seeds", mx, my) : c.addSeries("mean ± sd over seeds", mx, my, sd);
        mean.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(FigureStyle.BLUE).setLineColor(FigureStyle.BLUE);
        c.getStyler().setYAxisLogarithmic(logY);
        return FigureStyle.apply(c);
    }

    /** The same with the thesis's published values of the same quantity as a second series (its data differ). */
    public static XYChart metricVsNumberWithThesis(StudyResults results, Metric metric, String groupBy, String xTitle, String title,
                                                   double[] thesisX, double[] thesisY, String thesisLabel) {
        XYChart c = metricVsNumber(results, metric, groupBy, xTitle, title, true);
        XYSeries t = c.addSeries(thesisLabel, thesisX, thesisY);
        t.setMarker(SeriesMarkers.SQUARE).setMarkerColor(FigureStyle.VERMILLION).setLineColor(FigureStyle.VERMILLION);
        return FigureStyle.apply(c);
    }

    /** Box plots of a metric per group over seeds. */
    public static BoxChart box(StudyResults results, Metric metric, String groupBy, String title) {
        return FigureStyle.apply(BoxCharts.of(title, metric.label(), results.values(metric, groupBy)));
    }

    /** Box plots of the validation loss of the last {@code n} epochs of every run, per group (figure 3.4). */
    public static BoxChart lastEpochs(StudyResults results, String groupBy, int n, String title) {
        Map<String, double[]> g = new java.util.LinkedHashMap<>();
        results.groups(groupBy).forEach((k, es) -> {
            List<Double> all = new ArrayList<>();
            for (StudyResults.Entry e : es) for (double v : e.result().lastValidationLosses(n)) all.add(v);
            g.put(k, all.stream().mapToDouble(Double::doubleValue).toArray());
        });
        return FigureStyle.apply(BoxCharts.of(title, "validation loss of the last " + n + " epochs (eV²)", g));
    }

    /** The validation loss per epoch, mean over seeds, one line per group, log scale (figures 3.3, 4.3). */
    public static XYChart meanValidationCurves(StudyResults results, String groupBy, String title) {
        XYChart c = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle("epoch").yAxisTitle("validation loss (eV²)").build();
        Color[] colours = FigureStyle.palette();
        int[] i = {0};
        results.groups(groupBy).forEach((k, es) -> {
            int len = es.stream().mapToInt(e -> e.result().validationLossHistory().length).min().orElse(0);
            if (len == 0) return;
            double[] x = new double[len], y = new double[len];
            for (int ep = 0; ep < len; ep++) {
                x[ep] = ep + 1;
                double s = 0;
                for (StudyResults.Entry e : es) s += e.result().validationLossHistory()[ep];
                y[ep] = s / es.size();
            }
            XYSeries sr = c.addSeries(k, x, y);
            sr.setMarker(SeriesMarkers.NONE).setLineColor(colours[i[0]++ % colours.length]);
        });
        c.getStyler().setYAxisLogarithmic(true);
        return FigureStyle.apply(c);
    }

    /** Raw and Holm-adjusted p-values of a family against its reference, with the α line (figure 4.6). */
    public static CategoryChart pValues(Holm holm, String title) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(480).title(title).xAxisTitle("model compared with the reference")
                .yAxisTitle("p-value").build();
        List<String> names = holm.comparisons().stream().map(Holm.Comparison::name).toList();
        c.addSeries("p (Welch)", names, holm.comparisons().stream().map(Holm.Comparison::p).toList()).setFillColor(FigureStyle.SKY_BLUE);
        c.addSeries("p (Holm-adjusted)", names, holm.comparisons().stream().map(Holm.Comparison::holm).toList()).setFillColor(FigureStyle.BLUE);
        c.addSeries("α = " + holm.alpha(), names, names.stream().map(n -> holm.alpha()).toList()).setFillColor(FigureStyle.VERMILLION);
        c.getStyler().setXAxisLabelRotation(45);
        return FigureStyle.apply(c);
    }

    /** First-layer weight norms of the same features in two runs (two seeds), one point per feature. */
    public static XYChart normsOfTwoRuns(StudyResult a, StudyResult b, String title) {
        XYChart c = new XYChartBuilder().width(620).height(560).title(title).xAxisTitle("weight norm, seed " + a.spec().seed())
                .yAxisTitle("weight norm, seed " + b.spec().seed()).build();
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        a.featureWeightNorms().forEach((k, v) -> {
            Double w = b.featureWeightNorms().get(k);
            if (w != null) { x.add(v); y.add(w); }
        });
        c.addSeries("features", x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
        return FigureStyle.apply(c);
    }
}
