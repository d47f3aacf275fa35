package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads a structure file of any supported format, chosen by its name. */
public final class StructureFiles {
    /** The formats {@link #read} understands, for error messages and help texts. */
    public static final String SUPPORTED = "n2p2 input.data (input.data or *.data), extended XYZ (*.xyz, *.extxyz, "
            + "optionally .gz), LAMMPS dump custom (*.dump, *.lammpstrj; type 1 = Al)";

    private StructureFiles() {
    }

    /** All configurations of the file, in order. */
    public static List<Configuration> read(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        if (name.equals("input.data") || name.endsWith(".data")) return N2p2InputData.read(file);
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) return ExtendedXyz.read(file);
        if (name.endsWith(".dump") || name.endsWith(".lammpstrj")) return LammpsDump.read(file);
        throw new InvalidFileException(file, 0, "unknown structure format (from the file name); supported: " + SUPPORTED);
    }
}
