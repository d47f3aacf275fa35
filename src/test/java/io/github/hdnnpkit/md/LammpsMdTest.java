package io.github.hdnnpkit.md;

import io.github.hdnnpkit.data.LammpsGenerator;
import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The kit's integrator against LAMMPS's, and the EAM reference runner against the reference data. */
class LammpsMdTest {
    @BeforeAll
    static void lammpsInstalled() {
        assumeTrue(Files.isExecutable(LammpsGenerator.findLmp()), "LAMMPS (lmp) is not installed: run environment/kit or "
                + "apt-get install lammps lammps-data; skipping the kit-vs-LAMMPS MD tests");
    }

    /** The same NVE trajectory from the same positions and velocities, 100 steps of 2 fs, in the kit and in LAMMPS. */
    private static void sameTrajectory(LennardJones.Truncation truncation, Path dir) {
        // liquid-like argon: 108 atoms, hot enough (120 K) that many pairs cross the cutoff during the run
        MdState s = MdState.maxwellBoltzmann(MolecularDynamicsTest.argon(21), 120, 5);
        LennardJones lj = LennardJones.argon(truncation);
        MdProtocol p = MdProtocol.of(2, new MdSegment(Ensemble.nve(), 100, 10), 1);
        MdTrajectory kit = new MolecularDynamics(lj).run(s, p, Progress.NONE, Cancellation.none());
        MdTrajectory ref = LammpsMd.of(lj).run(s, p, dir, Progress.NONE, Cancellation.none());
        assertEquals(kit.samples().size(), ref.samples().size());
        double maxDx = 0, maxDv = 0, maxDe = 0;
        for (int i = 0; i < kit.samples().size(); i++) {
            MdSample a = kit.samples().get(i), b = ref.samples().get(i);
            assertEquals(a.time(), b.time(), 1e-9);
            for (int k = 0; k < 3 * s.size(); k++) maxDx = Math.max(maxDx, Math.abs(a.positions()[k] - b.positions()[k]));
            maxDe = Math.max(maxDe, Math.abs(a.potentialEnergy() - b.potentialEnergy()));
            assertEquals(a.kineticEnergy(), b.kineticEnergy(), 1e-6 * a.kineticEnergy(), "kinetic energy at sample " + i);
        }
        double[] va = kit.last().velocities(), vb = ref.last().velocities();
        for (int k = 0; k < va.length; k++) maxDv = Math.max(maxDv, Math.abs(va[k] - vb[k]));
        // the atoms moved ~0.5 Å in 200 fs; both engines must agree far below that
        double moved = 0;
        for (int k = 0; k < va.length; k++) moved = Math.max(moved, Math.abs(kit.last().positions()[k] - s.positions()[k]));
        assertTrue(moved > 0.2, "the atoms moved: " + moved);
        System.out.printf("kit vs LAMMPS %s: max |Δx| = %.2e Å, |Δv| = %.2e Å/fs, |ΔE_pot| = %.2e eV over 100 steps%n", truncation, maxDx, maxDv, maxDe);
        assertTrue(maxDx < 1e-6, truncation + ": positions differ by " + maxDx + " Å");
        assertTrue(maxDv < 1e-8, truncation + ": velocities differ by " + maxDv + " Å/fs");
        assertTrue(maxDe < 1e-6, truncation + ": potential energies differ by " + maxDe + " eV");
    }

    @Test
    void nveTrajectoryEqualsLammpsLjCut(@TempDir Path dir) {
        sameTrajectory(LennardJones.Truncation.SHIFTED, dir);
    }

    @Test
    void nveTrajectoryEqualsLammpsLjSmoothLinear(@TempDir Path dir) {
        sameTrajectory(LennardJones.Truncation.SHIFTED_FORCE, dir);
    }

