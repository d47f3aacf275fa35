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

    @BeforeAll
    static void train() {
        int[] atoms = Synthetic.atoms(60, 10, 20, 3);
        DescriptorMatrix d = Synthetic.random(atoms, 4, 4, -1, 1);
        TrainingData data = new TrainingData(d, Synthetic.energies(d), Split.byConfiguration(60, 0.8, 101), "synthetic-3", "random-4");
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
    void testPredictIsAParityPlotWithResiduals() {
        ParityPlot p = HdnnpCharts.testPredict(result);
        assertEquals(List.of("training", "validation"), p.series().stream().map(ParityPlot.Series::name).toList());
        // the residual panel's RMSE is the result's own validation RMSE (both meV/atom of E/N)
        assertEquals(result.validation().rmseMeVPerAtom(), p.rmse("validation"), 1e-6 * (1 + result.validation().rmseMeVPerAtom()));
        StyleAssertions.assertStyled(p.parity());
        StyleAssertions.assertStyled(p.residuals());
        assertTrue(p.image().getHeight() > p.parity().getHeight());
    }
}
