package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.util.Objects;

/**
 * The forest runs of notebook 06 at the size of a profile, so each notebook cell is one call:
 * {@code plan.fit(data, split, ForestSetup.thesisAtoms())}.
 *
 * @param profile               the profile the sizes come from
 * @param options               forest options (the thesis's, with fewer trees below the full profile)
 * @param atomsPerConfiguration atom rows per configuration in the atom modes (0 = all 256): the thesis set-up's rows
 *                              repeat one target per configuration, so a sample of atoms costs little information
 * @param hdnnpEpochs           epochs of the HDNNP trained on the same split for the comparison
 * @param hdnnpLayout           its layout in the thesis's notation (inputs = descriptor count)
 * @param progress              where runs report progress
 */
public record ForestPlan(Profile profile, ForestOptions options, int atomsPerConfiguration, int hdnnpEpochs,
                         String hdnnpLayout, Progress progress) {
    public ForestPlan {
        Objects.requireNonNull(profile);
        Objects.requireNonNull(options);
        Objects.requireNonNull(progress);
        if (atomsPerConfiguration < 0) throw new IllegalArgumentException("atomsPerConfiguration must be >= 0");
        if (hdnnpEpochs < 1) throw new IllegalArgumentException("hdnnpEpochs must be >= 1");
    }

    /**
     * smoke: 5 trees, 8 atoms per configuration, 30 HDNNP epochs (seconds, on the fixture); walkthrough: 20 trees, 16
     * atoms, 2 threads, 400 epochs (minutes on the generated set); full: the thesis's forest (100 trees, every atom) and
     * 3000 epochs with early stopping. Depth 20 everywhere, as in the thesis; otherwise scikit-learn's defaults with
     * 64 quantile bins ({@link ForestOptions#thesisBinned()}), since exact splits on these row counts are out of
     * Tribuo's reach ({@link #splitSearchComparison} measures what the bins change).
     */
    public static ForestPlan forProfile(Profile profile) {
        ForestOptions thesis = ForestOptions.thesisBinned();
        return switch (profile) {
            case SMOKE -> new ForestPlan(profile, thesis.withTrees(5), 8, 30, "22-10-10-1", Progress.NONE);
            case WALKTHROUGH -> new ForestPlan(profile, thesis.withTrees(20).withThreads(2), 16, 400, "22-10-10-1", Progress.NONE);
            case FULL -> new ForestPlan(profile, thesis.withThreads(2), 0, 3000, "22-10-10-1", Progress.NONE);
        };
    }

    /** One line for notebooks: the profile and the sizes it implies. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "profile %s: %d trees, max_depth %d, %.3f of the features per split, "
                        + "min child weight %.0f, bootstrap %s, %s, seed %d, %d thread(s); atom rows per configuration: %s; "
                        + "HDNNP %s for %d epochs", profile, options.trees(), options.maxDepth(), options.featureFraction(),
                options.minChildWeight(), options.bootstrap(), options.bins() == 0 ? "exact splits" : options.bins() + " bins",
                options.seed(), options.threads(), atomsPerConfiguration == 0 ? "all" : String.valueOf(atomsPerConfiguration),
                hdnnpLayout, hdnnpEpochs);
    }

    public ForestPlan withProgress(Progress p) {
        return new ForestPlan(profile, options, atomsPerConfiguration, hdnnpEpochs, hdnnpLayout, p);
    }

    public ForestPlan withOptions(ForestOptions o) {
        return new ForestPlan(profile, o, atomsPerConfiguration, hdnnpEpochs, hdnnpLayout, progress);
    }

    /** One forest run; atom set-ups get the plan's atoms per configuration unless they set their own. */
    public ForestResult fit(ForestData data, Split split, ForestSetup setup) {
        ForestSetup s = setup.mode().atomRows() && setup.atomsPerConfiguration() == 0
                ? setup.withAtomsPerConfiguration(atomsPerConfiguration) : setup;
        return new RandomForestBaseline(options).fit(data, split, s, progress, Cancellation.none());
    }

    /**
     * The thesis's depth-20 forest on the 950 K series only (figure 3.10, C.1), on the shared split restricted to that
     * series ({@link #seriesSplit}).
     */
    public ForestResult fit950K(ForestData data, Split split) {
        return fit(data, seriesSplit(data, "950K", split), ForestSetup.thesisAtoms().onlySeries("950K"));
    }

    /** Atom rows per configuration of {@link #splitSearchComparison}: few enough for exact splits. */
    public static final int EXACT_ATOMS_PER_CONFIGURATION = 16;

    /**
     * The 950 K forest twice on the same rows, with the plan's split search (64 bins) and with the exact thresholds
     * of {@link ForestOptions#thesis()} — scikit-learn's own — to show what binning changes. At most
     * {@link #EXACT_ATOMS_PER_CONFIGURATION} atom rows per configuration keep the exact search affordable.
     *
     * @return the binned result, then the exact one
     */
    public java.util.List<ForestResult> splitSearchComparison(ForestData data, Split split) {
        int atoms = atomsPerConfiguration == 0 ? EXACT_ATOMS_PER_CONFIGURATION : Math.min(atomsPerConfiguration, EXACT_ATOMS_PER_CONFIGURATION);
        Split s = seriesSplit(data, "950K", split);
        ForestSetup setup = ForestSetup.thesisAtoms().onlySeries("950K").withAtomsPerConfiguration(atoms);
        ForestOptions exact = options.withBins(0);
        ForestOptions binned = options.bins() == 0 ? options.withBins(ForestOptions.THESIS_BINS) : options;
        return java.util.List.of(new RandomForestBaseline(binned).fit(data, s, setup, progress, Cancellation.none()),
                new RandomForestBaseline(exact).fit(data, s, setup, progress, Cancellation.none()));
    }

    /**
     * The shared split restricted to one series; when that leaves fewer than two configurations on either side (the
     * few configurations per series of the smoke fixture), the series' own configurations split 80:20 with the
     * shared split's seed instead (10 % test, then 80:20), as the thesis split its 950 K set by itself. Only the first
     * keeps the test part a subset of the shared one, so only then can a forest on it be set beside the HDNNP
     * ({@link ForestVersusHdnnp} refuses the other).
     */
    public static Split seriesSplit(ForestData data, String series, Split shared) {
        int[] train = RandomForestBaseline.restrict(shared.train(), data, series);
        int[] valid = RandomForestBaseline.restrict(shared.validation(), data, series);
        int[] test = RandomForestBaseline.restrict(shared.test(), data, series);
        if (train.length >= 2 && valid.length >= 2 && test.length >= 1) return new Split(train, valid, test, shared.seed(), shared.scheme());
        int[] own = data.configurationsOf(series);
        if (own.length < 3) throw new IllegalArgumentException("series " + series + " has " + own.length + " configurations; need 3 to split");
        Split local = Split.byConfiguration(own.length, Split.THESIS_TRAIN_FRACTION, shared.seed());
        return new Split(java.util.Arrays.stream(local.train()).map(i -> own[i]).toArray(),
                java.util.Arrays.stream(local.validation()).map(i -> own[i]).toArray(),
                java.util.Arrays.stream(local.test()).map(i -> own[i]).toArray(), shared.seed(), Split.Scheme.RANDOM);
    }

    /**
     * The HDNNP (thesis training settings, {@link TrainingConfig#defaults()}, with the plan's epochs) on the same
     * descriptors and the same configuration split, for the side-by-side comparison: its validation part chooses the
     * best epoch, its {@link TrainingResult#test()} is on the split's test configurations, the forests' test part
     * ({@link ForestVersusHdnnp}).
     */
    public TrainingResult hdnnp(ForestData data, Split split) {
        Layout layout = Layout.parse(hdnnpLayout);
        TrainingData td = new TrainingData(data.descriptors(), data.energies(), split, data.dataId(), data.descriptorSet());
        return new Trainer(TrainingConfig.defaults().withMaxEpochs(hdnnpEpochs)).progress(progress).train(layout, td);
    }
}
