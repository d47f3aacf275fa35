package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A forest is judged on the split's held-out test configurations, and beside the HDNNP on the same ones. */
class ForestTestPartTest {
    private static final ForestOptions TINY = ForestOptions.thesis().withTrees(4).withMaxDepth(8).withFeatureFraction(0.5f);

    @Test
    void testFiguresAreComputedOnExactlyTheSplitsTestConfigurations() {
        ForestData data = SyntheticForestData.knownFunction(40, 6, 3, 11);
        Split split = Split.thesis(data.configurations());
        RandomForestBaseline rf = new RandomForestBaseline(TINY);

        ForestResult r = rf.fit(data, split, ForestSetup.configurations());
        assertArrayEquals(split.test(), r.test().configurations());
        assertArrayEquals(split.validation(), r.validation().configurations());
        assertArrayEquals(split.train(), r.train().configurations());
        ForestPredictions.Energies p = r.test().predictions();
        assertArrayEquals(split.test(), p.configurations());
        assertEquals(split.test().length, r.provenance().testConfigurations());
        // the references are the data's own E/N of those configurations, and the figures follow from the predictions
        double[] ref = p.reference(), pred = p.predicted();
        double se = 0, ae = 0, seTotal = 0, atoms = 0;
        for (int j = 0; j < ref.length; j++) {
            int c = split.test()[j], n = data.atomsIn(c);
            assertEquals(data.energies()[c] / n, ref[j], 1e-12);
            double d = pred[j] - ref[j];
            se += d * d;
            ae += Math.abs(d);
            seTotal += d * n * d * n;
            atoms += n;
        }
        int m = ref.length;
        ForestMetrics.Energy e = r.test().energy();
        assertEquals(m, e.configurations());
        assertEquals(1000 * Math.sqrt(se / m), e.rmseMeVPerAtom(), 1e-9);
        assertEquals(1000 * ae / m, e.maeMeVPerAtom(), 1e-9);
        assertEquals(seTotal / m, e.mseConfigurationEnergy(), 1e-12);
        assertEquals(seTotal / m / (atoms / m), e.msePerAtom(), 1e-12);     // the thesis's "per atom": /atoms, not /atoms²
        assertNotEquals(r.validation().energy().rmseMeVPerAtom(), e.rmseMeVPerAtom());

        // atom rows: every atom of every test configuration is evaluated, and nothing else
        int testAtoms = Arrays.stream(split.test()).map(data::atomsIn).sum();
        ForestResult atomRows = rf.fit(data, split, ForestSetup.thesisAtoms());
        assertEquals(testAtoms, atomRows.test().energy().rows());
        assertArrayEquals(split.test(), atomRows.test().predictions().configurations());
        assertNotNull(atomRows.test().collapse());
        ForestResult forces = rf.fit(data, split, ForestSetup.thesisForces());
        assertArrayEquals(split.test(), forces.test().configurations());
        assertEquals(testAtoms, forces.test().forces().atoms());
        assertEquals(testAtoms, forces.test().rows().size());

        // one series: the shared test part restricted to it
        ForestResult only = rf.fit(data, split, ForestSetup.thesisAtoms().onlySeries("950K"));
        int[] expected = Arrays.stream(split.test()).filter(c -> data.series(c).equals("950K")).toArray();
        assertTrue(expected.length > 0, "the fixture's split must hold a 950 K test configuration");
        assertArrayEquals(expected, only.test().configurations());
    }

    @Test
    void rSquaredOfReferencesThatDoNotVaryIsUndefined() {
        assertTrue(Double.isNaN(RandomForestBaseline.r2(new double[]{-3.1}, new double[]{-3.0})));
        assertEquals(1 - 0.02 / 2.0, RandomForestBaseline.r2(new double[]{-1, 0, 1}, new double[]{-0.9, 0, 0.9}), 1e-12);
    }

