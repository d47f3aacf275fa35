package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.structure.NeighbourList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast evaluator (shared loops, recurrences, integer powers) against the literal per-function formulas. */
class SetEvaluatorTest {

    static void assertMatchesLiteral(SymmetryFunctionSet set, Configuration c, Convention conv, double tol) {
        double[][] fast = new SetEvaluator(set, conv).evaluateRows(c);
        NeighbourList nl = NeighbourList.of(c, set.maxCutoff());
        for (int i = 0; i < c.size(); i++)
            for (int f = 0; f < set.size(); f++) {
                double e = set.function(f).evaluate(c, nl, i, conv, null);
                assertEquals(e, fast[i][f], tol * Math.abs(e), "atom " + i + " " + set.function(f).fullName());
            }
    }

    @Test
    void mixedSetTwoElementsAllCutoffKinds() {
        assertMatchesLiteral(TestStructures.mixed(), TestStructures.randomTriclinic(30, 11, true), Convention.N2P2, 1e-12);
        assertMatchesLiteral(TestStructures.mixed(), TestStructures.randomTriclinic(30, 12, true), Convention.THESIS, 1e-12);
    }

    @Test
    void thesisSetsOnALiquidLikeConfiguration() {
        Configuration c = Crystals.randomDense("Al", 64, 10.5, 2.2, 5);
        assertMatchesLiteral(ThesisSets.thesis329(), c, Convention.N2P2, 1e-12);
        assertMatchesLiteral(ThesisSets.fiftySeven('C'), c, Convention.THESIS, 1e-12);
        assertMatchesLiteral(ThesisSets.thesis22(), c, Convention.THESIS, 1e-12);
    }

    @Test
    void steepGaussiansThatWouldUnderflowAreNotChained() {
        java.util.List<SymmetryFunction> f = new java.util.ArrayList<>();
        CosineCutoff fc = new CosineCutoff(6.0);
        for (int k = 0; k < 10; k++) f.add(new RadialG2("Al", "Al", 10 + 10 * k, 0.0, fc));   // η r² up to 3600
        for (int k = 0; k < 10; k++) f.add(new RadialG2("Al", "Al", 40, 0.5 * k, fc));
        Configuration c = Crystals.randomDense("Al", 40, 9, 2.0, 3);
        assertMatchesLiteral(SymmetryFunctionSet.of("steep", f), c, Convention.N2P2, 1e-12);
    }

    @Test
    void integerPower() {
        for (int n = 0; n < 70; n++) assertEquals(Math.pow(1.37, n), SetEvaluator.ipow(1.37, n), 1e-14 * Math.pow(1.37, n));
    }
}
