package io.github.hdnnpkit.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outputs that appear all together or not at all. Each output (a file or a folder) is first written under a hidden
 * temporary sibling of its final name ({@link #stage}); {@link #commit} then moves every staged output into place,
 * keeping a previous output aside until all moves succeeded and putting it back if one fails. Closing without a
 * commit deletes what was staged, so a failure half-way through writing leaves the old outputs as they were and no
 * partial new one.
 *
 * <pre>
 * try (StagedOutputs staged = new StagedOutputs()) {
 *     model.save(staged.stage(potentialDir));
 *     N2p2Export.write(model, staged.stage(n2p2Dir));
 *     staged.commit();
 * }
 * </pre>
 */
public final class StagedOutputs implements AutoCloseable {
    /** Marks temporary names, so a crash's leftovers are recognisable (and hidden by the leading dot). */
    public static final String TEMP_MARK = Staging.MARK;

    private final Map<Path, Path> staged = new LinkedHashMap<>();   // final → temporary
    private boolean committed;

    /**
     * A temporary path (not yet existing) in the same folder as {@code target}, to be written as if it were the
     * target. The parent folder is created, and what killed earlier writers of the same target left there is
     * removed ({@link Staging#sweep}). Targets must be distinct and none may lie inside another.
     */
    public Path stage(Path target) throws IOException {
        if (committed) throw new IllegalStateException("already committed");
        Path t = target.toAbsolutePath().normalize();
        if (t.getParent() == null) throw new IllegalArgumentException("cannot replace the root folder " + t);
        for (Path other : staged.keySet())
            if (t.startsWith(other) || other.startsWith(t))
                throw new IllegalArgumentException("outputs " + other + " and " + t + " overlap; give separate paths");
        Staging.prepare(t);
        Path tmp = Staging.path(t);
        staged.put(t, tmp);
        return tmp;
    }

    /** Moves every staged output into place, or none: on a failure the previous outputs are restored. */
    public void commit() throws IOException {
        if (committed) throw new IllegalStateException("already committed");
        for (Map.Entry<Path, Path> e : staged.entrySet())
            if (!Files.exists(e.getValue(), LinkOption.NOFOLLOW_LINKS))
                throw new IOException("output " + e.getKey() + " was staged but never written");
        List<Path[]> done = new ArrayList<>();   // {target, backup or null}
        try {
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                Path target = e.getKey(), backup = null;
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    backup = Staging.backupPath(target);
                    Files.move(target, backup);
                }
                done.add(new Path[]{target, backup});
                move(e.getValue(), target);
            }
        } catch (IOException | RuntimeException failure) {
            for (int i = done.size() - 1; i >= 0; i--) {
                Path target = done.get(i)[0], backup = done.get(i)[1];
                try {
                    if (Files.exists(staged.get(target), LinkOption.NOFOLLOW_LINKS)) {
                        if (backup != null) Files.move(backup, target);   // the new one never arrived
                    } else {
                        deleteTree(target);
                        if (backup != null) Files.move(backup, target);
                    }
                } catch (IOException restore) {
                    failure.addSuppressed(restore);
                }
            }
            throw failure;
        }
        committed = true;
        for (Path[] d : done) if (d[1] != null) deleteTree(d[1]);
    }

    /** Deletes whatever was staged and not committed. */
    @Override
    public void close() {
        if (committed) return;
        UncheckedIOException first = null;
        for (Path tmp : staged.values()) {
            try {
                deleteTree(tmp);
            } catch (IOException e) {
                if (first == null) first = new UncheckedIOException("cannot remove the temporary output " + tmp, e);
            }
        }
        staged.clear();
        if (first != null) throw first;
    }

    /**
     * Replaces a set of files in {@code dir} together: all new contents are written to temporary files first, then
     * moved over the old ones; if a move fails, the files already replaced get their old content back. A missing
     * {@code dir} is created whole under a temporary name and moved into place. Other files in {@code dir} are left
     * alone.
     *
     * @param files file name → UTF-8 text
     */
    public static void replaceFiles(Path dir, Map<String, String> files) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            try (StagedOutputs s = new StagedOutputs()) {
                Path tmp = s.stage(target);
                Files.createDirectory(tmp);
                readable(tmp, "rwxr-xr-x");
                for (Map.Entry<String, String> f : files.entrySet()) {
                    Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                    readable(tmp.resolve(f.getKey()), "rw-r--r--");
                }
                s.commit();
            }
            return;
        }
        if (!Files.isDirectory(target)) throw new IOException(target + " exists and is not a folder");
        for (String name : files.keySet()) {
            Path f = target.resolve(name);
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                throw new IOException(f + " exists and is not a regular file; nothing of the set was written");
        }
        Map<Path, Path> temps = new LinkedHashMap<>(), backups = new LinkedHashMap<>();
        List<Path> replaced = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path tmp = Staging.createFile(target.resolve(f.getKey()));
                temps.put(target.resolve(f.getKey()), tmp);
                Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
                if (Files.exists(target.resolve(f.getKey()))) {
                    Path b = Staging.backupPath(target.resolve(f.getKey()));
                    backups.put(target.resolve(f.getKey()), b);
                    Files.copy(target.resolve(f.getKey()), b, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            for (Map.Entry<Path, Path> t : temps.entrySet()) {
                replaced.add(t.getKey());
                move(t.getValue(), t.getKey());
            }
        } catch (IOException | RuntimeException failure) {
            for (Path f : replaced) {
                try {
                    Path b = backups.get(f);
                    if (b != null) move(b, f);
                    else Files.deleteIfExists(f);
                } catch (IOException restore) {
                    failure.addSuppressed(restore);
                }
            }
            throw failure;
        } finally {
            for (Path p : temps.values()) Files.deleteIfExists(p);
            for (Path p : backups.values()) Files.deleteIfExists(p);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Staging.move(from, to);
    }

    private static void readable(Path p, String permissions) throws IOException {
        Staging.readable(p, permissions);
    }

    static void deleteTree(Path p) throws IOException {
        Staging.deleteTree(p);
    }
}
