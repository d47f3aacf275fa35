package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import io.github.hdnnpkit.util.Staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * An on-disk cache of descriptor matrices, keyed by the data and the set, so the notebooks compute the 329 functions
 * of a data set once.
 *
 * <p>The key is SHA-256 over the configurations' content (species, positions, lattice, periodicity — not ids or
 * labels, which do not change the values), the set's {@link SymmetryFunctionSet#fingerprint() fingerprint}, the
 * convention and the file-format version. The file name carries the set name and a prefix of the key.
 *
 * <p>File format (big-endian): magic {@code HDNNPDM1}, format version (int), key (32 bytes), set name and
 * convention (UTF), configurations, rows, features (int), feature ids (UTF each), configuration offsets
 * (configurations + 1 ints), values (float32, row-major), then a CRC32C (long) of everything before it. A file whose
 * magic, version or key differs is <em>stale</em>, one that is truncated or fails the checksum is <em>corrupt</em>;
 * both are recomputed and overwritten, never used. Files are written to a temporary name and moved into place.
 */
public final class DescriptorCache {
    static final byte[] MAGIC = "HDNNPDM1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** The pseudo-target that {@link StreamWriter}'s spill file is staged under (never a file of its own). */
    static final String SPILL = "values-spill";

    /** What the last {@link #getOrCompute} found. */
    public enum Status { HIT, MISSING, STALE, CORRUPT }

    private final Path directory;
    private volatile Status lastStatus;
    private volatile String lastReason = "";

    public DescriptorCache(Path directory) {
        this.directory = directory;
    }

    public Path directory() { return directory; }

    public Status lastStatus() { return lastStatus; }

    /** Why the last lookup was not a hit (empty on a hit). */
    public String lastReason() { return lastReason; }

    /** The cache file of this data and calculator. */
    public Path fileFor(List<Configuration> data, DescriptorCalculator calculator) {
        return fileFor(key(data, calculator), calculator);
    }

    /** The cached matrix, or the computed one (then stored). */
    public DescriptorMatrix getOrCompute(List<Configuration> data, DescriptorCalculator calculator, Progress progress,
                                         Cancellation cancellation) {
        return getOrCompute(fileFor(data, calculator), data, calculator, progress, cancellation);
    }

