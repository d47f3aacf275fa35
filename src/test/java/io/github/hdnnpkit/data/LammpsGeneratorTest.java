package io.github.hdnnpkit.data;

import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the real LAMMPS with a shortened protocol (every stage a few hundred steps): correct plumbing, not physics. */
class LammpsGeneratorTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void lammpsInstalled() {
        assumeTrue(LammpsGenerator.lammpsAvailable(), "LAMMPS is not installed (lmp and Al_mm.eam.fs): "
                + "run environment/kit or apt-get install lammps lammps-data; skipping the generator tests");
    }

    static LammpsGenerator.Options quick(Path out, String... labels) {
        List<Label> table = Label.thesis();
        return LammpsGenerator.Options.defaults(out)
                .withLabels(Arrays.stream(labels).map(n -> Label.named(table, n)).toList())
                .withProtocol(GenerationProtocol.defaults().withEquilibrationSteps(200).withConfigurations(3).withInterval(20))
                .withThreads(1);
    }

    @Test
    void generatesCheckedFilesAndManifest() throws IOException {
        LammpsGenerator.Report r = new LammpsGenerator(quick(dir, "300K", "700KS")).generate(Progress.NONE, Cancellation.none());
        assertEquals(2, r.generated());
        Dataset d = Dataset.load(dir);
        assertEquals(List.of("300K", "700KS"), d.labelNames());
        assertEquals(6, d.size());
        for (Configuration c : d.configurations()) {
            assertEquals(256, c.size());
            double sum = Arrays.stream(c.atomicEnergies()).sum();
            assertEquals(c.energy(), sum, 1e-6, c.id());
            assertTrue(c.energy() / c.size() < -3.0 && c.energy() / c.size() > -3.5, c.id() + " E/N " + c.energy() / c.size());
            double l = c.lattice().orElseThrow().component(0, 0);
            for (int i = 0; i < c.size(); i++)
                for (int k = 0; k < 3; k++) assertTrue(c.positions()[3 * i + k] >= 0 && c.positions()[3 * i + k] < l, "wrapped");
        }
        Manifest m = r.manifest();
        assertEquals("Al_mm.eam.fs", m.potential().file());
        assertTrue(m.potential().header().contains("Mendelev"), m.potential().header());
        assertFalse(m.lammps().version().isBlank());
        assertNotEquals(m.labels().get(0).seed(), m.labels().get(1).seed());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> TextFiles.isLeftover(p.getFileName().toString())
                    || p.getFileName().toString().equals(LammpsGenerator.WORK_DIR)).toList());
        }

        // the same seed and binary reproduce the same data
        Path again = dir.resolve("again");
        new LammpsGenerator(quick(again, "300K")).generate(Progress.NONE, Cancellation.none());
        assertEquals(ExtendedXyz.read(dir.resolve("300K.extxyz.gz")), ExtendedXyz.read(again.resolve("300K.extxyz.gz")));
    }

    @Test
    void interruptedGenerationResumesPerLabel() throws IOException {
        // 1. a run killed while LAMMPS works on the first label leaves nothing usable behind
        LammpsGenerator.Options slow = quick(dir, "10K").withProtocol(GenerationProtocol.defaults().withConfigurations(3));
        assertThrows(LammpsGenerator.GenerationException.class,
                () -> new LammpsGenerator(slow).generate(Progress.NONE, Cancellation.withBudget(Duration.ofMillis(700))));
        assertFalse(Files.exists(LammpsGenerator.fileOf(dir, "10K")));
        assertFalse(Files.exists(dir.resolve(Manifest.FILE_NAME)));
        assertThrows(IllegalStateException.class, () -> Dataset.load(dir), "a folder without manifest is not a data set");

        // 2. a run cancelled after its first label keeps that label only
        LammpsGenerator.Options o = quick(dir, "10K", "1250K", "500KS");
        Cancellation cancel = Cancellation.none();
        Progress cancelAfterFirst = new Progress() {
            @Override public void start(String task, long total) { }
            @Override public void update(long done, String message) { cancel.cancel(); }
            @Override public void finish(String message) { }
        };
        LammpsGenerator.GenerationException e = assertThrows(LammpsGenerator.GenerationException.class,
                () -> new LammpsGenerator(o).generate(cancelAfterFirst, cancel));
        assertTrue(e.getMessage().contains("1250K") && e.getMessage().contains("500KS"), e.getMessage());
        Path done = LammpsGenerator.fileOf(dir, "10K");
        assertTrue(Files.exists(done));
        assertFalse(Files.exists(LammpsGenerator.fileOf(dir, "1250K")));
        assertFalse(Files.exists(dir.resolve(Manifest.FILE_NAME)));

        // 3. leftovers of a crash mid-write: a truncated temporary file, and a truncated final file of another label
        Path partial = dir.resolve(".1250K.extxyz.gz12345" + TextFiles.TEMP_SUFFIX);
        Files.write(partial, Arrays.copyOf(Files.readAllBytes(done), 1000));
        Path truncated = LammpsGenerator.fileOf(dir, "500KS");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(done), 3000));
        FileTime before = Files.getLastModifiedTime(done);
        byte[] bytes = Files.readAllBytes(done);

        LammpsGenerator.Report r = new LammpsGenerator(o).generate(Progress.NONE, Cancellation.none());
        assertEquals(List.of(true, false, false), r.outcomes().stream().map(LammpsGenerator.Outcome::reused).toList());
        assertEquals(before, Files.getLastModifiedTime(done), "finished label not regenerated");
        assertArrayEquals(bytes, Files.readAllBytes(done));
        assertFalse(Files.exists(partial), "temporary file of the interrupted run removed");
        assertEquals(3, ExtendedXyz.count(truncated), "truncated file regenerated");
        assertEquals(9, Dataset.load(dir).size());
    }

    /**
     * The command line killed (SIGTERM, as Ctrl-C or a CI timeout does) while LAMMPS runs: its lmp child dies with it,
     * nothing half-written is left under a final name, and the next run completes.
     */
    @Test
    void killedCommandLeavesNoProcessAndNoFile() throws Exception {
        Path out = dir.resolve("killed");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process cli = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "-Dhdnnp.home=" + io.github.hdnnpkit.notebook.Workspace.root(), "io.github.hdnnpkit.cli.HdnnpCommand", "generate",
                "--out", out.toString(), "--labels", "10K", "--configurations", "3", "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.txt").toFile()).start();
        Path log = out.resolve(LammpsGenerator.WORK_DIR).resolve("10K").resolve("log.lammps");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!(Files.exists(log) && Files.readString(log).contains("Step")) && cli.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        List<ProcessHandle> children = cli.descendants().toList();
        assertTrue(cli.isAlive(), "the generation ended before it could be killed: " + Files.readString(dir.resolve("cli.txt")));
        assertFalse(children.isEmpty(), "no lmp child seen");
        cli.destroy();
        assertTrue(cli.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        Thread.sleep(500);
        List<ProcessHandle> survivors = children.stream().filter(LammpsGeneratorTest::running).toList();
        survivors.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), survivors, "lmp kept running after its generator was killed");
        assertFalse(Files.exists(LammpsGenerator.fileOf(out, "10K")));
        assertFalse(Files.exists(out.resolve(Manifest.FILE_NAME)));

        LammpsGenerator.Report r = new LammpsGenerator(quick(out, "10K")).generate(Progress.NONE, Cancellation.none());
        assertEquals(1, r.generated());
        assertFalse(Files.exists(out.resolve(LammpsGenerator.WORK_DIR)));
        assertEquals(3, Dataset.load(out).size());
    }

    /** Alive and not a zombie (in a container whose init does not reap orphans, killed children stay zombies). */
    static boolean running(ProcessHandle p) {
        if (!p.isAlive()) return false;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return p.isAlive();
        }
    }

    @Test
    void missingLammpsIsAClearError() {
        LammpsGenerator.Options o = quick(dir, "300K");
        LammpsGenerator.Options noLmp = new LammpsGenerator.Options(o.out(), o.labels(), o.protocol(), 1, 1, dir.resolve("no-lmp"),
                o.potential(), o.template());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LammpsGenerator(noLmp).generate(Progress.NONE, Cancellation.none()));
        assertTrue(e.getMessage().contains("environment/kit") && e.getMessage().contains("apt-get install lammps lammps-data"), e.getMessage());
    }
}
