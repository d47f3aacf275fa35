package io.github.hdnnpkit.model.optim;

import io.github.hdnnpkit.util.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Runs a loop over the rows of an n×n matrix on a fixed number of threads, each on its own fixed contiguous block
 * of rows (the caller takes the first). Rows are independent in every kernel it runs, so the result does not depend
 * on the thread count.
 */
final class RowParallel implements AutoCloseable {
    interface Rows {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    RowParallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        this.threads = threads;
        this.pool = threads > 1 ? Parallel.daemonPool(threads - 1, "hdnnp-optimiser") : null;
    }

    void run(int n, Rows body) {
        int chunks = Math.min(threads, n);
        if (chunks <= 1 || pool == null) {
            body.run(0, n);
            return;
        }
        List<Runnable> blocks = new ArrayList<>(chunks);
        for (int t = 0; t < chunks; t++) {
            int from = (int) ((long) n * t / chunks), to = (int) ((long) n * (t + 1) / chunks);
            blocks.add(() -> body.run(from, to));
        }
        Parallel.runAll(pool, blocks);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