    @Test
    void eamRunnerStartsAtTheReferenceEnergyAndConservesIt(@TempDir Path dir) {
        assumeTrue(LammpsMd.available(), "the EAM potential Al_mm.eam.fs is not installed (apt-get install lammps-data); skipping");
        Configuration c = ExtendedXyz.read(Workspace.fixture().resolve("500K.extxyz.gz")).get(0);
        MdState s = MdState.maxwellBoltzmann(c, 500, 3);
        MdProtocol p = new MdProtocol(1, List.of(new MdSegment(Ensemble.langevin(500, 100), 100, 0), new MdSegment(Ensemble.nve(), 200, 10)), 7);
        MdProtocol nveOnly = MdProtocol.of(1, new MdSegment(Ensemble.nve(), 200, 10), 7);
        MdTrajectory t0 = LammpsMd.eam().run(s, nveOnly, dir.resolve("nve"), Progress.NONE, Cancellation.none());
        // step 0 is the configuration the data generator labelled: the same potential gives the same energy
        assertEquals(c.energy(), t0.samples().get(0).potentialEnergy(), 1e-6, "EAM energy of the fixture's first 500 K frame");
        // LAMMPS counts 3N − 3 degrees of freedom too; its k_B (8.617343e-5) is CODATA's to 1.1e-6
        assertEquals(500, t0.samples().get(0).temperature(), 2e-6 * 500, "LAMMPS counts the temperature as the kit does (3N − 3)");
        assertEquals(s.kineticEnergy(), t0.samples().get(0).kineticEnergy(), 1e-6 * s.kineticEnergy());
        EnergyDrift d = EnergyDrift.of(t0.samples(), c.size());
        assertTrue(Math.abs(d.perAtomPerPs()) < 1e-3, "NVE with EAM conserves energy: " + d);
        MdTrajectory t = LammpsMd.eam().run(s, p, dir.resolve("eq"), Progress.NONE, Cancellation.none());
        assertEquals(21, t.samples().size());
        assertEquals(100.0, t.samples().get(0).time(), 1e-9, "the sampled segment starts after the 100 fs of equilibration");
        assertEquals(1, t.samples().get(0).segment());
        assertTrue(t.last() != null && t.last().size() == 256);
    }

    /** Relabelling the generator's own frames gives back the energies and forces it stored; a pushed pair repels. */
    @Test
    void singlePointsReproduceTheGeneratorsLabelsAndAShortPairRepels(@TempDir Path dir) {
        assumeTrue(LammpsMd.available(), "the EAM potential Al_mm.eam.fs is not installed (apt-get install lammps-data); skipping");
        List<Configuration> frames = ExtendedXyz.read(Workspace.fixture().resolve("1500K.extxyz.gz")).subList(0, 3);
        List<Configuration> again = LammpsMd.eam().label(frames, dir.resolve("points"), Cancellation.none());
        for (int k = 0; k < frames.size(); k++) {
            assertEquals(frames.get(k).energy(), again.get(k).energy(), 1e-6, "energy of frame " + k);
            double[] a = frames.get(k).forces(), b = again.get(k).forces();
            for (int q = 0; q < a.length; q++) assertEquals(a[q], b[q], 1e-6, "force component " + q + " of frame " + k);
        }
        List<Configuration> pushed = ShortPairs.of(frames, 4, 1, 1.6, 1.8, 3);
        List<Configuration> labelled = LammpsMd.eam().label(pushed, dir.resolve("pairs"), Cancellation.none());
        for (Configuration c : labelled) {
            String[] pair = c.labels().get("short_pairs").split(",");
            int i = Integer.parseInt(pair[0]), j = Integer.parseInt(pair[1]);
            double target = Double.parseDouble(pair[2]);
            assertEquals(target, MdObservables.closestPair(c, 3.0), 1e-9, "the pushed pair is the closest, at the drawn distance");
            assertTrue(target >= 1.6 && target <= 1.8);
            String source = c.id().substring(0, c.id().indexOf("-pairs"));
            Configuration from = frames.stream().filter(f -> f.id().equals(source)).findFirst().orElseThrow();
            assertTrue(c.energy() > from.energy() + 0.1, "pushing a pair to " + target + " Å costs energy: " + (c.energy() - from.energy()) + " eV");
            double[] x = c.positions(), f = c.forces();
            double[] d = new double[3];
            for (int a = 0; a < 3; a++) {
                d[a] = x[3 * j + a] - x[3 * i + a];
            }
            // the pair's relative force pushes them apart along their bond (minimum image of a cubic cell)
            double edge = c.lattice().orElseThrow().vector(0)[0];
            for (int a = 0; a < 3; a++) d[a] -= edge * Math.rint(d[a] / edge);
            double push = 0;
            for (int a = 0; a < 3; a++) push += (f[3 * j + a] - f[3 * i + a]) * d[a];
            assertTrue(push > 0, "repulsion along the short bond");
        }
    }
}
