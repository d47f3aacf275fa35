package io.github.hdnnpkit.study.plot;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.model.Synthetic;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingResult.StopReason;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.notebook.StyleAssertions;
import io.github.hdnnpkit.study.ChapterThreeFixtures;
import io.github.hdnnpkit.study.ChapterThreeFixtures.Run;
import io.github.hdnnpkit.study.ChapterThreeStudies;
import io.github.hdnnpkit.study.DataSpec;
import io.github.hdnnpkit.study.Metric;
import io.github.hdnnpkit.study.ModelSpec;
import io.github.hdnnpkit.study.ResultStore;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyData;
import io.github.hdnnpkit.study.StudyResults;
import io.github.hdnnpkit.study.StudyRunner;
import io.github.hdnnpkit.thesis.PublishedResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ChapterThreeTablesTest {
    static final ModelSpec.Template T22 = ModelSpec.Template.thesis(DataSpec.thesis(Profile.SMOKE, "thesis-22"), TrainingConfig.defaults().withMaxEpochs(10));

    static StudyResults depthResults() {
        Study s = ChapterThreeStudies.depthScan(T22, 10, 50).withSeeds(2);
        return ChapterThreeFixtures.results(s, List.of(
                Run.rmse(1.0).withTime(0.01).withLosses(0.2, 0.3).withEpochs(40, 90, StopReason.EARLY_STOPPING),
                Run.rmse(2.0).withTime(0.03).withLosses(0.4, 0.5).withEpochs(60, 110, StopReason.EARLY_STOPPING),
                Run.rmse(3.0).withTime(0.10).withLosses(1.0, 1.0).withEpochs(100, 100, StopReason.MAX_EPOCHS),
                Run.rmse(3.0).withTime(0.10).withLosses(1.0, 1.0).withEpochs(100, 100, StopReason.MAX_EPOCHS)));
    }

    @Test
    void tableThreeOneBesideTheKitHasBothRowsInTheThesisUnits() {
        Table t = ChapterThreeTables.besideThesis("t", depthResults(), "layout",
                ChapterThreeTables.published(PublishedResults.table31(), "structure"));
        // thesis row of 12-10-10-1, then the kit's, then the same for 12-50-50-1
        assertEquals(4, t.rowCount());
        assertEquals("thesis", t.stringColumn("source").get(0));
        assertEquals("12-10-10-1", t.stringColumn("layout").get(0));
        assertEquals(8.0, t.doubleColumn("s/epoch").get(0));
        assertEquals(0.3403, t.doubleColumn("val_loss (eV²)").get(0));
        assertEquals(0.0013293, t.doubleColumn("val_loss/atom").get(0), 1e-12);   // 0.3403 / 256 = 0.00132930, 5 digits
        assertEquals(2736.0, t.doubleColumn("minima epoch").get(0));
        assertTrue(t.doubleColumn("test RMSE (meV/atom)").isMissing(0), "the thesis had no test part");
        assertEquals("kit, mean of 2 seeds", t.stringColumn("source").get(1));
        assertEquals(0.02, t.doubleColumn("s/epoch").get(1), 1e-12);
        assertEquals(0.3, t.doubleColumn("train_loss (eV²)").get(1), 1e-12);
        assertEquals(0.4 / 256, t.doubleColumn("val_loss/atom").get(1), 1e-8);
        assertEquals(100.0, t.doubleColumn("max epoch").get(1));
        assertEquals(50.0, t.doubleColumn("minima epoch").get(1));
        assertEquals(1.5, t.doubleColumn("test RMSE (meV/atom)").get(1), 1e-12);
        assertEquals(0.7071, t.doubleColumn("sd over seeds").get(1), 1e-12);   // sd of {1, 2} = 1/√2
        assertEquals(0.0, t.doubleColumn("sd over seeds").get(3), 1e-12);
    }

    @Test
    void convergenceCountsRunsAtTheCap() {
        Table t = ChapterThreeTables.convergence(depthResults(), "depth");
        assertEquals(List.of("10", "50"), t.stringColumn("depth").asList());
        assertEquals(List.of(0, 2), t.intColumn("runs at the epoch cap").asList());
        assertEquals(50.0, t.doubleColumn("best epoch").get(0));
        assertEquals(14.1, t.doubleColumn("best epoch sd").get(0), 1e-9);   // sd of {40, 60} = 14.14
        // s to the best epoch: 0.01·40 and 0.03·60 → mean 1.1
        assertEquals(1.1, t.doubleColumn("s to best epoch").get(0), 1e-12);
        assertEquals(10.0, t.doubleColumn("s to best epoch").get(1), 1e-12);
    }

    @Test
    void dataDescriptionCountsSeriesAndSplitParts(@TempDir Path dir) {
        DataSpec mem = DataSpec.memory("c3", "random-22");
        int n = 50;
        DescriptorMatrix d = Synthetic.random(Synthetic.atoms(n, 4, 6, 5), 3, 7, -1, 1);
        String[] series = new String[n];
        for (int i = 0; i < n; i++) series[i] = i < 20 ? "300K" : "950K";
        StudyData data = new StudyData("memory:c3", "fp", d, Synthetic.energies(d), series, "random-22", null, io.github.hdnnpkit.descriptors.Convention.N2P2);
        StudyRunner runner = new StudyRunner(new ResultStore(dir)).register(mem, data);
        ModelSpec.Template t = ModelSpec.Template.thesis(mem, TrainingConfig.defaults());
        Study s = Study.of("x", List.of(t.model("a", List.of("G2_001")), t.model("b", List.of("G2_002"))));
        Table tab = ChapterThreeTables.dataDescription(runner, s);
        assertEquals(3, tab.rowCount(), "two thesis rows and one kit data set (both models share it)");
        assertEquals(22000, tab.intColumn("configurations").get(0));
        assertEquals(4200, tab.intColumn("configurations").get(1));
        assertEquals(2, tab.intColumn("series (temperatures)").get(2));
        assertEquals(30, tab.intColumn("configurations per series").get(2));
        assertEquals(n, tab.intColumn("configurations").get(2));
        assertEquals(n, tab.intColumn("train").get(2) + tab.intColumn("validation").get(2) + tab.intColumn("test").get(2));
        assertEquals(5, tab.intColumn("test").get(2));   // 10 % of 50
    }

    @Test
    void chartsWearTheHouseStyle() {
        StudyResults r = depthResults();
        XYChart curves = ChapterThreeCharts.lossCurves(r, "layout", "curves", true);
        StyleAssertions.assertStyled(curves);
        // 2 groups × 2 seeds × (validation + training), one legend entry per group and kind
        assertEquals(8, curves.getSeriesMap().size());
        assertEquals(4, curves.getSeriesMap().values().stream().filter(x -> x.isShowInLegend()).count());
        assertThrows(IllegalArgumentException.class, () -> ChapterThreeCharts.lossCurves(r, "layout", "none", false, "12-99-99-1"));

        Study fr = ChapterThreeStudies.trainFractions(T22, new int[]{5, 10}, 0.8, 0.6).withSeeds(2);
        StudyResults f = ChapterThreeFixtures.results(fr, List.of(Run.rmse(1), Run.rmse(1.2), Run.rmse(2), Run.rmse(2.2),
                Run.rmse(0.8), Run.rmse(0.9), Run.rmse(1.5), Run.rmse(1.6)));
        XYChart byLine = ChapterThreeCharts.metricByLine(f, Metric.TEST_RMSE, "train_fraction", "structure", "train fraction (share of the rest)",
                "structure", "fractions");
        StyleAssertions.assertStyled(byLine);
        var mean = byLine.getSeriesMap().get("structure (5, 5), mean ± sd");
        assertArrayEquals(new double[]{0.6, 0.8}, mean.getXData(), 1e-12);
        assertArrayEquals(new double[]{2.1, 1.1}, mean.getYData(), 1e-12);

        XYChart g2 = ChapterThreeCharts.g2Parameters(ThesisSets.thesis329(), "g2", ThesisSets.thesis22(), ThesisSets.thesis22Extracted());
        StyleAssertions.assertStyled(g2);
        assertEquals(201, g2.getSeriesMap().get("thesis-329: G2 with r_s = 0 (201)").getXData().length);
        assertEquals(68, g2.getSeriesMap().get("thesis-329: shifted G2 (68)").getXData().length);
        assertEquals(12, g2.getSeriesMap().get("thesis-22 (12 G2)").getXData().length);
    }
}
