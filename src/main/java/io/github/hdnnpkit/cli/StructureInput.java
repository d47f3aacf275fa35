package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.io.LammpsDump;
import io.github.hdnnpkit.io.StructureFiles;
import io.github.hdnnpkit.structure.Configuration;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The options every command that reads a structure file shares ({@code @Mixin StructureInput input;}): how LAMMPS
 * dump atom types become elements. Any format of {@link StructureFiles} is read; a dump without an {@code element}
 * column needs {@code --types 1=Al,2=Cu} or, with a single type, {@code --element Al}.
 */
public final class StructureInput {
    @Option(names = "--types", paramLabel = "TYPE=ELEMENT,...",
            description = "Elements of the atom types of a LAMMPS dump, e.g. 1=Al,2=Cu (not needed when the dump has an element column).")
    String types;

    @Option(names = "--element", paramLabel = "ELEMENT",
            description = "The element of a LAMMPS dump whose atoms all have one type, e.g. Al.")
    String element;

    /** The dump options the flags give; bad flags are an {@link IllegalArgumentException} saying what was expected. */
    LammpsDump.Options dumpOptions() {
        if (types != null && element != null)
            throw new IllegalArgumentException("give --types or --element, not both (--element is for single-type dumps)");
        if (element != null) return LammpsDump.Options.forElement(element);
        Map<Integer, String> map = types == null ? Map.of() : LammpsDump.Options.parseTypes(types);
        return LammpsDump.Options.withSpecies(map);
    }

    /** All configurations of a structure file (never empty: an empty file is an error). */
    List<Configuration> read(Path file) {
        return StructureFiles.read(file, dumpOptions());
    }
}
