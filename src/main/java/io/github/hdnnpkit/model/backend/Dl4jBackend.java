package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Layout;

/**
 * The reference back-end on DeepLearning4J's SameDiff: placeholders for the atom rows and their configuration ids,
 * the shared dense layers applied to all rows at once, a segment sum per configuration and the eq. 2.6 loss; Adam
 * from ND4J, one {@code fit} call per mini-batch. Any layout and activation; the natural place for LassoNet or
 * group-lasso variants and, through ND4J, GPUs. Run with {@code OMP_NUM_THREADS=1} (one thread per model): ND4J's
 * OpenMP threads busy-wait and slow a shared machine down.
 */
public final class Dl4jBackend implements Backend {
    @Override
    public String name() {
        return "dl4j-samediff";
    }

    @Override
    public Engine open(Layout layout, float[] parameters, AdamSettings adam, int threads) {
        return new Dl4jEngine(layout, parameters, adam);
    }
}
