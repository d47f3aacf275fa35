package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.study.ResultStore;
import io.github.hdnnpkit.study.Shard;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyFile;
import io.github.hdnnpkit.study.StudyResults;
import io.github.hdnnpkit.study.StudyStage;
import io.github.hdnnpkit.study.slurm.SlurmClient;
import io.github.hdnnpkit.study.slurm.SlurmOptions;
import io.github.hdnnpkit.study.slurm.SlurmStudy;
import io.github.hdnnpkit.util.ConsoleProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code hdnnp study submit | status | collect}: a study staged to one folder ({@link StudyStage}) and run elsewhere,
 * on a SLURM cluster as a job array ({@link SlurmStudy}) or shard by shard under any scheduler
 * ({@code run-shard.sh I}, i.e. {@code hdnnp study run --shard I/N}). Status and exit codes: 0 when every model has
 * a result, 1 when some have none yet, 2 on bad input or when SLURM cannot be reached.
 */
final class StudyClusterCommands {
    private StudyClusterCommands() {
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = {"Stage a study to one folder (the kit's jars, the data and descriptor cache it needs, the study file, the",
                    "result store) and, with --slurm, submit it as a SLURM job array: one array task per shard.",
                    "Without --slurm the study is only staged: run DIR/run-shard.sh I (I = 1..N) on any host that sees DIR."})
    static final class Submit implements Callable<Integer> {
        @Option(names = "--study", required = true, paramLabel = "FILE", description = "Study file: .json, .yaml or .yml.")
        Path study;

        @Option(names = "--stage", required = true, paramLabel = "DIR", description = "Folder on a file system the nodes share.")
        Path stage;

        @Option(names = "--shards", paramLabel = "N", description = "Shards (array tasks), 1 to the number of models (default: one per model).")
        Integer shards;

        @Option(names = "--slurm", description = "Submit the shards with sbatch.")
        boolean slurm;

        @Option(names = "--partition", paramLabel = "P", description = "SLURM partition (default: the cluster's).")
        String partition;

        @Option(names = "--time", paramLabel = "T", description = "Time limit per shard, e.g. 2:00:00 (default: the partition's).")
        String time;

        @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "1",
                description = "Cores per shard, each training one model at a time (default: ${DEFAULT-VALUE}).")
        int cpusPerTask;

        @Option(names = "--array-parallelism", paramLabel = "K", description = "At most K shards run at once (default: no limit).")
        Integer arrayParallelism;

        @Option(names = "--java", paramLabel = "PATH", description = "The java the shards start (default: this JVM's).")
        String java;

        @Option(names = "--java-option", paramLabel = "OPT", description = "A JVM option of the shards, e.g. -Xmx4g (repeatable).")
        List<String> javaOptions = List.of();

        @Option(names = "--descriptor-cache", paramLabel = "DIR", description = "Local descriptor cache to stage from (default: build/descriptors).")
        Path descriptorCache;

