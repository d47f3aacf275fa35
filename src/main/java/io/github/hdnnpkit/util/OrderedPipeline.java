package io.github.hdnnpkit.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read → work (in parallel) → write (in input order) with bounded memory: at most {@code window} items are between
 * {@link #submit} and the end of their {@link Sink#accept write}, so a producer that reads a file of any size never
 * holds more than {@code window} items and their results. The producer (the caller of {@link #submit}) blocks while
 * the window is full.
 *
 * <pre>
 * try (OrderedPipeline&lt;Configuration, byte[]&gt; p = new OrderedPipeline&lt;&gt;(2, 8, (i, c) -&gt; encode(c), out::write, Cancellation.none())) {
 *     StructureFiles.forEach(file, p::submit);
 *     p.finish();
 * }
 * </pre>
 *
 * The first failure (of a work item, of the sink, or a cancellation) stops the pipeline: later {@link #submit} calls
 * and {@link #finish} rethrow it, and nothing after the failed item is written.
 */
public final class OrderedPipeline<I, O> implements AutoCloseable {
    /** The parallel step; called on worker threads, so it must be thread-safe. */
    @FunctionalInterface
    public interface Work<I, O> {
        O apply(long index, I item);
    }

    /** The ordered step; called on one writer thread, in submission order. */
    @FunctionalInterface
    public interface Sink<O> {
        void accept(long index, O result) throws IOException;
    }

    private static final Object END = new Object();

    private final Work<I, O> work;
    private final Sink<O> sink;
    private final Cancellation cancellation;
    private final ExecutorService pool;
    private final Semaphore window;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile int maxInFlight;
    private volatile Throwable failure;
    private volatile long written;
    private long submitted;
    private boolean finished;

    public OrderedPipeline(int threads, int window, Work<I, O> work, Sink<O> sink, Cancellation cancellation) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1: " + threads);
        if (window < 1) throw new IllegalArgumentException("window must be ≥ 1: " + window);
        this.work = work;
        this.sink = sink;
        this.cancellation = cancellation;
        this.window = new Semaphore(window);
        this.pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "pipeline-work"));
        this.writer = daemon(this::drain, "pipeline-write");
        writer.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);   // never keeps a notebook kernel or the JVM alive
        return t;
    }

    /** Queues one item; blocks while {@code window} items are unwritten; rethrows an earlier failure. */
    public void submit(I item) {
        if (finished) throw new IllegalStateException("already finished");
        try {
            while (!window.tryAcquire(50, TimeUnit.MILLISECONDS)) rethrowFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        rethrowFailure();
        if (cancellation.isCancelled()) {
            fail(new CancellationException("cancelled"));
            rethrowFailure();
        }
        int n = inFlight.incrementAndGet();
        if (n > maxInFlight) maxInFlight = n;
        long index = submitted++;
        queue.add(pool.submit(() -> failure != null ? null : work.apply(index, item)));
    }

    /** Waits until every submitted item is written; rethrows the first failure. Returns the number written. */
    public long finish() {
        if (!finished) {
            finished = true;
            queue.add(END);
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        rethrowFailure();
        return written;
    }

    /** The largest number of items that were submitted and not yet written at one time (≤ window). */
    public int maxInFlight() { return maxInFlight; }

    /** Items written so far. */
    public long written() { return written; }

    @SuppressWarnings("unchecked")
    private void drain() {
        long index = 0;
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) return;
                if (failure != null) continue;   // drop what follows a failure, but keep taking so nobody blocks
                try {
                    O result = ((Future<O>) next).get();
                    sink.accept(index, result);
                    written = ++index;
                } catch (ExecutionException e) {
                    fail(e.getCause());
                } catch (Throwable t) {
                    fail(t);
                } finally {
                    inFlight.decrementAndGet();
                    window.release();
                }
            }
        } catch (InterruptedException e) {
            fail(new CancellationException("interrupted"));
        }
    }

    private synchronized void fail(Throwable t) {
        if (failure == null) failure = t;
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        if (t instanceof IOException io) throw new UncheckedIOException(io.getMessage(), io);
        throw new IllegalStateException(t);
    }

    /** Stops the workers and the writer (after a failure or when the producer gave up). */
    @Override
    public void close() {
        pool.shutdownNow();
        if (writer.isAlive()) {
            fail(new CancellationException("closed before finish"));
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
