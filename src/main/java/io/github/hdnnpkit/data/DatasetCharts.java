package io.github.hdnnpkit.data;

import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.structure.Configuration;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
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

    /** Energy per atom of every series as a box plot, series in label order, each box in its phase's colour. */
    public static BoxChart energyBoxPlot(Dataset d) {
        BoxChart chart = new BoxChartBuilder().width(1000).height(500)
                .title("Energy per atom by temperature series (blue solid, vermillion liquid, green supercooled, purple high pressure)")
                .xAxisTitle("series (temperature, K)").yAxisTitle("E/N (eV/atom)").build();
        for (Map.Entry<String, List<Configuration>> e : d.byLabel().entrySet()) {
            if (e.getValue().isEmpty()) continue;
            Label l = d.label(e.getKey());
            java.awt.Color c = l.pressureBar() != 0 ? FigureStyle.HIGH_PRESSURE : FigureStyle.phase(l.phase());
            chart.addSeries(e.getKey(), perAtom(e.getValue())).setLineColor(c).setFillColor(FigureStyle.translucent(c, 0.55));
        }
        FigureStyle.apply(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setChartTitleFont(FigureStyle.font(java.awt.Font.BOLD, 13f));
        return chart;
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
