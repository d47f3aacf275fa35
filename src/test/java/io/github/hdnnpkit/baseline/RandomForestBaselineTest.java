package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.data.Split;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RandomForestBaselineTest {
    private static final ForestOptions SMALL = ForestOptions.thesis().withTrees(12).withMaxDepth(12).withFeatureFraction(0.5f);

    @Test
    void learnsAKnownAtomicEnergyFunction() {
        ForestData data = SyntheticForestData.knownFunction(60, 24, 4, 1);
        Split split = Split.thesis(data.configurations());
        ForestResult r = new RandomForestBaseline(SMALL).fit(data, split, ForestSetup.atomicEnergies());
        // the spread of the atomic energies is ~0.2 eV; the forest must get the rows to a few per cent of it
        double[] ref = r.validation().rows().reference(0), pred = r.validation().rows().predicted(0);
        assertTrue(RandomForestBaseline.r2(ref, pred) > 0.85, "row R² " + RandomForestBaseline.r2(ref, pred));
        // configuration energies are sums of 24 atomic predictions: errors partly cancel
        assertTrue(r.validation().energy().rmseMeVPerAtom() < 15, "E/N RMSE " + r.validation().energy().rmseMeVPerAtom() + " meV/atom");
        assertTrue(r.validation().energy().r2() > 0.5, "E/N R² " + r.validation().energy().r2());
        // the input that carries the sine must rank first
        assertEquals("G2_001", r.importance().get(0).input(), r.importance().toString());
        assertTrue(r.importance().get(0).impurityShare() > 0.4);
        // the atomic energies vary within a configuration: nothing collapses by construction
        assertTrue(r.validation().collapse().targetWithinConfigurationVariance() > 1e-3);
    }

    @Test
    void categoricalInputsAreOneHotAsTribuoExpects() {
        ForestData data = SyntheticForestData.knownFunction(12, 4, 3, 2);
        Split split = Split.thesis(data.configurations());
        ForestSetup setup = ForestSetup.thesisAtoms();
        ForestEncoding enc = ForestEncoding.fit(data, setup, 0, split.train(), null);
        Example<Regressor> ex = enc.example(1, data.firstAtom(1), new Regressor("E/N", 0));
        List<String> names = new ArrayList<>();
        for (Feature f : ex) names.add(f.getName());
        // the series and phase of configuration 1 are present with value 1, the other categories absent
        assertTrue(names.contains("series@950K"), names.toString());
        assertTrue(names.contains("phase@liquid"), names.toString());
        assertFalse(names.contains("series@300K"));
        assertFalse(names.contains("phase@solid"));
        assertEquals(1.0, ex.lookup("series@950K").getValue());
        assertEquals(3 + 2, ex.size());
        // a forest that sees only the categories learns a per-series target exactly: Tribuo reads absent as 0
        ForestData zeroDescriptors = seriesOnly(data);
        ForestResult r = new RandomForestBaseline(SMALL.withFeatureFraction(1f).withBins(0))
                .fit(zeroDescriptors, split, setup);
        double[] ref = r.validation().predictions().reference(), pred = r.validation().predictions().predicted();
        for (int i = 0; i < ref.length; i++) assertEquals(ref[i], pred[i], 1e-6);
    }

    /** Same rows, constant descriptors, E/N a function of the series only. */
    private static ForestData seriesOnly(ForestData d) {
        int n = d.configurations();
        double[] e = new double[n], t = new double[n];
        String[] s = new String[n], p = new String[n];
        for (int c = 0; c < n; c++) {
            s[c] = d.series(c);
            p[c] = d.phase(c);
            t[c] = d.temperature(c);
            e[c] = d.atomsIn(c) * (-3.0 - 0.1 * List.of(SyntheticForestData.SERIES).indexOf(s[c]));
        }
        float[] v = new float[d.descriptors().rows() * d.descriptors().features()];
        return new ForestData("series-only", "none", new io.github.hdnnpkit.descriptors.DescriptorMatrix(v,
                d.descriptors().atomOffsets(), d.descriptors().featureIds()), e, null, null, s, t, p);
    }

    @Test
    void aSeedReproducesTheSameForest() {
        ForestData data = SyntheticForestData.knownFunction(40, 12, 4, 3);
        Split split = Split.thesis(data.configurations());
        ForestSetup setup = ForestSetup.configurations();
        ForestResult a = new RandomForestBaseline(SMALL.withSeed(7)).fit(data, split, setup);
        ForestResult b = new RandomForestBaseline(SMALL.withSeed(7).withThreads(2)).fit(data, split, setup);
        ForestResult c = new RandomForestBaseline(SMALL.withSeed(8)).fit(data, split, setup);
        assertArrayEquals(a.validation().predictions().predicted(), b.validation().predictions().predicted(), 0.0);
        assertEquals(a.provenance().treeSeeds(), b.provenance().treeSeeds());
        assertFalse(java.util.Arrays.equals(a.validation().predictions().predicted(), c.validation().predictions().predicted()));
    }

    @Test
    void theAtomRowSetUpCollapsesWhereItMust() {
        ForestData data = SyntheticForestData.mustCollapse(50, 32, 5, 4);
        Split split = Split.thesis(data.configurations());
        RandomForestBaseline forest = new RandomForestBaseline(SMALL);
        ForestResult r = forest.fit(data, split, ForestSetup.thesisAtoms().withCategoricals(false, false));
        ForestMetrics.Collapse k = r.validation().collapse();
        assertEquals(0.0, k.targetWithinConfigurationVariance(), 0.0, "E/N is the same on every atom row of a configuration");
        assertTrue(k.targetBetweenConfigurationVariance() > 0);
        assertTrue(k.spreadRatio() < 0.3, "prediction spread / target spread = " + k.spreadRatio());
        assertTrue(k.r2() < 0.1, "R² " + k.r2());
        // the forest invents variation inside configurations where the truth has none
        assertTrue(k.predictionWithinConfigurationVariance() > 0);

        ForestResult f = forest.fit(data, split, ForestSetup.thesisForces().withCategoricals(false, false));
        ForestMetrics.Forces v = f.validation().forces();
        assertEquals(3, v.components().size());
        double noise = 4 / Math.sqrt(v.atoms());   // 4 sigma of a sample correlation under independence
        for (ForestMetrics.Component comp : v.components()) {
            assertTrue(Math.abs(comp.correlation()) < noise, comp + " vs " + noise);
            assertTrue(comp.r2() < 0.05, comp.toString());
            assertTrue(comp.spreadRatio() < 0.5, comp.toString());
        }
        assertTrue(v.rmseOverZeroPredictor() > 0.98, "RMSE / RMSE(F=0) = " + v.rmseOverZeroPredictor());
    }

    @Test
    void quantileBinsAreEquallyPopulated() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = Math.pow(i / 1000.0, 3);
        double[] edges = ForestEncoding.quantileEdges(v, 4);
        int[] counts = new int[4];
        for (double x : v) counts[ForestEncoding.bin(edges, x)]++;
        for (int c : counts) assertEquals(250, c);
        // a column with fewer distinct values than bins keeps one bin per value
        double[] e2 = ForestEncoding.quantileEdges(new double[]{1, 1, 2, 2, 3, 3}, 64);
        assertArrayEquals(new double[]{2, 3}, e2);
    }
}
