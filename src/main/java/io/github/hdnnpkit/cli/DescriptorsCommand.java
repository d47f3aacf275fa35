package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.io.DescriptorOutput;
import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.io.LammpsDump;
import io.github.hdnnpkit.io.N2p2InputNn;
import io.github.hdnnpkit.io.StructureFiles;
import io.github.hdnnpkit.structure.ConfigurationException;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hdnnp descriptors}: the symmetry-function values of every atom of a structure file, streamed (read, evaluated
 * in parallel, written in input order; memory independent of the file's size) into one of three formats
 * ({@link DescriptorOutput}):
 * <ul>
 * <li>{@code csv} — header {@code structure,atom,<function ids>} (0-based configuration and atom indices, input
 * order; columns in the set's order), values as the shortest decimal that reads back to the identical double;</li>
 * <li>{@code npy} — a NumPy matrix, one row per (configuration, atom), float64 or float32, with {@code FILE.npy.json}
 * naming rows, columns and the provenance;</li>
 * <li>{@code cache} — the kit's checksummed descriptor cache in a folder, found by {@code hdnnp train --cache DIR}
 * on the same structure file.</li>
 * </ul>
 * The format follows from the name of {@code --out} unless {@code --format} is given.
 */
@Command(name = "descriptors", mixinStandardHelpOptions = true,
        description = {"Compute Behler-Parrinello symmetry functions of a structure file and write them as CSV, NumPy .npy or the kit's cache.",
                "Examples (g.npy comes with g.npy.json; train --cache reuses the cache folder):",
                "  hdnnp descriptors --structures md.xyz --set thesis-329 --out g.npy",
                "  hdnnp descriptors --structures md.xyz --set thesis-329 --out g.csv.gz",
                "  hdnnp descriptors --structures md.xyz --set thesis-329 --out cache/ --format cache",
                "  hdnnp train --data md.xyz --set thesis-329 --cache cache/ --layout 329-10-10-1"})
public final class DescriptorsCommand implements Callable<Integer>, Subcommand {
    @Option(names = "--structures", required = true, paramLabel = "FILE",
            description = "Structure file: " + StructureFiles.SUPPORTED + ".")
    Path structures;

    @Option(names = "--set", required = true, paramLabel = "NAME_OR_INPUT_NN",
            description = "A named set (thesis-329, thesis-22, thesis-22-extracted, thesis-57A..D, thesis-329-radial, "
                    + "thesis-329-angular, thesis-g2-eta, thesis-g2-shifted, thesis-329-evenK) or an n2p2 input.nn file.")
    String set;

    @Option(names = "--convention", defaultValue = "n2p2", paramLabel = "n2p2|thesis",
            description = "Angular pair sums: n2p2 (j<k, default) or thesis (all j!=k, angular values x2).")
    String convention;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv|FILE.npy|DIR",
            description = "Output: FILE.csv (FILE.csv.gz compressed), FILE.npy (with FILE.npy.json) or, for --format cache, the cache folder.")
    Path out;

    @Option(names = "--format", paramLabel = "csv|npy|cache",
            description = "Output format (default: from the name of --out; an existing folder is a cache).")
    String format;

    @Option(names = "--precision", paramLabel = "float64|float32",
            description = "Values written: float64 (default, exact) or float32 (.npy <f4, CSV shortest float digits). The cache is always float32.")
    String precision;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--min-distance", paramLabel = "ANGSTROM", defaultValue = "0.1",
            description = "Atoms closer than this are an input error (default ${DEFAULT-VALUE} Å).")
    double minDistance;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Mixin
    StructureInput input = new StructureInput();

    @Override
    public Integer call() throws IOException {
        try {
            return run();
        } catch (ConfigurationException e) {
            // the configuration knows its id, not its file
            System.err.println("hdnnp descriptors: " + structures + ": " + e.getMessage());
            return 2;
        } catch (InputFormatException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("hdnnp descriptors: " + e.getMessage());
            return 2;
        }
    }

    private int run() throws IOException {
        SymmetryFunctionSet functions = resolveSet(set);
        Convention conv = Convention.parse(convention);
        DescriptorOutput.Format fmt = format == null ? DescriptorOutput.Format.of(out) : DescriptorOutput.Format.parse(format);
        DescriptorOutput.Precision prec = precision == null ? DescriptorOutput.Precision.FLOAT64 : DescriptorOutput.Precision.parse(precision);
        if (fmt == DescriptorOutput.Format.CACHE && precision != null && prec != DescriptorOutput.Precision.FLOAT32)
            throw new IllegalArgumentException("the descriptor cache holds float32 values (what training reads); drop --precision " + precision);
        LammpsDump.Options dump = input.dumpOptions();
        DescriptorCalculator calc = (threads == null ? new DescriptorCalculator(functions, conv)
                : new DescriptorCalculator(functions, conv, threads)).withMinimumDistance(minDistance);
        Progress progress = quiet ? Progress.NONE : new io.github.hdnnpkit.util.ConsoleProgress(System.err);
        long total = quiet ? -1 : StructureFiles.countFrames(structures);   // a quick line scan, for the bar's total
        DescriptorOutput.write(action -> StructureFiles.forEach(structures, dump, action), calc, fmt, out, prec,
                structures.toAbsolutePath().toString(), total, progress, Cancellation.none());
        return 0;
    }

    /** A named set, or an n2p2 input.nn when the argument is an existing file. */
    static SymmetryFunctionSet resolveSet(String nameOrFile) {
        Path p = Path.of(nameOrFile);
        if (Files.isRegularFile(p)) return N2p2InputNn.read(p);
        return ThesisSets.byName(nameOrFile);
    }
}
