package io.github.hdnnpkit.model.plot;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Synthetic;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.notebook.ParityPlot;
import io.github.hdnnpkit.notebook.StyleAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class HdnnpChartsTest {
    private static TrainingResult result;
    private static int[] atoms;
    private static DescriptorMatrix d;
    private static double[] energies;
    private static Split split;

    @BeforeAll
    static void train() {
        atoms = Synthetic.atoms(60, 10, 20, 3);
        d = Synthetic.random(atoms, 4, 4, -1, 1);
        energies = Synthetic.energies(d);
        split = Split.byConfiguration(60, 0.8, 101);
        TrainingData data = new TrainingData(d, energies, split, "synthetic-3", "random-4");
        result = new Trainer(TrainingConfig.defaults().withMaxEpochs(37).withBatchSize(8)).train(Layout.parse("4-5-1"), data);
    }

    @Test
    void everyChartWearsTheHouseStyle() {
        for (XYChart c : List.of(HdnnpCharts.activations(), HdnnpCharts.lossCurves(result, 1), HdnnpCharts.lossCurvesCropped(result),
                HdnnpCharts.learningRate(result), HdnnpCharts.firstLayerWeightNorms(result.potential())))
            StyleAssertions.assertStyled(c);
        XYChart loss = HdnnpCharts.lossCurves(result, 1);
        assertEquals(FigureStyle.TRAINING, loss.getSeriesMap().get("training loss").getLineColor());
        assertEquals(FigureStyle.VALIDATION, loss.getSeriesMap().get("validation loss").getLineColor());
        // 37 epochs: ticks on a 1-2-5 step, not on every k-th epoch
        StyleAssertions.assertNoBareDecimals(loss);
        double[] t = StyleAssertions.visibleTicks(loss, true);
        assertTrue(t.length >= 3);
        double step = t[1] - t[0];
        assertTrue(step == 5 || step == 10 || step == 2, java.util.Arrays.toString(t));
    }

    @Test
    void testPredictShowsTrainingAndHeldOutTestConfigurations() {
        ParityPlot p = HdnnpCharts.testPredict(result);
        assertEquals(List.of("training", "test"), p.series().stream().map(ParityPlot.Series::name).toList(),
                "the validation part chose the best epoch: the figure judges the model on test");
        // the test series is the split's test configurations, energies per atom, predicted by the returned potential
        int[] test = split.test();
        ParityPlot.Series s = p.series().get(1);
        assertEquals(test.length, s.reference().length);
        double[] predicted = result.potential().predict(d);
        double ss = 0, abs = 0;
        for (int i = 0; i < test.length; i++) {
            int c = test[i];
            assertEquals(energies[c] / atoms[c], s.reference()[i], 1e-12, "reference E/N of configuration " + c);
            assertEquals(predicted[c] / atoms[c], s.predicted()[i], 1e-6, "predicted E/N of configuration " + c);
            double e = 1000 * (predicted[c] - energies[c]) / atoms[c];
            ss += e * e;
            abs += Math.abs(e);
        }
        double rmse = Math.sqrt(ss / test.length), mae = abs / test.length;
        // the residual panel's ± RMSE band and the title are the test part's (meV/atom of E/N)
        assertEquals(rmse, p.rmse("test"), 1e-4 * (1 + rmse));
        assertEquals(split.train().length, p.series().get(0).reference().length);
        assertTrue(p.title().contains(String.format(java.util.Locale.ROOT, "test RMSE %.2f, MAE %.2f", rmse, mae)), p.title());
        StyleAssertions.assertStyled(p.parity());
        StyleAssertions.assertStyled(p.residuals());
        assertTrue(p.image().getHeight() > p.parity().getHeight());
    }
}
