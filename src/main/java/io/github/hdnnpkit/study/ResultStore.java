package io.github.hdnnpkit.study;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.util.Staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The results of finished trainings, one small JSON file per specification named by its hash
 * ({@code <store>/<hash>.json}). A file is written to a temporary name in the same folder and moved into place
 * atomically, so a killed study leaves either a whole result or none; a study that starts again finds what is done
 * and trains only the rest. Many processes (local workers, cluster shards on a shared file system) can write to one
 * store: each writes only its own specifications' files, and two writers of the same file write the same content.
 */
public final class ResultStore {
    private final Path dir;

    public ResultStore(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    public Path directory() { return dir; }

    public Path fileFor(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a specification hash: " + hash);
        return dir.resolve(hash + ".json");
    }

    public boolean contains(String hash) {
        return Files.isRegularFile(fileFor(hash));
    }

    /**
     * The result stored for this hash. A file that cannot be read is moved aside (to {@code .unreadable}) and
     * reported as missing, so its model is trained again rather than the study failing on it.
     */
    public Optional<StudyResult> read(String hash) {
        Path f = fileFor(hash);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            JsonObject o = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
            StudyResult r = StudyResult.fromJson(o);
            if (!r.hash().equals(hash)) throw new IllegalStateException("it holds the result of " + r.hash());
            return Optional.of(r);
        } catch (IOException | RuntimeException e) {
            Path aside = f.resolveSibling(f.getFileName() + ".unreadable");
            try {
                Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // leave it; the next write replaces it
            }
            System.err.println("result file " + f + " is unreadable (" + e.getMessage() + "); moved to " + aside + ", the model will be trained again");
            return Optional.empty();
        }
    }

    /** Writes a result atomically (temp file in the store, then move). */
    public Path write(StudyResult r) {
        try {
            String json = StudyJson.PRETTY.toJson(r.toJson());
            // staged under a name that says which process writes it, so a killed shard's leftover is removed later
            return Staging.write(fileFor(r.hash()), tmp -> Files.writeString(tmp, json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write result " + r.hash() + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every result in the store (any study), in file-name order. */
    public List<StudyResult> all() {
        if (!Files.isDirectory(dir)) return List.of();
        List<StudyResult> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.json")).sorted().toList()) {
                String h = p.getFileName().toString().substring(0, 64);
                read(h).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }
}
