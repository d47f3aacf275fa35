package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analytic dG/dr against central finite differences, every function type and cutoff kind, periodic images included. */
class DerivativeTest {

    @Test
    void analyticGradientsMatchCentralDifferences() {
        SymmetryFunctionSet set = TestStructures.mixed();
        Configuration c = TestStructures.randomTriclinic(10, 21, true);
        DescriptorCalculator calc = new DescriptorCalculator(set, Convention.THESIS, 1);
        double h = 1e-5;
        double worst = 0;
        String worstWhere = "";
        for (int i : new int[]{0, 1, 4, 7}) {
            double[][] g = calc.gradient(c, i);
            for (int f = 0; f < set.size(); f++) {
                double scale = 0;
                for (double v : g[f]) scale = Math.max(scale, Math.abs(v));
                if (scale == 0) continue;
                for (int a = 0; a < c.size(); a++)
                    for (int x = 0; x < 3; x++) {
                        double fd = (value(set.function(f), moved(c, a, x, h), i) - value(set.function(f), moved(c, a, x, -h), i)) / (2 * h);
                        double err = Math.abs(fd - g[f][3 * a + x]) / scale;
                        if (err > worst) {
                            worst = err;
                            worstWhere = set.function(f).fullName() + " at atom " + i + " d/d(atom " + a + ", " + x + ")";
                        }
                    }
            }
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst + " for " + worstWhere);
    }

    @Test
    void thesisSetGradientOnALiquid() {
        SymmetryFunctionSet set = ThesisSets.fiftySeven('A');
        Configuration c = io.github.hdnnpkit.structure.Crystals.randomDense("Al", 20, 7.5, 2.2, 9);
        double[][] g = new DescriptorCalculator(set, Convention.THESIS, 1).gradient(c, 3);
        double h = 1e-5, worst = 0;
        for (int f = 0; f < set.size(); f++) {
            double scale = 0;
            for (double v : g[f]) scale = Math.max(scale, Math.abs(v));
            for (int a = 0; a < c.size(); a += 3)
                for (int x = 0; x < 3; x++) {
                    double fd = (value(set.function(f), moved(c, a, x, h), 3) - value(set.function(f), moved(c, a, x, -h), 3)) / (2 * h);
                    worst = Math.max(worst, Math.abs(fd - g[f][3 * a + x]) / scale);
                }
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    static double value(SymmetryFunction f, Configuration c, int atom) {
        return f.evaluate(c, NeighbourList.of(c, f.rc()), atom, Convention.THESIS, null);
    }

    static Configuration moved(Configuration c, int atom, int axis, double h) {
        double[] p = c.positions();
        p[3 * atom + axis] += h;
        return c.toBuilder().atoms(c.species(), p).build();
    }
}
