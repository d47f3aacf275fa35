package io.github.hdnnpkit.study.slurm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.study.ResultStore;
import io.github.hdnnpkit.study.Shard;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyResults;
import io.github.hdnnpkit.study.StudyStage;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A staged study ({@link StudyStage}) run on a SLURM cluster as a job array, one array task per shard. The job script
 * and every submission are kept in the stage ({@code job.sbatch}, {@code slurm.json}), so the status can be asked and
 * missing shards re-submitted from any later process: progress comes from the scheduler (which tasks are queued,
 * running or ended) and from the result store (which models have a result), and a shard is <em>missing</em> when some
 * of its models have no result and no task of it is queued or running (it was cancelled, failed, timed out or lost).
 *
 * <pre>{@code
 * SlurmStudy run = SlurmStudy.submit(study, Path.of("/shared/me/evenly"), 4, SlurmOptions.defaults().withTime("1:00:00"));
 * Show.table(run.status().table());           // later, or from another session: SlurmStudy.open(dir)
 * run.resubmitMissing();                      // after a cancelled or failed shard
 * StudyResults r = run.results();             // as StudyRunner.run would return them
 * }</pre>
 */
public final class SlurmStudy {
    public static final String SCRIPT = "job.sbatch";
    public static final String STATE = "slurm.json";
    /** States of a task that will still run or is running; anything else has ended. */
    private static final Set<String> ACTIVE = Set.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED", "REQUEUE_FED",
            "REQUEUE_HOLD", "RESIZING", "SUSPENDED", "SIGNALING", "STAGE_OUT", "STOPPED", "RESV_DEL_HOLD", "SPECIAL_EXIT");

    private final StudyStage stage;
    private final SlurmClient slurm;
    private final SlurmOptions options;

    private SlurmStudy(StudyStage stage, SlurmClient slurm, SlurmOptions options) {
        this.stage = stage;
        this.slurm = slurm;
        this.options = options;
    }

    /** Stages a study in {@code shards} shards to {@code dir} and submits every shard. */
    public static SlurmStudy submit(Study study, Path dir, int shards, SlurmOptions options) {
        SlurmStudy s = prepare(StudyStage.prepare(study, dir, shards), options, new SlurmClient());
        s.submit(s.stage.shards());
        return s;
    }

    /**
     * Writes the job script of a staged study (nothing is submitted yet). A stage submitted before keeps its
     * submissions; the options are replaced.
     */
    public static SlurmStudy prepare(StudyStage stage, SlurmOptions options, SlurmClient slurm) {
        Objects.requireNonNull(options);
        Path dir = stage.directory();
        if (dir.toString().matches(".*[\\s\"'$`\\\\].*"))
            throw new IllegalArgumentException("stage folder '" + dir + "' has blanks or quotes, which #SBATCH lines cannot carry: choose another");
        String name = "hdnnp-" + stage.study().name().replaceAll("[^A-Za-z0-9._-]+", "-");
        List<String> lines = new ArrayList<>();
        lines.add("#!/usr/bin/env bash");
        lines.add("# Study " + stage.study().name().replaceAll("\\R", " ") + ": one array task per shard (" + stage.shardCount()
                + " shards), written by hdnnp study submit.");
        lines.add("# Submitted as: sbatch --array=1-" + stage.shardCount() + "[%K] " + dir.resolve(SCRIPT) + " (the missing shards: --array=2,4)");
        lines.add("#SBATCH --job-name=" + name);
        lines.add("#SBATCH --output=" + stage.logs().resolve("shard-%a-job-%A.out"));
        lines.add("#SBATCH --chdir=" + dir);
        lines.addAll(options.directives());
        lines.add("exec \"" + stage.runShardScript() + "\" \"$SLURM_ARRAY_TASK_ID\"");
        String script = String.join("\n", lines) + "\n";
        TextFiles.writeAtomically(dir.resolve(SCRIPT), w -> w.write(script));
        JsonObject state = readState(dir).orElseGet(() -> {
            JsonObject o = new JsonObject();
            o.add("jobs", new JsonArray());
            return o;
        });
        state.add("options", options.toJson());
        writeState(dir, state);
        return new SlurmStudy(stage, slurm, options);
    }

    /** A stage submitted before (by this or another process). */
    public static SlurmStudy open(Path dir) {
        return open(StudyStage.open(dir), new SlurmClient());
    }

    public static SlurmStudy open(StudyStage stage, SlurmClient slurm) {
        JsonObject state = readState(stage.directory()).orElseThrow(() -> new IllegalArgumentException(
                stage.directory() + " was staged but never submitted to SLURM (no " + STATE + "): hdnnp study submit --slurm"));
        return new SlurmStudy(stage, slurm, SlurmOptions.fromJson(state.getAsJsonObject("options")));
    }

    /** True when this stage has been prepared for SLURM. */
    public static boolean isSubmitted(Path dir) {
        return Files.isRegularFile(dir.toAbsolutePath().resolve(STATE));
    }

    public StudyStage stage() { return stage; }

    public SlurmOptions options() { return options; }

    /** One submission: a job array covering some shards. */
    public record Job(String id, List<Integer> shards, String submittedAt) {
        public Job {
            shards = List.copyOf(shards);
        }

        /** The SLURM id of this job's task of a shard ({@code JOB_TASK}). */
        public String task(int shard) { return id + "_" + shard; }
    }

    /** Submits these shards as one job array ({@code --array} with the {@code %K} limit); returns the job. */
    public Job submit(List<Shard> shards) {
        if (shards.isEmpty()) throw new IllegalArgumentException("no shards to submit");
        for (Shard s : shards)
            if (s.count() != stage.shardCount()) throw new IllegalArgumentException("shard " + s + " of a study staged in " + stage.shardCount() + " shards");
        List<Integer> idx = shards.stream().map(Shard::index).distinct().sorted().toList();
        String array = arraySpec(idx) + (options.arrayParallelism() == null ? "" : "%" + options.arrayParallelism());
        String id = slurm.submit(stage.directory().resolve(SCRIPT), array);
        Job job = new Job(id, idx, Instant.now().toString());
        JsonObject state = readState(stage.directory()).orElseThrow();
        JsonObject j = new JsonObject();
        j.addProperty("id", job.id());
        JsonArray a = new JsonArray();
        idx.forEach(a::add);
        j.add("shards", a);
        j.addProperty("submitted_at", job.submittedAt());
        state.getAsJsonArray("jobs").add(j);
        writeState(stage.directory(), state);
        return job;
    }

    /** Every submission, oldest first. */
    public List<Job> jobs() {
        List<Job> out = new ArrayList<>();
        for (JsonElement e : readState(stage.directory()).orElseThrow().getAsJsonArray("jobs")) {
            JsonObject o = e.getAsJsonObject();
            List<Integer> sh = new ArrayList<>();
            o.getAsJsonArray("shards").forEach(x -> sh.add(x.getAsInt()));
            out.add(new Job(o.get("id").getAsString(), sh, o.get("submitted_at").getAsString()));
        }
        return out;
    }

    /** A shard's progress: models with a result, and its latest task's state ({@code null} job when never submitted). */
    public record ShardState(Shard shard, int models, int done, String job, String state) {
        /** Queued or running. */
        public boolean active() { return state != null && ACTIVE.contains(state); }

        public boolean complete() { return done == models; }

        /** Some models without a result and nothing queued or running to make them: to be re-submitted. */
        public boolean missing() { return !complete() && !active(); }
    }

    /** The progress of every shard. */
    public record Status(String study, List<ShardState> shards) {
        public Status {
            shards = List.copyOf(shards);
        }

        public boolean complete() { return shards.stream().allMatch(ShardState::complete); }

        public List<Shard> missing() { return shards.stream().filter(ShardState::missing).map(ShardState::shard).toList(); }

        public int models() { return shards.stream().mapToInt(ShardState::models).sum(); }

        public int done() { return shards.stream().mapToInt(ShardState::done).sum(); }

        /** One row per shard: models, results, job task and its state. */
        public Table table() {
            StringColumn shard = StringColumn.create("shard"), task = StringColumn.create("task"), state = StringColumn.create("state"),
                    verdict = StringColumn.create("progress");
            IntColumn models = IntColumn.create("models"), done = IntColumn.create("results");
            for (ShardState s : shards) {
                shard.append(s.shard().toString());
                models.append(s.models());
                done.append(s.done());
                task.append(s.job() == null ? "" : s.job() + "_" + s.shard().index());
                state.append(s.state() == null ? (s.job() == null ? "not submitted" : "unknown to SLURM") : s.state());
                verdict.append(s.complete() ? "complete" : s.active() ? "in progress" : "missing");
            }
            return Table.create("study " + study + " on SLURM", shard, models, done, task, state, verdict);
        }

        public String summary() {
            List<Shard> m = missing();
            long active = shards.stream().filter(ShardState::active).count();
            return String.format(Locale.ROOT, "study %s: %d of %d models have results; %d of %d shards complete, %d queued or running, %d missing%s",
                    study, done(), models(), shards.stream().filter(ShardState::complete).count(), shards.size(), active, m.size(),
                    m.isEmpty() ? "" : " (" + m.stream().map(Shard::toString).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** Asks the scheduler and reads the result store. */
    public Status status() {
        List<Job> jobs = jobs();
        Map<String, String> states = jobs.isEmpty() ? Map.of() : slurm.taskStates(jobs.stream().map(Job::id).toList());
        List<ShardState> out = new ArrayList<>();
        for (Shard s : stage.shards()) {
            Job latest = null;
            for (Job j : jobs) if (j.shards().contains(s.index())) latest = j;
            StudyStage.ShardProgress p = stage.progress(s);
            out.add(new ShardState(s, p.models(), p.done(), latest == null ? null : latest.id(),
                    latest == null ? null : states.get(latest.task(s.index()))));
        }
        return new Status(stage.study().name(), out);
    }

    /** Submits the missing shards (none queued or running, some models without a result) as one array; empty if none. */
    public Optional<Job> resubmitMissing() {
        List<Shard> missing = status().missing();
        return missing.isEmpty() ? Optional.empty() : Optional.of(submit(missing));
    }

    /** The results in the stage's store, as {@link io.github.hdnnpkit.study.StudyRunner#run} would return them. */
    public StudyResults results() { return stage.results(); }

    /** Copies the stage's results into a local store and returns them from there. */
    public StudyResults collectInto(ResultStore local) { return stage.collectInto(local); }

    /** {@code 1-4}, {@code 2,4}, {@code 1-2,5}. */
    static String arraySpec(List<Integer> sorted) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) j++;
            if (b.length() > 0) b.append(',');
            b.append(sorted.get(i));
            if (j > i) b.append('-').append(sorted.get(j));
            i = j + 1;
        }
        return b.toString();
    }

    private static Optional<JsonObject> readState(Path dir) {
        Path f = dir.resolve(STATE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            JsonObject o = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!o.has("jobs") || !o.has("options")) throw new IllegalStateException("expected the fields options and jobs");
            return Optional.of(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(f + ": not a SLURM submission record (" + e.getMessage() + ")", e);
        }
    }

    private static void writeState(Path dir, JsonObject state) {
        TextFiles.writeAtomically(dir.resolve(STATE), w -> {
            new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(state, w);
            w.write('\n');
        });
    }
}
