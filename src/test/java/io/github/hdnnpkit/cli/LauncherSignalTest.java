package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.data.LammpsGenerator;
import io.github.hdnnpkit.notebook.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code environment/kit hdnnp ...} killed by a SIGTERM to the launcher's own pid (not its process group, as a
 * supervisor or {@code kill PID} does): the JVM ends with it, and with the JVM its LAMMPS children and the lock.
 * The launcher runs the test's own classes ({@code HDNNP_CLASSPATH}), so nothing is built.
 */
class LauncherSignalTest {
    @TempDir
    Path dir;

    private Process launch(String... args) throws IOException {
        Path kit = Workspace.root().resolve("environment").resolve("kit");
        assumeTrue(Files.isRegularFile(kit) && Files.isExecutable(Path.of("/bin/bash")), "no environment/kit or bash; skipping");
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", kit.toString(), "hdnnp"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("launcher.txt").toFile());
        pb.environment().put("HDNNP_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        return pb.start();
    }

    private static void await(BooleanSupplier ready, Process p, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!ready.getAsBoolean() && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
    }

    /** The launcher and everything below it. */
    private static List<ProcessHandle> tree(Process p) {
        List<ProcessHandle> all = new ArrayList<>(List.of(p.toHandle()));
        all.addAll(p.descendants().toList());
        return all;
    }

    private static boolean isJvm(ProcessHandle h) {
        return h.info().commandLine().map(c -> c.contains("io.github.hdnnpkit.cli.HdnnpCommand")).orElse(false)
                || cmdline(h).contains("io.github.hdnnpkit.cli.HdnnpCommand");
    }

    private static String cmdline(ProcessHandle h) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String cmdline) {
        int at = cmdline.indexOf("HdnnpCommand");
        return at >= 0 ? "java ... " + cmdline.substring(at) : cmdline.length() > 120 ? cmdline.substring(0, 120) + "..." : cmdline;
    }

    /** Alive and not a zombie (in a container whose init does not reap orphans, killed children stay zombies). */
    private static boolean running(ProcessHandle p) {
        if (!p.isAlive()) return false;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return p.isAlive();
        }
    }

    /** SIGTERM to the launcher's pid only; every process of the tree must be gone within 20 s. */
    private void terminateAndCheck(Process launcher, List<ProcessHandle> tree) throws Exception {
        launcher.destroy();   // SIGTERM to this pid, not the group
        assertTrue(launcher.waitFor(20, TimeUnit.SECONDS), "the launcher ignored SIGTERM");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (tree.stream().anyMatch(LauncherSignalTest::running) && System.nanoTime() < deadline) Thread.sleep(100);
        List<String> survivors = tree.stream().filter(LauncherSignalTest::running).map(h -> h.pid() + " " + tail(cmdline(h))).toList();
        tree.forEach(ProcessHandle::destroyForcibly);   // whatever the outcome, leave nothing behind
        assertEquals(List.of(), survivors, "still running after a SIGTERM to the launcher");
    }

    @Test
    void sigtermToTheLauncherEndsTheJvm() throws Exception {
        Path input = dir.resolve("input.xyz");   // energies only: n2p2 input.data would need forces
        io.github.hdnnpkit.io.ExtendedXyz.write(input, io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest.structures(10, 3));
        Process launcher = launch("train", "--data", input.toString(), "--set", "thesis-22", "--features", "evenly:6", "--layout", "6-4-1",
                "--epochs", "1000000", "--patience", "0", "--batch", "4");
        Path log = dir.resolve("launcher.txt");
        await(() -> tree(launcher).stream().anyMatch(LauncherSignalTest::isJvm) && log.toFile().length() > 0, launcher, 60);
        List<ProcessHandle> tree = tree(launcher);
        assertTrue(launcher.isAlive(), "the training ended before it could be killed: " + Files.readString(log));
        assertTrue(tree.stream().anyMatch(LauncherSignalTest::isJvm), "no JVM seen: " + Files.readString(log));
        terminateAndCheck(launcher, tree);
    }

    @Test
    void sigtermToTheLauncherStopsLammpsAndReleasesTheLock() throws Exception {
        assumeTrue(LammpsGenerator.lammpsAvailable(), "LAMMPS is not installed (lmp and Al_mm.eam.fs): "
                + "run environment/kit or apt-get install lammps lammps-data; skipping the launcher's LAMMPS check");
        Path out = dir.resolve("gen");
        Process launcher = launch("generate", "--out", out.toString(), "--labels", "10K", "--configurations", "5000", "--threads", "1");   // far longer than the test waits
        Path lammpsLog = out.resolve(LammpsGenerator.WORK_DIR).resolve("10K").resolve("log.lammps");
        await(() -> {
            try {
                return Files.exists(lammpsLog) && Files.readString(lammpsLog).contains("Step");
            } catch (IOException e) {
                return false;
            }
        }, launcher, 60);
        List<ProcessHandle> tree = tree(launcher);
        assertTrue(launcher.isAlive(), "the generation ended before it could be killed: " + Files.readString(dir.resolve("launcher.txt")));
        assertTrue(tree.stream().anyMatch(h -> cmdline(h).contains("lmp")), "no lmp child seen");
        terminateAndCheck(launcher, tree);
        try (FileChannel ch = FileChannel.open(out.resolve(".lock"), StandardOpenOption.WRITE); FileLock lock = ch.tryLock()) {
            assertNotNull(lock, "the generation lock is still held");
        }
    }
}
