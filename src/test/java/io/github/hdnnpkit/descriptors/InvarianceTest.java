package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The descriptors do not change under rotation, translation, permutation of atoms or choice of periodic image. */
class InvarianceTest {
    static final SymmetryFunctionSet SET = TestStructures.mixed();
    static final Configuration BASE = TestStructures.randomTriclinic(24, 7, true);

    static double[][] values(Configuration c) {
        return new SetEvaluator(SET, Convention.N2P2).evaluateRows(c);
    }

    static void assertSameRows(double[][] expected, double[][] actual, int[] permutation) {
        for (int i = 0; i < expected.length; i++)
            for (int f = 0; f < expected[i].length; f++) {
                double e = expected[i][f], a = actual[permutation == null ? i : permutation[i]][f];
                assertEquals(e, a, 1e-11 * Math.max(1e-3, Math.abs(e)), "atom " + i + " function " + SET.function(f).fullName());
            }
    }

    static double[] rotate(double[][] rot, double[] v) {
        return new double[]{rot[0][0] * v[0] + rot[0][1] * v[1] + rot[0][2] * v[2],
                rot[1][0] * v[0] + rot[1][1] * v[1] + rot[1][2] * v[2],
                rot[2][0] * v[0] + rot[2][1] * v[1] + rot[2][2] * v[2]};
    }

    @Test
    void rotation() {
        double a = 0.7, b = -1.1, g = 2.3;   // Euler angles
        double[][] rz = {{Math.cos(a), -Math.sin(a), 0}, {Math.sin(a), Math.cos(a), 0}, {0, 0, 1}};
        double[][] rx = {{1, 0, 0}, {0, Math.cos(b), -Math.sin(b)}, {0, Math.sin(b), Math.cos(b)}};
        double[][] ry = {{Math.cos(g), 0, Math.sin(g)}, {0, 1, 0}, {-Math.sin(g), 0, Math.cos(g)}};
        Lattice l = BASE.lattice().orElseThrow();
        double[][] lv = new double[3][];
        for (int i = 0; i < 3; i++) lv[i] = rotate(rz, rotate(rx, rotate(ry, l.vector(i))));
        double[] p = BASE.positions();
        for (int at = 0; at < BASE.size(); at++) {
            double[] r = rotate(rz, rotate(rx, rotate(ry, BASE.position(at))));
            System.arraycopy(r, 0, p, 3 * at, 3);
        }
        Configuration rotated = BASE.toBuilder().lattice(Lattice.of(lv[0], lv[1], lv[2])).atoms(BASE.species(), p).build();
        assertSameRows(values(BASE), values(rotated), null);
    }

    @Test
    void translation() {
        double[] p = BASE.positions();
        for (int k = 0; k < p.length; k += 3) {
            p[k] += 13.37;
            p[k + 1] -= 4.2;
            p[k + 2] += 0.01;
        }
        assertSameRows(values(BASE), values(BASE.toBuilder().atoms(BASE.species(), p).build()), null);
    }

    @Test
    void permutationOfAtoms() {
        int n = BASE.size();
        int[] perm = new int[n];   // atom i of BASE becomes atom perm[i]
        for (int i = 0; i < n; i++) perm[i] = (7 * i + 3) % n;   // 7 is coprime with 24
        String[] s = new String[n];
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
            s[perm[i]] = BASE.species(i);
            System.arraycopy(BASE.positions(), 3 * i, p, 3 * perm[i], 3);
        }
        assertSameRows(values(BASE), values(BASE.toBuilder().atoms(s, p).build()), perm);
    }

    @Test
    void choiceOfPeriodicImage() {
        Lattice l = BASE.lattice().orElseThrow();
        double[] p = BASE.positions();
        for (int i = 0; i < BASE.size(); i++) {
            double[] t = l.toCartesian(new double[]{(i % 3) - 1, 2 * (i % 2) - 1, i % 5 - 2});
            for (int k = 0; k < 3; k++) p[3 * i + k] += t[k];
        }
        assertSameRows(values(BASE), values(BASE.toBuilder().atoms(BASE.species(), p).build()), null);
    }

    @Test
    void equivalentSkewedCell() {
        // the same crystal with c' = c + a - b: a different (more skewed) cell of the same lattice
        Lattice l = BASE.lattice().orElseThrow();
        double[] a = l.vector(0), b = l.vector(1), c = l.vector(2);
        double[] c2 = {c[0] + a[0] - b[0], c[1] + a[1] - b[1], c[2] + a[2] - b[2]};
        Configuration skewed = BASE.toBuilder().lattice(Lattice.of(a, b, c2)).build();
        assertSameRows(values(BASE), values(skewed), null);
    }
}
