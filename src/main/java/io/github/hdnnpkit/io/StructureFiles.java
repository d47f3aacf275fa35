package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a structure file of any supported format, chosen by its name ({@code .gz} allowed):
 * {@code input.data} or {@code *.data} → {@link N2p2InputData}; {@code *.xyz}, {@code *.extxyz} →
 * {@link ExtendedXyz}. LAMMPS dumps are not dispatched here because they need an atom-type → species map
 * ({@link LammpsDump.Options}).
 */
public final class StructureFiles {
    /** The formats {@link #read} understands, for error messages and help texts. */
    public static final String SUPPORTED = "n2p2 input.data (input.data, *.data) and extended XYZ (*.xyz, *.extxyz), optionally .gz";

    private StructureFiles() {
    }

    /** All configurations of the file, in order. */
    public static List<Configuration> read(Path file) {
        return switch (format(file)) {
            case N2P2 -> N2p2InputData.read(file);
            case EXTENDED_XYZ -> ExtendedXyz.read(file);
        };
    }

    /** Streams the configurations of the file one by one. */
    public static void forEach(Path file, Consumer<Configuration> action) {
        switch (format(file)) {
            case N2P2 -> N2p2InputData.forEach(file, action);
            case EXTENDED_XYZ -> ExtendedXyz.forEach(file, action);
        }
    }

    private enum Format { N2P2, EXTENDED_XYZ }

    private static Format format(Path file) {
        if (!Files.exists(file)) throw new InputFormatException(file, 0, "no such file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        if (name.equals("input.data") || name.endsWith(".data")) return Format.N2P2;
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) return Format.EXTENDED_XYZ;
        throw new InputFormatException(file, 0, "unknown structure format (from the file name); supported: " + SUPPORTED);
    }
}
