package io.github.hdnnpkit.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Which staging leftovers {@link Staging#sweep} removes: only those of writers that are certainly dead. */
class StagingTest {
    @TempDir
    Path dir;

    private final String[] me = Staging.owner().split("-");   // pid, boot, host

    /** A leftover of {@code target} named for the writer (pid, boot, host), with some content. */
    private Path leftover(Path target, String mark, long pid, String boot, String host) throws IOException {
        Path p = target.resolveSibling("." + target.getFileName() + mark + pid + "-" + boot + "-" + host + "-1f");
        Files.writeString(p, "partial");
        return p;
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        long pid = p.pid();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid reused at once");
        return pid;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDeadWritersStagingFileIsRemovedAndNothingElse() throws Exception {
        Path target = dir.resolve("g.npy");
        Path dead = leftover(target, Staging.MARK, deadPid(), me[1], me[2]);
        Path mine = leftover(target, Staging.MARK, ProcessHandle.current().pid(), me[1], me[2]);
        Path otherHost = leftover(target, Staging.MARK, deadPid(), me[1], "0badc0de".equals(me[2]) ? "0badc0df" : "0badc0de");
        Path otherTarget = leftover(dir.resolve("g.npy.json"), Staging.MARK, deadPid(), me[1], me[2]);
        Path oldStyle = dir.resolve(".g.npy" + Staging.MARK + "17a3f");   // the kit's earlier names: no owner
        Files.writeString(oldStyle, "x");

        assertEquals(1, Staging.sweep(target));
        assertFalse(Files.exists(dead), "a dead writer's leftover stays");
        for (Path kept : List.of(mine, otherHost, otherTarget, oldStyle))
            assertTrue(Files.exists(kept), kept + " was removed");
    }

    @Test
    void anEarlierBootsLeftoverIsRemoved() throws Exception {
        Path target = dir.resolve("g.csv");
        String otherBoot = "00000000".equals(me[1]) ? "00000001" : "00000000";
        Path p = leftover(target, Staging.MARK, ProcessHandle.current().pid(), otherBoot, me[2]);
        assertEquals(1, Staging.sweep(target));
        assertFalse(Files.exists(p));
    }

    @Test
    void aLiveProcessKeepsItsFileUnlessItStartedAfterTheLastWrite() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Path target = dir.resolve("g.npy");
            Path live = leftover(target, Staging.MARK, sleeper.pid(), me[1], me[2]);
            assertEquals(0, Staging.sweep(target), "a live writer's file was removed");
            assertTrue(Files.exists(live));
            // written an hour before that process started: the pid was reused, its writer is gone
            Files.setLastModifiedTime(live, FileTime.from(Instant.now().minusSeconds(3600)));
            assertEquals(1, Staging.sweep(target));
            assertFalse(Files.exists(live));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aStagedFolderIsRemovedWhole() throws Exception {
        Path target = dir.resolve("model");
        Path staged = target.resolveSibling(".model" + Staging.MARK + deadPid() + "-" + me[1] + "-" + me[2] + "-2a");
        Files.createDirectories(staged.resolve("sub"));
        Files.writeString(staged.resolve("sub/weights.f32"), "w");
        assertEquals(1, Staging.sweep(target));
        assertFalse(Files.exists(staged));
    }

    /** A writer killed between moving the old output aside and moving the new one in: the old one comes back. */
    @Test
    void aBackupIsRestoredWhenTheNewOutputNeverArrived() throws Exception {
        Path target = dir.resolve("g.npy");
        long pid = deadPid();
        Path backup = leftover(target, Staging.BACKUP_MARK, pid, me[1], me[2]);
        Path staged = leftover(target, Staging.MARK, pid, me[1], me[2]);
        Staging.sweep(target);
        assertEquals("partial", Files.readString(target), "the previous output was not put back");
        assertFalse(Files.exists(backup));
        assertFalse(Files.exists(staged));
        assertEquals(List.of("g.npy"), names());
    }

    /** Killed after the new output arrived, before the backup was deleted: the backup goes. */
    @Test
    void aBackupIsRemovedWhenTheNewOutputArrived() throws Exception {
        Path target = dir.resolve("g.npy");
        Files.writeString(target, "new");
        leftover(target, Staging.BACKUP_MARK, deadPid(), me[1], me[2]);
        Staging.sweep(target);
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("g.npy"), names());
    }

    @Test
    void writeReplacesWholeAndSweepsFirst() throws Exception {
        Path target = dir.resolve("r.json");
        Path dead = leftover(target, Staging.MARK, deadPid(), me[1], me[2]);
        Staging.write(target, tmp -> Files.writeString(tmp, "{}"));
        assertEquals("{}", Files.readString(target));
        assertFalse(Files.exists(dead));
        assertThrows(IOException.class, () -> Staging.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("{}", Files.readString(target), "a failed write changed the target");
        assertEquals(List.of("r.json"), names());
    }
}
