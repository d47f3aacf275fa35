package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A perfect FCC crystal: every atom has the same environment, known in closed form. The neighbours are generated
 * here independently of the cell list, as the lattice vectors (a0/2)(i, j, k) with i + j + k even.
 */
class FccTest {
    static final double A0 = Crystals.AL_A0;

    static List<double[]> fccVectors(double rc) {
        List<double[]> v = new ArrayList<>();
        int m = (int) Math.ceil(2 * rc / A0) + 1;
        for (int i = -m; i <= m; i++)
            for (int j = -m; j <= m; j++)
                for (int k = -m; k <= m; k++) {
                    if ((i + j + k) % 2 != 0 || (i == 0 && j == 0 && k == 0)) continue;
                    double[] r = {i * A0 / 2, j * A0 / 2, k * A0 / 2};
                    if (Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]) < rc) v.add(r);
                }
        return v;
    }

    /** G2 from the analytic shells: N_k atoms at a0·sqrt(k/2), N = 12, 6, 24, 12, 24 for k = 1..5 (< 6.8 Å). */
    static double g2Shells(double eta, double rs) {
        int[] count = {12, 6, 24, 12, 24};
        CosineCutoff fc = new CosineCutoff(6.8);
        double sum = 0;
        for (int k = 1; k <= 5; k++) {
            double r = A0 * Math.sqrt(k / 2.0);
            sum += count[k - 1] * Math.exp(-eta * (r - rs) * (r - rs)) * fc.value(r);
        }
        return sum;
    }

    static double g5Direct(double eta, double zeta, double lambda, double rc) {
        List<double[]> v = fccVectors(rc);
        CosineCutoff fc = new CosineCutoff(rc);
        double sum = 0;
        for (int j = 0; j < v.size(); j++)
            for (int k = j + 1; k < v.size(); k++) {
                double[] a = v.get(j), b = v.get(k);
                double ra = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]), rb = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
                double cos = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (ra * rb);
                double base = 1 + lambda * cos;
                if (base <= 0) continue;
                sum += Math.pow(base, zeta) * Math.exp(-eta * (ra * ra + rb * rb)) * fc.value(ra) * fc.value(rb);
            }
        return Math.pow(2, 1 - zeta) * sum;
    }

    static void check(Configuration c) {
        SymmetryFunctionSet set = ThesisSets.thesis329();
        double[][] v = new DescriptorCalculator(set, Convention.N2P2, 1).compute(c);
        for (int f = 0; f < set.size(); f++) {
            double expected;
            if (set.function(f) instanceof RadialG2 g) expected = g2Shells(g.eta(), g.rs());
            else {
                AngularG5 g = (AngularG5) set.function(f);
                expected = g5Direct(g.eta(), g.zeta(), g.lambda(), g.rc());
            }
            for (int i = 0; i < c.size(); i++)
                assertEquals(expected, v[i][f], 1e-11 * Math.abs(expected), c.id() + " atom " + i + " " + set.function(f).name());
        }
    }

    @Test
    void fourAtomCellWithCutoff68() {
        check(Crystals.fcc("Al", A0, 1, 1, 1));
    }

    @Test
    void supercell256() {
        check(Crystals.fcc("Al", A0, 4, 4, 4));
    }

    @Test
    void oneAtomTriclinicPrimitiveCell() {
        check(Crystals.fccPrimitive("Al", A0));
    }

    @Test
    void twelveNearestNeighboursAtTheFirstShell() {
        // G1 with a cutoff between the first (2.86 Å) and second (4.045 Å) shells and a hard-ish cutoff value
        Configuration c = Crystals.fcc("Al", A0, 2, 2, 2);
        CosineCutoff fc = new CosineCutoff(3.5);
        double expected = 12 * fc.value(A0 / Math.sqrt(2));
        assertEquals(expected, new RadialG1("Al", "Al", fc).evaluate(c, 5, Convention.N2P2), 1e-12);
    }
}
