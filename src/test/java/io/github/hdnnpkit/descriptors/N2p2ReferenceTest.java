package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.io.N2p2InputData;
import io.github.hdnnpkit.io.N2p2InputNn;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** n2p2 v2.3.0's values of the 329 functions for one 256-atom Al configuration, to a relative error below 1e-10. */
class N2p2ReferenceTest {
    static final double TOLERANCE = 1e-10;
    static Configuration configuration;
    static double[][] reference;

    @BeforeAll
    static void load() throws IOException {
        List<Configuration> cs = N2p2InputData.read(ReferenceFiles.inputData());
        assertEquals(1, cs.size());
        configuration = cs.get(0);
        reference = ReferenceFiles.values();
        assertEquals(256, reference.length);
        assertEquals(329, reference[0].length);
    }

    static double maxRelativeError(double[][] expected, double[][] actual) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++)
            for (int k = 0; k < expected[i].length; k++) {
                double e = expected[i][k], a = actual[i][k];
                double err = e == 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
                worst = Math.max(worst, err);
            }
        return worst;
    }

    @Test
    void thesisSetHasTheReferenceParametersInOrder() throws IOException {
        SymmetryFunctionSet fromFile = N2p2InputNn.read(ReferenceFiles.inputNn());
        assertEquals(ThesisSets.thesis329().functions(), fromFile.functions());
        assertEquals(ThesisSets.thesis329().ids(), fromFile.ids());
    }

    @Test
    void fastEvaluatorReproducesN2p2() {
        double[][] values = new SetEvaluator(ThesisSets.thesis329(), Convention.N2P2).evaluateRows(configuration);
        double err = maxRelativeError(reference, values);
        assertTrue(err < TOLERANCE, "max relative error " + err);
    }

    @Test
    void literalFormulasReproduceN2p2() {
        SymmetryFunctionSet set = ThesisSets.thesis329();
        NeighbourList nl = NeighbourList.of(configuration, set.maxCutoff());
        double[][] values = new double[configuration.size()][set.size()];
        for (int i = 0; i < configuration.size(); i++)
            for (int f = 0; f < set.size(); f++)
                values[i][f] = set.function(f).evaluate(configuration, nl, i, Convention.N2P2, null);
        double err = maxRelativeError(reference, values);
        assertTrue(err < TOLERANCE, "max relative error " + err);
    }

    @Test
    void thesisConventionDoublesTheAngularValues() {
        SymmetryFunctionSet set = ThesisSets.thesis329();
        double[][] n2p2 = new SetEvaluator(set, Convention.N2P2).evaluateRows(configuration);
        double[][] thesis = new SetEvaluator(set, Convention.THESIS).evaluateRows(configuration);
        for (int i = 0; i < n2p2.length; i++)
            for (int f = 0; f < set.size(); f++)
                assertEquals((set.function(f).isAngular() ? 2 : 1) * n2p2[i][f], thesis[i][f], 1e-15 * Math.abs(n2p2[i][f]));
    }
}
