package io.github.hdnnpkit.selection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a regularisation path is trained ({@link LassoNet}, {@link GroupLasso}): the network, Adam, the dense
 * (unpenalised) first fit with early stopping, and the λ schedule. λ starts at {@code lambdaStart} and is doubled,
 * warm-started, until the first feature leaves; from there it grows by {@code multiplier} per step (LassoNet's
 * default is 1.02; a coarser one trades resolution of the ranking for time) until no feature is left or
 * {@code maxLambdas} steps are done.
 *
 * <p>λ is in the engine's units: the penalty is added to {@code ½·MSE} of the normalised configuration energies
 * (eq. 2.6), and the proximal threshold of one step is λ times the learning rate. With Adam, whose step is about the
 * learning rate whatever the gradient's size, a feature survives while its gradient is consistent enough to push
 * back by more than λ·lr per step, so the λ at which features leave is found by the search rather than computed.
 *
 * @param hidden         hidden layers (the thesis's 10, 10)
 * @param learningRate   Adam's learning rate (constant along the path)
 * @param batchSize      configurations per batch
 * @param denseEpochs    maximum epochs of the dense fit (λ = 0)
 * @param densePatience  early-stopping patience of the dense fit on the validation loss (best weights restored)
 * @param epochsPerLambda epochs at each λ
 * @param lambdaStart    the first λ of the search
 * @param multiplier     growth of λ per step once the first feature has left (&gt; 1)
 * @param maxLambdas     at most this many λ values (search included)
 * @param seed           initial weights and shuffling
 * @param threads        threads of the one engine
 */
public record PathOptions(List<Integer> hidden, double learningRate, int batchSize, int denseEpochs, int densePatience,
                          int epochsPerLambda, double lambdaStart, double multiplier, int maxLambdas, long seed, int threads) {
    /** The search for the first drop doubles λ. */
    public static final double SEARCH_FACTOR = 2.0;

    public PathOptions {
        hidden = List.copyOf(hidden);
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("hidden layer sizes must be ≥ 1, got " + hidden);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        if (denseEpochs < 1 || densePatience < 1 || epochsPerLambda < 1)
            throw new IllegalArgumentException("dense epochs, patience and epochs per λ must be ≥ 1");
        if (!(lambdaStart > 0) || !Double.isFinite(lambdaStart)) throw new IllegalArgumentException("λ start must be positive, got " + lambdaStart);
        if (!(multiplier > 1) || !Double.isFinite(multiplier)) throw new IllegalArgumentException("the λ multiplier must be > 1, got " + multiplier);
        if (maxLambdas < 1) throw new IllegalArgumentException("maxLambdas must be ≥ 1");
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1");
    }

    /** LassoNet's defaults where they apply: multiplier 1.02, Adam lr 1e-3; the thesis's 10-10 network and batch 64. */
    public static PathOptions defaults() {
        return new PathOptions(List.of(10, 10), 1e-3, 64, 1000, 50, 10, 1e-3, 1.02, 2000, 101L, 1);
    }

    public PathOptions withHidden(Integer... h) { return new PathOptions(List.of(h), learningRate, batchSize, denseEpochs, densePatience, epochsPerLambda, lambdaStart, multiplier, maxLambdas, seed, threads); }

    public PathOptions withLearningRate(double v) { return new PathOptions(hidden, v, batchSize, denseEpochs, densePatience, epochsPerLambda, lambdaStart, multiplier, maxLambdas, seed, threads); }

    public PathOptions withBatchSize(int v) { return new PathOptions(hidden, learningRate, v, denseEpochs, densePatience, epochsPerLambda, lambdaStart, multiplier, maxLambdas, seed, threads); }

    public PathOptions withDenseEpochs(int epochs, int patience) { return new PathOptions(hidden, learningRate, batchSize, epochs, patience, epochsPerLambda, lambdaStart, multiplier, maxLambdas, seed, threads); }

    public PathOptions withEpochsPerLambda(int v) { return new PathOptions(hidden, learningRate, batchSize, denseEpochs, densePatience, v, lambdaStart, multiplier, maxLambdas, seed, threads); }

    public PathOptions withLambdaStart(double v) { return new PathOptions(hidden, learningRate, batchSize, denseEpochs, densePatience, epochsPerLambda, v, multiplier, maxLambdas, seed, threads); }

    public PathOptions withMultiplier(double v) { return new PathOptions(hidden, learningRate, batchSize, denseEpochs, densePatience, epochsPerLambda, lambdaStart, v, maxLambdas, seed, threads); }

    public PathOptions withMaxLambdas(int v) { return new PathOptions(hidden, learningRate, batchSize, denseEpochs, densePatience, epochsPerLambda, lambdaStart, multiplier, v, seed, threads); }

    public PathOptions withSeed(long v) { return new PathOptions(hidden, learningRate, batchSize, denseEpochs, densePatience, epochsPerLambda, lambdaStart, multiplier, maxLambdas, v, threads); }

    public PathOptions withThreads(int v) { return new PathOptions(hidden, learningRate, batchSize, denseEpochs, densePatience, epochsPerLambda, lambdaStart, multiplier, maxLambdas, seed, v); }

    /** The settings as text, for a selection's provenance. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hidden", hidden.toString());
        m.put("learning_rate", Double.toString(learningRate));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("dense_epochs", denseEpochs + " (patience " + densePatience + ")");
        m.put("epochs_per_lambda", Integer.toString(epochsPerLambda));
        m.put("lambda_start", Double.toString(lambdaStart));
        m.put("multiplier", Double.toString(multiplier));
        m.put("max_lambdas", Integer.toString(maxLambdas));
        return m;
    }
}
