package io.github.hdnnpkit.model.plot;

import io.github.hdnnpkit.model.LearningCurve;
import io.github.hdnnpkit.notebook.FigureStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;

/**
 * Test RMSE per epoch of several trainings on one chart, against the epoch or against the cumulative training time,
 * on a logarithmic error axis (optimisers differ by orders of magnitude): notebook 13's comparison of Adam, the
 * Kalman filter and Levenberg–Marquardt.
 */
public final class LearningCurveCharts {
    private LearningCurveCharts() {
    }

    /** Test RMSE (meV/atom) against the epoch, one line per curve. */
    public static XYChart againstEpoch(List<LearningCurve> curves, String title) {
        return chart(curves, title, "epoch", false);
    }

    /** Test RMSE (meV/atom) against the training's cumulative wall time (s), one line per curve. */
    public static XYChart againstTime(List<LearningCurve> curves, String title) {
        return chart(curves, title, "training wall time (s)", true);
    }

    private static XYChart chart(List<LearningCurve> curves, String title, String xTitle, boolean time) {
        if (curves.isEmpty()) throw new IllegalArgumentException("no learning curves to draw");
        XYChart c = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle(xTitle).yAxisTitle("test RMSE (meV/atom)").build();
        c.getStyler().setYAxisLogarithmic(true);
        for (LearningCurve lc : curves) {
            if (lc.size() == 0) throw new IllegalArgumentException("learning curve " + lc.label() + " has no epochs");
            double[] x = time ? lc.seconds() : java.util.Arrays.stream(lc.epochs()).asDoubleStream().toArray();
            c.addSeries(lc.label(), x, lc.testRmse()).setMarker(lc.size() <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return FigureStyle.apply(c);
    }
}
