package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Layout;

/**
 * The reference back-end on DeepLearning4J's SameDiff: placeholders for the atom rows (zero-padded per batch to the
 * largest atom count) and a 0/1 mask of real atoms, the shared dense layers applied to all rows at once, a masked sum
 * per configuration and the eq. 2.6 loss; gradients by SameDiff's autodiff and Adam by ND4J's own updater, one
 * gradient execution per mini-batch (which also yields the batch loss). Any layout and activation; the natural place
 * for LassoNet or group-lasso variants and, through ND4J, GPUs. Run with {@code OMP_NUM_THREADS=1} (one thread per
 * model): ND4J's OpenMP threads busy-wait and slow a shared machine down.
 *
 * <p>Speed (see {@code src/bench/RESULTS.md}): about 0.66 s per epoch of 3360 configurations × 256 atoms for
 * 57-10-10-1 and 1.2 s for 329-10-10-1 on one thread, 1.6-1.8× PyTorch with OpenBLAS and ~8× the Java back-end; what
 * is left is mostly ND4J's {@code tanh}/{@code tanh_bp} kernels and SameDiff's per-op bookkeeping. Use it as the
 * reference and for layouts or losses the Java back-end does not offer.
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
