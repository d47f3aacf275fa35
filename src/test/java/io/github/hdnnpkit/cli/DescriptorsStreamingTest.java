package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.io.DescriptorOutput;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code hdnnp descriptors} in a child JVM: a file whose configurations do not fit the heap is streamed through it,
 * and a run killed half-way leaves nothing under the output's name.
 */
class DescriptorsStreamingTest {
    @TempDir
    Path dir;

    /** {@code frames} displaced 4-atom FCC cells as extended XYZ (written directly: the kit's writer would hold a list). */
    private Path manyFrames(String name, int frames, int cells) throws IOException {
        Path f = dir.resolve(name);
        Configuration base = Crystals.fcc("Al", Crystals.AL_A0, cells, cells, cells);
        double a = Crystals.AL_A0 * cells;
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            for (int k = 0; k < frames; k++) {
                w.write(base.size() + "\n");
                w.write(String.format(Locale.ROOT, "Lattice=\"%s 0 0 0 %s 0 0 0 %s\" Properties=species:S:1:pos:R:3 id=f%d pbc=\"T T T\"%n", a, a, a, k));
                for (int i = 0; i < base.size(); i++)
                    w.write(String.format(Locale.ROOT, "Al %.6f %.6f %.6f%n", base.x(i) + 0.05 * r.nextGaussian(),
                            base.y(i) + 0.05 * r.nextGaussian(), base.z(i) + 0.05 * r.nextGaussian()));
            }
        }
        return f;
    }

    private ProcessBuilder child(String heap, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), HdnnpCommand.class.getName(), "descriptors"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.txt").toFile());
    }

    /**
     * 15 000 configurations: as a list of {@link Configuration}s they do not fit the 16 MB heap the child gets (the
     * command before streaming, which read the whole file first, ends with an OutOfMemoryError here); streamed, the
     * run holds a few configurations at a time.
     */
    @Test
    void aFileLargerThanTheHeapIsStreamed() throws Exception {
        Path in = manyFrames("many.extxyz", 15_000, 1);
        Path out = dir.resolve("g.npy");
        Process p = child("16m", "--structures", in.toString(), "--set", "thesis-22", "--out", out.toString(),
                "--precision", "float32", "--threads", "2").start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
        String log = Files.readString(dir.resolve("child.txt"));
        assertEquals(0, p.exitValue(), log);
        assertEquals(128 + 15_000L * 4 * 22 * 4, Files.size(out));
        assertTrue(log.contains("15000/15000"), "the progress bar knew the total: " + log);
        assertTrue(Files.readString(DescriptorOutput.sideFile(out)).contains("\"id\": \"f14999\""));
    }

    /**
     * SIGKILL half-way: no file under the final names, only hidden staging files (no finally or shutdown hook runs);
     * the next run of the same output removes them, since their writer is dead, and writes the output.
     */
    @Test
    void aKilledRunLeavesNoOutputAndTheNextRunRemovesItsLeftovers() throws Exception {
        Path in = manyFrames("md.extxyz", 400, 2);
        Path small = manyFrames("small.extxyz", 3, 1);
        for (String name : new String[]{"g.npy", "g.csv"}) {
            Path out = dir.resolve(name);
            Process p = child("256m", "--structures", in.toString(), "--set", "thesis-329", "--out", out.toString(), "--threads", "1").start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (p.isAlive() && System.nanoTime() < deadline && !writing(name)) Thread.sleep(20);
            assertTrue(p.isAlive(), "the run ended before it could be killed: " + Files.readString(dir.resolve("child.txt")));
            p.destroyForcibly();   // SIGKILL: no shutdown hook, no finally
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertFalse(Files.exists(out), "a killed run left " + out);
            assertFalse(Files.exists(DescriptorOutput.sideFile(out)));
            assertFalse(leftovers(name).isEmpty(), "the killed run should have left its staging file");

            Process again = child("256m", "--structures", small.toString(), "--set", "thesis-22", "--out", out.toString(), "--quiet").start();
            assertTrue(again.waitFor(120, TimeUnit.SECONDS), "the second run did not finish");
            assertEquals(0, again.exitValue(), Files.readString(dir.resolve("child.txt")));
            assertTrue(Files.exists(out));
            assertEquals(List.of(), leftovers(name), "the dead run's staging files are still there");
        }
    }

    /** Hidden staging files of the output {@code name} or of its side file. */
    private List<String> leftovers(String name) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("." + name) && n.contains(io.github.hdnnpkit.util.Staging.MARK)).sorted().toList();
        }
    }

    /** A hidden temporary file of {@code name} that has data in it: the run is half-way. */
    private boolean writing(String name) throws IOException {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> {
                String n = f.getFileName().toString();
                try {
                    return n.startsWith("." + name) && !n.endsWith(".json" ) && Files.size(f) > 200_000;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
