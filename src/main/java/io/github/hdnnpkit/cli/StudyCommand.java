package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.study.Metric;
import io.github.hdnnpkit.study.ResultStore;
import io.github.hdnnpkit.study.Shard;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyFile;
import io.github.hdnnpkit.study.StudyResult;
import io.github.hdnnpkit.study.StudyResults;
import io.github.hdnnpkit.study.StudyRunner;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.ConsoleProgress;
import io.github.hdnnpkit.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code hdnnp study}: runs a study file ({@link StudyFile}, JSON or YAML) into a resumable result store and shows
 * its results. {@code run} trains only the models without a stored result, so a study that was killed is simply
 * started again; {@code table} reads the store and trains nothing.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run a study (many model specifications) into a resumable result store, and show its results.",
                "A killed or interrupted study started again trains only what is missing."},
        subcommands = {StudyCommand.Run.class, StudyCommand.Tabulate.class, StudyClusterCommands.Submit.class, StudyClusterCommands.Status.class,
                StudyClusterCommands.Collect.class})
public final class StudyCommand implements Runnable, Subcommand {
    /**
     * Exit status of a run that was stopped. A signal ends the JVM with its own status once the shutdown hook has let
     * the run finish: 130 (128 + SIGINT) for Ctrl-C, 143 (128 + SIGTERM) for a kill or a CI timeout.
     */
    public static final int INTERRUPTED = 130;
    /** How long a stopped run waits for its trainings to reach the end of their epoch before the JVM goes anyway. */
    static final long STOP_GRACE_SECONDS = 60;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The store of a study: {@code --store}, or {@code build/studies/<study name>} (the name made safe for a folder). */
    static ResultStore store(Study study, Path store) {
        if (store != null) return new ResultStore(store);
        String folder = study.name().trim().replaceAll("[^A-Za-z0-9._-]+", "-");
        if (folder.isEmpty() || folder.startsWith(".")) folder = "study" + folder;
        return new ResultStore(Workspace.build().resolve("studies").resolve(folder));
    }

    /** The options both verbs share. */
    static class StudyOptions {
        @Option(names = "--study", required = true, paramLabel = "FILE", description = "Study file: .json, .yaml or .yml.")
        Path study;

