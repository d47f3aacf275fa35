package io.github.hdnnpkit.model;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test data: random descriptor rows, and energies that are exact sums of a known atomic function. */
public final class Synthetic {
    private Synthetic() {
    }

    /** Random descriptors in [lo, hi) with the given atom counts per configuration. */
    public static DescriptorMatrix random(int[] atomsPerConfiguration, int features, long seed, double lo, double hi) {
        int[] off = new int[atomsPerConfiguration.length + 1];
        for (int c = 0; c < atomsPerConfiguration.length; c++) off[c + 1] = off[c] + atomsPerConfiguration[c];
        float[] v = new float[off[atomsPerConfiguration.length] * features];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < v.length; i++) v[i] = (float) (lo + (hi - lo) * r.nextDouble());
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < features; j++) ids.add(String.format("G2_%03d", j + 1));
        return new DescriptorMatrix(v, off, ids);
    }

    public static int[] atoms(int configurations, int min, int max, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] a = new int[configurations];
        for (int i = 0; i < a.length; i++) a[i] = min + r.nextInt(max - min + 1);
        return a;
    }

    /** A smooth atomic "energy" of a descriptor row: -3.2 eV plus a nonlinear function of the first features. */
    public static double atomicEnergy(DescriptorMatrix d, int row) {
        double x0 = d.get(row, 0), x1 = d.get(row, 1 % d.features()), x2 = d.get(row, 2 % d.features());
        return -3.2 + 0.05 * Math.sin(2 * x0) + 0.03 * x1 * x1 - 0.02 * x0 * x2;
    }

    public static double[] energies(DescriptorMatrix d) {
        double[] e = new double[d.configurations()];
        for (int c = 0; c < e.length; c++)
            for (int r = d.firstAtom(c); r < d.firstAtom(c) + d.atomsIn(c); r++) e[c] += atomicEnergy(d, r);
        return e;
    }

    /** Independent double-precision evaluation of the network on (already preconditioned) rows. */
    public static double[] networkEnergies(Layout layout, float[] p, DescriptorMatrix x) {
        double[] e = new double[x.configurations()];
        for (int c = 0; c < e.length; c++)
            for (int r = x.firstAtom(c); r < x.firstAtom(c) + x.atomsIn(c); r++) {
                double[] in = new double[x.features()];
                for (int j = 0; j < in.length; j++) in[j] = x.get(r, j);
                e[c] += atomicOutput(layout, p, in);
            }
        return e;
    }

    public static double atomicOutput(Layout layout, float[] p, double[] in) {
        double[] h = in;
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l);
            double[] z = new double[nout];
            for (int o = 0; o < nout; o++) {
                double s = p[layout.biasOffset(l) + o];
                for (int i = 0; i < nin; i++) s += (double) p[layout.weightOffset(l) + o * nin + i] * h[i];
                z[o] = layout.activation(l).apply(s);
            }
            h = z;
        }
        return h[0];
    }
}
