package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a study: every specification without a stored result is trained, one model per core (each on one thread:
 * on a small machine several single-threaded trainings use the cores better than one multi-threaded one), and its
 * result is written to the {@link ResultStore} the moment it finishes. A study that is killed or cancelled and run
 * again trains only what is missing; a finished study run again trains nothing. One progress bar with an ETA
 * covers the whole study; a cancelled run stops the running trainings, keeps nothing of them, and returns what is
 * done.
 *
 * <pre>{@code
 * StudyResults r = new StudyRunner(new ResultStore(Workspace.build().resolve("studies/evenly")))
 *         .progress(Show.progress()).run(study);
 * Show.table(r.table());
 * }</pre>
 */
public final class StudyRunner {
    private final ResultStore store;
    private int workers = Runtime.getRuntime().availableProcessors();
    private Progress progress = Progress.NONE;
    private Progress dataProgress = Progress.NONE;
    private Cancellation cancellation = Cancellation.none();
    private Path descriptorCache = Workspace.build().resolve("descriptors");
    private final Map<DataSpec, StudyData> loaded = new ConcurrentHashMap<>();

    public StudyRunner(ResultStore store) {
        this.store = Objects.requireNonNull(store);
    }

    public ResultStore store() { return store; }

    public StudyRunner workers(int n) {
        if (n < 1) throw new IllegalArgumentException("workers must be ≥ 1, got " + n);
        this.workers = n;
        return this;
    }

    /** The study's progress (one unit per model). */
    public StudyRunner progress(Progress p) { this.progress = Objects.requireNonNull(p); return this; }

    /** Progress of loading data and computing descriptors (only on a cache miss). */
    public StudyRunner dataProgress(Progress p) { this.dataProgress = Objects.requireNonNull(p); return this; }

    public StudyRunner cancellation(Cancellation c) { this.cancellation = Objects.requireNonNull(c); return this; }

    public StudyRunner descriptorCache(Path dir) { this.descriptorCache = Objects.requireNonNull(dir); return this; }

    /** Data for specifications whose source is {@code memory:NAME} (tests, synthetic studies). */
    public StudyRunner register(DataSpec spec, StudyData data) {
        if (!spec.inMemory()) throw new IllegalArgumentException("only memory: data can be registered, not " + spec.source());
        loaded.put(spec, data);
        return this;
    }

    /** The loaded data of a spec (loaded and cached on first use). */
    public StudyData data(DataSpec spec) {
        StudyData d = loaded.get(spec);
        if (d != null) return d;
        if (spec.inMemory()) throw new IllegalStateException("data " + spec.source() + " is not registered with this runner");
        synchronized (this) {
            return loaded.computeIfAbsent(spec, s -> StudyData.load(s, descriptorCache, dataProgress, cancellation));
        }
    }

    /**
     * Trains one model now, whether or not the store has it, on {@code threads} threads and with a monitor that sees
     * every epoch (e.g. a {@link io.github.hdnnpkit.model.LearningCurve.Recorder}), and stores its result, so a study
     * that contains the same model reuses this training.
     */
    public StudyResult train(ModelSpec s, int threads, io.github.hdnnpkit.model.EpochMonitor monitor) {
        StudyData d = data(s.data());
        TrainingResult tr = new Trainer(s.training().withThreads(threads)).cancellation(cancellation).monitor(monitor).train(s.layout(), d.trainingData(s));
        StudyResult r = StudyResult.of(s, d.fingerprint(), tr);
        if (tr.stopReason() != TrainingResult.StopReason.CANCELLED) store.write(r);
        return r;
    }

    /** Results already in the store for this study's models (nothing is trained). */
    public StudyResults collect(Study study) {
        Map<String, StudyResult> done = new LinkedHashMap<>();
        for (var e : study.byHash().entrySet()) stored(e.getValue()).ifPresent(r -> done.put(e.getKey(), r));
        return new StudyResults(study, done);
    }