    /** As {@link #getOrCompute(List, DescriptorCalculator, Progress, Cancellation)} with an explicit file. */
    public DescriptorMatrix getOrCompute(Path file, List<Configuration> data, DescriptorCalculator calculator,
                                         Progress progress, Cancellation cancellation) {
        byte[] key = key(data, calculator);
        if (Files.exists(file)) {
            try {
                DescriptorMatrix m = read(file, key);
                lastStatus = Status.HIT;
                lastReason = "";
                return m;
            } catch (StaleException e) {
                lastStatus = Status.STALE;
                lastReason = e.getMessage();
            } catch (IOException | RuntimeException e) {
                lastStatus = Status.CORRUPT;
                lastReason = e.toString();
            }
        } else {
            lastStatus = Status.MISSING;
            lastReason = "no file " + file;
        }
        DescriptorMatrix m = calculator.compute(data, progress, cancellation);
        try {
            write(file, key, calculator, m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write descriptor cache " + file, e);
        }
        return m;
    }

    /** The cache key: SHA-256 of data, set, convention and format version. */
    public static byte[] key(List<Configuration> data, DescriptorCalculator calculator) {
        return key(dataFingerprint(data), calculator);
    }

    /** SHA-256 over species, positions, lattice and periodicity of every configuration, in order. */
    public static byte[] dataFingerprint(List<Configuration> data) {
        DataFingerprint f = new DataFingerprint();
        for (Configuration c : data) f.add(c);
        return f.digest();
    }

    /** The key from a data fingerprint ({@link #dataFingerprint} or a streamed {@link DataFingerprint}). */
    public static byte[] key(byte[] dataFingerprint, DescriptorCalculator calculator) {
        MessageDigest md = sha256();
        md.update(MAGIC);
        md.update(ByteBuffer.allocate(4).putInt(VERSION).array());
        md.update(calculator.set().fingerprint().getBytes(StandardCharsets.UTF_8));
        md.update(calculator.convention().name().getBytes(StandardCharsets.UTF_8));
        md.update(dataFingerprint);
        return md.digest();
    }

    /** The cache file name of a key, as {@link #fileFor} gives it. */
    private Path fileFor(byte[] key, DescriptorCalculator calculator) {
        String hex = HexFormat.of().formatHex(key);
        String setName = calculator.set().name().replaceAll("[^A-Za-z0-9._-]", "_");
        return directory.resolve(setName + "-" + calculator.convention() + "-" + hex.substring(0, 16) + ".descriptors");
    }

    /** {@link #dataFingerprint} configuration by configuration, for data that is streamed rather than held. */
    public static final class DataFingerprint {
        private final MessageDigest md = sha256();
        private final ByteBuffer b = ByteBuffer.allocate(1 << 16);

        public void add(Configuration c) {
            md.update(("config " + c.size() + " " + Arrays.toString(c.pbc()) + " " + String.join(",", c.species()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            Lattice l = c.lattice().orElse(null);
            if (l != null) for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) putDouble(md, b, l.component(i, k));
            for (double p : c.positions()) putDouble(md, b, p);
            flush(md, b);
        }

        public byte[] digest() { return md.digest(); }
    }

    /**
     * Writes the cache file of a data set that is streamed configuration by configuration ({@code hdnnp descriptors
     * --format cache}), so that a later {@link #getOrCompute} on the same data, set and convention is a hit. The
     * float32 values go to a hidden spill file in the cache folder as they come (memory: 4 bytes per configuration);
     * {@link StreamWriter#commit()} writes the cache file, whose name depends on the whole data, through a temporary
     * file; {@link StreamWriter#close()} without a commit leaves nothing.
     */
    public StreamWriter streamWriter(DescriptorCalculator calculator) throws IOException {
        return new StreamWriter(calculator);
    }

    /** See {@link #streamWriter}. Not thread-safe: configurations are added in data order from one thread. */
    public final class StreamWriter implements AutoCloseable {
        private final DescriptorCalculator calculator;
        private final DataFingerprint fingerprint = new DataFingerprint();
        private final Path spill;
        private final OutputStream out;
        private int[] offsets = new int[1024];
        private int configurations;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
        private boolean closed;

        private StreamWriter(DescriptorCalculator calculator) throws IOException {
            this.calculator = calculator;
            // hidden and named after this process (Staging), so a later writer removes it if this one is killed
            spill = Staging.createFile(directory.toAbsolutePath().resolve(SPILL));
            out = new java.io.BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
        }

        /** The next configuration and its values, atom-major ({@code c.size() × set().size()}). */
        public void add(Configuration c, double[] values) throws IOException {
            int nf = calculator.set().size();
            if (values.length != (long) c.size() * nf)
                throw new IllegalArgumentException(values.length + " values for " + c.size() + " atoms of " + nf + " functions");
            fingerprint.add(c);
            // in slices of one method call each: compiled early also where the JVM runs without on-stack replacement
            // (hdnnp descriptors), where one loop over a whole configuration's values would stay interpreted
            for (int from = 0; from < values.length; from += 512) floats(values, from, Math.min(values.length, from + 512));
            if (configurations + 1 == offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
            offsets[configurations + 1] = Math.addExact(offsets[configurations], c.size());
            configurations++;
        }

        private void floats(double[] values, int from, int to) throws IOException {
            for (int i = from; i < to; i++) {
                if (buf.remaining() < 4) drain();
                buf.putFloat((float) values[i]);
            }
        }

        private void drain() throws IOException {
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }

        /** Writes the cache file and returns it (the name {@link #getOrCompute} looks for). */
        public Path commit() throws IOException {
            if (closed) throw new IllegalStateException("closed");
            if (configurations == 0) throw new IllegalStateException("no configuration was added");
            drain();
            out.close();
            closed = true;
            byte[] key = key(fingerprint.digest(), calculator);
            Path target = fileFor(key, calculator).toAbsolutePath();
            int rows = offsets[configurations];
            int features = calculator.set().size();
            if ((long) rows * features > Integer.MAX_VALUE - 8)
                throw new IOException((long) rows * features + " values do not fit one descriptor matrix; split the data set");
            try (InputStream values = Files.newInputStream(spill)) {
                writeFile(target, key, calculator, configurations, rows, calculator.set().ids(),
                        Arrays.copyOf(offsets, configurations + 1), values::transferTo);
            } finally {
                Files.deleteIfExists(spill);
            }
            return target;
        }

        /** Discards everything unless committed. */
        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
            Files.deleteIfExists(spill);
        }
    }

    private static void putDouble(MessageDigest md, ByteBuffer b, double v) {
        if (b.remaining() < 8) flush(md, b);
        b.putLong(Double.doubleToLongBits(v));
    }

    private static void flush(MessageDigest md, ByteBuffer b) {
        b.flip();
        md.update(b);
        b.clear();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signals a well-formed file for other data, set or format version. */
    static final class StaleException extends IOException {
        StaleException(String m) {
            super(m);
        }
    }

    static void write(Path file, byte[] key, DescriptorCalculator calculator, DescriptorMatrix m) throws IOException {
        writeFile(file, key, calculator, m.configurations(), m.rows(), m.featureIds(), m.atomOffsets(), out -> {
            float[] v = m.rawValues();
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < v.length; ) {
                buf.clear();
                int n = Math.min(buf.capacity() / 4, v.length - i);
                buf.asFloatBuffer().put(v, i, n);
                out.write(buf.array(), 0, 4 * n);
                i += n;
            }
        });
    }

    /** Writes the float32 values (big-endian, row-major) after the header. */
    @FunctionalInterface
    private interface Values {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * One cache file: header, values, checksum, through a staging file ({@link Staging}) moved into place when
     * complete, so a reader never sees a partial file and a killed writer's leftover is removed by the next writer.
     */
    private static void writeFile(Path file, byte[] key, DescriptorCalculator calculator, int configurations, int rows,
                                  List<String> ids, int[] offsets, Values values) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = Staging.createFile(target);
        try {
            CRC32C crc = new CRC32C();
            try (OutputStream raw = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
                writeHeader(out, key, calculator, configurations, rows, ids, offsets);
                values.writeTo(out);
                out.flush();
                new DataOutputStream(raw).writeLong(crc.getValue());
            }
            Staging.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeHeader(DataOutputStream out, byte[] key, DescriptorCalculator calculator, int configurations,
                                    int rows, List<String> ids, int[] offsets) throws IOException {
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.write(key);
        out.writeUTF(calculator.set().name());
        out.writeUTF(calculator.convention().name());
        out.writeInt(configurations);
        out.writeInt(rows);
        out.writeInt(ids.size());
        for (String id : ids) out.writeUTF(id);
        for (int o : offsets) out.writeInt(o);
    }

    /** Reads a cache file, verifying magic, version, key, sizes and checksum. */
    static DescriptorMatrix read(Path file, byte[] expectedKey) throws IOException {
        long size = Files.size(file);
        CRC32C crc = new CRC32C();
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) throw new StaleException(file + " is not a descriptor cache (bad magic)");
            int version = in.readInt();
            if (version != VERSION) throw new StaleException(file + " has format version " + version + ", expected " + VERSION);
            byte[] key = in.readNBytes(32);
            if (!Arrays.equals(key, expectedKey)) throw new StaleException(file + " was computed for other data, set or convention");
            in.readUTF();
            in.readUTF();
            int configurations = in.readInt(), rows = in.readInt(), features = in.readInt();
            if (configurations < 0 || rows < 0 || features <= 0 || (long) rows * features > Integer.MAX_VALUE
                    || (long) rows * features * 4 > size)
                throw new IOException(file + ": implausible sizes " + configurations + " x " + rows + " x " + features);
            List<String> ids = new ArrayList<>(features);
            for (int f = 0; f < features; f++) ids.add(in.readUTF());
            int[] offsets = new int[configurations + 1];
            for (int c = 0; c <= configurations; c++) offsets[c] = in.readInt();
            if (offsets[configurations] != rows) throw new IOException(file + ": offsets do not add up to " + rows + " rows");
            float[] v = new float[rows * features];
            byte[] chunk = new byte[1 << 16];
            for (int i = 0; i < v.length; ) {
                int n = Math.min(chunk.length / 4, v.length - i);
                in.readFully(chunk, 0, 4 * n);
                ByteBuffer.wrap(chunk, 0, 4 * n).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(v, i, n);
                i += n;
            }
            long computed = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != computed) throw new IOException(file + ": checksum mismatch (file corrupt)");
            if (raw.read() != -1) throw new IOException(file + ": trailing bytes after the checksum");
            return new DescriptorMatrix(v, offsets, ids);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated", e);
        }
    }
}
