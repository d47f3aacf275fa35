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

    /**
     * One row per curve: epochs, training time, the best test RMSE (and its MSE per configuration and /256) and when
     * the curve first reached {@code target} meV/atom (epoch and seconds; empty if never) — "how long to get as far as
     * the target", e.g. the best Adam run's error.
     */
    public static tech.tablesaw.api.Table table(List<LearningCurve> curves, double target) {
        var label = tech.tablesaw.api.StringColumn.create("training");
        var epochs = tech.tablesaw.api.IntColumn.create("epochs");
        var secs = tech.tablesaw.api.DoubleColumn.create("training s");
        var best = tech.tablesaw.api.DoubleColumn.create("best test RMSE (meV/atom)");
        var mse = tech.tablesaw.api.DoubleColumn.create("its test_loss (eV²)");
        var mseAtom = tech.tablesaw.api.DoubleColumn.create("test_loss/256");
        String t = String.format(java.util.Locale.ROOT, "%.3g", target);
        var atEpoch = tech.tablesaw.api.IntColumn.create("first epoch ≤ " + t);
        var atSec = tech.tablesaw.api.DoubleColumn.create("seconds to ≤ " + t);
        for (LearningCurve c : curves) {
            if (c.size() == 0) throw new IllegalArgumentException("learning curve " + c.label() + " has no epochs");
            double[] r = c.testRmse(), m = c.testMse(), s = c.seconds();
            int b = 0;
            for (int i = 1; i < r.length; i++) if (r[i] < r[b]) b = i;
            label.append(c.label());
            epochs.append(c.size());
            secs.append(Math.round(s[s.length - 1] * 100) / 100.0);
            best.append(Math.round(r[b] * 1e4) / 1e4);
            mse.append(io.github.hdnnpkit.util.Rounding.thesis(m[b]));
            mseAtom.append(io.github.hdnnpkit.util.Rounding.thesis(m[b] / 256));
            int e = c.firstEpochAtOrBelow(target);
            if (e < 0) { atEpoch.appendMissing(); atSec.appendMissing(); }
            else { atEpoch.append(e); atSec.append(Math.round(c.secondsToReach(target) * 100) / 100.0); }
        }
        return tech.tablesaw.api.Table.create("learning curves", label, epochs, secs, best, mse, mseAtom, atEpoch, atSec);
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
