package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast set derivatives (shared loops, recurrences) against the literal per-function gradients of
 * {@link SymmetryFunction#evaluate} (which {@link DerivativeTest} checks against finite differences), and one
 * contraction against finite differences directly.
 */
class SetDerivativeEvaluatorTest {

    static void assertMatchesLiteral(SymmetryFunctionSet set, Configuration c, Convention conv, int atomStride) {
        DescriptorDerivatives dd = new SetDerivativeEvaluator(set, conv).evaluate(c);
        double[][] values = new SetEvaluator(set, conv).evaluateRows(c);
        DescriptorCalculator literal = new DescriptorCalculator(set, conv, 1);
        for (int i = 0; i < c.size(); i += atomStride) {
            double[][] g = literal.gradient(c, i);
            for (int f = 0; f < set.size(); f++) {
                assertEquals(values[i][f], dd.value(i, f), 1e-12 * Math.abs(values[i][f]), "value, atom " + i + " " + set.function(f).fullName());
                double[] fast = dd.gradient(i, f);
                double scale = 0;
                for (double v : g[f]) scale = Math.max(scale, Math.abs(v));
                for (int k = 0; k < fast.length; k++)
                    assertEquals(g[f][k], fast[k], 1e-10 * scale + 1e-300,
                            "dG/dr, atom " + i + " " + set.function(f).fullName() + " component " + k);
            }
        }
    }

    @Test
    void mixedSetTwoElementsAllCutoffKindsBothConventions() {
        assertMatchesLiteral(TestStructures.mixed(), TestStructures.randomTriclinic(12, 31, true), Convention.N2P2, 1);
        assertMatchesLiteral(TestStructures.mixed(), TestStructures.randomTriclinic(12, 32, true), Convention.THESIS, 1);
    }

    @Test
    void thesisSetsWithTheirChainsOnALiquid() {
        Configuration c = Crystals.randomDense("Al", 40, 9.0, 2.2, 5);
        assertMatchesLiteral(ThesisSets.fiftySeven('A'), c, Convention.THESIS, 7);
        assertMatchesLiteral(ThesisSets.thesis329(), c, Convention.N2P2, 13);
    }

    @Test
    void aClusterHasNoImages() {
        Configuration c = TestStructures.cluster(0, 0, 0, 2.6, 0.1, 0, 0.3, 2.7, 0.2, 1.4, 1.3, 2.4, -1.9, 0.8, 1.1);
        assertMatchesLiteral(TestStructures.mixed(), c, Convention.N2P2, 1);
    }

    /** contract(w) is ∂(Σ w·G)/∂r: checked by central differences of the values, and project is its transpose. */
    @Test
    void contractionIsTheGradientOfAWeightedSumAndProjectItsTranspose() {
        SymmetryFunctionSet set = ThesisSets.fiftySeven('A');
        Configuration c = Crystals.randomDense("Al", 24, 8.0, 2.2, 3);
        SetDerivativeEvaluator ev = new SetDerivativeEvaluator(set, Convention.THESIS);
        SetEvaluator values = new SetEvaluator(set, Convention.THESIS);
        SplittableRandom r = new SplittableRandom(7);
        double[] w = new double[c.size() * set.size()];
        for (int k = 0; k < w.length; k++) w[k] = r.nextDouble(-1, 1);
        double[] grad = ev.evaluate(c).contract(w);
        double h = 1e-5, worst = 0, scale = 0;
        for (double g : grad) scale = Math.max(scale, Math.abs(g));
        for (int a = 0; a < c.size(); a += 5)
            for (int x = 0; x < 3; x++) {
                double fd = (dot(w, values.evaluate(DerivativeTest.moved(c, a, x, h))) - dot(w, values.evaluate(DerivativeTest.moved(c, a, x, -h)))) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - grad[3 * a + x]) / scale);
            }
        assertTrue(worst < 1e-7, "worst relative error " + worst);

        double[] v = new double[3 * c.size()];
        for (int k = 0; k < v.length; k++) v[k] = r.nextDouble(-1, 1);
        double lhs = dot(v, grad), rhs = dot(w, ev.evaluate(c).project(v));
        assertEquals(lhs, rhs, 1e-12 * Math.abs(lhs));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
