package io.github.hdnnpkit.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.io.TextFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Provenance of a data-set folder, {@code manifest.json} next to the per-label extended-XYZ files; its JSON schema is
 * {@code data/manifest.schema.json}. Written last, after every label file is complete, so a folder with a manifest
 * is a complete data set and one without is an unfinished generation.
 *
 * @param schemaVersion  1
 * @param kind           {@code generated} (made by {@link LammpsGenerator}) or {@code subsample} (of another set)
 * @param created        ISO-8601 UTC time of writing
 * @param kitVersion     hdnnp-kit version that wrote it
 * @param lammps         the MD engine, null for a set not made by LAMMPS
 * @param potential      the interatomic potential, null when unknown
 * @param template       file name of the LAMMPS input template
 * @param templateSha256 its SHA-256
 * @param protocol       the MD protocol
 * @param baseSeed       the seed from which every label's seed is derived
 * @param labels         the series in order, with files, counts, seeds and checksums
 * @param derivedFrom    for a subsample: where it comes from and how it was chosen; null otherwise
 */
public record Manifest(int schemaVersion, String kind, String created, String kitVersion, Engine lammps, Potential potential,
                       String template, String templateSha256, GenerationProtocol protocol, long baseSeed,
                       List<Entry> labels, Derivation derivedFrom) {
    public static final String FILE_NAME = "manifest.json";
    public static final int SCHEMA_VERSION = 1;

    public Manifest {
        Objects.requireNonNull(kind);
        labels = List.copyOf(labels);
    }

    /** @param version as LAMMPS prints it, e.g. {@code 29 Sep 2021 - Update 2}; executable: path used */
    public record Engine(String version, String executable) {
    }

    /** @param file file name; sha256 of its bytes; header: its first comment lines, quoted as its citation */
    public record Potential(String file, String sha256, String header) {
    }

    /**
     * One series.
     *
     * @param seed           the label's own velocity seed
     * @param file           the extended-XYZ file, relative to the folder
     * @param configurations frames in the file
     * @param sha256         SHA-256 of the file's bytes
     * @param meanEdge       the NPT-averaged cubic box edge used for NVT sampling, Å
     */
    public record Entry(String name, double temperature, String phase, double pressureBar, String protocol, String description,
                        long seed, String file, int configurations, String sha256, double meanEdge) {
        public Label label() {
            return new Label(name, temperature, Phase.parse(phase), pressureBar, protocol, description);
        }
    }

    /** @param source manifest path or description of the parent set; selection how configurations were picked */
    public record Derivation(String source, String selection) {
    }

    public int totalConfigurations() {
        return labels.stream().mapToInt(Entry::configurations).sum();
    }

    private static Gson gson() {
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
    }

    public String toJson() {
        return gson().toJson(this);
    }

    /** Writes {@code manifest.json} into the folder, atomically. */
    public void write(Path dir) {
        TextFiles.writeAtomically(dir.resolve(FILE_NAME), w -> w.write(toJson() + "\n"));
    }

    /** Reads {@code dir/manifest.json}. */
    public static Manifest read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file))
            throw new IllegalStateException("no " + FILE_NAME + " in " + dir + ": not a data set, or its generation has not finished "
                    + "(run `hdnnp generate --out " + dir + "` to complete it, or `environment/kit reproduce`)");
        try (Reader r = TextFiles.reader(file)) {
            Manifest m = gson().fromJson(r, Manifest.class);
            if (m == null || m.labels() == null) throw new InputFormatException(file, 0, "empty manifest");
            if (m.schemaVersion() != SCHEMA_VERSION)
                throw new InputFormatException(file, 0, "schemaVersion " + m.schemaVersion() + ", this kit reads " + SCHEMA_VERSION);
            return m;
        } catch (JsonParseException e) {
            throw new InputFormatException(file, 0, "not a valid manifest: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
