package io.github.hdnnpkit.thesis;

import io.github.hdnnpkit.notebook.FigureStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/** Figures of the thesis's published tables ({@link PublishedResults}). */
public final class ThesisFigures {
    private ThesisFigures() {
    }

    /** Validation and training loss per atom against the number of variables (table 4.1), log-scaled loss. */
    public static XYChart lossPerVariables(Table table41) {
        XYChart chart = new XYChartBuilder().width(720).height(420)
                .title("Least loss per atom vs number of variables (thesis table 4.1)")
                .xAxisTitle("number of variables (count)").yAxisTitle("least loss per atom (eV²)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double[] x = table41.intColumn("variables").asDoubleArray();
        chart.addSeries("validation", x, table41.doubleColumn("val_loss_atom").asDoubleArray()).setMarker(SeriesMarkers.CIRCLE)
                .setMarkerColor(FigureStyle.VALIDATION);
        chart.addSeries("training", x, table41.doubleColumn("train_loss_atom").asDoubleArray()).setMarker(SeriesMarkers.DIAMOND)
                .setMarkerColor(FigureStyle.TRAINING);
        return FigureStyle.apply(chart);
    }
}
