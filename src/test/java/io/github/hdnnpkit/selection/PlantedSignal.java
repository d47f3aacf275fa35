package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.TrainingData;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic HDNNP data where only descriptors f0, f1, f2 carry signal: E = Σ_atoms (sin 2x0 + x1² + x1/2 − x0 x2 + x2),
 * inputs uniform on [−1, 1]. Every signal feature has a linear part: LassoNet reaches the network only through a
 * non-zero skip weight, so a feature that acts only evenly (x1² alone) is invisible to its linear term and is the
 * first to go — a property of the method (its hierarchy), not of this implementation.
 */
final class PlantedSignal {
    static final List<String> SIGNAL = List.of("f0", "f1", "f2");

    private PlantedSignal() {
    }

    static TrainingData data(int configurations, int atoms, int features, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = configurations * atoms;
        float[] x = new float[rows * features];
        int[] off = new int[configurations + 1];
        double[] e = new double[configurations];
        for (int c = 0; c < configurations; c++) {
            off[c + 1] = off[c] + atoms;
            for (int a = 0; a < atoms; a++) {
                int row = c * atoms + a;
                for (int j = 0; j < features; j++) x[row * features + j] = (float) (r.nextDouble() * 2 - 1);
                double x0 = x[row * features], x1 = x[row * features + 1], x2 = x[row * features + 2];
                e[c] += Math.sin(2 * x0) + x1 * x1 + 0.5 * x1 - x0 * x2 + x2;
            }
        }
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < features; j++) ids.add("f" + j);
        int nTest = configurations / 10, nVal = configurations / 5;
        int[] test = range(0, nTest), val = range(nTest, nTest + nVal), train = range(nTest + nVal, configurations);
        return new TrainingData(new DescriptorMatrix(x, off, ids), e, Split.of(train, val, test), "planted-signal", "synthetic");
    }

    private static int[] range(int from, int to) {
        int[] a = new int[to - from];
        for (int i = 0; i < a.length; i++) a[i] = from + i;
        return a;
    }
}
