package io.github.hdnnpkit.model.plot;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.EpochRecord;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.TrainingResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;
import java.util.Locale;

/** The figures of sections 2.3–2.5 (figures 2.4, 2.5, 2.7, 2.8) and the weight inspection of chapter 4. */
public final class HdnnpCharts {
    private HdnnpCharts() {
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(720).height(420).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setMarkerSize(4);
        return c;
    }

    /** Figure 2.5: the activation functions on [-4, 4] (LeakyReLU with α = 0.3). */
    public static XYChart activations() {
        XYChart c = chart("Activation functions (figure 2.5)", "x", "f(x)");
        int n = 161;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = -4 + 8.0 * i / (n - 1);
        for (Activation a : new Activation[]{Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU, Activation.SOFTPLUS}) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = a.apply(x[i]);
            c.addSeries(a.label(), x, y).setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    /**
     * Per-feature minimum, mean and maximum of the descriptors over all atoms: before preconditioning the features
     * live on very different scales, after {@code scale} each spans [-1, 1] on the training split.
     */
    public static XYChart featureRanges(DescriptorMatrix m, String title) {
        int k = m.features();
        double[] x = new double[k], min = new double[k], max = new double[k], mean = new double[k];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        float[] v = m.rawValues();
        for (int r = 0; r < m.rows(); r++)
            for (int j = 0; j < k; j++) {
                double g = v[r * k + j];
                min[j] = Math.min(min[j], g);
                max[j] = Math.max(max[j], g);
                mean[j] += g;
            }
        for (int j = 0; j < k; j++) {
            x[j] = j + 1;
            mean[j] /= m.rows();
        }
        XYChart c = chart(title, "feature (input order)", "value");
        c.addSeries("max", x, max).setMarker(SeriesMarkers.TRIANGLE_UP);
        c.addSeries("mean", x, mean).setMarker(SeriesMarkers.CIRCLE);
        c.addSeries("min", x, min).setMarker(SeriesMarkers.TRIANGLE_DOWN);
        return c;
    }

    /**
     * Figures 2.4 / 2.7: training and validation loss per epoch (eq. 2.6, eV² per configuration), with the best
     * ("minima") epoch marked. {@code fromEpoch} > 1 gives the cropped view of figure 2.7 (right), keeping the epoch
     * numbers; the full view uses a logarithmic loss axis.
     */
    public static XYChart lossCurves(TrainingResult r, int fromEpoch) {
        List<EpochRecord> h = r.epochs().stream().filter(e -> e.epoch() >= fromEpoch).toList();
        if (h.isEmpty()) throw new IllegalArgumentException("no epoch at or after " + fromEpoch + " (last " + r.lastEpoch() + ")");
        String title = String.format(Locale.ROOT, "%s: loss per epoch%s (best epoch %d, last %d)", r.provenance().layout(),
                fromEpoch > 1 ? " from epoch " + fromEpoch : "", r.bestEpoch(), r.lastEpoch());
        XYChart c = chart(title, "epoch", "loss (eV² per configuration)");
        if (fromEpoch <= 1) c.getStyler().setYAxisLogarithmic(true);
        double[] x = h.stream().mapToDouble(EpochRecord::epoch).toArray();
        c.addSeries("train loss", x, h.stream().mapToDouble(EpochRecord::trainLoss).toArray()).setMarker(SeriesMarkers.NONE);
        c.addSeries("validation loss", x, h.stream().mapToDouble(EpochRecord::validationLoss).toArray()).setMarker(SeriesMarkers.NONE);
        EpochRecord best = r.best();
        if (best.epoch() >= fromEpoch)
            c.addSeries("best epoch", new double[]{best.epoch()}, new double[]{best.validationLoss()})
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.DIAMOND);
        return c;
    }

    /** Figure 2.7 (right): the loss curves without the first tenth of the epochs, where the fluctuations show. */
    public static XYChart lossCurvesCropped(TrainingResult r) {
        return lossCurves(r, Math.min(r.lastEpoch(), Math.max(2, r.lastEpoch() / 10)));
    }

    /** The learning rate used in each epoch (the schedule as it ran). */
    public static XYChart learningRate(TrainingResult r) {
        XYChart c = chart("Learning rate per epoch (" + r.provenance().hyperParameters().get("schedule") + ")", "epoch", "learning rate");
        double[] x = r.epochs().stream().mapToDouble(EpochRecord::epoch).toArray();
        c.addSeries("learning rate", x, r.epochs().stream().mapToDouble(EpochRecord::learningRate).toArray()).setMarker(SeriesMarkers.NONE);
        return c;
    }

    /** Figure 2.8: predicted against reference energy per atom, validation (and training) configurations, with y = x. */
    public static XYChart testPredict(TrainingResult r) {
        String title = String.format(Locale.ROOT, "Test-predict: validation RMSE %.2f meV/atom, MAE %.2f meV/atom",
                r.validation().rmseMeVPerAtom(), r.validation().maeMeVPerAtom());
        XYChart c = chart(title, "reference energy (eV/atom)", "predicted energy (eV/atom)");
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (var p : List.of(r.trainPredictions(), r.validationPredictions())) {
            double[] ref = p.reference(), pred = p.predicted();
            int[] n = p.atoms();
            for (int i = 0; i < ref.length; i++) {
                ref[i] /= n[i];
                pred[i] /= n[i];
                lo = Math.min(lo, Math.min(ref[i], pred[i]));
                hi = Math.max(hi, Math.max(ref[i], pred[i]));
            }
            c.addSeries(p == r.trainPredictions() ? "training" : "validation", ref, pred).setMarker(SeriesMarkers.CIRCLE);
        }
        XYSeries diag = c.addSeries("y = x", new double[]{lo, hi}, new double[]{lo, hi});
        diag.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
        return c;
    }

    /** Norm of the first-layer weights of each input feature (the ranking used by weight-based selection). */
    public static XYChart firstLayerWeightNorms(Hdnnp model) {
        double[] n = model.firstLayerWeightNorms();
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) x[i] = i + 1;
        XYChart c = chart("First-layer weight norm per input feature (" + model.layout().notation() + ")", "feature (input order)", "||W1[:, j]||");
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.addSeries("weight norm", x, n).setMarker(SeriesMarkers.CIRCLE);
        return c;
    }
}
