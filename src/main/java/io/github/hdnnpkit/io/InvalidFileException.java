package io.github.hdnnpkit.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that does not follow its format: the message names the file, the line (1-based) and what was expected. */
public class InvalidFileException extends IOException {
    private final transient Path file;
    private final long line;

    public InvalidFileException(Path file, long line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public InvalidFileException(Path file, long line, String message, Throwable cause) {
        this(file, line, message);
        initCause(cause);
    }

    public Path file() { return file; }

    /** 1-based line number, 0 when the problem is the file as a whole. */
    public long line() { return line; }
}
