package io.github.hdnnpkit.md;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisTest {
    private static Configuration box(double[] p, double l) {
        String[] s = new String[p.length / 3];
        java.util.Arrays.fill(s, "Ar");
        return Configuration.builder().id("box").lattice(Lattice.cubic(l)).atoms(s, p).build();
    }

    @Test
    void idealGasHasGOfROne() {
        Random rnd = new Random(1);
        List<Configuration> frames = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            double[] p = new double[3 * 800];
            for (int i = 0; i < p.length; i++) p[i] = 20 * rnd.nextDouble();
            frames.add(box(p, 20));
        }
        RadialDistribution g = RadialDistribution.of(frames, 10, 20);
        double[] v = g.g();
        for (int b = 0; b < v.length; b++) assertEquals(1.0, v[b], b < 2 ? 0.15 : 0.05, "bin " + b + " at r = " + g.r()[b]);
    }

    @Test
    void simpleCubicLatticeHasSixThenTwelveNeighbours() {
        // simple cubic, a = 2 Å, 10³ atoms: 6 neighbours at 2 Å, 12 at 2√2 = 2.83 Å, 8 at 2√3 = 3.46 Å
        int m = 10;
        double a = 2, l = m * a;
        double[] p = new double[3 * m * m * m];
        int k = 0;
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) for (int q = 0; q < m; q++) {
            p[k++] = i * a; p[k++] = j * a; p[k++] = q * a;
        }
        RadialDistribution g = RadialDistribution.of(List.of(box(p, l)), 3.2, 32);
        double rho = m * m * m / (l * l * l);
        double[] r = g.r(), v = g.g();
        double dr = g.binWidth(), toFirst = 0, toSecond = 0;
        for (int b = 0; b < v.length; b++) {
            double lo = b * dr, hi = lo + dr;
            // neighbours per atom in the bin: ρ·g·shell volume (the N−1 vs N of the normalisation is 1/1000)
            double count = v[b] * rho * 4.0 / 3 * Math.PI * (hi * hi * hi - lo * lo * lo) * (m * m * m - 1.0) / (m * m * m);
            if (r[b] < 2.5) toFirst += count;
            toSecond += count;
        }
        assertEquals(6, toFirst, 1e-9);
        assertEquals(18, toSecond, 1e-9);
        for (int b = 0; b < v.length; b++)
            if (r[b] > 2.1 && r[b] < 2.8) assertEquals(0, v[b], 0, "no pair between the first and second shell, bin " + r[b]);
        assertThrows(IllegalArgumentException.class, () -> RadialDistribution.of(List.of(box(p, l)), 10.5, 10), "beyond half the box");
    }

    @Test
    void ballisticMotionGivesMsdOfVelocitySquaredTimesLagSquared() {
        Random rnd = new Random(2);
        int n = 50;
        double[] x0 = new double[3 * n], v = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            x0[i] = 10 * rnd.nextDouble();
            v[i] = rnd.nextGaussian() * 0.01;
        }
        double[] mean = new double[3];
        for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) mean[k] += v[3 * i + k] / n;
        double v2 = 0;
        for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) v2 += Math.pow(v[3 * i + k] - mean[k], 2) / n;
        List<double[]> frames = new ArrayList<>();
        for (int f = 0; f < 21; f++) {
            double[] x = new double[3 * n];
            for (int i = 0; i < 3 * n; i++) x[i] = x0[i] + v[i] * f * 5.0;
            frames.add(x);
        }
        MeanSquareDisplacement msd = MeanSquareDisplacement.of(frames, 5.0);
        double[] lag = msd.lag(), y = msd.msd();
        assertEquals(11, lag.length);
        for (int l = 0; l < lag.length; l++) assertEquals(v2 * lag[l] * lag[l], y[l], 1e-12 * Math.max(1, y[l]));
    }

    @Test
    void randomWalkGivesTheEinsteinDiffusionCoefficient() {
        Random rnd = new Random(3);
        int n = 400, frames = 400;
        double sigma = 0.1, interval = 10;   // Å per component per frame, fs: D = σ²/(2Δt) = 5e-4 Å²/fs
        double[] x = new double[3 * n];
        List<double[]> traj = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            traj.add(x.clone());
            for (int i = 0; i < x.length; i++) x[i] += sigma * rnd.nextGaussian();
        }
        double d = MeanSquareDisplacement.of(traj, interval).diffusion();
        assertEquals(sigma * sigma / (2 * interval), d, 0.05 * sigma * sigma / (2 * interval));
    }

    @Test
    void driftIsTheSlopeOfTheTotalEnergy() {
        List<MdSample> s = new ArrayList<>();
        // 100 atoms, E_total = −300 eV + 0.02 eV/ps·t·N plus a bounded oscillation, sampled every 10 fs for 5 ps
        for (int i = 0; i <= 500; i++) {
            double t = 10.0 * i;
            double e = -300 + 0.02 * 100 * t / 1000 + 1e-3 * Math.sin(t / 37);
            s.add(new MdSample(0, i, t, e - 5, 5, 300, new double[3]));
        }
        EnergyDrift d = EnergyDrift.of(s, 100);
        assertEquals(0.02, d.perAtomPerPs(), 2e-6);
        assertTrue(d.fluctuation() > 5e-6 && d.fluctuation() < 1e-5, "RMS of the 1e-5 eV/atom oscillation: " + d.fluctuation());
    }
}
