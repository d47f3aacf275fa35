package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.study.ResultStore;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyFile;
import io.github.hdnnpkit.study.StudyRunner;
import io.github.hdnnpkit.study.StudyStage;
import io.github.hdnnpkit.study.slurm.SlurmClient;
import io.github.hdnnpkit.study.slurm.SlurmStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A study of 12 tiny models in 4 shards gives the same result table run locally, as shards by hand, and as a SLURM
 * job array with one task cancelled mid-way and re-submitted. The models train on the scalar back-end: its floats are
 * the same in every JVM, while the Vector API kernels (reductions, tanh) round differently once the JIT compiles them,
 * which shows in the last digits between two JVMs.
 */
class ClusterStudyTest {
    @TempDir
    static Path shared;

    private static final String TWELVE = """
            name: twelve
            data: {source: fixture, descriptor_set: thesis-22}
            hidden: [3]
            training: {max_epochs: 4, batch_size: 16, backend: java-scalar}
            seeds: 2
            models:
              - {name: radial, features: radial, tags: {group: G2}}
              - {name: angular, features: angular, tags: {group: G5}}
              - {name: even-5, features: "evenly:5", tags: {group: mixed}}
              - {name: even-8, features: "evenly:8", tags: {group: mixed}}
              - {name: all, features: all, tags: {group: all}}
              - {name: no-first, features: "drop:all:G2_001", tags: {group: all}}
            """;

    private static String localFigures;

    record Outcome(int code, String out, String err) {
        String all() { return out + err; }
    }

