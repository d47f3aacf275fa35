package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.descriptors.AngularG4;
import io.github.hdnnpkit.descriptors.AngularG5;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.CosineCutoff;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TargetNormalisation;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.structure.Lattice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Structures and untrained (random) potentials with real preconditioning for the force tests. */
final class ForceTestModels {
    private ForceTestModels() {
    }

    /** Al atoms at random in a triclinic periodic cell, at least 2.2 Å apart (minimum image over the 27 neighbours). */
    static Configuration triclinic(int n, long seed) {
        Lattice l = Lattice.of(new double[]{9.0, 0, 0}, new double[]{1.7, 8.6, 0}, new double[]{-1.1, 1.3, 8.8});
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[3 * n];
        int placed = 0;
        while (placed < n) {
            double[] x = l.toCartesian(new double[]{r.nextDouble(), r.nextDouble(), r.nextDouble()});
            boolean ok = true;
            for (int a = 0; a < placed && ok; a++)
                for (int u = -1; u <= 1 && ok; u++)
                    for (int v = -1; v <= 1 && ok; v++)
                        for (int w = -1; w <= 1 && ok; w++) {
                            double[] t = l.toCartesian(new double[]{u, v, w});
                            double dx = x[0] - p[3 * a] + t[0], dy = x[1] - p[3 * a + 1] + t[1], dz = x[2] - p[3 * a + 2] + t[2];
                            ok = dx * dx + dy * dy + dz * dz > 2.2 * 2.2;
                        }
            if (!ok) continue;
            System.arraycopy(x, 0, p, 3 * placed++, 3);
        }
        String[] s = new String[n];
        java.util.Arrays.fill(s, "Al");
        return Configuration.builder().id("triclinic" + seed).lattice(l).atoms(s, p).build();
    }

    /** A non-periodic cluster: Al atoms at random in a sphere of radius R, at least 2.3 Å apart. */
    static Configuration cluster(int n, double radius, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[3 * n];
        int placed = 0;
        while (placed < n) {
            double x = r.nextDouble(-radius, radius), y = r.nextDouble(-radius, radius), z = r.nextDouble(-radius, radius);
            if (x * x + y * y + z * z > radius * radius) continue;
            boolean ok = true;
            for (int a = 0; a < placed && ok; a++) {
                double dx = x - p[3 * a], dy = y - p[3 * a + 1], dz = z - p[3 * a + 2];
                ok = dx * dx + dy * dy + dz * dz > 2.3 * 2.3;
            }
            if (!ok) continue;
            p[3 * placed] = x;
            p[3 * placed + 1] = y;
            p[3 * placed + 2] = z;
            placed++;
        }
        String[] s = new String[n];
        java.util.Arrays.fill(s, "Al");
        return Configuration.builder().id("cluster" + seed).pbc(false, false, false).atoms(s, p).build();
    }

    /** Set A plus a few G4 and shifted functions: every derivative path of the evaluator on Al. */
    static SymmetryFunctionSet set() {
        List<SymmetryFunction> f = new ArrayList<>(ThesisSets.fiftySeven('A').functions());
        CosineCutoff c = new CosineCutoff(5.0);
        f.add(new AngularG4("Al", "Al", "Al", 0.05, 2, 1, 0.0, c));
        f.add(new AngularG4("Al", "Al", "Al", 0.02, 1, -1, 0.5, c));
        f.add(new AngularG5("Al", "Al", "Al", 0.1, 2.5, 1, 0.0, c));
        f.add(new RadialG2("Al", "Al", 0.8, 3.1, new CosineCutoff(6.0, 0.1)));
        return SymmetryFunctionSet.of("forces-test", f);
    }

    /**
     * A potential with random weights on a preconditioner fitted to a few random liquids, and a non-trivial target
     * normalisation, so every scale factor is exercised.
     */
    static Hdnnp randomPotential(SymmetryFunctionSet set, Convention convention, Preconditioner.Method method, String hidden, long seed) {
        List<Configuration> fit = List.of(Crystals.randomDense("Al", 24, 8.0, 2.3, seed), triclinic(20, seed + 1));
        DescriptorMatrix m = new DescriptorCalculator(set, convention, 1).compute(fit);
        Preconditioner pre = Preconditioner.fit(method, m, IntStream.range(0, fit.size()).toArray());
        Layout layout = Layout.parse(set.size() + "-" + hidden);
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[layout.parameterCount()];
        for (int k = 0; k < p.length; k++) p[k] = (float) (r.nextGaussian() * 0.4);
        return new Hdnnp(layout, p, pre, new TargetNormalisation(-3.3, 0.07), set.name(), "Al", Map.of(), set, convention);
    }
}
