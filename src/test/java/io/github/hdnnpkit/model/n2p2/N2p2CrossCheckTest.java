package io.github.hdnnpkit.model.n2p2;

import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.model.forces.EnergyAndForces;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The n2p2 export checked by n2p2 itself: a model trained on the committed fixture (thesis set A, thesis convention,
 * so the export's factor-2 conversion of the angular functions is exercised) is exported, n2p2's {@code nnp-predict}
 * computes energies and forces of a few configurations, and they must equal the kit's own double-precision
 * prediction. Skipped, with a message, where n2p2 is not built.
 */
class N2p2CrossCheckTest {

    @Test
    void n2p2PredictsTheKitsEnergiesAndForces(@TempDir Path tmp) throws IOException {
        Optional<N2p2Predict> n2p2 = N2p2Predict.locate();
        Assumptions.assumeTrue(n2p2.isPresent(), "n2p2 is not built (looked for " + N2p2Predict.searchPath()
                + "; build it with ../shared/peers/n2p2/build.sh or set N2P2_BIN): the n2p2 cross-check is skipped");
        Dataset fixture = Dataset.fixture();
        SymmetryFunctionSet set = ThesisSets.fiftySeven('A');
        TrainingData data = TrainingData.of(fixture, set, Convention.THESIS, fixture.split(0.8, 101), Progress.NONE);
        for (Preconditioner.Method method : List.of(Preconditioner.Method.SCALE, Preconditioner.Method.SHIFT)) {
            Hdnnp model = new Trainer(TrainingConfig.defaults().withMaxEpochs(2).withBatchSize(8).withPreconditioning(method).withSeed(3))
                    .train(Layout.parse(set.size() + "-10-10-1"), data).potential();
            Path exported = tmp.resolve("export-" + method);
            N2p2Export.write(model, exported);

            List<Configuration> checks = new ArrayList<>(List.of(fixture.get(0), fixture.get(fixture.size() / 2), fixture.get(fixture.size() - 1)));
            checks.add(triclinic());
            double worstEnergy = 0, worstForce = 0;
            for (int k = 0; k < checks.size(); k++) {
                Configuration c = checks.get(k);
                EnergyAndForces kit = model.energyAndForces(c);
                EnergyAndForces theirs = n2p2.get().predict(exported, c, tmp.resolve(method + "-run" + k));
                worstEnergy = Math.max(worstEnergy, Math.abs(theirs.energy() - kit.energy()) / Math.abs(kit.energy()));
                double[] fk = kit.forces(), fn = theirs.forces();
                double scale = 0, diff = 0;
                for (int x = 0; x < fk.length; x++) {
                    scale = Math.max(scale, Math.abs(fk[x]));
                    diff = Math.max(diff, Math.abs(fk[x] - fn[x]));
                }
                worstForce = Math.max(worstForce, diff / scale);
            }
            System.out.printf(Locale.ROOT, "n2p2 cross-check (%s, %d configurations): energy max relative difference %.2e, forces max |ΔF|/max|F| %.2e%n",
                    method, checks.size(), worstEnergy, worstForce);
            assertTrue(worstEnergy <= 1e-6, method + ": energy relative difference " + worstEnergy);
            assertTrue(worstForce <= 1e-6, method + ": force relative difference " + worstForce);
        }
    }

    @Test
    void readsN2p2sOutputFormat(@TempDir Path tmp) throws IOException {
        // the two files as nnp-predict.cpp writes them: '#' header lines, then %24.16E columns
        java.nio.file.Files.writeString(tmp.resolve("energy.out"), """
                ################################################################################
                # Energy comparison.
                ################################################################################
                #        1          2                        3                        4
                #     conf     natoms                     Eref                     Ennp ...
                ############################################################################
                         1          2  -6.0000000000000000E+00  -6.5000000000000000E+00   2.5000000000000000E-01   0.0000000000000000E+00
                """);
        java.nio.file.Files.writeString(tmp.resolve("nnforces.out"), """
                # Atomic force comparison (ordered by atom index).
                         1          2   0.0E+00 0.0E+00 0.0E+00   -1.5000000000000000E-01   2.0E-01  3.0E-01
                         1          1   0.0E+00 0.0E+00 0.0E+00    1.5000000000000000E-01  -2.0E-01 -3.0E-01
                """);
        assertEquals(-6.5, N2p2Predict.energy(tmp.resolve("energy.out"), 2), 0.0);
        double[] f = N2p2Predict.forces(tmp.resolve("nnforces.out"), 2);
        assertEquals(0.15, f[0], 0.0);
        assertEquals(-0.3, f[2], 0.0);
        assertEquals(0.3, f[5], 0.0);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> N2p2Predict.forces(tmp.resolve("nnforces.out"), 3));
        assertTrue(e.getMessage().contains("2 force rows for 3 atoms"), e.getMessage());
    }

    /** A perturbed FCC block in a sheared cell, so n2p2's triclinic neighbour search is exercised too. */
    static Configuration triclinic() {
        double a = 4.05;
        Lattice l = Lattice.of(new double[]{3 * a, 0, 0}, new double[]{0.9, 3 * a, 0}, new double[]{-0.6, 0.7, 3 * a});
        SplittableRandom r = new SplittableRandom(17);
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        List<Double> p = new ArrayList<>();
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) for (double[] b : basis) {
            double[] x = l.toCartesian(new double[]{(i + b[0]) / 3, (j + b[1]) / 3, (k + b[2]) / 3});
            for (int d = 0; d < 3; d++) p.add(x[d] + 0.12 * r.nextGaussian());
        }
        int n = p.size() / 3;
        String[] s = new String[n];
        java.util.Arrays.fill(s, "Al");
        return Configuration.builder().id("sheared-fcc").lattice(l).atoms(s, p.stream().mapToDouble(Double::doubleValue).toArray())
                .energy(-3.3 * n).forces(new double[3 * n]).build();
    }
}
