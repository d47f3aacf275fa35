package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.io.N2p2InputNn;
import io.github.hdnnpkit.io.StructureFiles;
import io.github.hdnnpkit.structure.Configuration;
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
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hdnnp descriptors}: the symmetry-function values of every atom of a structure file, as CSV with header
 * {@code structure,atom,<function ids>} (0-based configuration and atom indices, input order; columns in the set's
 * order; values printed with {@link Double#toString}, which reads back to the identical double).
 */
@Command(name = "descriptors", mixinStandardHelpOptions = true,
        description = "Compute Behler-Parrinello symmetry functions of a structure file and write them as CSV.")
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

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV file.")
    Path out;

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
        List<Configuration> configurations = input.read(structures);
        DescriptorCalculator calc = (threads == null ? new DescriptorCalculator(functions, conv)
                : new DescriptorCalculator(functions, conv, threads)).withMinimumDistance(minDistance);
        Progress progress = quiet ? Progress.NONE : new io.github.hdnnpkit.util.ConsoleProgress(System.err);
        TextFiles.writeAtomically(out, w -> {
            w.write("structure,atom," + String.join(",", functions.ids()) + "\n");
            int[] index = {0};
            IOException[] failure = {null};
            calc.computeInOrder(configurations.iterator(), (c, rows) -> {
                if (failure[0] != null) return;
                try {
                    StringBuilder sb = new StringBuilder(rows.length * functions.size() * 20);
                    for (int a = 0; a < rows.length; a++) {
                        sb.setLength(0);
                        sb.append(index[0]).append(',').append(a);
                        for (double v : rows[a]) sb.append(',').append(v);
                        sb.append('\n');
                        w.write(sb.toString());
                    }
                } catch (IOException e) {
                    failure[0] = e;
                }
                index[0]++;
            }, progress, Cancellation.none());
            if (failure[0] != null) throw failure[0];
        });
        return 0;
    }

    /** A named set, or an n2p2 input.nn when the argument is an existing file. */
    static SymmetryFunctionSet resolveSet(String nameOrFile) {
        Path p = Path.of(nameOrFile);
        if (Files.isRegularFile(p)) return N2p2InputNn.read(p);
        return ThesisSets.byName(nameOrFile);
    }
}
