package io.github.hdnnpkit.model.plot;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.EpochRecord;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.notebook.ParityPlot;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;
import java.util.Locale;

/**
 * The figures of sections 2.3–2.5 (figures 2.4, 2.5, 2.7, 2.8) and the weight inspection of chapter 4, in the kit's
 * {@link FigureStyle}: training curves and points in {@link FigureStyle#TRAINING}, validation in
 * {@link FigureStyle#VALIDATION}, held-out test points in {@link FigureStyle#TEST}.
 */
public final class HdnnpCharts {
    private HdnnpCharts() {
    }

    private static XYChart chart(String title, String x, String y) {
        return new XYChartBuilder().width(760).height(440).title(title).xAxisTitle(x).yAxisTitle(y).build();
    }

    /** Figure 2.5: the activation functions on [-4, 4] (LeakyReLU with α = 0.3). */
    public static XYChart activations() {
        XYChart c = chart("Activation functions (figure 2.5)", "x (dimensionless)", "f(x) (dimensionless)");
        int n = 161;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = -4 + 8.0 * i / (n - 1);
        for (Activation a : new Activation[]{Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU, Activation.SOFTPLUS}) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = a.apply(x[i]);
            c.addSeries(a.label(), x, y).setMarker(SeriesMarkers.NONE);
        }
        return FigureStyle.apply(c);
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
        XYChart c = chart(title, "feature (input column number)", "descriptor value (dimensionless)");
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.addSeries("max", x, max).setMarker(SeriesMarkers.TRIANGLE_UP).setMarkerColor(FigureStyle.VERMILLION);
        c.addSeries("mean", x, mean).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(FigureStyle.BLACK);
        c.addSeries("min", x, min).setMarker(SeriesMarkers.TRIANGLE_DOWN).setMarkerColor(FigureStyle.BLUE);
        return FigureStyle.apply(c);
    }

    /**
     * Figures 2.4 / 2.7: training and validation loss per epoch, with the best ("minima") epoch marked. The loss is
     * Keras's MSE of the configuration energies in eV² per configuration, the thesis's tables' quantity (the engines
     * minimise eq. 2.6, half of it). {@code fromEpoch} > 1 gives the cropped view of figure 2.7 (right), keeping the epoch
     * numbers; the full view uses a logarithmic loss axis.
     */
    public static XYChart lossCurves(TrainingResult r, int fromEpoch) {
        List<EpochRecord> h = r.epochs().stream().filter(e -> e.epoch() >= fromEpoch).toList();
        if (h.isEmpty()) throw new IllegalArgumentException("no epoch at or after " + fromEpoch + " (last " + r.lastEpoch() + ")");
        String title = String.format(Locale.ROOT, "%s: loss per epoch%s (best epoch %d, last %d)", r.provenance().layout(),
                fromEpoch > 1 ? " from epoch " + fromEpoch : "", r.bestEpoch(), r.lastEpoch());
        XYChart c = chart(title, "epoch (number)", "loss (eV² per configuration)");
        if (fromEpoch <= 1) c.getStyler().setYAxisLogarithmic(true);
        double[] x = h.stream().mapToDouble(EpochRecord::epoch).toArray();
        c.addSeries("training loss", x, h.stream().mapToDouble(EpochRecord::trainLoss).toArray()).setMarker(SeriesMarkers.NONE)
                .setLineColor(FigureStyle.TRAINING);
        c.addSeries("validation loss", x, h.stream().mapToDouble(EpochRecord::validationLoss).toArray()).setMarker(SeriesMarkers.NONE)
                .setLineColor(FigureStyle.VALIDATION);
        EpochRecord best = r.best();
        if (best.epoch() >= fromEpoch)
            c.addSeries("best epoch " + best.epoch(), new double[]{best.epoch()}, new double[]{best.validationLoss()})
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.DIAMOND)
                    .setMarkerColor(FigureStyle.BLACK);
        FigureStyle.apply(c);
        c.getStyler().setMarkerSize(10);
        return c;
    }

    /** Figure 2.7 (right): the loss curves without the first tenth of the epochs, where the fluctuations show. */
    public static XYChart lossCurvesCropped(TrainingResult r) {
        return lossCurves(r, Math.min(r.lastEpoch(), Math.max(2, r.lastEpoch() / 10)));
    }

    /** The learning rate used in each epoch (the schedule as it ran). */
    public static XYChart learningRate(TrainingResult r) {
        XYChart c = chart("Learning rate per epoch (" + r.provenance().hyperParameters().get("schedule") + ")", "epoch (number)",
                "learning rate (dimensionless)");
        double[] x = r.epochs().stream().mapToDouble(EpochRecord::epoch).toArray();
        c.addSeries("learning rate", x, r.epochs().stream().mapToDouble(EpochRecord::learningRate).toArray()).setMarker(SeriesMarkers.NONE)
                .setLineColor(FigureStyle.TRAINING);
        FigureStyle.apply(c);
        c.getStyler().setLegendVisible(false);   // one curve, named by the axis
        return c;
    }

    /**
     * Figure 2.8: predicted against reference energy per atom for the training and the held-out <b>test</b>
     * configurations, with y = x, and below it the residual in meV/atom against the reference (a 2-D histogram of the
     * test points when there are thousands). The title's RMSE and MAE are the test part's: the validation part chose
     * the best epoch, so its error is not an unbiased estimate and it is not drawn. Display with
     * {@code Show.figure(...)}.
     */
    public static ParityPlot testPredict(TrainingResult r) {
        String title = String.format(Locale.ROOT, "Test-predict %s: test RMSE %.2f, MAE %.2f meV/atom",
                r.provenance().layout(), r.test().rmseMeVPerAtom(), r.test().maeMeVPerAtom());
        ParityPlot p = new ParityPlot(title, "E/N", "eV/atom", "meV/atom", 1000);
        add(p, "training", r.trainPredictions(), FigureStyle.TRAINING);
        // drawn last, the series judged; vermillion, not the validation orange of the loss curves, so the two are not confused
        add(p, "test", r.testPredictions(), FigureStyle.TEST);
        return p;
    }

    private static void add(ParityPlot p, String name, TrainingResult.Predictions q, java.awt.Color colour) {
        double[] ref = q.reference(), pred = q.predicted();
        int[] n = q.atoms();
        for (int i = 0; i < ref.length; i++) {
            ref[i] /= n[i];
            pred[i] /= n[i];
        }
        p.add(name, ref, pred, colour);
    }

    /** Norm of the first-layer weights of each input feature (the ranking used by weight-based selection). */
    public static XYChart firstLayerWeightNorms(Hdnnp model) {
        double[] n = model.firstLayerWeightNorms();
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) x[i] = i + 1;
        XYChart c = chart("First-layer weight norm per input feature (" + model.layout().notation() + ")",
                "feature (input column number)", "‖W1[:, j]‖ (dimensionless)");
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.addSeries("weight norm", x, n).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(FigureStyle.TRAINING);
        FigureStyle.apply(c);
        c.getStyler().setLegendVisible(false);
        return c;
    }
}
