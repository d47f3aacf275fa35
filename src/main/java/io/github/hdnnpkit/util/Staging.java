package io.github.hdnnpkit.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of the hidden files and folders a writer stages its output under, and the removal of those a dead writer
 * left behind.
 *
 * <p>A writer stages {@code out/g.npy} as {@code out/.g.npy.staged-PID-BOOT-HOST-NONCE} and moves it into place once
 * complete; a process killed with SIGKILL runs no {@code finally} and no shutdown hook, so its staging file stays.
 * The name says who wrote it — the process id, the machine (a hash of its host name) and that machine's boot (a hash
 * of the kernel's boot id) — so that the next writer of the same target ({@link #sweep}) can tell a dead writer's
 * leftover from a live concurrent writer's file:
 * <ul>
 * <li>another machine's files are never touched (on a shared file system its writer may be alive, and its pids mean
 * nothing here);</li>
 * <li>this machine, an earlier boot: every process of that boot is dead;</li>
 * <li>this boot: dead when no process has that pid, or when the process that has it started after the file was last
 * written (the pid was reused).</li>
 * </ul>
 * When in doubt a file is kept: a wrong removal would break a live writer, a wrong keep only costs disk space.
 * Names without an owner (the kit's older {@code .…staged-HEX}, {@code .…tmp}) are not recognised and never removed.
 * A backup that {@link StagedOutputs#commit} moved aside ({@code .g.npy.old-…}) is put back when its writer died
 * before the new output arrived, and removed when it did arrive.
 */
public final class Staging {
    /** Marks staging names (and the leading dot hides them). */
    public static final String MARK = ".staged-";
    /** Marks a previous output moved aside during a commit. */
    public static final String BACKUP_MARK = ".old-";

    private static final Pattern OWNER = Pattern.compile("(\\d+)-([0-9a-f]{8})-([0-9a-f]{8})-[0-9a-f]+");
    /**
     * A reused pid's process must have started this long after the leftover's last write before the leftover counts
     * as dead: process start times are known to a clock tick, file times to the file system's granularity.
     */
    private static final long START_MARGIN_MS = 2_000;

    private static final long PID = ProcessHandle.current().pid();
    private static final String BOOT = hash(firstLine(Path.of("/proc/sys/kernel/random/boot_id")));
    private static final String HOST = hash(hostName());

    private Staging() {
    }

    /** A fresh staging path for {@code target} (a sibling; not created), owned by this process. */
    public static Path path(Path target) {
        return sibling(target, MARK);
    }

    /** A fresh path to move the existing {@code target} aside to while a new one replaces it. */
    public static Path backupPath(Path target) {
        return sibling(target, BACKUP_MARK);
    }

    private static Path sibling(Path target, String mark) {
        Path t = target.toAbsolutePath().normalize();
        if (t.getFileName() == null) throw new IllegalArgumentException("no file name: " + target);
        String nonce = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        return t.resolveSibling("." + t.getFileName() + mark + PID + "-" + BOOT + "-" + HOST + "-" + nonce);
    }

    /**
     * Removes what earlier writers of {@code target} left when they died, creates the parent folder and creates an
     * empty staging file, readable like any output ({@code rw-r--r--} where the file system has permissions).
     */
    public static Path createFile(Path target) throws IOException {
        Path t = prepare(target);
        Path tmp = Files.createFile(path(t));
        readable(tmp, "rw-r--r--");
        return tmp;
    }

    /** As {@link #createFile}, for a folder ({@code rwxr-xr-x}). */
    public static Path createDirectory(Path target) throws IOException {
        Path t = prepare(target);
        Path tmp = Files.createDirectory(path(t));
        readable(tmp, "rwxr-xr-x");
        return tmp;
    }

    /** Writes a staging file given its path. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path staging) throws IOException;
    }

    /**
     * Writes {@code target} whole or not at all: {@code content} writes a staging file ({@link #createFile}), which
     * is then moved over the target; on a failure it is deleted and the target is as it was. Returns the absolute
     * target.
     */
    public static Path write(Path target, Content content) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        Path tmp = createFile(t);
        try {
            content.writeTo(tmp);
            move(tmp, t);
            return t;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Sweeps {@code target}'s leftovers and creates its parent folder; returns the absolute target. */
    public static Path prepare(Path target) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        if (t.getParent() == null) throw new IllegalArgumentException("cannot write the root folder " + t);
        Files.createDirectories(t.getParent());
        sweep(t);
        return t;
    }

    /**
     * Removes the staging files and folders of {@code target} whose writers are dead (see the class comment), and
     * settles their backups; returns how many leftovers it removed or restored. A leftover that cannot be removed
     * (permissions, a race with another sweeper) is skipped: it is no reason to fail the new write.
     */
    public static int sweep(Path target) {
        Path t = target.toAbsolutePath().normalize();
        Path dir = t.getParent();
        if (dir == null || t.getFileName() == null || !Files.isDirectory(dir)) return 0;
        String staged = "." + t.getFileName() + MARK, backup = "." + t.getFileName() + BACKUP_MARK;
        Map<Path, String> deadStaged = new LinkedHashMap<>(), deadBackups = new LinkedHashMap<>();   // path -> owner
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + glob(t.getFileName().toString()) + ".*")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                try {
                    if (name.startsWith(staged)) {
                        String owner = owner(p, name.substring(staged.length()));
                        if (owner != null) deadStaged.put(p, owner);
                    } else if (name.startsWith(backup)) {
                        String owner = owner(p, name.substring(backup.length()));
                        if (owner != null) deadBackups.put(p, owner);
                    }
                } catch (IOException e) {
                    // gone meanwhile (another run swept it): nothing to do
                }
            }
        } catch (IOException e) {
            return 0;   // an unreadable folder: the write itself will report what is wrong
        }
        int n = 0;
        for (Map.Entry<Path, String> b : deadBackups.entrySet()) {
            // StagedOutputs.commit moves the old output aside, then the staged one in: a staged file of the same
            // writer still there means the new output never arrived, and the old one goes back
            boolean arrived = !deadStaged.containsValue(b.getValue());
            try {
                if (arrived || Files.exists(t, LinkOption.NOFOLLOW_LINKS)) deleteTree(b.getKey());
                else Files.move(b.getKey(), t);
                n++;
            } catch (IOException e) {
                // another run settled it first, or it is not ours to touch: leave it
            }
        }
        for (Path p : deadStaged.keySet()) {
            try {
                deleteTree(p);
                n++;
            } catch (IOException e) {
                // as above
            }
        }
        return n;
    }

    /** The writer ({@code PID-BOOT-HOST}) named after a leftover's mark when it is a dead process of this machine, else null. */
    private static String owner(Path leftover, String afterMark) throws IOException {
        Matcher m = OWNER.matcher(afterMark);
        if (!m.matches() || !dead(leftover, m)) return null;
        return m.group(1) + "-" + m.group(2) + "-" + m.group(3);
    }

    /** Whether the writer named in a leftover's name is a dead process of this machine. */
    private static boolean dead(Path leftover, Matcher m) throws IOException {
        if (!m.group(3).equals(HOST)) return false;
        if (!m.group(2).equals(BOOT)) return true;
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) return true;
        if (pid == PID) return false;   // this process: a writer of this JVM may still be at it
        Optional<Instant> started = p.get().info().startInstant();
        if (started.isEmpty()) return false;
        Instant written = Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS).toInstant();
        return started.get().isAfter(written.plusMillis(START_MARGIN_MS));
    }

    /** Moves {@code from} over {@code to}, atomically where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file, or a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }

    /** Sets permissions where the file system has them (temporary files are created owner-only elsewhere). */
    static void readable(Path p, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    /** The file name as a glob that matches only itself. */
    private static String glob(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    private static String hostName() {
        // the kernel's name (no DNS look-up, unlike InetAddress.getLocalHost, which can take seconds)
        String h = firstLine(Path.of("/proc/sys/kernel/hostname"));
        if (!h.isEmpty()) return h;
        h = System.getenv("HOSTNAME");
        if (h != null && !h.isEmpty()) return h;
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(Path p) {
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8).strip();
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        } catch (IOException | RuntimeException e) {
            return "";   // not Linux: every boot looks the same, and the pid check decides alone
        }
    }

    /** Eight hex digits of a stable hash (FNV-1a, 32 bits): enough to tell machines and boots apart. */
    static String hash(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return String.format("%08x", h);
    }

    /** This process's owner part of staging names ({@code PID-BOOT-HOST}), for tests. */
    static String owner() {
        return PID + "-" + BOOT + "-" + HOST;
    }
}
