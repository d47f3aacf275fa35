package io.github.hdnnpkit.baseline;

/**
 * The Random Forest's knobs, as the thesis set them through scikit-learn (section 3.4, appendix C), mapped onto
 * Tribuo's CART trainer.
 *
 * @param trees           number of trees (scikit-learn {@code n_estimators})
 * @param maxDepth        maximum tree depth; the thesis used 20 (scikit-learn {@code max_depth})
 * @param featureFraction fraction of the input features drawn at random for each split (Tribuo
 *                        {@code fractionFeaturesInSplit}, scikit-learn {@code max_features} as a fraction); 1 = every
 *                        split sees every feature (bagged trees rather than a random forest)
 * @param minChildWeight  Tribuo's {@code minChildWeight}: a node is split only while it holds at least this many
 *                        training rows (all rows weigh 1; Tribuo 4.3.2 {@code AbstractCARTTrainer} compares the node's
 *                        weight sum, and puts no bound on the children): scikit-learn's {@code min_samples_split}. A
 *                        split always leaves at least one row on each side, which is {@code min_samples_leaf = 1}
 * @param bootstrap       each tree sees a bootstrap sample (rows drawn with replacement, as many as the training
 *                        rows); false = each tree sees all rows and differs only by its feature draws
 * @param seed            the forest's seed; tree {@code k} gets its own seed derived from it (recorded in the
 *                        result), so a seed reproduces the same forest whatever the thread count
 * @param bins            continuous inputs are replaced by their quantile bin (0..bins-1, edges fitted on the training
 *                        rows) before Tribuo sees them; 0 = exact values. Tribuo 4.3.2's CART split search costs
 *                        (distinct values in the node) × (rows in the node) per feature, which is quadratic on
 *                        continuous descriptors (measured: 5 000 rows 4.4 s, 20 000 rows 55 s for one depth-20 tree of
 *                        24 features) and linear with bins (20 000 rows 1.6 s, 100 000 rows 9.5 s with 64 bins) —
 *                        histogram split finding as in LightGBM or scikit-learn's HistGradientBoosting
 * @param jointOutputs    with several outputs (the force model Fx, Fy, Fz): one tree splits on the summed MSE of all
 *                        outputs (Tribuo {@code CARTJointRegressionTrainer}, what scikit-learn's multi-output forest
 *                        does, hence the thesis) rather than an independent tree per output
 *                        ({@code CARTRegressionTrainer})
 * @param threads         trees trained (and rows predicted) in parallel; 1 on a shared machine
 */
public record ForestOptions(int trees, int maxDepth, float featureFraction, float minChildWeight, boolean bootstrap,
                            long seed, int bins, boolean jointOutputs, int threads) {
    /** The thesis's depth. */
    public static final int THESIS_MAX_DEPTH = 20;

    public ForestOptions {
        if (trees < 1) throw new IllegalArgumentException("trees must be >= 1, got " + trees);
        if (maxDepth < 1) throw new IllegalArgumentException("maxDepth must be >= 1, got " + maxDepth);
        if (!(featureFraction > 0 && featureFraction <= 1))
            throw new IllegalArgumentException("featureFraction must be in (0,1], got " + featureFraction);
        if (!(minChildWeight >= 1)) throw new IllegalArgumentException("minChildWeight must be >= 1, got " + minChildWeight);
        if (bins == 1 || bins < 0 || bins > 65_536)
            throw new IllegalArgumentException("bins must be 0 (exact) or in 2..65536, got " + bins);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** Quantile bins of {@link #thesisBinned()}. */
    public static final int THESIS_BINS = 64;

    /**
     * The thesis's forest: scikit-learn's {@code RandomForestRegressor} defaults of its time (0.24, 2021) with the
     * thesis's {@code max_depth = 20} and {@code random_state = 101}: 100 trees ({@code n_estimators}; the thesis does
     * not state its own), every feature at every split ({@code max_features = "auto"}, which for regression is
     * n_features), {@code min_samples_split = 2} and {@code min_samples_leaf = 1} (minimum child weight 2), bootstrap,
     * exact thresholds on the raw values (no bins), one joint tree for several outputs; one thread. Exact thresholds
     * cost Tribuo 4.3.2 time quadratic in the rows of a node (see {@code bins}): affordable on thousands of rows, not
     * on the million atom rows of the full data set — use {@link #thesisBinned()} there.
     */
    public static ForestOptions thesis() {
        return new ForestOptions(100, THESIS_MAX_DEPTH, 1f, 2f, true, 101L, 0, true, 1);
    }

    /**
     * {@link #thesis()} with one difference: every continuous input is replaced by its quantile bin out of
     * {@link #THESIS_BINS} (edges fitted on the training rows) before the split search, because Tribuo 4.3.2's exact
     * split search is quadratic in the rows of a node while scikit-learn's is n log n; the split points can then only
     * fall on 63 quantiles per descriptor. Everything else is scikit-learn's default.
     */
    public static ForestOptions thesisBinned() {
        return thesis().withBins(THESIS_BINS);
    }

    public ForestOptions withTrees(int t) {
        return new ForestOptions(t, maxDepth, featureFraction, minChildWeight, bootstrap, seed, bins, jointOutputs, threads);
    }

    public ForestOptions withMaxDepth(int d) {
        return new ForestOptions(trees, d, featureFraction, minChildWeight, bootstrap, seed, bins, jointOutputs, threads);
    }

    public ForestOptions withFeatureFraction(float f) {
        return new ForestOptions(trees, maxDepth, f, minChildWeight, bootstrap, seed, bins, jointOutputs, threads);
    }

    public ForestOptions withMinChildWeight(float w) {
        return new ForestOptions(trees, maxDepth, featureFraction, w, bootstrap, seed, bins, jointOutputs, threads);
    }

    public ForestOptions withBootstrap(boolean b) {
        return new ForestOptions(trees, maxDepth, featureFraction, minChildWeight, b, seed, bins, jointOutputs, threads);
    }

    public ForestOptions withSeed(long s) {
        return new ForestOptions(trees, maxDepth, featureFraction, minChildWeight, bootstrap, s, bins, jointOutputs, threads);
    }

    public ForestOptions withBins(int b) {
        return new ForestOptions(trees, maxDepth, featureFraction, minChildWeight, bootstrap, seed, b, jointOutputs, threads);
    }

    public ForestOptions withJointOutputs(boolean j) {
        return new ForestOptions(trees, maxDepth, featureFraction, minChildWeight, bootstrap, seed, bins, j, threads);
    }

    public ForestOptions withThreads(int t) {
        return new ForestOptions(trees, maxDepth, featureFraction, minChildWeight, bootstrap, seed, bins, jointOutputs, t);
    }
}