        @Option(names = "--store", paramLabel = "DIR", description = "Result store (default: build/studies/<study name>).")
        Path store;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Train every model of the study that has no stored result, one model per worker.",
                    "Exit status: 0 when every model has a result, 1 when some failed, 2 on a bad study file or data,",
                    "130 when stopped by Ctrl-C (143 by SIGTERM). Either signal stops the running trainings at the end of",
                    "their epoch; nothing unfinished is stored, finished results are kept, and the next run trains the rest."})
    public static final class Run extends StudyOptions implements Callable<Integer> {
        @Option(names = "--workers", paramLabel = "N", description = "Models trained at once, one core each (default: number of cores).")
        Integer workers;

        @Option(names = "--descriptor-cache", paramLabel = "DIR", description = "Descriptor cache folder (default: build/descriptors).")
        Path descriptorCache;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Option(names = "--shard", paramLabel = "i/N", description = {"Train only shard i of N (1 ≤ i ≤ N): the study's distinct models dealt",
                "round-robin, so N runs of i = 1..N (anywhere, any number of times) together train every model once."})
        String shard;

        @Override
        public Integer call() {
            Study study;
            try {
                study = StudyFile.read(this.study);
                if (shard != null) {
                    Shard sh = Shard.parse(shard);
                    if (sh.count() > study.byHash().size())
                        throw new IllegalArgumentException("shard " + sh + ": study " + study.name() + " has only " + study.byHash().size() + " distinct models");
                    study = sh.select(study);
                }
            } catch (InputFormatException | UncheckedIOException | IllegalArgumentException e) {
                System.err.println("hdnnp study run: " + e.getMessage());
                return 2;
            }
            ResultStore store = store(study, this.store);
            Cancellation cancellation = Cancellation.none();
            CountDownLatch stopped = new CountDownLatch(1);
            // A signal starts the JVM's shutdown: cancel, then hold the JVM until the runner has returned, so that no
            // training is cut off in the middle of writing its result and nothing unfinished is stored.
            Thread hook = new Thread(() -> {
                cancellation.cancel();
                System.err.println("hdnnp study run: stopping; running trainings end after their current epoch, finished results are kept in "
                        + store.directory());
                try {
                    if (!stopped.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS))
                        System.err.println("hdnnp study run: trainings did not stop within " + STOP_GRACE_SECONDS + " s; leaving anyway");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hdnnp-study-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return run(study, store, cancellation);
            } finally {
                stopped.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // the JVM is shutting down and the hook is running
                }
            }
        }

        private int run(Study study, ResultStore store, Cancellation cancellation) {
            if (workers != null && workers < 1) {
                System.err.println("hdnnp study run: --workers must be ≥ 1, got " + workers);
                return 2;
            }
            Progress progress = quiet ? Progress.NONE : new ConsoleProgress(System.err);
            StudyRunner runner = new StudyRunner(store).progress(progress).dataProgress(progress).cancellation(cancellation);
            if (workers != null) runner.workers(workers);
            if (descriptorCache != null) runner.descriptorCache(descriptorCache);
            Instant started = Instant.now();
            StudyResults results;
            int status;
            try {
                results = runner.run(study);
                status = results.complete() ? 0 : cancellation.isCancelled() ? INTERRUPTED : 1;
            } catch (StudyRunner.StudyException e) {
                System.err.println("hdnnp study run: " + e.failures().size() + " model(s) failed:");
                e.failures().forEach((name, why) -> System.err.println("  " + name + ": " + why));
                results = runner.collect(study);
                status = cancellation.isCancelled() ? INTERRUPTED : 1;
            } catch (CancellationException e) {
                // stopped while the descriptors were computed: nothing was trained
                results = runner.collect(study);
                status = INTERRUPTED;
            } catch (InputFormatException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                System.err.println("hdnnp study run: " + e.getMessage());
                return 2;
            }
            String line = summary(study, results, started, store, status);
            String prefix = "study " + study.name() + ": ";   // the shard's part is named after its study: say which part
            System.out.println(shard == null ? line : "study " + study.name() + " (shard " + Shard.parse(shard) + "): " + line.substring(prefix.length()));
            System.out.flush();
            return status;
        }

        static String summary(Study study, StudyResults r, Instant started, ResultStore store, int status) {
            Map<String, StudyResult> byHash = new java.util.HashMap<>();
            r.entries().forEach(e -> byHash.put(e.result().hash(), e.result()));
            long now = byHash.values().stream().filter(x -> !Instant.parse(x.finishedAt()).isBefore(started)).count();
            int distinct = study.byHash().size(), done = byHash.size();
            String state = switch (status) {
                case 0 -> "complete";
                case INTERRUPTED -> "stopped";
                default -> (distinct - done) + " failed or missing";
            };
            return String.format(Locale.ROOT, "study %s: %d of %d models have results (%d trained now, %d stored before), %s; results in %s",
                    study.name(), done, distinct, now, done - now, state, store.directory());
        }
    }

    @Command(name = "table", mixinStandardHelpOptions = true,
            description = {"Print the results of a study (one row per model), or mean, sd and n of a metric per group.",
                    "Reads the result store only: nothing is trained."})
    public static final class Tabulate extends StudyOptions implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the printed table as CSV.")
        Path out;

        @Option(names = "--group-by", paramLabel = "FIELD",
                description = "Group by subset, name, features, layout, seed, split, batch_size, train_fraction or a tag.")
        String groupBy;

        @Option(names = "--metric", paramLabel = "COLUMN", description = "Metric summarised per group (default: test_rmse_meV_atom).")
        String metric;

        @Override
        public Integer call() {
            try {
                Study study = StudyFile.read(this.study);
                if (metric != null && groupBy == null) throw new IllegalArgumentException("--metric is summarised per group: give --group-by too");
                StudyResults r = new StudyRunner(store(study, store)).collect(study);
                Table t = groupBy == null ? r.table() : grouped(r, groupBy, metric(metric));
                System.out.println(t.printAll());
                if (out != null) {
                    TextFiles.writeAtomically(out, w -> t.write().csv(w));
                    System.err.println("wrote " + out.toAbsolutePath());
                }
                int missing = r.missing().size();
                if (missing > 0)
                    System.err.println(missing + " of " + study.size() + " models have no result yet (hdnnp study run --study " + this.study + ")");
                return 0;
            } catch (InputFormatException | IllegalArgumentException | UncheckedIOException e) {
                System.err.println("hdnnp study table: " + e.getMessage());
                return 2;
            }
        }

        static Metric metric(String column) {
            if (column == null) return Metric.TEST_RMSE;
            for (Metric m : Metric.values()) if (m.column().equalsIgnoreCase(column.trim())) return m;
            throw new IllegalArgumentException("unknown metric '" + column + "'; expected one of "
                    + Arrays.stream(Metric.values()).map(Metric::column).collect(Collectors.joining(", ")));
        }

        /** One row per group: the group's value, n, mean and sample standard deviation (NaN for a single model). */
        static Table grouped(StudyResults r, String field, Metric metric) {
            StringColumn group = StringColumn.create(field);
            IntColumn n = IntColumn.create("n");
            DoubleColumn mean = DoubleColumn.create("mean_" + metric.column()), sd = DoubleColumn.create("sd_" + metric.column());
            for (Map.Entry<String, double[]> e : r.values(metric, field).entrySet()) {
                double[] v = e.getValue();
                double m = Arrays.stream(v).average().orElse(Double.NaN), ss = 0;
                for (double x : v) ss += (x - m) * (x - m);
                group.append(e.getKey());
                n.append(v.length);
                mean.append(m);
                sd.append(v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN);
            }
            return Table.create("study " + r.study().name() + ": " + metric.label() + " by " + field, group, n, mean, sd);
        }
    }
}
