package io.github.hdnnpkit.data;

import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.structure.Configuration;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figures of a {@link Dataset} for notebooks and reports (section 2.2 / 3.3 of the thesis), in the kit's
 * {@link FigureStyle}: every series is coloured by its phase, as in every other notebook.
 */
public final class DatasetCharts {
    private DatasetCharts() {
    }

    /**
     * Energy per atom of every series as a box plot (bar: quartiles, dot: median, whiskers: the furthest points
     * within 1.5 interquartile ranges, beyond them single points), series in label order, each in its phase's
     * colour. Drawn on an {@link XYChart}: XChart's own box chart paints in fixed blue and red, whatever the style.
     */
    public static XYChart energyBoxPlot(Dataset d) {
        XYChart chart = new XYChartBuilder().width(1000).height(520).title("Energy per atom by temperature series")
                .xAxisTitle("temperature series (label)").yAxisTitle("E/N (eV/atom)").build();
        List<String> names = new ArrayList<>();
        java.util.Set<String> inLegend = new java.util.HashSet<>();
        for (Map.Entry<String, List<Configuration>> e : d.byLabel().entrySet()) {
            if (e.getValue().isEmpty()) continue;
            Label l = d.label(e.getKey());
            String group = l.pressureBar() != 0 ? "high pressure" : l.phase().toString();
            java.awt.Color c = l.pressureBar() != 0 ? FigureStyle.HIGH_PRESSURE : FigureStyle.phase(l.phase());
            double[] v = perAtom(e.getValue());
            java.util.Arrays.sort(v);
            double x = names.size(), q1 = quantile(v, 0.25), med = quantile(v, 0.5), q3 = quantile(v, 0.75), iqr = q3 - q1;
            double lo = v[0], hi = v[v.length - 1];
            for (double y : v) if (y >= q1 - 1.5 * iqr) { lo = y; break; }
            for (int k = v.length - 1; k >= 0; k--) if (v[k] <= q3 + 1.5 * iqr) { hi = v[k]; break; }
            String n = e.getKey();
            names.add(n);
            boolean legend = inLegend.add(group);
            // every x is the series' index, so XChart puts one tick on each series (its ticks of equally spaced x
            // data sit on the data values); the box is a 16 px wide stroke from q1 to q3, the median a black dot
            line(chart, n + " whiskers", new double[]{x, x}, new double[]{lo, hi}, c, 1.5f);
            line(chart, legend ? group : n + " box", new double[]{x, x}, new double[]{q1, q3}, FigureStyle.translucent(c, 0.75), 16f)
                    .setShowInLegend(legend);
            chart.addSeries(n + " median", new double[]{x}, new double[]{med}).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                    .setMarker(SeriesMarkers.CIRCLE).setMarkerColor(FigureStyle.BLACK).setShowInLegend(false);
            List<Double> ox = new ArrayList<>(), oy = new ArrayList<>();
            for (double y : v) if (y < lo || y > hi) { ox.add(x); oy.add(y); }
            if (!ox.isEmpty())
                chart.addSeries(n + " outliers", ox, oy).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                        .setMarker(SeriesMarkers.CIRCLE).setMarkerColor(FigureStyle.translucent(c, 0.8)).setShowInLegend(false);
        }
        if (names.isEmpty()) throw new IllegalArgumentException(d + " has no configurations");
        FigureStyle.apply(chart);
        var s = chart.getStyler();
        // limits one series-step beyond the ends keep the x values equally spaced (see above)
        s.setXAxisMin(-1.0).setXAxisMax((double) names.size());
        s.setXAxisLabelRotation(60);
        s.setMarkerSize(6);
        int n = names.size();
        s.setxAxisTickLabelsFormattingFunction(v -> {
            long k = Math.round(v);
            return k >= 0 && k < n ? names.get((int) k) : k < 0 ? " " : "  ";
        });
        s.setPlotGridVerticalLinesVisible(false);
        s.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return chart;
    }

