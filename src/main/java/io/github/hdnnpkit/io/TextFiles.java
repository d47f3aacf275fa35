package io.github.hdnnpkit.io;

import io.github.hdnnpkit.util.Staging;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Text files as the readers and writers of this package use them: gzip is chosen by the {@code .gz} suffix, and
 * writing goes to a temporary file in the same folder that is moved into place only once complete, so a crash or an
 * interruption never leaves a half-written file under the final name.
 */
public final class TextFiles {
    /**
     * Suffix of the temporary files that {@link #writeAtomically} created next to their target before it named them
     * with their writer ({@link Staging}); still recognised as leftovers by {@link #isLeftover}.
     */
    public static final String TEMP_SUFFIX = ".part";

    private TextFiles() {
    }

    /** Something that writes text and may fail with an I/O error. */
    @FunctionalInterface
    public interface TextWriter {
        void write(Writer out) throws IOException;
    }

    public static boolean isGzip(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    /** A UTF-8 reader, decompressing when the name ends in {@code .gz}. */
    public static BufferedReader reader(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            if (isGzip(file)) in = new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            in.close();
            throw new IOException(file + ": not a gzip file (" + e.getMessage() + ")", e);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Writes {@code file} through a temporary sibling (compressed when the name ends in {@code .gz}) and moves it into
     * place atomically. On any failure the temporary file is deleted and the previous content of {@code file}, if
     * any, is untouched.
     */
    public static void writeAtomically(Path file, TextWriter content) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Staging.createFile(target);   // also removes what killed writers of this file left
            try (OutputStream raw = Files.newOutputStream(tmp);
                 OutputStream out = isGzip(target) ? new GZIPOutputStream(raw, 1 << 16) : raw;
                 Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                content.write(w);
            }
            Staging.move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error matters more than a leftover temporary file
                }
            }
        }
    }

    /** Whether a file name is a writer's temporary file: a {@link Staging} name, or an older {@link #TEMP_SUFFIX} one. */
    public static boolean isLeftover(String name) {
        return name.startsWith(".") && (name.contains(Staging.MARK) || name.endsWith(TEMP_SUFFIX));
    }

    /**
     * Parses a finite decimal number ({@link DecimalNumbers#parse}), or throws an {@link InputFormatException} naming
     * the file, line and field.
     */
    static double parseDouble(String token, Path file, long line, String what) {
        try {
            return DecimalNumbers.parse(token);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, line, "expected a finite decimal number for " + what + ", found '"
                    + abbreviate(token) + "' (" + e.getMessage() + ")");
        }
    }

    /** As {@link #parseDouble}, also accepting Fortran's d/D exponent letter ({@link DecimalNumbers#parseFortran}). */
    static double parseFortranDouble(String token, Path file, long line, String what) {
        try {
            return DecimalNumbers.parseFortran(token);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, line, "expected a finite decimal number for " + what + ", found '"
                    + abbreviate(token) + "' (" + e.getMessage() + ")");
        }
    }

    /**
     * Splits a line at white space (any character up to {@code ' '}) into {@code out}; returns the number of tokens,
     * which may exceed {@code out.length} (only the first ones are stored). Not {@code String.split("\\s+")}: a
     * regex per line dominated reading time, and compiling the regex engine kept the JIT busy for most of a second
     * of a short run.
     */
    static int tokenize(String line, String[] out) {
        int n = 0, i = 0, len = line.length();
        while (true) {
            while (i < len && line.charAt(i) <= ' ') i++;
            if (i >= len) return n;
            int start = i;
            while (i < len && line.charAt(i) > ' ') i++;
            if (n < out.length) out[n] = line.substring(start, i);
            n++;
        }
    }

    /** The white-space separated tokens of a line ({@link #tokenize}); none for a blank line. */
    static String[] fields(String line) {
        String[] t = new String[16];
        int n = tokenize(line, t);
        if (n > t.length) tokenize(line, t = new String[n]);
        return n == t.length ? t : java.util.Arrays.copyOf(t, n);
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** Parses an int, or throws an {@link InputFormatException} naming the file, line and field. */
    static int parseInt(String token, Path file, long line, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, line, "expected an integer for " + what + ", found '" + token + "'");
        }
    }
}
