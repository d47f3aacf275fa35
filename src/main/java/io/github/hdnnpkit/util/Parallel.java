package io.github.hdnnpkit.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The kit's few ways of running work on a fixed pool: daemon threads (a pool never keeps a notebook kernel or the JVM
 * alive), the calling thread taking the first task, and a task's own exception rethrown as it was thrown — not
 * wrapped in {@link ExecutionException}. An interrupt while waiting becomes a {@link CancellationException}.
 */
public final class Parallel {
    private Parallel() {
    }

    /** A fixed pool of {@code threads} daemon threads named {@code name}. */
    public static ExecutorService daemonPool(int threads, String name) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the tasks — the first in the calling thread, the rest on the pool (all here when it is null) — and waits for all. */
    public static void runAll(ExecutorService pool, List<? extends Runnable> tasks) {
        List<Callable<Void>> calls = new ArrayList<>(tasks.size());
        for (Runnable r : tasks)
            calls.add(() -> {
                r.run();
                return null;
            });
        callAll(pool, calls);
    }

    /** {@link #runAll} for tasks that may throw checked exceptions (rethrown wrapped in {@link IllegalStateException}). */
    public static void callAll(ExecutorService pool, List<? extends Callable<?>> tasks) {
        if (tasks.isEmpty()) return;
        if (pool == null || tasks.size() == 1) {
            for (Callable<?> t : tasks) call(t);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks.size() - 1);
        for (int t = 1; t < tasks.size(); t++) futures.add(pool.submit(tasks.get(t)));
        RuntimeException failure = null;
        try {
            call(tasks.get(0));       // the caller works too
        } catch (RuntimeException e) {
            failure = e;
        }
        // wait for every task even after a failure: none may still write into the caller's buffers once we return
        for (Future<?> f : futures) {
            try {
                await(f);
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }

    /** The future's value; its task's exception rethrown unwrapped. */
    public static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c);
        }
    }

    private static void call(Callable<?> t) {
        try {
            t.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
