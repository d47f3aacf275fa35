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
 * @param minChildWeight  Tribuo's {@code minChildWeight}: a node holding no more than this many training rows is not
 *                        split further (all rows weigh 1), the role of scikit-learn's {@code min_samples_split} /
 *                        {@code min_samples_leaf}
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

    /**
     * The thesis's forest: depth 20, 100 trees (scikit-learn's default, the thesis does not state its own), a third of
     * the features per split (Breiman's choice for regression, the "feature randomness" the thesis describes),
     * Tribuo's default minimum node weight 5, bootstrap, seed 101 (the thesis's {@code random_state}), 64 bins, joint
     * multi-output trees, one thread.
     */
    public static ForestOptions thesis() {
        return new ForestOptions(100, THESIS_MAX_DEPTH, 1f / 3f, 5f, true, 101L, 64, true, 1);
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