    private static Outcome hdnnp(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            return new Outcome(HdnnpCommand.commandLine().execute(args), out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path cache() { return shared.resolve("descriptors"); }

    private static Path studyFile() throws Exception {
        Path f = shared.resolve("twelve.yaml");
        if (!Files.exists(f)) Files.writeString(f, TWELVE);
        return f;
    }

    /** Every figure of the table (the timing columns, which no two runs share, left out), as CSV. */
    static String figures(Table t) {
        Table c = Table.create(t.name(), t.columns().stream().filter(col -> !Set.of("s_per_epoch", "wall_s").contains(col.name()))
                .toArray(tech.tablesaw.columns.Column[]::new));
        assertEquals(t.columnCount() - 2, c.columnCount(), "the timing columns are still named s_per_epoch and wall_s");
        StringWriter w = new StringWriter();
        c.write().csv(w);
        return w.toString();
    }

    /** The reference: the whole study run here, in this JVM, by the local runner. */
    private static synchronized String local() throws Exception {
        if (localFigures == null) {
            Study s = StudyFile.read(studyFile());
            var r = new StudyRunner(new ResultStore(shared.resolve("local"))).descriptorCache(cache()).workers(2).run(s);
            assertTrue(r.complete());
            assertEquals(12, r.size());
            localFigures = figures(r.table());
        }
        return localFigures;
    }

    private static Set<String> files(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> resultFiles(Study study) {
        return study.byHash().keySet().stream().map(h -> h + ".json").collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shardsRunByHandFromAStageGiveTheLocalTable(@TempDir Path dir) throws Exception {
        Study study = StudyFile.read(studyFile());
        String expected = local();
        Path stage = dir.resolve("stage");
        Outcome sub = hdnnp("study", "submit", "--study", studyFile().toString(), "--stage", stage.toString(), "--shards", "4",
                "--descriptor-cache", cache().toString(), "--java-option=-Xmx1g");
        assertEquals(0, sub.code(), sub.err());
        assertTrue(sub.out().contains(stage.resolve("run-shard.sh") + " $i"), "how to run the shards anywhere: " + sub.out());

        // what the nodes need is in the stage
        assertEquals(study.specs().stream().map(s -> s.hash()).toList(),
                StudyFile.read(stage.resolve("study.json")).specs().stream().map(s -> s.hash()).toList());
        assertTrue(Files.isRegularFile(stage.resolve("home/data/fixture/manifest.json")), "the fixture is staged");
        assertEquals(1, files(stage.resolve("descriptors")).size(), "one descriptor matrix: " + files(stage.resolve("descriptors")));
        assertTrue(files(stage.resolve("lib")).stream().anyMatch(f -> f.startsWith("gson-")), "the dependencies are staged");
        assertTrue(files(stage.resolve("lib")).stream().anyMatch(f -> Files.isRegularFile(stage.resolve("lib").resolve(f)
                .resolve("io/github/hdnnpkit/cli/HdnnpCommand.class"))), "the kit's classes are staged");
        String script = Files.readString(stage.resolve("run-shard.sh"));
        assertTrue(script.contains("'-Xmx1g' ") && script.contains("--shard \"$shard/4\""), script);
        assertTrue(Files.isExecutable(stage.resolve("run-shard.sh")));
        assertEquals(Set.of(), files(stage.resolve("results")));

        // a stage holds one study: another one is refused, the same one is staged again
        Path other = Files.writeString(dir.resolve("other.yaml"), TWELVE.replace("seeds: 2", "seeds: 1"));
        Outcome refused = hdnnp("study", "submit", "--study", other.toString(), "--stage", stage.toString(), "--shards", "4",
                "--descriptor-cache", cache().toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("already holds study twelve"), refused.err());
        assertEquals(0, hdnnp("study", "submit", "--study", studyFile().toString(), "--stage", stage.toString(), "--shards", "4",
                "--descriptor-cache", cache().toString()).code());

        // the shards by hand, shard 2 twice (as a re-queued job would), in any order
        String staged = stage.resolve("study.json").toString(), results = stage.resolve("results").toString();
        for (String i : List.of("3", "1", "2", "4", "2")) {
            Outcome r = hdnnp("study", "run", "--study", staged, "--store", results, "--shard", i + "/4", "--descriptor-cache", cache().toString(),
                    "--quiet");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("study twelve (shard " + i + "/4): 3 of 3 models have results"), r.out());
        }
        assertEquals(resultFiles(study), files(stage.resolve("results")), "exactly one result per specification");
        Outcome twice = hdnnp("study", "run", "--study", staged, "--store", results, "--shard", "2/4", "--quiet");
        assertTrue(twice.out().contains("(0 trained now, 3 stored before), complete"), twice.out());
        assertEquals(2, hdnnp("study", "run", "--study", staged, "--store", results, "--shard", "5/4").code());
        assertEquals(2, hdnnp("study", "run", "--study", staged, "--store", results, "--shard", "1/13").code(), "more shards than models");

        Outcome status = hdnnp("study", "status", "--stage", stage.toString());
        assertEquals(0, status.code(), status.all());
        assertTrue(status.out().contains("shard 3/4: 3 of 3 models have results") && status.out().contains("study twelve: complete"), status.out());
        Path local = dir.resolve("collected");
        Outcome collect = hdnnp("study", "collect", "--stage", stage.toString(), "--store", local.toString());
        assertEquals(0, collect.code(), collect.all());
        assertEquals(resultFiles(study), files(local));
        assertEquals(expected, figures(new StudyRunner(new ResultStore(local)).collect(study).table()), "shards by hand = local run");
        assertEquals(2, hdnnp("study", "status", "--stage", stage.toString(), "--resubmit").code(), "a stage never given to SLURM");
    }

    /**
     * The acceptance test on a real SLURM (environment/kit test starts a single-node one): the study as an
     * array of 4 shards, one task cancelled while it runs, the missing shard re-submitted, and the collected table equal
     * to the local run's, one result per specification.
     */
    @Test
    void aSlurmArrayWithACancelledAndResubmittedShardGivesTheLocalTable(@TempDir Path dir) throws Exception {
        SlurmClient slurm = new SlurmClient();
        assumeTrue(slurm.available(), () -> "no SLURM controller answers (" + slurm.unavailableReason()
                + "); `environment/kit test` starts a single-node cluster (environment/slurm/cluster.sh) when slurmctld, slurmd and munge are installed");
        Study study = StudyFile.read(studyFile());
        String expected = local();
        Path stage = dir.resolve("stage");
        long t0 = System.nanoTime();
        Outcome sub = hdnnp("study", "submit", "--study", studyFile().toString(), "--stage", stage.toString(), "--shards", "4", "--slurm",
                "--time", "10", "--cpus-per-task", "1", "--descriptor-cache", cache().toString());
        assertEquals(0, sub.code(), sub.all());
        SlurmStudy run = SlurmStudy.open(stage);
        SlurmStudy.Job job = run.jobs().get(0);
        assertEquals(List.of(1, 2, 3, 4), job.shards());
        try {
            // cancel the first task seen running, before its shard has all its results (a JVM takes seconds to start)
            int[] victim = {0};
            await(120, () -> {
                for (SlurmStudy.ShardState s : run.status().shards())
                    if ("RUNNING".equals(s.state()) && !s.complete()) {
                        victim[0] = s.shard().index();
                        return true;
                    }
                return false;
            }, stage, "a running shard");
            int k = victim[0];
            slurm.cancel(job.task(k));
            await(120, () -> run.status().shards().stream().noneMatch(SlurmStudy.ShardState::active), stage, "the first array to end");

            SlurmStudy.Status after = run.status();
            SlurmStudy.ShardState cancelled = after.shards().get(k - 1);
            assertEquals("CANCELLED", cancelled.state(), after.table().printAll());
            assertTrue(cancelled.done() < cancelled.models(), "shard " + k + " was cancelled mid-way: " + after.table().printAll());
            assertEquals(List.of(k), after.missing().stream().map(s -> s.index()).toList(), after.table().printAll());
            assertTrue(resultFiles(study).containsAll(files(stage.resolve("results"))), "only whole results after the cancel");

            Outcome partial = hdnnp("study", "collect", "--stage", stage.toString(), "--store", dir.resolve("partial").toString(), "--resubmit");
            assertEquals(1, partial.code(), "not complete yet: " + partial.all());
            assertTrue(partial.out().contains("missing (" + k + "/4)") && partial.out().contains("re-submitted shards [" + k + "]"), partial.out());
            List<SlurmStudy.Job> jobs = run.jobs();
            assertEquals(2, jobs.size());
            assertEquals(List.of(k), jobs.get(1).shards(), "only the missing shard is submitted again");
            await(120, () -> run.status().complete() && run.status().shards().stream().noneMatch(SlurmStudy.ShardState::active), stage,
                    "the re-submitted shard");
            assertEquals(Set.of(), Set.copyOf(run.status().missing()));
            Outcome nothing = hdnnp("study", "status", "--stage", stage.toString(), "--resubmit");
            assertEquals(0, nothing.code(), nothing.all());
            assertTrue(nothing.out().contains("nothing to re-submit"), nothing.out());
            assertEquals(2, run.jobs().size());

            Path local = dir.resolve("collected");
            Outcome collect = hdnnp("study", "collect", "--stage", stage.toString(), "--store", local.toString());
            assertEquals(0, collect.code(), collect.all());
            assertEquals(resultFiles(study), files(stage.resolve("results")), "one result per specification, nothing else");
            assertEquals(resultFiles(study), files(local));
            assertEquals(expected, figures(new StudyRunner(new ResultStore(local)).collect(study).table()), "SLURM = local run");
            for (int i = 1; i <= 4; i++)
                assertTrue(files(stage.resolve("logs")).contains("shard-" + i + "-job-" + job.id() + ".out"), "log of shard " + i);
            System.out.printf("SLURM study test: %.1f s from submit to the collected table%n", (System.nanoTime() - t0) * 1e-9);
        } finally {
            for (SlurmStudy.Job j : run.jobs()) {
                try {
                    slurm.cancel(j.id());   // nothing is left queued whatever failed
                } catch (IllegalStateException ignored) {
                    // already gone
                }
            }
        }
    }

    private static void await(int seconds, BooleanSupplier done, Path stage, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("waited " + seconds + " s for " + what + "; shard logs:\n" + logs(stage));
            Thread.sleep(100);
        }
    }

    private static String logs(Path stage) throws Exception {
        StringBuilder b = new StringBuilder();
        Path dir = stage.resolve("logs");
        if (Files.isDirectory(dir))
            for (String f : files(dir)) b.append("== ").append(f).append('\n').append(Files.readString(dir.resolve(f))).append('\n');
        return b.toString();
    }
}
