package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Configurations and sets used by several descriptor tests. */
final class TestStructures {
    private TestStructures() {
    }

    static Configuration cluster(double... xyz) {
        String[] s = new String[xyz.length / 3];
        java.util.Arrays.fill(s, "Al");
        return Configuration.builder().id("cluster").pbc(false, false, false).atoms(s, xyz).build();
    }

    /** A random two-element configuration in a small triclinic cell (periodic images within every cutoff). */
    static Configuration randomTriclinic(int n, long seed, boolean twoElements) {
        Lattice l = Lattice.of(new double[]{6.5, 0, 0}, new double[]{1.2, 6.1, 0}, new double[]{-0.8, 0.9, 6.3});
        Random rnd = new Random(seed);
        double[] p = new double[3 * n];
        String[] s = new String[n];
        int placed = 0;
        while (placed < n) {
            double[] r = l.toCartesian(new double[]{rnd.nextDouble() * 1.1 - 0.05, rnd.nextDouble() * 1.1 - 0.05, rnd.nextDouble() * 1.1 - 0.05});
            boolean ok = true;
            for (int a = 0; a < placed && ok; a++) {
                double dx = r[0] - p[3 * a], dy = r[1] - p[3 * a + 1], dz = r[2] - p[3 * a + 2];
                ok = dx * dx + dy * dy + dz * dz > 1.8 * 1.8;   // loose: periodic images may still be closer, harmless
            }
            if (!ok) continue;
            System.arraycopy(r, 0, p, 3 * placed, 3);
            s[placed] = twoElements && placed % 3 == 0 ? "Cu" : "Al";
            placed++;
        }
        return Configuration.builder().id("triclinic" + seed).lattice(l).atoms(s, p).build();
    }

    /** Every function type, several cutoff kinds, both elements. */
    static SymmetryFunctionSet mixed() {
        List<SymmetryFunction> f = new ArrayList<>();
        CutoffFunction cos = new CosineCutoff(5.0), cosIn = new CosineCutoff(4.5, 0.2), tanh = new TanhCutoff(4.8, true),
                tanhu = new TanhCutoff(4.0, false), p1 = new PolynomialCutoff(4.2, 0.0, 1), p2 = new PolynomialCutoff(4.6, 0.1, 2),
                p3 = new PolynomialCutoff(4.4, 0.0, 3), p4 = new PolynomialCutoff(4.7, 0.3, 4);
        for (String e : new String[]{"Al", "Cu"}) {
            f.add(new RadialG1("Al", e, cos));
            for (int k = 0; k < 5; k++) f.add(new RadialG2("Al", e, 0.1 + 0.3 * k, 0.0, cos));        // η chain
            for (int k = 0; k < 5; k++) f.add(new RadialG2("Al", e, 1.5, 1.0 + 0.5 * k, tanh));      // r_s chain
            f.add(new RadialG2("Al", e, 0.7, 2.3, p1));
            f.add(new RadialG3("Al", e, 1.3, p2));
            f.add(new RadialG2("Cu", e, 0.4, 0.0, tanhu));
        }
        f.add(new AngularG5("Al", "Al", "Al", 0.01, 1, 1, 0.0, cos));
        f.add(new AngularG5("Al", "Al", "Al", 0.3, 4, -1, 0.0, cos));
        f.add(new AngularG5("Al", "Al", "Cu", 0.2, 2, 1, 0.0, p3));
        f.add(new AngularG5("Al", "Cu", "Al", 0.2, 2, -1, 0.5, p3));
        f.add(new AngularG5("Al", "Al", "Al", 0.05, 2.5, 1, 0.0, cosIn));   // non-integer ζ
        f.add(new AngularG4("Al", "Al", "Al", 0.02, 1, -1, 0.0, cos));
        f.add(new AngularG4("Al", "Al", "Al", 0.1, 16, 1, 0.3, p4));
        f.add(new AngularG4("Al", "Al", "Cu", 0.05, 2, 1, 0.0, tanh));
        f.add(new AngularG5("Cu", "Al", "Al", 0.1, 1, 1, 0.0, cos));
        f.add(new AngularG5("Al", "Al", "Al", 0.01, 1, 1, 0.0, cos));        // duplicate column
        return SymmetryFunctionSet.of("mixed", f);
    }
}