        @Override
        public Integer call() {
            try {
                Study s = StudyFile.read(study);
                int n = shards == null ? s.byHash().size() : shards;
                SlurmOptions options = slurm ? new SlurmOptions(partition, time, cpusPerTask, arrayParallelism) : null;
                if (!slurm && (partition != null || time != null || arrayParallelism != null))
                    throw new IllegalArgumentException("--partition, --time and --array-parallelism are SLURM's: give --slurm too");
                SlurmClient client = new SlurmClient();
                if (slurm && !client.available())
                    throw new IllegalStateException("no SLURM controller answers (" + client.unavailableReason()
                            + "); stage without --slurm and run the shards another way");
                Path dir = stage.toAbsolutePath().normalize();
                if (slurm && SlurmStudy.isSubmitted(dir)) {
                    try {
                        var active = SlurmStudy.open(dir).status().shards().stream().filter(SlurmStudy.ShardState::active).toList();
                        if (!active.isEmpty())
                            throw new IllegalStateException(dir + " has " + active.size() + " shard(s) queued or running: wait, or use hdnnp study status / collect --resubmit");
                    } catch (IllegalArgumentException e) {
                        // another study or a damaged record: prepare says which
                    }
                }
                StudyStage.Settings settings = StudyStage.Settings.defaults().withProgress(new ConsoleProgress(System.err));
                if (java != null) settings = settings.withJava(java);
                settings = settings.withJavaOptions(javaOptions);
                if (descriptorCache != null) settings = settings.withDescriptorCache(descriptorCache);
                StudyStage st = StudyStage.prepare(s, dir, n, settings);
                System.err.println("staged study " + s.name() + " (" + s.byHash().size() + " models in " + n + " shards) to " + st.directory());
                if (!slurm) {
                    System.out.println("study " + s.name() + " staged in " + st.directory() + "; run each shard on any host that sees it:\n  for i in $(seq "
                            + n + "); do " + st.runShardScript() + " $i; done\nthen: hdnnp study collect --stage " + st.directory());
                    return 0;
                }
                SlurmStudy run = SlurmStudy.prepare(st, options, client);
                SlurmStudy.Job job = run.submit(st.shards());
                System.out.println("study " + s.name() + ": submitted job array " + job.id() + " (" + n + " shards) from " + st.directory().resolve(SlurmStudy.SCRIPT)
                        + "; progress: hdnnp study status --stage " + st.directory());
                return 0;
            } catch (InputFormatException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                System.err.println("hdnnp study submit: " + e.getMessage());
                return 2;
            }
        }
    }

    /** The options status and collect share. */
    static class StageOptions {
        @Option(names = "--stage", required = true, paramLabel = "DIR", description = "The folder hdnnp study submit staged.")
        Path stage;

        @Option(names = "--resubmit", description = "Submit the missing shards again (some models without a result, none queued or running).")
        boolean resubmit;

        /** Prints the shards' progress and re-submits the missing ones if asked; returns whether every model has a result. */
        boolean report(StudyStage st) {
            if (!SlurmStudy.isSubmitted(st.directory())) {
                if (resubmit) throw new IllegalArgumentException(st.directory() + " was never submitted to SLURM: --resubmit needs hdnnp study submit --slurm");
                List<Shard> todo = st.incomplete();
                for (Shard s : st.shards()) {
                    var p = st.progress(s);
                    System.out.println("shard " + s + ": " + p.done() + " of " + p.models() + " models have results");
                }
                System.out.println("study " + st.study().name() + ": " + (todo.isEmpty() ? "complete" : "shards without all results: "
                        + todo.stream().map(Shard::toString).collect(Collectors.joining(", ")) + " (" + st.runShardScript() + " I)"));
                return todo.isEmpty();
            }
            SlurmStudy run = SlurmStudy.open(st, new SlurmClient());
            SlurmStudy.Status status = run.status();
            System.out.println(status.table().printAll());
            System.out.println(status.summary());
            if (resubmit) {
                Optional<SlurmStudy.Job> job = status.missing().isEmpty() ? Optional.empty() : Optional.of(run.submit(status.missing()));
                System.out.println(job.map(j -> "re-submitted shards " + j.shards() + " as job array " + j.id()).orElse("nothing to re-submit"));
            }
            return status.complete();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Progress of a staged study: per shard, the models with a result and the state of its SLURM task.",
                    "Exit status 0 when every model has a result, 1 when some have none yet."})
    static final class Status extends StageOptions implements Callable<Integer> {
        @Override
        public Integer call() {
            try {
                return report(StudyStage.open(stage)) ? 0 : 1;
            } catch (InputFormatException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                System.err.println("hdnnp study status: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = {"Copy a staged study's results into the local result store and print them (as hdnnp study table),",
                    "with the shards' progress. Exit status 0 when every model has a result, 1 when some have none yet."})
    static final class Collect extends StageOptions implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "DIR", description = "Local result store (default: build/studies/<study name>).")
        Path store;

        @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the table as CSV.")
        Path out;

        @Override
        public Integer call() {
            try {
                StudyStage st = StudyStage.open(stage);
                ResultStore local = StudyCommand.store(st.study(), store);
                StudyResults r = st.collectInto(local);
                Table t = r.table();
                System.out.println(t.printAll());
                if (out != null) {
                    TextFiles.writeAtomically(out, w -> t.write().csv(w));
                    System.err.println("wrote " + out.toAbsolutePath());
                }
                System.out.println("collected " + r.size() + " of " + st.study().size() + " models into " + local.directory());
                boolean complete;
                try {
                    complete = report(st);
                } catch (IllegalStateException e) {   // results are collected even where the scheduler cannot be asked
                    System.err.println("hdnnp study collect: no scheduler status (" + e.getMessage() + ")");
                    complete = r.complete();
                }
                return complete && r.complete() ? 0 : 1;
            } catch (InputFormatException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                System.err.println("hdnnp study collect: " + e.getMessage());
                return 2;
            }
        }
    }
}
