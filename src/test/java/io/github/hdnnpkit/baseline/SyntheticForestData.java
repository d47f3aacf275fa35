package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic data sets whose answers are known, for the forest tests. */
final class SyntheticForestData {
    static final String[] SERIES = {"300K", "950K", "1500K"};

    private SyntheticForestData() {
    }

    /** The known atomic energy function of the descriptors. */
    static double atomicEnergy(float[] g, int base) {
        return -3.3 + 0.2 * Math.sin(3 * g[base]) + 0.1 * g[base + 1] * g[base + 1] - 0.05 * g[base + 2];
    }

    /**
     * Atoms with uniform descriptors in [-1, 1]; atomic energies a known function of them; E = Σ e_i; forces random
     * (independent of the descriptors, as an invariant description of a vector is); series and phase labels cycling.
     */
    static ForestData knownFunction(int configurations, int atoms, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int rows = configurations * atoms;
        float[] v = new float[rows * features];
        for (int i = 0; i < v.length; i++) v[i] = (float) (2 * rng.nextDouble() - 1);
        double[] e = new double[configurations], a = new double[rows], f = new double[3 * rows];
        String[] series = new String[configurations], phase = new String[configurations];
        double[] t = new double[configurations];
        int[] offsets = new int[configurations + 1];
        for (int c = 0; c < configurations; c++) {
            offsets[c + 1] = offsets[c] + atoms;
            for (int i = c * atoms; i < (c + 1) * atoms; i++) {
                a[i] = atomicEnergy(v, i * features);
                e[c] += a[i];
                for (int k = 0; k < 3; k++) f[3 * i + k] = rng.nextGaussian();
            }
            series[c] = SERIES[c % SERIES.length];
            phase[c] = c % SERIES.length == 0 ? "solid" : "liquid";
            t[c] = Double.parseDouble(series[c].replace("K", ""));
        }
        return new ForestData("synthetic-known-" + seed, "synthetic", new DescriptorMatrix(v, offsets, ids(features)),
                e, f, a, series, t, phase);
    }

    /**
     * The thesis's situation made extreme: every atom's descriptors come from one distribution whatever its
     * configuration, and each configuration's E/N is drawn independently of them. An atom-row forest must collapse to
     * the mean; forces are random vectors the descriptors know nothing about.
     */
    static ForestData mustCollapse(int configurations, int atoms, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int rows = configurations * atoms;
        float[] v = new float[rows * features];
        for (int i = 0; i < v.length; i++) v[i] = (float) rng.nextGaussian();
        double[] e = new double[configurations], f = new double[3 * rows];
        for (int i = 0; i < f.length; i++) f[i] = rng.nextGaussian();
        String[] series = new String[configurations], phase = new String[configurations];
        double[] t = new double[configurations];
        int[] offsets = new int[configurations + 1];
        for (int c = 0; c < configurations; c++) {
            offsets[c + 1] = offsets[c] + atoms;
            e[c] = atoms * (-3.3 + 0.01 * rng.nextGaussian());
            series[c] = "950K";
            phase[c] = "liquid";
            t[c] = 950;
        }
        return new ForestData("synthetic-collapse-" + seed, "synthetic", new DescriptorMatrix(v, offsets, ids(features)),
                e, f, null, series, t, phase);
    }

    static List<String> ids(int features) {
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < features; j++) ids.add(String.format("G2_%03d", j + 1));
        return ids;
    }
}
