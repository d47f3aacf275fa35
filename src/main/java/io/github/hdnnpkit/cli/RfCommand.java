package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.baseline.DescriptorCsv;
import io.github.hdnnpkit.baseline.ForestData;
import io.github.hdnnpkit.baseline.ForestJson;
import io.github.hdnnpkit.baseline.ForestMode;
import io.github.hdnnpkit.baseline.ForestOptions;
import io.github.hdnnpkit.baseline.ForestResult;
import io.github.hdnnpkit.baseline.ForestSetup;
import io.github.hdnnpkit.baseline.RandomForestBaseline;
import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.ConsoleProgress;
import io.github.hdnnpkit.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code hdnnp rf}: the Random Forest baseline of section 3.4 / appendix C on a descriptor table, printing a JSON
 * summary (set-up, options, provenance, timings, energy or force figures of the train, validation and test parts,
 * collapse diagnostics, importance). The split is {@link Split#byConfiguration}, as {@code hdnnp train} draws it, so
 * the same {@code --split-seed} and {@code --train-fraction} hold out the same test configurations for both.
 */
@Command(name = "rf", mixinStandardHelpOptions = true,
        description = {"Random Forest baseline (thesis section 3.4, appendix C) on the shared configuration split; prints a JSON summary",
                "with train_*, validation_* and test_* figures: 10 % of the configurations are held out as the test part first,",
                "the rest split 80:20 (as hdnnp train does), and the forest is judged on test_*.",
                "Modes: thesis-atoms (atom rows, target E/N, + series/phase categorical; with --forces the Fx,Fy,Fz model),",
                "configurations (one row per configuration, mean [+ variance] of the descriptors), atomic-energies (atom rows, target the atom's own energy)."})
public final class RfCommand implements Callable<Integer>, Subcommand {
    @Option(names = "--data", required = true, paramLabel = "DIR|FILE",
            description = {"a data-set folder (manifest.json + extended XYZ per series, e.g. data/generated), a structure file",
                    "(extended XYZ, n2p2 input.data, LAMMPS dump), or a descriptor table in the thesis CSV layout (*.csv, *.csv.gz;",
                    "one row per atom, descriptor columns, Fx, Fy, Fz, Energy)"})
    Path data;

    @Option(names = "--set", defaultValue = "thesis-22-extracted", paramLabel = "NAME|input.nn",
            description = {"descriptor set computed from the structures (cached under build/descriptor-cache); default the thesis's",
                    "22 functions extracted from the 329. For a CSV table only recorded as its name."})
    String set;

    @Option(names = "--without", split = ",", defaultValue = "1000K",
            description = "series left out of a data-set folder (the thesis dropped 1000K; give --without= to keep all)")
    java.util.List<String> without;

    @Option(names = "--mode", defaultValue = "thesis-atoms", description = "thesis-atoms | thesis-forces | configurations | atomic-energies")
    String mode;

    @Option(names = "--forces", description = "with thesis-atoms: train the force model (Fx, Fy, Fz) instead of the energy model")
    boolean forces;

    @Option(names = "--series", description = "only the configurations of this series, e.g. 950K (the thesis's 950 K experiment)")
    String series;

    @Option(names = "--atoms", defaultValue = "0", description = "atoms per configuration when the table has no configuration column (thesis: 256)")
    int atoms;

    @Option(names = "--energy-column", defaultValue = "total", description = "what the Energy column holds: total | per-atom | atomic")
    String energyColumn;

    @Option(names = "--trees", defaultValue = "100") int trees;
    @Option(names = "--max-depth", defaultValue = "20") int maxDepth;
    @Option(names = "--feature-fraction", defaultValue = "1.0",
            description = "fraction of the features tried at each split (scikit-learn's default for regression: 1, all)") float featureFraction;
    @Option(names = "--min-child-weight", defaultValue = "2",
            description = "rows a node needs to be split (scikit-learn's min_samples_split, default 2)") float minChildWeight;
    @Option(names = "--no-bootstrap", description = "every tree sees all training rows") boolean noBootstrap;
    @Option(names = "--bins", defaultValue = "64", description = "quantile bins per continuous input, 0 = exact values (scikit-learn's; quadratic in Tribuo, see ForestOptions)") int bins;
    @Option(names = "--independent-outputs", description = "one tree per force component instead of joint trees") boolean independent;
    @Option(names = "--seed", defaultValue = "101", description = "forest seed") long seed;
    @Option(names = "--threads", defaultValue = "1") int threads;

    @Option(names = "--atoms-per-configuration", defaultValue = "0", description = "atom rows used per configuration, 0 = all")
    int atomsPerConfiguration;
    @Option(names = "--variance", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "configurations mode: add the descriptors' variances to their means")
    boolean variance;
    @Option(names = "--categorical", negatable = true, description = "series and phase as categorical inputs (default: on for thesis modes)")
    Boolean categorical;

    @Option(names = "--split-seed", defaultValue = "101", description = "seed of the configuration split (thesis: 101)") long splitSeed;
    @Option(names = "--train-fraction", defaultValue = "0.8",
            description = "training share of the configurations left after the 10 % test part (the rest: validation)") double trainFraction;
    @Option(names = "--time-budget", description = "stop adding trees after this many seconds") Long budget;
    @Option(names = "--out", description = "also write the JSON (with per-configuration predictions) to this file") Path out;
    @Option(names = "--quiet", description = "no progress on stderr") boolean quiet;

    @Mixin
    StructureInput input = new StructureInput();

    @Override
    public Integer call() throws java.io.IOException {
        try {
            return run();
        } catch (io.github.hdnnpkit.structure.ConfigurationException e) {
            System.err.println("hdnnp rf: " + data + ": " + e.getMessage());
            return 2;
        } catch (io.github.hdnnpkit.io.InputFormatException | IllegalArgumentException | IllegalStateException
                 | java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            System.err.println("hdnnp rf: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file: " : "") + e.getMessage());
            return 2;
        }
    }

    private int run() throws java.io.IOException {
        ForestMode m = ForestMode.parse(mode);
        if (forces) {
            if (m != ForestMode.THESIS_ATOMS && m != ForestMode.THESIS_FORCES)
                throw new IllegalArgumentException("--forces goes with --mode thesis-atoms");
            m = ForestMode.THESIS_FORCES;
        }
        Progress p = quiet ? Progress.NONE : new ConsoleProgress(System.err);
        ForestData d = load(p);
        ForestSetup setup = ForestSetup.of(m).withAtomsPerConfiguration(atomsPerConfiguration).onlySeries(series);
        if (m == ForestMode.CONFIGURATIONS) setup = setup.withVariance(variance);
        if (categorical != null) setup = setup.withCategoricals(categorical, categorical);
        ForestOptions o = new ForestOptions(trees, maxDepth, featureFraction, minChildWeight, !noBootstrap, seed, bins,
                !independent, threads);
        Split split = Split.byConfiguration(d.configurations(), trainFraction, splitSeed);
        Cancellation c = budget == null ? Cancellation.none() : Cancellation.withBudget(Duration.ofSeconds(budget));
        ForestResult r = new RandomForestBaseline(o).fit(d, split, setup, p, c);
        if (out != null) ForestJson.write(r, true, out);
        System.out.println(ForestJson.toJson(r, false));
        return 0;
    }

    private ForestData load(Progress p) throws java.io.IOException {
        String name = data.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".csv.gz"))
            return DescriptorCsv.read(data, atoms, DescriptorCsv.EnergyColumn.parse(energyColumn), set);
        SymmetryFunctionSet functions = DescriptorsCommand.resolveSet(set);
        if (java.nio.file.Files.isDirectory(data)) {
            Dataset ds = Dataset.load(data).withoutLabelsPresent(without);
            return ForestData.compute(ds, functions, p, Cancellation.none());
        }
        return ForestData.of(input.read(data), data.toString(), functions, p, Cancellation.none());
    }
}
