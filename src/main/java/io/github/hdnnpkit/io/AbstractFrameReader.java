package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams the configurations of a text file one frame at a time, counting lines so that a format error names the file
 * and line. A format supplies {@link #readFrame()}; iteration, line counting and closing live here once. The reader
 * closes itself at the end of the file; close it explicitly (try-with-resources) when stopping early. A file without
 * any configuration is an {@link InputFormatException}.
 */
public abstract class AbstractFrameReader implements Iterator<Configuration>, Closeable {
    /** The file being read, for error messages. */
    protected final Path file;
    private final BufferedReader in;
    /** Number of lines read so far: the 1-based number of the last line returned by {@link #readLine()}. */
    protected long lineNo;
    private Configuration next;
    private boolean closed;
    private long frames;

    protected AbstractFrameReader(Path file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    /** The next configuration of the file, or null at its end. */
    protected abstract Configuration readFrame();

    /** The next line, or null at the end of the file. */
    protected final String readLine() {
        try {
            String s = in.readLine();
            if (s != null) lineNo++;
            return s;
        } catch (IOException e) {
            throw new InputFormatException(file, lineNo + 1, "cannot read (" + e.getMessage() + "); truncated or corrupt file?", e);
        }
    }

    @Override
    public final boolean hasNext() {
        if (next == null && !closed) {
            next = readFrame();
            if (next == null) {
                close();
                // an empty file is a mistake (wrong path, failed run), not a data set of zero configurations
                if (frames == 0) throw new InputFormatException(file, 0, "no configuration in the file (" + (lineNo == 0 ? "empty file" : lineNo + " blank lines") + ")");
            } else {
                frames++;
            }
        }
        return next != null;
    }

    @Override
    public final Configuration next() {
        if (!hasNext()) throw new NoSuchElementException();
        Configuration c = next;
        next = null;
        return c;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
