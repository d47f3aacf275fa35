package io.github.hdnnpkit.model;

import java.util.SplittableRandom;

/** Initial weights: Glorot (Xavier) uniform with zero biases, Keras's default for {@code Dense}, from an explicit seed. */
public final class Initialisation {
    private Initialisation() {
    }

    public static float[] glorotUniform(Layout layout, long seed) {
        float[] p = new float[layout.parameterCount()];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l), wo = layout.weightOffset(l);
            double limit = Math.sqrt(6.0 / (nin + nout));
            for (int i = 0; i < nin * nout; i++) p[wo + i] = (float) ((2 * rng.nextDouble() - 1) * limit);
        }
        return p;
    }
}
