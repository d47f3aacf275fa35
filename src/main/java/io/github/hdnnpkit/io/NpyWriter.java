package io.github.hdnnpkit.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * A two-dimensional NumPy {@code .npy} file (format version 1.0, C order, little-endian float64 {@code <f8} or
 * float32 {@code <f4}) written row block by row block when the number of rows is not known in advance: the header is
 * written with room for any row count and rewritten with the true shape by {@link #finish()}.
 *
 * <p>Layout (NumPy's format specification): the magic {@code \x93NUMPY}, version bytes 1 and 0, the header length
 * as a little-endian uint16, then the header — a Python dict literal {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (R, C), }} padded with spaces and ended by a newline so that the data starts at a multiple of 64 bytes —
 * then the values row by row. {@code numpy.load(file)} or {@code numpy.load(file, mmap_mode='r')} reads it.
 *
 * <p>The writer writes the path it is given; atomicity (temporary name, then move) is the caller's.
 */
public final class NpyWriter implements AutoCloseable {
    /** Magic, version and length (10 bytes) plus the padded header: the data starts at byte 128. */
    static final int DATA_OFFSET = 128;

    private final FileChannel channel;
    private final OutputStream out;
    private final boolean float32;
    private final int columns;
    private long bytes;
    private boolean finished;

    /** Opens {@code file} (created or truncated) for rows of {@code columns} values. */
    public NpyWriter(Path file, int columns, boolean float32) throws IOException {
        if (columns < 1) throw new IllegalArgumentException("columns must be ≥ 1: " + columns);
        this.columns = columns;
        this.float32 = float32;
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        channel.write(header(0), 0);
        channel.position(DATA_OFFSET);
        out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** {@code <f8} or {@code <f4}. */
    public String descr() { return float32 ? "<f4" : "<f8"; }

    /** Bytes per value. */
    public int itemSize() { return float32 ? 4 : 8; }

    /** Values already encoded little-endian in {@link #descr()}: whole rows. */
    void writeEncoded(ByteChunk chunk) throws IOException {
        if (chunk.size() % ((long) columns * itemSize()) != 0)
            throw new IllegalArgumentException(chunk.size() + " bytes are not whole rows of " + columns + " values");
        chunk.writeTo(out);
        bytes += chunk.size();
    }

    /** One row of {@code columns} values. */
    public void writeRow(double[] row) throws IOException {
        if (row.length != columns) throw new IllegalArgumentException(row.length + " values, expected " + columns);
        ByteChunk c = new ByteChunk(row.length * 8);
        c.binary(row, float32, ByteOrder.LITTLE_ENDIAN);
        writeEncoded(c);
    }

    /** Rows written so far. */
    public long rows() { return bytes / ((long) columns * itemSize()); }

    /** Writes the true shape into the header and closes the file. */
    public void finish() throws IOException {
        if (finished) return;
        out.flush();
        channel.write(header(rows()), 0);
        channel.force(false);
        finished = true;
        channel.close();
    }

    ByteBuffer header(long rows) {
        String dict = "{'descr': '" + descr() + "', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int headerLength = DATA_OFFSET - 10;
        if (dict.length() + 1 > headerLength) throw new IllegalStateException("npy header too long: " + dict);
        String padded = dict + " ".repeat(headerLength - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(DATA_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) headerLength);
        b.put(padded.getBytes(StandardCharsets.US_ASCII));
        return b.flip();
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            try {
                out.close();
            } finally {
                channel.close();
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NpyWriter[%s, %d columns, %d rows]", descr(), columns, rows());
    }
}
