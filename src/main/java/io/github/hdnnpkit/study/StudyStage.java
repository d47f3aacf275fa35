package io.github.hdnnpkit.study;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import io.github.hdnnpkit.util.Versions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A study staged to one folder for machines that do not share this checkout (a cluster's nodes, other hosts): the
 * study in its expanded form (so every node sees the same specifications, hashes and shards), the kit's classes and
 * every jar it needs, the data sets it names ({@code fixture}, {@code generated}), their descriptor matrices
 * (computed here once, not by every shard), the result store and a script that runs one shard:
 *
 * <pre>
 * DIR/stage.json        what is staged: study, shards, kit version, data
 * DIR/study.json        the study, expanded (StudyFile.write)
 * DIR/run-shard.sh I    runs shard I/N into DIR/results (what a SLURM array task, a loop over hosts or ssh calls)
 * DIR/lib/              the kit's jar (or classes) and its dependencies
 * DIR/home/data/        the data sets named by the study; the shards run with hdnnp.home = DIR/home
 * DIR/descriptors/      the descriptor cache of those data sets
 * DIR/results/          the result store (one atomic JSON per specification), shared by all shards
 * DIR/logs/             the shards' output
 * </pre>
 *
 * Staging again into the same folder (the same study and shard count) brings the jars up to date and copies only
 * what changed; a folder that holds another study is refused. A data set given as a folder is not copied: it must be
 * an absolute path that the nodes see (its path is part of every specification's hash).
 */
public final class StudyStage {
    public static final String MANIFEST = "stage.json";
    public static final String STUDY_FILE = "study.json";
    public static final String RUN_SHARD = "run-shard.sh";
    static final String MAIN_CLASS = "io.github.hdnnpkit.cli.HdnnpCommand";

    private final Path dir;
    private final Study study;
    private final int shards;

    private StudyStage(Path dir, Study study, int shards) {
        this.dir = dir;
        this.study = study;
        this.shards = shards;
    }

    /**
     * What a stage is made with.
     *
     * @param descriptorCache the local descriptor cache, whose matrices are copied (computed there first if missing)
     * @param java            the {@code java} the shards start (an absolute path, or a command on the nodes' PATH)
     * @param javaOptions     further JVM options of the shards (e.g. {@code -Xmx4g})
     * @param classpath       what the shards need on their class path (default: this JVM's)
     */
    public record Settings(Path descriptorCache, String java, List<String> javaOptions, List<Path> classpath, Progress progress) {
        public Settings {
            Objects.requireNonNull(descriptorCache, "descriptorCache");
            if (java == null || java.isBlank()) throw new IllegalArgumentException("give the java executable the shards start");
            javaOptions = List.copyOf(javaOptions);
            for (String o : javaOptions)
                if (!o.startsWith("-")) throw new IllegalArgumentException("JVM option '" + o + "' does not start with '-'");
            classpath = List.copyOf(classpath);
            if (classpath.isEmpty()) throw new IllegalArgumentException("the shards need a class path");
            Objects.requireNonNull(progress, "progress");
        }

        /** The project's descriptor cache, this JVM's {@code java} and class path. */
        public static Settings defaults() {
            List<Path> cp = new ArrayList<>();
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator))
                if (!e.isBlank()) cp.add(Path.of(e).toAbsolutePath().normalize());
            return new Settings(Workspace.build().resolve("descriptors"), Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of(),
                    cp, Progress.NONE);
        }

        public Settings withJava(String j) { return new Settings(descriptorCache, j, javaOptions, classpath, progress); }

        public Settings withJavaOptions(List<String> o) { return new Settings(descriptorCache, java, o, classpath, progress); }

        public Settings withDescriptorCache(Path d) { return new Settings(d, java, javaOptions, classpath, progress); }

        public Settings withProgress(Progress p) { return new Settings(descriptorCache, java, javaOptions, classpath, p); }
    }

    /** Stages a study split into {@code shards} shards with {@link Settings#defaults()}. */
    public static StudyStage prepare(Study study, Path dir, int shards) {
        return prepare(study, dir, shards, Settings.defaults());
    }

    public static StudyStage prepare(Study study, Path dir, int shards, Settings settings) {
        Objects.requireNonNull(study, "study");
        if (study.specs().isEmpty()) throw new IllegalArgumentException("study " + study.name() + " has no models to stage");
        int distinct = study.byHash().size();
        if (shards < 1 || shards > distinct)
            throw new IllegalArgumentException("study " + study.name() + " has " + distinct + " distinct models: give 1 to " + distinct + " shards, not " + shards);
        Path d = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(d);
            if (Files.exists(d.resolve(MANIFEST))) {
                StudyStage old = open(d);
                if (!old.study.byHash().keySet().equals(study.byHash().keySet()) || old.shards != shards)
                    throw new IllegalArgumentException(d + " already holds study " + old.study.name() + " (" + old.study.byHash().size()
                            + " models in " + old.shards + " shards); stage this one (" + distinct + " models in " + shards + " shards) to another folder");
            }
            Map<String, String> data = stageData(study, d, settings);
            List<String> lib = stageClasspath(settings.classpath(), d.resolve("lib"));
            Files.createDirectories(d.resolve("results"));
            Files.createDirectories(d.resolve("logs"));

            Path studyFile = StudyFile.write(study, d.resolve(STUDY_FILE));
            Study back = StudyFile.read(studyFile);
            if (!back.specs().stream().map(ModelSpec::hash).toList().equals(study.specs().stream().map(ModelSpec::hash).toList()))
                throw new IllegalStateException("the staged study " + studyFile + " does not read back with the same specification hashes");
            writeExecutable(d.resolve(RUN_SHARD), runShardScript(study, shards, settings, lib));

            JsonObject m = new JsonObject();
            m.addProperty("study", study.name());
            m.addProperty("study_file", STUDY_FILE);
            m.addProperty("shards", shards);
            m.addProperty("models", distinct);
            m.addProperty("kit_version", Versions.kit());
            m.addProperty("java", settings.java());
            m.addProperty("java_options", String.join(" ", settings.javaOptions()));
            m.addProperty("staged_at", Instant.now().toString());
            JsonObject ds = new JsonObject();
            data.forEach(ds::addProperty);
            m.add("data", ds);
            writeJson(d.resolve(MANIFEST), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage study " + study.name() + " to " + d + ": " + e.getMessage(), e);
        }
        return new StudyStage(d, study, shards);
    }

    /** A stage made by {@link #prepare}, e.g. from another process or a later notebook session. */
    public static StudyStage open(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        Path mf = d.resolve(MANIFEST);
        if (!Files.isRegularFile(mf)) throw new IllegalArgumentException(d + " is not a staged study (no " + MANIFEST + "; hdnnp study submit makes one)");
        JsonObject m;
        try {
            m = JsonParser.parseString(Files.readString(mf, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mf + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(mf + ": not a stage manifest (" + e.getMessage() + ")", e);
        }
        if (!m.has("shards") || !m.get("shards").isJsonPrimitive() || !m.has("study_file"))
            throw new IllegalArgumentException(mf + ": expected the fields shards and study_file");
        Study s = StudyFile.read(d.resolve(m.get("study_file").getAsString()));
        int n = m.get("shards").getAsInt();
        if (n < 1 || n > s.byHash().size()) throw new IllegalArgumentException(mf + ": shards " + n + " for " + s.byHash().size() + " models");
        return new StudyStage(d, s, n);
    }

    public Path directory() { return dir; }

    public Study study() { return study; }

    public int shardCount() { return shards; }

    public List<Shard> shards() { return Shard.of(shards); }

    /** The shared result store of all shards. */
    public ResultStore store() { return new ResultStore(dir.resolve("results")); }

    public Path descriptorCache() { return dir.resolve("descriptors"); }

    public Path logs() { return dir.resolve("logs"); }

    /** The script that runs one shard: {@code run-shard.sh I}. */
    public Path runShardScript() { return dir.resolve(RUN_SHARD); }

    /** How many of a shard's models have a result. */
    public record ShardProgress(Shard shard, int models, int done) {
        public boolean complete() { return done == models; }
    }

    public ShardProgress progress(Shard shard) {
        if (shard.count() != shards) throw new IllegalArgumentException("shard " + shard + " of a study staged in " + shards + " shards");
        ResultStore store = store();
        Set<String> hs = shard.hashes(study);
        int done = (int) hs.stream().filter(store::contains).count();
        return new ShardProgress(shard, hs.size(), done);
    }

    /** The shards some of whose models have no result yet. */
    public List<Shard> incomplete() {
        return shards().stream().filter(s -> !progress(s).complete()).toList();
    }

    /** The results in the stage's store (nothing is trained). */
    public StudyResults results() {
        return new StudyRunner(store()).collect(study);
    }

    /**
     * Copies the stage's results into a local store (those it does not have yet) and returns the study's results
     * from there, so the local {@code hdnnp study table} and notebooks see them as if run here.
     */
    public StudyResults collectInto(ResultStore local) {
        ResultStore staged = store();
        for (String h : study.byHash().keySet())
            if (!local.contains(h)) staged.read(h).ifPresent(local::write);
        return new StudyRunner(local).collect(study);
    }

    // --- staging -----------------------------------------------------------------------------------------------

    /** Copies the data sets the study names and their descriptor matrices; returns source → where it is for the shards. */
    private static Map<String, String> stageData(Study study, Path d, Settings settings) throws IOException {
        Set<DataSpec> specs = new LinkedHashSet<>();
        for (ModelSpec s : study.specs()) {
            DataSpec ds = s.data();
            if (ds.inMemory())
                throw new IllegalArgumentException("model " + s.name() + " trains on " + ds.source() + ", data that lives in this JVM only: a cluster job cannot load it");
            if (!ds.source().equals("fixture") && !ds.source().equals("generated") && !Path.of(ds.source()).isAbsolute())
                throw new IllegalArgumentException("model " + s.name() + " names the data folder '" + ds.source()
                        + "' by a relative path, which a cluster job resolves elsewhere: give an absolute path on a file system the nodes share");
            specs.add(ds);
        }
        Map<String, String> where = new LinkedHashMap<>();
        Path cache = d.resolve("descriptors");
        Files.createDirectories(cache);
        for (DataSpec ds : specs) {
            if (!where.containsKey(ds.source())) {
                Path from = switch (ds.source()) {
                    case "fixture" -> Workspace.fixture();
                    case "generated" -> Workspace.generated();
                    default -> null;
                };
                if (from != null) {
                    Path to = d.resolve("home").resolve("data").resolve(from.getFileName());
                    syncTree(from, to);
                    where.put(ds.source(), d.relativize(to).toString());
                } else {
                    where.put(ds.source(), ds.source() + " (not copied: the nodes must see this folder)");
                }
            }
            // the matrix is computed (or found) in the local cache, then copied: shards only read it
            StudyData.load(ds, settings.descriptorCache(), settings.progress(), Cancellation.none());
            Path file = StudyData.descriptorFile(ds, settings.descriptorCache());
            copyIfChanged(file, cache.resolve(file.getFileName()));
        }
        return where;
    }

    /** Copies every class-path entry into {@code lib} (jars by name, folders as {@code classes-K}); removes the rest. */
    private static List<String> stageClasspath(List<Path> classpath, Path lib) throws IOException {
        Files.createDirectories(lib);
        List<String> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int folders = 0;
        for (Path e : classpath) {
            if (Files.isDirectory(e)) {
                String name = "classes-" + folders++;
                syncTree(e, lib.resolve(name));
                names.add(name);
                entries.add(name);
            } else if (Files.isRegularFile(e) && e.getFileName().toString().endsWith(".jar")) {
                String name = e.getFileName().toString();
                if (names.contains(name)) name = "dup" + entries.size() + "-" + name;   // one jar name from two places
                names.add(name);
                copyIfChanged(e, lib.resolve(name));
                entries.add(name);
            }
            // a missing entry is skipped, as the JVM does
        }
        try (Stream<Path> s = Files.list(lib)) {
            for (Path p : s.toList()) if (!names.contains(p.getFileName().toString())) deleteTree(p);
        }
        return entries;
    }

    private static String runShardScript(Study study, int shards, Settings settings, List<String> lib) {
        StringBuilder opts = new StringBuilder();
        for (String o : settings.javaOptions()) opts.append('\'').append(o.replace("'", "'\\''")).append("' ");
        StringBuilder cp = new StringBuilder();
        for (String e : lib) cp.append(cp.length() == 0 ? "" : ":").append("$STAGE/lib/").append(e);
        return """
                #!/usr/bin/env bash
                # Runs one shard of study %s, staged here by hdnnp study submit: run-shard.sh I (1 to %d).
                # A SLURM array task calls it with its SLURM_ARRAY_TASK_ID; any other scheduler, or a loop over hosts, calls
                # it the same way. A shard run twice or re-queued trains only the models without a result in results/.
                # HDNNP_JAVA overrides the java, HDNNP_JAVA_OPTS adds JVM options, HDNNP_WORKERS the models trained at once.
                set -euo pipefail
                STAGE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
                shard="${1:-${SLURM_ARRAY_TASK_ID:-}}"
                [[ "$shard" =~ ^[0-9]+$ ]] || { echo "usage: $0 SHARD (1 to %d)" >&2; exit 2; }
                export OMP_NUM_THREADS=1   # one thread per model, as environment/kit runs the kit
                workers="${HDNNP_WORKERS:-${SLURM_CPUS_PER_TASK:-1}}"
                # exec: the JVM takes this pid, so scancel's SIGTERM reaches it and finished results are kept
                exec "${HDNNP_JAVA:-%s}" --add-modules jdk.incubator.vector %s${HDNNP_JAVA_OPTS:-} -Dhdnnp.home="$STAGE/home" \\
                  -cp "%s" %s study run --study "$STAGE/%s" --store "$STAGE/results" \\
                  --descriptor-cache "$STAGE/descriptors" --shard "$shard/%d" --workers "$workers"
                """.formatted(study.name().replaceAll("[\\r\\n]", " "), shards, shards, shellQuoteInDouble(settings.java()), opts, cp, MAIN_CLASS, STUDY_FILE, shards);
    }

    private static String shellQuoteInDouble(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
    }

    // --- files -------------------------------------------------------------------------------------------------

    /** Copies a file unless the target has the same size and modification time (then it is the same copy). */
    static void copyIfChanged(Path from, Path to) throws IOException {
        if (Files.isRegularFile(to) && Files.size(to) == Files.size(from)
                && Files.getLastModifiedTime(to).equals(Files.getLastModifiedTime(from))) return;
        Files.createDirectories(to.getParent());
        Path tmp = to.resolveSibling("." + to.getFileName() + TextFiles.TEMP_SUFFIX);
        try {
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            move(tmp, to);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes {@code to} a copy of the folder {@code from}: changed files copied, files no longer in {@code from} removed. */
    static void syncTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) throw new IllegalArgumentException("cannot stage " + from + ": no such folder");
        Set<Path> wanted = new HashSet<>();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                Path t = to.resolve(rel.toString());
                wanted.add(t);
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (Files.isRegularFile(p)) copyIfChanged(p, t);
            }
        }
        try (Stream<Path> s = Files.walk(to)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) if (!wanted.contains(p)) deleteTree(p);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }

    private static void move(Path tmp, Path to) throws IOException {
        try {
            Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void writeJson(Path file, JsonObject o) {
        TextFiles.writeAtomically(file, w -> {
            StudyJson.PRETTY.toJson(o, w);
            w.write('\n');
        });
    }

    private static void writeExecutable(Path file, String text) throws IOException {
        TextFiles.writeAtomically(file, w -> w.write(text));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: run it with bash
        }
    }
}
