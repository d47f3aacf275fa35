package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Values computed by hand (closed forms evaluated separately in Python) for 2- and 3-atom clusters. */
class SymmetryFunctionTest {
    static final CosineCutoff RC68 = new CosineCutoff(6.8), RC44 = new CosineCutoff(4.4);

    static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, 1e-13 * Math.abs(expected), "expected " + expected + ", got " + actual);
    }

    @Test
    void cosineCutoffOfTheThesis() {
        assertEquals(1.0, RC68.value(0), 0);
        assertEquals(0.5, RC68.value(3.4), 1e-15);
        assertEquals(0.0, RC68.value(6.8), 0);
        assertEquals(0.0, RC68.value(7.5), 0);
        assertRelative(0.5918747589082851, RC68.value(3.0));
        assertEquals(-Math.PI / (2 * 6.8), RC68.derivative(3.4), 1e-15);
    }

    @Test
    void dimerG1AndG2() {
        Configuration dimer = TestStructures.cluster(0, 0, 0, 3, 0, 0);
        assertRelative(0.5918747589082851, new RadialG1("Al", "Al", RC68).evaluate(dimer, 0, Convention.N2P2));
        assertRelative(0.08010153813745462, new RadialG2("Al", "Al", 0.5, 1.0, RC68).evaluate(dimer, 1, Convention.N2P2));
        // beyond the cutoff nothing
        assertEquals(0.0, new RadialG2("Al", "Al", 0.5, 1.0, new CosineCutoff(3.0)).evaluate(dimer, 0, Convention.N2P2));
    }

    @Test
    void trimerG2G4G5() {
        Configuration c = TestStructures.cluster(0, 0, 0, 2.5, 0, 0, 1.0, 2.2, 0.5);
        assertRelative(0.16554235970361758, new RadialG2("Al", "Al", 0.4, 0.5, RC44).evaluate(c, 0, Convention.N2P2));
        double[][] cases = {   // eta, zeta, lambda, G5, G4 (n2p2 convention, j<k)
                {0.0013, 1, 1, 0.22049328244631014, 0.07036387769243674},
                {0.4, 2, -1, 0.00020259202826600905, 3.464433215458033e-06},
                {1.2, 16, 1, 4.1691412511159326e-10, 2.0085343014040804e-14},
                {0.8, 4, -1, 1.2870542573663847e-07, 1.1682024103442728e-10}};
        for (double[] k : cases) {
            AngularG5 g5 = new AngularG5("Al", k[0], k[1], k[2], RC44);
            AngularG4 g4 = new AngularG4("Al", k[0], k[1], k[2], RC44);
            assertRelative(k[3], g5.evaluate(c, 0, Convention.N2P2));
            assertRelative(2 * k[3], g5.evaluate(c, 0, Convention.THESIS));
            assertRelative(k[4], g4.evaluate(c, 0, Convention.N2P2));
            // the fast evaluator agrees
            SymmetryFunctionSet s = SymmetryFunctionSet.of("t", java.util.List.of(g5, g4));
            double[][] v = new SetEvaluator(s, Convention.N2P2).evaluateRows(c);
            assertRelative(k[3], v[0][0]);
            assertRelative(k[4], v[0][1]);
        }
    }

    @Test
    void termWithNonPositiveBaseCountsZero() {
        // j and k on the same side, θ = 0: 1 + λ cos θ = 0 for λ = −1
        Configuration c = TestStructures.cluster(0, 0, 0, 2, 0, 0, 3, 0, 0);
        assertEquals(0.0, new AngularG5("Al", 0.1, 1, -1, RC44).evaluate(c, 0, Convention.N2P2));
        assertEquals(0.0, new AngularG5("Al", 0.1, 2.5, -1, RC44).evaluate(c, 0, Convention.N2P2));
        assertEquals(0.0, new SetEvaluator(SymmetryFunctionSet.of("t", java.util.List.of(new AngularG5("Al", 0.1, 2.5, -1, RC44))),
                Convention.N2P2).evaluateRows(c)[0][0]);
    }

    @Test
    void namesAndIds() {
        SymmetryFunctionSet s = ThesisSets.thesis329();
        assertEquals("G2(eta=0.0013,rs=0,rc=6.8)", s.function(0).name());
        assertEquals("G2(eta=0.35,rs=0,rc=6.8)", s.function(35).name());
        assertEquals("G2(eta=1.85,rs=0.1507,rc=6.8)", s.function(202).name());
        assertEquals("G5(eta=1.2,zeta=64,lambda=-1,rc=4.4)", s.function(269 + 39).name());
        assertEquals("G5[Al;Al,Al](eta=1.2,zeta=64,lambda=-1,rc=4.4)", s.function(269 + 39).fullName());
        assertEquals("G2_001", s.id(0));
        assertEquals("G2_269", s.id(268));
        assertEquals("G5_001", s.id(269));
        assertEquals("G5_060", s.id(328));
        assertEquals(42, s.indexOf("G2_043"));
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new AngularG5("Al", 0.1, 1, 0.5, RC44));
        assertThrows(IllegalArgumentException.class, () -> new AngularG5("Al", 0.1, 0.5, 1, RC44));
        assertThrows(IllegalArgumentException.class, () -> new RadialG2("Al", "Al", -1, 0, RC44));
        assertThrows(IllegalArgumentException.class, () -> new CosineCutoff(-1));
        assertThrows(IllegalArgumentException.class, () -> new RadialG2("Al", "Al", Double.NaN, 0, RC44));
    }
}
