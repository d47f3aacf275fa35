package io.github.hdnnpkit.io;

import java.nio.file.Path;

/**
 * A file that does not follow its format. The message names the file, the line (1-based, 0 when the problem is not
 * tied to one line, e.g. a truncated file) and what was expected, so a user can open the file and fix it.
 */
public final class InputFormatException extends RuntimeException {
    private final transient Path file;
    private final long line;

    public InputFormatException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public InputFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The offending file. */
    public Path file() { return file; }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public long line() { return line; }
}
