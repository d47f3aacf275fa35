package io.github.hdnnpkit.model.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "hdnnp-optimiser");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    void run(int n, Rows body) {
        int chunks = Math.min(threads, n);
        if (chunks <= 1 || pool == null) {
            body.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        for (int t = 1; t < chunks; t++) {
            int from = (int) ((long) n * t / chunks), to = (int) ((long) n * (t + 1) / chunks);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        body.run(0, (int) ((long) n / chunks));
        try {
            for (Future<?> f : futures) f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
