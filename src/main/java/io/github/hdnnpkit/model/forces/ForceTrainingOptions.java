package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.backend.AdamSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link ForceTrainer}: Adam on the loss {@code (ΔE/N)² + forceWeight · mean(ΔF²)} in network units
 * ({@link ForceLoss}). {@code forceWeight} plays the part of n2p2's {@code force_weight}; 0 trains on energies only
 * with the same optimiser and loss, the fair baseline for force training. The parameters of the epoch with the lowest
 * validation loss are kept.
 *
 * @param epochs          passes over the training split, ≥ 1
 * @param batchSize       configurations per Adam step, ≥ 1
 * @param learningRate    Adam's step size, > 0
 * @param forceWeight     weight of the force term, ≥ 0
 * @param adam            Adam's constants
 * @param preconditioning descriptor preconditioning, fitted on the training split
 * @param seed            initial weights (Glorot uniform) and the order of the batches
 * @param threads         configurations of a batch computed in parallel (results are deterministic for a given count)
 */
public record ForceTrainingOptions(int epochs, int batchSize, double learningRate, double forceWeight, AdamSettings adam,
                                   Preconditioner.Method preconditioning, long seed, int threads) {
    public ForceTrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (!(forceWeight >= 0) || !Double.isFinite(forceWeight)) throw new IllegalArgumentException("force weight must be ≥ 0, got " + forceWeight);
        Objects.requireNonNull(adam, "adam");
        Objects.requireNonNull(preconditioning, "preconditioning");
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }

    /** 20 epochs, batches of 8, learning rate 1e-3, force weight 1, thesis Adam, scaling to [−1, 1], seed 1, all cores. */
    public static ForceTrainingOptions defaults() {
        return new ForceTrainingOptions(20, 8, 1e-3, 1.0, AdamSettings.THESIS, Preconditioner.Method.SCALE, 1L,
                Runtime.getRuntime().availableProcessors());
    }

    public ForceTrainingOptions withEpochs(int v) { return new ForceTrainingOptions(v, batchSize, learningRate, forceWeight, adam, preconditioning, seed, threads); }

    public ForceTrainingOptions withBatchSize(int v) { return new ForceTrainingOptions(epochs, v, learningRate, forceWeight, adam, preconditioning, seed, threads); }

    public ForceTrainingOptions withLearningRate(double v) { return new ForceTrainingOptions(epochs, batchSize, v, forceWeight, adam, preconditioning, seed, threads); }

    public ForceTrainingOptions withForceWeight(double v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, v, adam, preconditioning, seed, threads); }

    public ForceTrainingOptions withAdam(AdamSettings v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, v, preconditioning, seed, threads); }

    public ForceTrainingOptions withPreconditioning(Preconditioner.Method v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, adam, v, seed, threads); }

    public ForceTrainingOptions withSeed(long v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, adam, preconditioning, v, threads); }

    public ForceTrainingOptions withThreads(int v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, adam, preconditioning, seed, v); }

    /** For provenance in the potential's metadata. */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("force_training.epochs", Integer.toString(epochs));
        m.put("force_training.batch_size", Integer.toString(batchSize));
        m.put("force_training.learning_rate", Double.toString(learningRate));
        m.put("force_training.force_weight", Double.toString(forceWeight));
        m.put("force_training.adam", adam.beta1() + "," + adam.beta2() + "," + adam.epsilon());
        m.put("force_training.preconditioning", preconditioning.thesisName());
        m.put("force_training.seed", Long.toString(seed));
        return m;
    }
}