    @Test
    void aSplitWithoutTestConfigurationsIsRefused() {
        ForestData data = SyntheticForestData.knownFunction(12, 4, 3, 2);
        Split noTest = Split.of(new int[]{0, 1, 2, 3, 4, 5, 6, 7}, new int[]{8, 9, 10, 11}, new int[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomForestBaseline(TINY).fit(data, noTest, ForestSetup.configurations()));
        assertTrue(e.getMessage().contains("0 test configurations"), e.getMessage());
        Split outside = Split.of(new int[]{0, 1, 2, 3, 4, 5, 6}, new int[]{8, 9, 10}, new int[]{11, 12});
        e = assertThrows(IllegalArgumentException.class,
                () -> new RandomForestBaseline(TINY).fit(data, outside, ForestSetup.configurations()));
        assertTrue(e.getMessage().contains("configuration 12"), e.getMessage());
    }

    @Test
    void theHdnnpIsJudgedOnTheSameTestConfigurations() {
        ForestData data = SyntheticForestData.knownFunction(60, 4, 3, 23);
        Split split = Split.thesis(data.configurations());
        ForestPlan plan = new ForestPlan(Profile.SMOKE, TINY, 0, 5, "3-4-1", Progress.NONE);
        TrainingResult hdnnp = plan.hdnnp(data, split);
        assertArrayEquals(split.test(), hdnnp.testPredictions().configurations());

        // the same split: the HDNNP's own test errors
        ForestResult configs = plan.fit(data, split, ForestSetup.configurations());
        assertEquals(hdnnp.test(), ForestVersusHdnnp.hdnnpTest(hdnnp, configs));
        assertNotEquals(hdnnp.validation().rmseMeVPerAtom(), hdnnp.test().rmseMeVPerAtom());

        // one series of the shared split: the HDNNP's test predictions of exactly those configurations, by hand
        Split s950 = ForestPlan.seriesSplit(data, "950K", split);
        int[] sub = s950.test();
        assertTrue(sub.length > 0 && sub.length < split.test().length
                && Arrays.stream(sub).allMatch(c -> Arrays.binarySearch(split.test(), c) >= 0), "a subset of the shared test part");
        ForestResult only = plan.fit950K(data, split);
        int[] ids = hdnnp.testPredictions().configurations(), n = hdnnp.testPredictions().atoms();
        double[] ref = hdnnp.testPredictions().reference(), pred = hdnnp.testPredictions().predicted();
        double se = 0, sq = 0, atoms = 0;
        for (int i = 0; i < ids.length; i++) {
            if (Arrays.binarySearch(sub, ids[i]) < 0) continue;
            double d = pred[i] - ref[i];
            sq += d * d;
            se += (d / n[i]) * (d / n[i]);
            atoms += n[i];
        }
        TrainingResult.Errors h = ForestVersusHdnnp.hdnnpTest(hdnnp, only);
        assertEquals(1000 * Math.sqrt(se / sub.length), h.rmseMeVPerAtom(), 1e-9);
        assertEquals(sq / sub.length, h.mse(), 1e-12);
        assertEquals(sq / atoms, h.msePerAtom(), 1e-12);

        Table t = ForestTables.withHdnnp(List.of(configs, only), hdnnp);
        assertEquals(4, t.rowCount());      // two forests, the HDNNP on all test configurations and on the 950 K ones
        assertEquals(ForestTables.round(configs.test().energy().rmseMeVPerAtom(), 3), t.doubleColumn("test_RMSE_meV/atom").get(0), 0.0);
        assertEquals(ForestTables.round(hdnnp.test().rmseMeVPerAtom(), 3), t.doubleColumn("test_RMSE_meV/atom").get(2), 0.0);
        assertEquals(ForestTables.round(h.rmseMeVPerAtom(), 3), t.doubleColumn("test_RMSE_meV/atom").get(3), 0.0);
        assertEquals(sub.length, t.intColumn("test_configurations").get(3));
        assertEquals(ForestTables.sig(hdnnp.test().mse()), t.doubleColumn("test_MSE_E_config_eV2").get(2), 0.0);
        // the chart's HDNNP test bar is the same number
        var bars = ForestCharts.comparison(List.of(configs), hdnnp).getSeriesMap().get("test").getYData();
        assertEquals(hdnnp.test().rmseMeVPerAtom(), bars.stream().reduce((a, b) -> b).orElseThrow().doubleValue(), 0.0);

        // a forest on another split holds test configurations the HDNNP trained on: no comparison
        ForestResult elsewhere = plan.fit(data, Split.byConfiguration(data.configurations(), 0.8, 7), ForestSetup.configurations());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForestVersusHdnnp.hdnnpTest(hdnnp, elsewhere));
        assertTrue(e.getMessage().contains("not in the HDNNP's"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ForestCharts.comparison(List.of(elsewhere), hdnnp));
    }
}