    private static XYSeries line(XYChart c, String name, double[] x, double[] y, java.awt.Color colour, float width) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE).setLineColor(colour)
                .setLineStyle(new java.awt.BasicStroke(width, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER));
        s.setShowInLegend(false);
        return s;
    }

    /** Linear interpolation between order statistics (type 7, the default of R and numpy). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int i = (int) Math.floor(h);
        return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    /**
     * Energy per atom against temperature, one colour per phase: the crystal line, the liquid line above it (the
     * latent heat) and the supercooled liquid continuing the liquid line below the melting point.
     */
    public static XYChart energyVsTemperature(Dataset d) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Energy per atom against temperature")
                .xAxisTitle("T (K)").yAxisTitle("E/N (eV/atom)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (Phase p : Phase.values()) {
            List<Double> t = new ArrayList<>(), e = new ArrayList<>();
            for (int i = 0; i < d.size(); i++) {
                Label l = d.labelOf(i);
                if (l.phase() != p || l.pressureBar() != 0) continue;
                t.add(l.temperature());
                e.add(d.get(i).energy() / d.get(i).size());
            }
            if (!t.isEmpty()) chart.addSeries(p.toString(), t, e).setMarker(SeriesMarkers.CIRCLE)
                    .setMarkerColor(FigureStyle.translucent(FigureStyle.phase(p), 0.7));
        }
        List<Double> t = new ArrayList<>(), e = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            Label l = d.labelOf(i);
            if (l.pressureBar() == 0) continue;
            t.add(l.temperature());
            e.add(d.get(i).energy() / d.get(i).size());
        }
        if (!t.isEmpty()) chart.addSeries("high pressure", t, e).setMarker(SeriesMarkers.DIAMOND)
                .setMarkerColor(FigureStyle.translucent(FigureStyle.HIGH_PRESSURE, 0.7));
        return FigureStyle.apply(chart);
    }

    /** Histogram of the energies per atom of one series, with the Gaussian of the same mean and deviation. */
    public static XYChart energyHistogram(Dataset d, String label, int bins) {
        List<Configuration> cs = d.byLabel().get(d.label(label).name());
        if (cs.isEmpty()) throw new IllegalArgumentException("series " + label + " has no configurations in " + d);
        double[] e = perAtom(cs);
        EnergyStatistics s = EnergyStatistics.of(d.label(label), cs);
        double lo = s.min(), hi = s.max(), w = (hi - lo) / bins;
        if (w == 0) w = 1e-6;
        double[] x = new double[bins], y = new double[bins];
        for (double v : e) y[Math.min(bins - 1, (int) ((v - lo) / w))]++;
        for (int b = 0; b < bins; b++) {
            x[b] = 1000 * (lo + (b + 0.5) * w - s.mean());
            y[b] /= e.length * w * 1000;   // density per meV
        }
        XYChart chart = new XYChartBuilder().width(700).height(400)
                .title(String.format(java.util.Locale.ROOT, "%s: E/N around its mean %.4f eV/atom (std %.2f meV/atom)", label, s.mean(), 1000 * s.std()))
                .xAxisTitle("E/N − mean (meV/atom)").yAxisTitle("density (1/(meV/atom))").build();
        Label l = d.label(label);
        java.awt.Color colour = l.pressureBar() != 0 ? FigureStyle.HIGH_PRESSURE : FigureStyle.phase(l.phase());
        XYSeries hist = chart.addSeries("snapshots", x, y);
        hist.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step).setMarker(SeriesMarkers.NONE).setLineColor(colour);
        int m = 200;
        double[] gx = new double[m], gy = new double[m];
        double sd = 1000 * s.std();
        for (int i = 0; i < m; i++) {
            gx[i] = 1000 * (lo - s.mean()) + i * 1000 * (hi - lo) / (m - 1);
            gy[i] = sd > 0 ? Math.exp(-0.5 * gx[i] * gx[i] / (sd * sd)) / (sd * Math.sqrt(2 * Math.PI)) : 0;
        }
        chart.addSeries("Gaussian, same mean and std", gx, gy).setMarker(SeriesMarkers.NONE).setLineColor(FigureStyle.BLACK);
        return FigureStyle.apply(chart);
    }

    private static double[] perAtom(List<Configuration> cs) {
        return cs.stream().mapToDouble(c -> c.energy() / c.size()).toArray();
    }
}
