package io.github.hdnnpkit.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte buffer that one configuration's output is encoded into on a worker thread and written from on the
 * writer thread; reused from configuration to configuration, so encoding allocates nothing in the steady state.
 */
final class ByteChunk {
    private byte[] bytes;
    private int size;

    ByteChunk(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void clear() { size = 0; }

    int size() { return size; }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }

    /** An ASCII string (numbers, ids): one byte per char. */
    @SuppressWarnings("deprecation")   // the one String copy that is a plain memcpy for Latin-1 strings
    ByteChunk ascii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, bytes, size);
        size += n;
        return this;
    }

    ByteChunk ascii(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** The shortest decimal that reads back to the finite double {@code v} ({@link Schubfach}). */
    ByteChunk shortest(double v) {
        ensure(32);
        size = Schubfach.write(v, bytes, size);
        return this;
    }

    /** A non-negative integer in decimal. */
    ByteChunk decimal(long v) {
        if (v < 0) throw new IllegalArgumentException("negative: " + v);
        ensure(20);
        int start = size;
        do {
            bytes[size++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
        return this;
    }

    /** The values as IEEE-754 binary64 or binary32 in the given byte order. */
    ByteChunk binary(double[] values, boolean float32, ByteOrder order) {
        int n = values.length * (float32 ? 4 : 8);
        ensure(n);
        ByteBuffer b = ByteBuffer.wrap(bytes, size, n).order(order);
        if (float32) {
            // in slices: a short method called often is JIT-compiled early (descriptor runs have no on-stack replacement)
            for (int from = 0; from < values.length; from += 512) floats(b, values, from, Math.min(values.length, from + 512));
        } else b.asDoubleBuffer().put(values);
        size += n;
        return this;
    }

    private static void floats(ByteBuffer b, double[] values, int from, int to) {
        for (int i = from; i < to; i++) b.putFloat((float) values[i]);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }
}
