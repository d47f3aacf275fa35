package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Why no function of the symmetry functions can predict a force, shown on a real configuration: mirror it, or turn it
 * by 90°, and every atom keeps its descriptors (to rounding) while its force changes sign or direction. A model of
 * the descriptors must give the same answer to both, so over a data set that contains such images with equal weight
 * (a liquid or a thermal crystal, statistically), its best answer is their mean: E[F | descriptors] = 0.
 */
public final class InvariantInputs {
    private InvariantInputs() {
    }

    /**
     * The descriptors of a configuration and of its images under x → L<sub>x</sub> − x (a mirror) and (x, y) →
     * (L − y, x) (a quarter turn about z, for a square cross-section), and what the forces become under the same
     * operation. The cell must be orthorhombic (the generated data's cubic NVT cells are).
     */
    public static Table imagesOf(Configuration c, SymmetryFunctionSet set) {
        Lattice l = c.lattice().orElseThrow(() -> new IllegalArgumentException("configuration " + c.id() + " is not periodic"));
        for (int i = 0; i < 3; i++)
            for (int k = 0; k < 3; k++)
                if (i != k && l.component(i, k) != 0)
                    throw new IllegalArgumentException("configuration " + c.id() + ": the images need an orthorhombic cell");
        double lx = l.component(0, 0), ly = l.component(1, 1);
        DescriptorCalculator calc = new DescriptorCalculator(set).withThreads(1);
        double[][] g = calc.compute(c);
        double[] pos = c.positions();
        int n = c.size();
        double[] mirror = pos.clone(), turn = pos.clone();
        for (int a = 0; a < n; a++) {
            mirror[3 * a] = lx - pos[3 * a];
            turn[3 * a] = ly - pos[3 * a + 1];
            turn[3 * a + 1] = pos[3 * a];
        }
        Table t = Table.create("Images of configuration " + c.id() + ": same descriptors, transformed forces ("
                        + set.name() + ", " + n + " atoms)",
                StringColumn.create("operation"), DoubleColumn.create("max_|dG|/max_|G|"),
                StringColumn.create("force_becomes"), DoubleColumn.create("rms_force_change_eV/A"));
        double scale = maxAbs(g);
        double[] f = c.hasForces() ? c.forces() : null;
        boolean square = Math.abs(lx - ly) <= 1e-9 * lx;
        t.stringColumn(0).append("mirror x -> Lx - x");
        t.doubleColumn(1).append(ForestTables.sig(maxAbsDiff(g, calc.compute(image(c, mirror))) / scale));
        t.stringColumn(2).append("(Fx, Fy, Fz) -> (-Fx, Fy, Fz)");
        t.doubleColumn(3).append(f == null ? Double.NaN : ForestTables.round(rmsChange(f, new int[]{0}), 4));
        if (square) {
            t.stringColumn(0).append("quarter turn about z");
            t.doubleColumn(1).append(ForestTables.sig(maxAbsDiff(g, calc.compute(image(c, turn))) / scale));
            t.stringColumn(2).append("(Fx, Fy, Fz) -> (-Fy, Fx, Fz)");
            t.doubleColumn(3).append(f == null ? Double.NaN : ForestTables.round(quarterTurnChange(f), 4));
        }
        return t;
    }

    private static Configuration image(Configuration c, double[] positions) {
        return c.toBuilder().atoms(c.species(), positions).forces(null).atomicEnergies(null).build();
    }

    private static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] r : a) for (double v : r) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static double maxAbsDiff(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < a[i].length; j++) m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
        return m;
    }

    /** RMS over atoms of |F' − F| when the listed components flip sign. */
    private static double rmsChange(double[] f, int[] flipped) {
        double s = 0;
        int n = f.length / 3;
        for (int a = 0; a < n; a++)
            for (int k : flipped) {
                double d = 2 * f[3 * a + k];
                s += d * d;
            }
        return Math.sqrt(s / n);
    }

    private static double quarterTurnChange(double[] f) {
        double s = 0;
        int n = f.length / 3;
        for (int a = 0; a < n; a++) {
            double fx = f[3 * a], fy = f[3 * a + 1];
            double dx = -fy - fx, dy = fx - fy;
            s += dx * dx + dy * dy;
        }
        return Math.sqrt(s / n);
    }
}
