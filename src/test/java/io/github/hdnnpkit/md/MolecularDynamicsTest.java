package io.github.hdnnpkit.md;

import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.structure.Lattice;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MolecularDynamicsTest {
    /** Solid argon: 3×3×3 fcc cells (108 atoms) at 5.26 Å, slightly displaced. */
    static Configuration argon(long seed) {
        return Crystals.displaced(Crystals.fcc("Ar", 5.26, 3, 3, 3), 0.05, seed);
    }

    @Test
    void lennardJonesHandValues() {
        LennardJones lj = new LennardJones(0.01, 3.0, 7.5, LennardJones.Truncation.SHIFTED);
        assertEquals(0.0, lj.pairEnergy(3.0), 1e-15);
        double rmin = Math.pow(2, 1.0 / 6) * 3.0;
        assertEquals(-0.01, lj.pairEnergy(rmin), 1e-15);
        assertEquals(0.0, lj.pairDerivative(rmin), 1e-15);
        // U(r) = 4ε(x¹² − x⁶), x = σ/r = 0.75 at r = 4: 4·0.01·(0.0316764 − 0.1779785) = −0.00585208
        assertEquals(4 * 0.01 * (Math.pow(0.75, 12) - Math.pow(0.75, 6)), lj.pairEnergy(4.0), 1e-16);
        assertEquals(-0.00585208, lj.pairEnergy(4.0), 1e-8);
        assertEquals(0.0, lj.truncatedEnergy(7.5), 0);
        LennardJones sf = new LennardJones(0.01, 3.0, 7.5, LennardJones.Truncation.SHIFTED_FORCE);
        assertEquals(0.0, sf.truncatedForce(7.5 - 1e-12), 1e-12);
        assertEquals(0.0, sf.truncatedEnergy(7.5 - 1e-9), 1e-14);
    }

    @Test
    void forcesAreTheNegativeGradientOfTheEnergy() {
        Configuration cubic = argon(3);
        // a triclinic cell too: the forces must not depend on how the images are found
        Configuration fcc = Crystals.fcc("Ar", 5.26, 2, 2, 2);
        Lattice sheared = Lattice.of(new double[]{10.52, 0, 0}, new double[]{1.5, 10.52, 0}, new double[]{-1.0, 1.2, 10.52});
        double[] sq = fcc.positions();
        for (int i = 0; i < fcc.size(); i++) {
            double[] s = fcc.lattice().orElseThrow().toFractional(fcc.position(i));
            System.arraycopy(sheared.toCartesian(s), 0, sq, 3 * i, 3);
        }
        Configuration tri = Crystals.displaced(fcc.toBuilder().id("sheared").lattice(sheared).atoms(fcc.species(), sq).build(), 0.1, 5);
        for (LennardJones.Truncation t : LennardJones.Truncation.values())
            for (Configuration c : List.of(cubic, tri)) {
                LennardJones lj = new LennardJones(0.0104, 3.4, 8.0, t);
                double[] f = lj.evaluate(c).forces();
                double[] p = c.positions();
                double h = 1e-5, sum = 0, maxF = 0;
                for (int i : new int[]{0, 7, 17, 31}) {
                    for (int k = 0; k < 3; k++) {
                        double[] q = p.clone();
                        q[3 * i + k] += h;
                        double ep = lj.evaluate(c.toBuilder().atoms(c.species(), q).build()).energy();
                        q[3 * i + k] -= 2 * h;
                        double em = lj.evaluate(c.toBuilder().atoms(c.species(), q).build()).energy();
                        double fd = -(ep - em) / (2 * h);
                        assertEquals(fd, f[3 * i + k], 1e-6 * Math.max(1e-3, Math.abs(fd)), t + " " + c.id() + " atom " + i + " component " + k);
                    }
                }
                for (int k = 0; k < 3; k++) {
                    double s = 0;
                    for (int i = 0; i < c.size(); i++) s += f[3 * i + k];
                    sum = Math.max(sum, Math.abs(s));
                }
                for (double x : f) maxF = Math.max(maxF, Math.abs(x));
                assertTrue(sum < 1e-12 * c.size() * maxF + 1e-14, "forces of a periodic cell sum to zero: " + sum);
            }
    }

    @Test
    void maxwellBoltzmannVelocitiesHaveZeroMomentumTheExactTemperatureAndEquipartition() {
        Configuration c = Crystals.fcc("Al", 4.045, 8, 8, 8);   // 2048 atoms
        double[] m = new double[c.size()];
        for (int i = 0; i < m.length; i++) m[i] = i % 2 == 0 ? 26.98 : 107.87;
        double[] v = MdState.maxwellBoltzmann(m, 600, 42);
        MdState s = MdState.withMasses(c, v, m);
        assertEquals(600, s.temperature(), 1e-9);
        for (double p : s.momentum()) assertEquals(0, p, 1e-10);
        // equipartition per mass: ⟨m v_k²⟩ = k_B T for light and heavy atoms alike (v in Å/fs, m v² / ACCELERATION in eV)
        for (int parity = 0; parity < 2; parity++) {
            double sum = 0;
            int count = 0;
            for (int i = parity; i < m.length; i += 2)
                for (int k = 0; k < 3; k++) {
                    sum += m[i] * v[3 * i + k] * v[3 * i + k] / Units.ACCELERATION;
                    count++;
                }
            assertEquals(Units.BOLTZMANN * 600, sum / count, 0.05 * Units.BOLTZMANN * 600, "mass group " + parity);
        }
        // k_B·600 K = 0.0517 eV; the thermal speed of Al at 600 K is √(k_B T/m) ≈ 4.3e-3 Å/fs per component
        assertEquals(Math.sqrt(1.380649e-23 * 600 / (26.98 * 1.66053906660e-27)) * 1e-5, Math.sqrt(Units.BOLTZMANN * 600 / 26.98 * Units.ACCELERATION), 1e-12);
        assertArrayEquals(v, MdState.maxwellBoltzmann(m, 600, 42));
        assertFalse(java.util.Arrays.equals(v, MdState.maxwellBoltzmann(m, 600, 43)));
    }

    /** Largest |E(t) − E(0)| per atom of an NVE run over a fixed time. */
    private static double energyError(double dt, double time) {
        Configuration c = argon(11);
        MdState s = MdState.maxwellBoltzmann(c, 40, 7);
        LennardJones lj = LennardJones.argon(LennardJones.Truncation.SHIFTED_FORCE);
        int steps = (int) Math.round(time / dt);
        MdTrajectory t = new MolecularDynamics(lj).run(s, MdProtocol.of(dt, new MdSegment(Ensemble.nve(), steps, 1), 1), Progress.NONE, Cancellation.none());
        double e0 = t.samples().get(0).totalEnergy(), max = 0;
        for (MdSample x : t.samples()) max = Math.max(max, Math.abs(x.totalEnergy() - e0));
        for (double p : t.last().momentum()) assertEquals(0, p, 1e-9, "NVE conserves momentum");
        return max / c.size();
    }

    @Test
    void nveEnergyErrorScalesWithTheSquareOfTheTimeStep() {
        double coarse = energyError(8, 800), fine = energyError(4, 800), finer = energyError(2, 800);
        assertTrue(coarse < 1e-4, "energy conserved to 0.1 meV/atom at 8 fs: " + coarse);
        assertEquals(4.0, coarse / fine, 0.8, "halving dt quarters the error: " + coarse + " vs " + fine);
        assertEquals(4.0, fine / finer, 0.8, "halving dt quarters the error: " + fine + " vs " + finer);
    }

    @Test
    void langevinReachesTheTargetTemperatureFromAColdStart() {
        MdState s = MdState.maxwellBoltzmann(argon(5), 5, 3);
        LennardJones lj = LennardJones.argon(LennardJones.Truncation.SHIFTED);
        MdProtocol p = new MdProtocol(5, List.of(new MdSegment(Ensemble.langevin(70, 200), 400, 0),
                new MdSegment(Ensemble.langevin(70, 200), 2000, 10)), 99);
        MdTrajectory t = new MolecularDynamics(lj).run(s, p, Progress.NONE, Cancellation.none());
        double mean = t.segment(1).stream().mapToDouble(MdSample::temperature).average().orElseThrow();
        assertEquals(70, mean, 0.05 * 70, "mean temperature of the thermostatted segment");
        // seeded: the same seed gives the same trajectory, another seed another one
        MdProtocol shortP = MdProtocol.of(5, new MdSegment(Ensemble.langevin(70, 200), 20, 20), 99);
        MdTrajectory a = new MolecularDynamics(lj).run(s, shortP, Progress.NONE, Cancellation.none());
        MdTrajectory b = new MolecularDynamics(lj).run(s, shortP, Progress.NONE, Cancellation.none());
        MdTrajectory c = new MolecularDynamics(lj).run(s, new MdProtocol(5, shortP.segments(), 100), Progress.NONE, Cancellation.none());
        assertArrayEquals(a.last().velocities(), b.last().velocities());
        assertFalse(java.util.Arrays.equals(a.last().velocities(), c.last().velocities()));
    }

    @Test
    void noseHooverHoldsTheTargetTemperature() {
        MdState s = MdState.maxwellBoltzmann(argon(8), 30, 4);
        MdProtocol p = new MdProtocol(5, List.of(new MdSegment(Ensemble.noseHoover(60, 250), 400, 0),
                new MdSegment(Ensemble.noseHoover(60, 250), 2000, 10)), 1);
        MdTrajectory t = new MolecularDynamics(LennardJones.argon(LennardJones.Truncation.SHIFTED_FORCE)).run(s, p, Progress.NONE, Cancellation.none());
        double mean = t.segment(1).stream().mapToDouble(MdSample::temperature).average().orElseThrow();
        assertEquals(60, mean, 0.08 * 60, "Nosé–Hoover mean temperature");
    }

    @Test
    void trajectoryFileHoldsEverySampleAndCancellationStopsCleanly(@TempDir Path dir) throws Exception {
        MdState s = MdState.maxwellBoltzmann(argon(1), 40, 2);
        LennardJones lj = LennardJones.argon(LennardJones.Truncation.SHIFTED);
        Path file = dir.resolve("traj.extxyz");
        MdTrajectory t = new MolecularDynamics(lj).run(s, MdProtocol.of(2, new MdSegment(Ensemble.nve(), 20, 5), 1), file, Progress.NONE, Cancellation.none());
        List<Configuration> frames = ExtendedXyz.read(file);
        assertEquals(5, frames.size());
        assertEquals(t.samples().size(), frames.size());
        assertArrayEquals(t.samples().get(4).positions(), frames.get(4).positions());
        assertEquals(t.samples().get(4).potentialEnergy(), frames.get(4).energy(), 0);
        assertEquals("40.0", frames.get(4).label("time_fs").orElseThrow());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        Cancellation stop = Cancellation.none();
        stop.cancel();
        MdTrajectory c = new MolecularDynamics(lj).run(s, MdProtocol.of(2, new MdSegment(Ensemble.nve(), 20, 5), 1), Progress.NONE, stop);
        assertTrue(c.cancelled());
        assertEquals(0, c.steps());
        assertEquals(1, c.samples().size(), "the initial sample only");
    }

    @Test
    void anUnstablePotentialEndsTheRunWithTheReason() {
        LennardJones lj = LennardJones.argon(LennardJones.Truncation.SHIFTED);
        int[] calls = {0};
        // a potential that turns invalid after 12 evaluations, as the descriptors do when atoms overlap
        ForceField unstable = new ForceField() {
            @Override public Evaluation evaluate(Configuration c) {
                if (++calls[0] > 12) throw new IllegalArgumentException("atom 3 and atom 7 are 0.05 Å apart");
                return lj.evaluate(c);
            }
            @Override public String name() { return "unstable"; }
        };
        MdState s = MdState.maxwellBoltzmann(argon(2), 40, 1);
        MdTrajectory t = new MolecularDynamics(unstable).run(s, MdProtocol.of(2, new MdSegment(Ensemble.nve(), 50, 5), 1), Progress.NONE, Cancellation.none());
        assertTrue(t.failed());
        assertEquals(11, t.steps(), "the initial evaluation and 11 steps succeeded");
        assertTrue(t.failure().contains("step 12") && t.failure().contains("0.05 Å apart"), t.failure());
        assertEquals(3, t.samples().size(), "samples at steps 0, 5, 10 are kept");
        assertEquals(null, t.last());
        // a NaN force is caught too
        ForceField nan = new ForceField() {
            @Override public Evaluation evaluate(Configuration c) {
                double[] f = new double[3 * c.size()];
                f[0] = Double.NaN;
                return new Evaluation(0, f);
            }
            @Override public String name() { return "nan"; }
        };
        assertThrows(IllegalArgumentException.class, () -> new MolecularDynamics(nan).run(s, MdProtocol.of(2, new MdSegment(Ensemble.nve(), 5, 0), 1),
                Progress.NONE, Cancellation.none()), "an invalid start is an error, not a result");
    }

    @Test
    void badInputIsRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MdSegment(Ensemble.nve(), 10, 3));
        assertTrue(e.getMessage().contains("must divide"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ensemble.langevin(-1, 100));
        assertThrows(IllegalArgumentException.class, () -> new MdProtocol(0, List.of(new MdSegment(Ensemble.nve(), 1, 0)), 1));
        e = assertThrows(IllegalArgumentException.class, () -> MdState.of(Crystals.fcc("Og", 5, 1, 1, 1), new double[12]));
        assertTrue(e.getMessage().contains("Og"), e.getMessage());
    }
}
