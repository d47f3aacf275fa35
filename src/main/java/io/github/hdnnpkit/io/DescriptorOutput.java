package io.github.hdnnpkit.io;

import com.google.gson.stream.JsonWriter;
import io.github.hdnnpkit.descriptors.DescriptorCache;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.OrderedPipeline;
import io.github.hdnnpkit.util.Progress;
import io.github.hdnnpkit.util.StagedOutputs;
import io.github.hdnnpkit.util.Versions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the descriptors of a stream of configurations in one of three formats, with memory independent of the
 * number of configurations ({@link #write}): configurations are evaluated and encoded in parallel, and written in
 * input order by one thread.
 *
 * <ul>
 * <li>{@link Format#CSV}: header {@code structure,atom,<function ids>}, one line per atom (0-based configuration and
 * atom indices), values as the shortest decimal that reads back to the identical double ({@link ShortestDecimal});
 * gzip when the name ends in {@code .gz}.</li>
 * <li>{@link Format#NPY}: a NumPy {@code .npy} matrix ({@link NpyWriter}), one row per (configuration, atom), and a
 * JSON side file {@code <name>.npy.json} naming rows, columns (function ids and parameters) and the provenance.</li>
 * <li>{@link Format#CACHE}: the kit's checksummed {@link DescriptorCache} file in the folder given, under the name
 * {@code hdnnp train --cache DIR} (and the notebooks) look for, so training on the same structures skips the
 * descriptors.</li>
 * </ul>
 * Every output appears complete under its final name or not at all: files are written under hidden staging names
 * and moved into place once complete. A run killed outright (SIGKILL) leaves a hidden {@code .g.npy.staged-PID-…}
 * file, which the next run writing the same output removes once that process is gone ({@link
 * io.github.hdnnpkit.util.Staging}).
 */
public abstract class DescriptorOutput implements AutoCloseable {
    /** The output formats. */
    public enum Format {
        CSV, NPY, CACHE;

        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "npy" -> NPY;
                case "cache" -> CACHE;
                default -> throw new IllegalArgumentException("unknown format '" + s + "': expected csv, npy or cache");
            };
        }

        /** From the output's name: {@code .csv}/{@code .csv.gz}, {@code .npy}, or an existing folder (cache). */
        public static Format of(Path out) {
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv") || name.endsWith(".csv.gz")) return CSV;
            if (name.endsWith(".npy")) return NPY;
            if (Files.isDirectory(out)) return CACHE;
            throw new IllegalArgumentException("cannot tell the output format from the name " + out
                    + ": expected FILE.csv, FILE.csv.gz, FILE.npy or an existing cache folder, or give --format csv|npy|cache");
        }

        @Override
        public String toString() { return name().toLowerCase(Locale.ROOT); }
    }

    /** Binary64 (exact, the default) or binary32 (half the size; what the networks train on). */
    public enum Precision {
        FLOAT64, FLOAT32;

        public static Precision parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "float64", "f8", "double", "64" -> FLOAT64;
                case "float32", "f4", "float", "32" -> FLOAT32;
                default -> throw new IllegalArgumentException("unknown precision '" + s + "': expected float64 or float32");
            };
        }

        @Override
        public String toString() { return name().toLowerCase(Locale.ROOT); }
    }

    /** What {@link #write} did. */
    public record Summary(long configurations, long rows, int columns, List<Path> files) {
    }

    /** One configuration encoded on a worker thread ({@code values}: the flat values, for formats that keep them). */
    protected record Encoded(Configuration configuration, int atoms, ByteChunk bytes, double[] values) {
    }

    protected final DescriptorCalculator calculator;
    protected final SymmetryFunctionSet set;
    protected final Precision precision;
    protected final String input;
    private final ConcurrentLinkedQueue<ByteChunk> free = new ConcurrentLinkedQueue<>();
    protected long rows;

    private DescriptorOutput(DescriptorCalculator calculator, Precision precision, String input) {
        this.calculator = calculator;
        this.set = calculator.set();
        this.precision = precision;
        this.input = input;
    }

    /**
     * Opens an output of {@code format} at {@code out} (a file, or the cache folder for {@link Format#CACHE});
     * {@code input} names the source in the provenance. Nothing appears at {@code out} before {@link #commit()}.
     */
    public static DescriptorOutput open(Format format, Path out, DescriptorCalculator calculator, Precision precision,
                                        String input) throws IOException {
        Objects.requireNonNull(out);
        return switch (format) {
            case CSV -> new Csv(out, calculator, precision, input);
            case NPY -> new Npy(out, calculator, precision, input);
            case CACHE -> new Cache(out, calculator, input);   // float32, as training reads it
        };
    }

    /**
     * The whole run: feeds every configuration that {@code source} produces (e.g. {@code a -> StructureFiles.forEach(file,
     * a)}) through evaluation and encoding on the calculator's threads, writes in input order and commits. At most
     * {@code 4 × threads} configurations are in memory at a time. On any failure nothing appears at the output.
     *
     * @param total configurations expected (for the progress bar), ≤ 0 when unknown
     */
    public static Summary write(Consumer<Consumer<Configuration>> source, DescriptorCalculator calculator, Format format,
                                Path out, Precision precision, String input, long total, Progress progress,
                                Cancellation cancellation) throws IOException {
        int threads = calculator.threads();
        try (DescriptorOutput output = open(format, out, calculator, precision, input)) {
            progress.start("descriptors " + calculator.set().name() + " (" + calculator.convention() + ") -> " + format, total);
            try (OrderedPipeline<Configuration, Encoded> p = new OrderedPipeline<>(threads, 4 * threads,
                    (i, c) -> output.encode(i, c, calculator.computeFlat(c)),
                    (i, e) -> {
                        output.write(e);
                        progress.update(i + 1, null);
                    }, cancellation)) {
                source.accept(p::submit);
                p.finish();
            }
            List<Path> files = output.commit();
            Summary s = new Summary(output.configurations(), output.rows, calculator.set().size(), files);
            progress.finish(s.configurations() + " configurations, " + s.rows() + " atoms, " + s.columns() + " functions");
            return s;
        }
    }

    /**
     * Encodes one configuration from its values, atom-major ({@code c.size()} rows of {@link #set}{@code .size()});
     * thread-safe (worker threads).
     */
    protected abstract Encoded encode(long index, Configuration c, double[] values);

    /** Writes one encoded configuration; called in input order from one thread. */
    protected abstract void write(Encoded e) throws IOException;

    /** Moves the complete output into place; returns what was written. */
    public abstract List<Path> commit() throws IOException;

    /** Configurations written so far. */
    public abstract long configurations();

    protected ByteChunk chunk() {
        ByteChunk c = free.poll();
        if (c == null) c = new ByteChunk(1 << 16);
        c.clear();
        return c;
    }

    protected void recycle(ByteChunk c) {
        if (c != null) free.add(c);
    }

    protected boolean float32() { return precision == Precision.FLOAT32; }

    /** Discards the output unless committed. */
    @Override
    public abstract void close() throws IOException;

    // --- the file formats: staged, moved into place together -----------------------------------------------------

    /**
     * CSV and .npy: every output file is written under a staging name ({@link StagedOutputs}, which also removes what
     * a killed earlier run left) and moved into place by {@link #commit()}; {@link #close()} without a commit deletes
     * them. Subclasses write the bytes; the bookkeeping of rows and configurations is here.
     */
    private abstract static class StagedFiles extends DescriptorOutput {
        private final StagedOutputs staged = new StagedOutputs();
        private final List<Path> outputs = new ArrayList<>();
        private long configurations;

        StagedFiles(DescriptorCalculator calculator, Precision precision, String input) {
            super(calculator, precision, input);
        }

        /** The staging path of one output file (in the order {@link #commit()} returns them). */
        protected Path stage(Path output) throws IOException {
            outputs.add(output.toAbsolutePath());
            return staged.stage(output);
        }

        /** Writes one configuration; {@link #rows} and {@link #configurations()} still count the ones before it. */
        protected abstract void append(Encoded e) throws IOException;

        /** Completes and closes the staged files (called once, before they are moved into place). */
        protected abstract void finishFiles() throws IOException;

        /** Closes the staged files after a failure (they are deleted next). */
        protected abstract void closeFiles() throws IOException;

        @Override
        protected final void write(Encoded e) throws IOException {
            append(e);
            recycle(e.bytes());
            rows += e.atoms();
            configurations++;
        }

        @Override
        public final long configurations() { return configurations; }

        @Override
        public final List<Path> commit() throws IOException {
            finishFiles();
            staged.commit();
            return List.copyOf(outputs);
        }

        @Override
        public final void close() throws IOException {
            try {
                closeFiles();
            } finally {
                staged.close();
            }
        }
    }

    // --- CSV -------------------------------------------------------------------------------------------------------

    private static final class Csv extends StagedFiles {
        private final OutputStream out;

        Csv(Path target, DescriptorCalculator calculator, Precision precision, String input) throws IOException {
            super(calculator, precision, input);
            OutputStream raw = Files.newOutputStream(stage(target));
            out = new java.io.BufferedOutputStream(TextFiles.isGzip(target) ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16);
            out.write(("structure,atom," + String.join(",", set.ids()) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        protected Encoded encode(long index, Configuration c, double[] values) {
            ByteChunk b = chunk();
            boolean f32 = float32();
            int nf = set.size();
            for (int a = 0; a < c.size(); a++) row(b, index, a, values, a * nf, nf, f32);
            return new Encoded(c, c.size(), b, null);
        }

        /**
         * One atom's line. A method of its own, called once per atom, so that the JIT compiles it early (the
         * descriptor command runs without on-stack replacement, under which a loop over a whole configuration's
         * values stayed interpreted).
         */
        private static void row(ByteChunk b, long index, int atom, double[] values, int from, int nf, boolean f32) {
            b.decimal(index).ascii(',').decimal(atom);
            if (f32) for (int k = from, end = from + nf; k < end; k++) b.ascii(',').ascii(ShortestDecimal.of((float) values[k]));
            else for (int k = from, end = from + nf; k < end; k++) b.ascii(',').shortest(values[k]);
            b.ascii('\n');
        }

        @Override
        protected void append(Encoded e) throws IOException {
            e.bytes().writeTo(out);
        }

        @Override
        protected void finishFiles() throws IOException {
            out.close();
        }

        @Override
        protected void closeFiles() throws IOException {
            out.close();
        }
    }

    // --- NPY + JSON ------------------------------------------------------------------------------------------------

    /** The JSON side file of an {@code .npy} output: {@code g.npy} → {@code g.npy.json}. */
    public static Path sideFile(Path npy) {
        return npy.resolveSibling(npy.getFileName() + ".json");
    }

    private static final class Npy extends StagedFiles {
        private final NpyWriter npy;
        private final Writer jsonOut;
        private final JsonWriter json;

        Npy(Path target, DescriptorCalculator calculator, Precision precision, String input) throws IOException {
            super(calculator, precision, input);
            npy = new NpyWriter(stage(target), set.size(), float32());
            jsonOut = Files.newBufferedWriter(stage(sideFile(target)), StandardCharsets.UTF_8);
            json = new JsonWriter(jsonOut);
            json.setIndent(" ");
            this.target = target;
        }

        private final Path target;
        private boolean header;

        /**
         * The side file's header (its 329 column descriptions and the provenance), written by the writer thread
         * before the first configuration rather than here: at the start of a short run the evaluation threads then
         * begin while it is written (about 0.05 s of a 1.5 s run of 200 configurations, in the interpreter).
         */
        private void header() throws IOException {
            if (header) return;
            header = true;
            json.beginObject();
            json.name("format").value("NumPy .npy 1.0, C order, one row per atom: configurations in input order, "
                    + "atoms in file order within each; one column per symmetry function");
            json.name("file").value(target.getFileName().toString());
            json.name("dtype").value(npy.descr());
            json.name("columns").beginArray();
            for (int f = 0; f < set.size(); f++) column(json, f, set.id(f), set.function(f));
            json.endArray();
            provenance(json);
            json.name("configurations").beginArray();
        }

        /**
         * The components of each record class, looked up once: {@code getRecordComponents()} parses the class's
         * Record attribute anew at every call, which for 329 columns was a noticeable part of a short run's start.
         */
        private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
            @Override
            protected RecordComponent[] computeValue(Class<?> type) {
                return type.getRecordComponents();
            }
        };

        /** A column: index, id, Behler type, the full name and every parameter of the function (cutoff included). */
        private static void column(JsonWriter json, int index, String id, SymmetryFunction f) throws IOException {
            json.beginObject();
            json.name("index").value(index);
            json.name("id").value(id);
            json.name("type").value(f.type());
            json.name("name").value(f.fullName());
            recordComponents(json, f);
            json.endObject();
        }

        private static void recordComponents(JsonWriter json, Object r) throws IOException {
            if (!r.getClass().isRecord()) {
                json.name("value").value(r.toString());
                return;
            }
            for (RecordComponent rc : COMPONENTS.get(r.getClass())) {
                Object v;
                try {
                    v = rc.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                json.name(rc.getName());
                if (v instanceof Number n) json.value(n);
                else if (v instanceof Boolean b) json.value(b);
                else if (v instanceof String s) json.value(s);
                else if (v != null && v.getClass().isRecord()) {
                    json.beginObject();
                    json.name("kind").value(v.getClass().getSimpleName());
                    recordComponents(json, v);
                    json.endObject();
                } else json.value(String.valueOf(v));
            }
        }

        private void provenance(JsonWriter json) throws IOException {
            json.name("provenance").beginObject();
            json.name("input").value(input);
            json.name("set").value(set.name());
            json.name("set_fingerprint").value(set.fingerprint());
            json.name("convention").value(calculator.convention().toString());
            json.name("minimum_distance_angstrom").value(calculator.minimumDistance());
            json.name("precision").value(precision.toString());
            json.name("created").value(Instant.now().toString());
            for (Map.Entry<String, String> v : Versions.all().entrySet()) json.name(v.getKey()).value(v.getValue());
            json.endObject();
        }

        @Override
        protected Encoded encode(long index, Configuration c, double[] values) {
            ByteChunk b = chunk();
            b.binary(values, float32(), ByteOrder.LITTLE_ENDIAN);   // C order: the atom-major values as they are
            return new Encoded(c, c.size(), b, null);
        }

        @Override
        protected void append(Encoded e) throws IOException {
            header();
            npy.writeEncoded(e.bytes());
            json.beginObject();
            json.name("index").value(configurations());
            json.name("id").value(e.configuration().id());
            json.name("first_row").value(rows);
            json.name("atoms").value(e.atoms());
            json.endObject();
        }

        @Override
        protected void finishFiles() throws IOException {
            header();
            npy.finish();
            json.endArray();
            json.name("shape").beginArray().value(rows).value(set.size()).endArray();
            json.endObject();
            json.close();
        }

        @Override
        protected void closeFiles() throws IOException {
            try {
                npy.close();
            } finally {
                jsonOut.close();
            }
        }
    }

    // --- the kit's cache -------------------------------------------------------------------------------------------

    private static final class Cache extends DescriptorOutput {
        private final DescriptorCache.StreamWriter writer;
        private long configurations;

        Cache(Path folder, DescriptorCalculator calculator, String input) throws IOException {
            super(calculator, Precision.FLOAT32, input);
            if (Files.exists(folder) && !Files.isDirectory(folder))
                throw new IllegalArgumentException("the cache output " + folder + " is a file; give a folder (the one of hdnnp train --cache)");
            writer = new DescriptorCache(folder).streamWriter(calculator);
        }

        @Override
        protected Encoded encode(long index, Configuration c, double[] values) {
            return new Encoded(c, c.size(), null, values);
        }

        @Override
        protected void write(Encoded e) throws IOException {
            writer.add(e.configuration(), e.values());
            rows += e.atoms();
            configurations++;
        }

        @Override
        public long configurations() { return configurations; }

        @Override
        public List<Path> commit() throws IOException {
            return List.of(writer.commit());
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
