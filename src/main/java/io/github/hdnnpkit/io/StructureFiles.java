package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a structure file of any supported format, chosen by its name ({@code .gz} allowed):
 * <ul>
 * <li>{@code input.data}, {@code *.data} → {@link N2p2InputData};</li>
 * <li>{@code *.xyz}, {@code *.extxyz} → {@link ExtendedXyz};</li>
 * <li>{@code *.dump}, {@code *.lammpstrj}, {@code *.lammpsdump}, {@code dump.*} → {@link LammpsDump}, whose atom types
 * are named by the {@link LammpsDump.Options} given (a type map, or the element of a single-type dump) unless the dump
 * has an {@code element} column.</li>
 * </ul>
 * A thesis CSV ({@code *.csv}) holds descriptors, not positions; it is read with {@link ThesisCsv}, and naming it here
 * says so. A file without any configuration is an {@link InputFormatException}, as is any malformed line.
 */
public final class StructureFiles {
    /** The formats {@link #read} understands, for error messages and help texts. */
    public static final String SUPPORTED = "n2p2 input.data (input.data, *.data), extended XYZ (*.xyz, *.extxyz) and LAMMPS "
            + "dump custom (*.dump, *.lammpstrj, dump.*; atom types named by --types 1=Al,2=Cu or --element Al unless the dump has "
            + "an element column), optionally .gz";

    private StructureFiles() {
    }

    /** All configurations of the file, in order; a LAMMPS dump needs an {@code element} column. */
    public static List<Configuration> read(Path file) {
        return read(file, LammpsDump.Options.defaults());
    }

    /** All configurations of the file, in order, LAMMPS atom types named by {@code dump}. */
    public static List<Configuration> read(Path file, LammpsDump.Options dump) {
        List<Configuration> out = new ArrayList<>();
        forEach(file, dump, out::add);
        return out;
    }

    /** Streams the configurations of the file one by one; a LAMMPS dump needs an {@code element} column. */
    public static void forEach(Path file, Consumer<Configuration> action) {
        forEach(file, LammpsDump.Options.defaults(), action);
    }

    /** Streams the configurations of the file one by one, LAMMPS atom types named by {@code dump}. */
    public static void forEach(Path file, LammpsDump.Options dump, Consumer<Configuration> action) {
        Objects.requireNonNull(dump);
        switch (format(file)) {
            case N2P2 -> N2p2InputData.forEach(file, action);
            case EXTENDED_XYZ -> ExtendedXyz.forEach(file, action);
            case LAMMPS_DUMP -> LammpsDump.forEach(file, dump, action);
        }
    }

    /**
     * The number of configurations in the file by a quick scan of its lines (no number is parsed: n2p2's
     * {@code begin} lines, extended XYZ's atom-count lines, LAMMPS's {@code ITEM: TIMESTEP}), for a progress bar's
     * total before the file is streamed; -1 when the scan meets something it does not understand (the real reader
     * then reports the error with its line).
     */
    public static long countFrames(Path file) {
        Format format = format(file);
        long frames = 0;
        try (java.io.BufferedReader in = TextFiles.reader(file)) {
            String line;
            switch (format) {
                case N2P2 -> {
                    while ((line = in.readLine()) != null) if (line.startsWith("begin") && line.trim().equals("begin")) frames++;
                }
                case LAMMPS_DUMP -> {
                    while ((line = in.readLine()) != null) if (line.startsWith("ITEM: TIMESTEP")) frames++;
                }
                case EXTENDED_XYZ -> {
                    while ((line = in.readLine()) != null) {
                        String t = line.trim();
                        if (t.isEmpty()) continue;
                        long atoms;
                        try {
                            atoms = Long.parseLong(t);
                        } catch (NumberFormatException e) {
                            return -1;
                        }
                        for (long k = 0; k <= atoms; k++) if (in.readLine() == null) return -1;   // comment line + atoms
                        frames++;
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return frames;
    }

    private enum Format { N2P2, EXTENDED_XYZ, LAMMPS_DUMP }

    private static Format format(Path file) {
        if (!Files.exists(file)) throw new InputFormatException(file, 0, "no such file");
        if (Files.isDirectory(file)) throw new InputFormatException(file, 0, "a folder, expected a structure file (" + SUPPORTED + ")");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        if (name.equals("input.data") || name.endsWith(".data")) return Format.N2P2;
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) return Format.EXTENDED_XYZ;
        if (name.endsWith(".dump") || name.endsWith(".lammpstrj") || name.endsWith(".lammpsdump") || name.startsWith("dump."))
            return Format.LAMMPS_DUMP;
        if (name.endsWith(".csv"))
            throw new InputFormatException(file, 0, "a thesis CSV holds descriptors, forces and energies but no positions, so it is "
                    + "not a structure file; read it with ThesisCsv.read (on the command line: hdnnp rf --data FILE.csv)");
        throw new InputFormatException(file, 0, "unknown structure format (from the file name); supported: " + SUPPORTED);
    }
}