    /** A stored result of this spec that belongs to the current data (a result of other data counts as missing). */
    private java.util.Optional<StudyResult> stored(ModelSpec s) {
        var r = store.read(s.hash());
        if (r.isEmpty()) return r;
        StudyData d = loaded.get(s.data());
        if (d != null && !d.fingerprint().equals(r.get().dataFingerprint())) return java.util.Optional.empty();
        return r;
    }

    /**
     * Trains every model of the study that has no stored result and returns all results.
     *
     * @throws StudyException if some trainings failed (the others are stored and returned by {@link #collect})
     */
    public StudyResults run(Study study) {
        Map<String, ModelSpec> models = study.byHash();
        // data first (once per data set and descriptor set), so fingerprints can be checked against stored results
        for (ModelSpec s : models.values()) data(s.data());
        Map<String, StudyResult> done = new LinkedHashMap<>();
        List<ModelSpec> todo = new ArrayList<>();
        for (var e : models.entrySet()) {
            var r = stored(e.getValue());
            if (r.isPresent()) done.put(e.getKey(), r.get());
            else todo.add(e.getValue());
        }
        int total = models.size(), already = done.size();
        progress.start(String.format(Locale.ROOT, "study %s: %d models (%d stored, %d to train on %d workers)",
                study.name(), total, already, todo.size(), Math.min(workers, Math.max(1, todo.size()))), total);
        if (todo.isEmpty()) {
            progress.finish("all " + total + " models were already trained");
            return new StudyResults(study, done);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, todo.size()), r -> {
            Thread t = new Thread(r, "hdnnp-study");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        AtomicInteger finished = new AtomicInteger();
        Map<String, StudyResult> fresh = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ModelSpec s : todo)
                futures.add(pool.submit(() -> {
                    if (cancellation.isCancelled()) return;
                    try {
                        StudyData d = data(s.data());
                        TrainingResult tr = new Trainer(s.training().withThreads(1)).cancellation(cancellation).train(s.layout(), d.trainingData(s));
                        if (tr.stopReason() == TrainingResult.StopReason.CANCELLED) return;   // unfinished: train again next time
                        StudyResult r = StudyResult.of(s, d.fingerprint(), tr);
                        store.write(r);
                        fresh.put(s.hash(), r);
                        int n = finished.incrementAndGet();
                        double elapsed = (System.nanoTime() - t0) * 1e-9;
                        double eta = elapsed / n * (todo.size() - n);
                        progress.update(already + n, String.format(Locale.ROOT, "%s: test RMSE %.3f meV/atom, %d epochs  ETA %s",
                                s.name(), r.test().rmseMeVPerAtom(), r.lastEpoch(), duration(eta)));
                    } catch (RuntimeException e) {
                        failures.put(s.name(), e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }));
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (var e : models.entrySet()) if (fresh.containsKey(e.getKey())) done.put(e.getKey(), fresh.get(e.getKey()));
        // keep the study's order
        Map<String, StudyResult> ordered = new LinkedHashMap<>();
        for (String h : models.keySet()) if (done.containsKey(h)) ordered.put(h, done.get(h));
        String summary = String.format(Locale.ROOT, "%d of %d models done (%d trained now in %s)%s", ordered.size(), total, fresh.size(),
                duration((System.nanoTime() - t0) * 1e-9), cancellation.isCancelled() ? ", cancelled" : "");
        progress.finish(summary);
        if (!failures.isEmpty()) throw new StudyException(study.name(), new HashMap<>(failures), total);
        return new StudyResults(study, ordered);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }

    /** Some trainings of a study failed; the others are stored. */
    public static final class StudyException extends RuntimeException {
        private final Map<String, String> failures;

        StudyException(String study, Map<String, String> failures, int total) {
            super(failures.size() + " of " + total + " models of study " + study + " failed (the others are stored): "
                    + failures.entrySet().stream().limit(5).map(e -> e.getKey() + " → " + e.getValue()).toList());
            this.failures = Map.copyOf(failures);
        }

        public Map<String, String> failures() { return failures; }
    }
}
