package io.github.hdnnpkit.model;

import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many trainings at once, one model per core: on a small machine several single-threaded trainings use the cores
 * better than one multi-threaded training (no synchronisation per mini-batch). Results come back in job order; each
 * training is deterministic for its seed whatever the scheduling.
 */
public final class Trainings {
    private Trainings() {
    }

    /** One training to run: a name for progress messages, the network, the data and the hyper-parameters. */
    public record Job(String name, Layout layout, TrainingData data, TrainingConfig config) {
        public Job {
            Objects.requireNonNull(layout);
            Objects.requireNonNull(data);
            Objects.requireNonNull(config);
        }
    }

    /**
     * Runs the jobs on {@code workers} threads; every job's own thread count is set to 1.
     *
     * @param cancellation shared by all jobs: running ones return their best model so far, waiting ones are skipped
     * @return results in job order; skipped jobs are missing only if cancelled before they started
     */
    public static List<TrainingResult> run(List<Job> jobs, int workers, Progress progress, Cancellation cancellation) {
        if (workers < 1) throw new IllegalArgumentException("workers must be ≥ 1");
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "hdnnp-training");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        progress.start("training " + jobs.size() + " models on " + workers + " threads", jobs.size());
        try {
            List<Future<TrainingResult>> futures = new ArrayList<>();
            for (Job j : jobs)
                futures.add(pool.submit(() -> {
                    if (cancellation.isCancelled()) return null;
                    TrainingResult r = new Trainer(j.config().withThreads(1)).cancellation(cancellation).train(j.layout(), j.data());
                    progress.update(done.incrementAndGet(), j.name() + ": " + r);
                    return r;
                }));
            List<TrainingResult> out = new ArrayList<>();
            for (Future<TrainingResult> f : futures) {
                TrainingResult r = f.get();
                if (r != null) out.add(r);
            }
            progress.finish(out.size() + " of " + jobs.size() + " trainings done");
            return out;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
