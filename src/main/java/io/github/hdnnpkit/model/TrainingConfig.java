package io.github.hdnnpkit.model;

import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.backend.AdamSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Hyper-parameters of one HDNNP training (section 2.4.1 and the thesis's {@code user_NNP.py}), immutable and
 * validated; {@link #defaults()} holds the thesis's values. Change one with the {@code with...} methods:
 * {@code TrainingConfig.defaults().withMaxEpochs(200).withSeed(7)}.
 *
 * @param maxEpochs        maximum number of epochs
 * @param batchSize        configurations per mini-batch (thesis 64)
 * @param shuffle          reshuffle the training configurations every epoch
 * @param learningRate     Adam's initial learning rate
 * @param adam             β1, β2, ε (thesis 0.9, 0.999, 1e-8)
 * @param schedule         how the learning rate changes with the epoch
 * @param earlyStopping    min_delta 1e-5, patience 50, restore best weights
 * @param preconditioning  descriptor preconditioning fitted on the training split (thesis: scale to [-1,1])
 * @param normaliseTargets subtract the mean energy per atom and divide by its spread (on by default)
 * @param seed             seeds the initial weights and the shuffling
 * @param backend          {@code java} (vectorised) or {@code dl4j}
 * @param threads          threads for this one model
 */
public record TrainingConfig(int maxEpochs, int batchSize, boolean shuffle, double learningRate, AdamSettings adam,
                             LearningRateSchedule schedule, EarlyStopping earlyStopping,
                             Preconditioner.Method preconditioning, boolean normaliseTargets, long seed,
                             String backend, int threads) {

    public TrainingConfig {
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs must be ≥ 1, got " + maxEpochs);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be ≥ 1, got " + batchSize);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        Objects.requireNonNull(adam);
        Objects.requireNonNull(schedule);
        Objects.requireNonNull(earlyStopping);
        Objects.requireNonNull(preconditioning);
        Objects.requireNonNull(backend);
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }

    /** The thesis's settings: batch 64, shuffling, Adam lr 1e-3, early stopping (1e-5, 50), scale to [-1,1], 1000 epochs. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(1000, 64, true, 1e-3, AdamSettings.THESIS, LearningRateSchedule.constant(),
                EarlyStopping.THESIS, Preconditioner.Method.SCALE, true, 101L, "java", 1);
    }

    public TrainingConfig withMaxEpochs(int v) { return new TrainingConfig(v, batchSize, shuffle, learningRate, adam, schedule, earlyStopping, preconditioning, normaliseTargets, seed, backend, threads); }

    public TrainingConfig withBatchSize(int v) { return new TrainingConfig(maxEpochs, v, shuffle, learningRate, adam, schedule, earlyStopping, preconditioning, normaliseTargets, seed, backend, threads); }

    public TrainingConfig withShuffle(boolean v) { return new TrainingConfig(maxEpochs, batchSize, v, learningRate, adam, schedule, earlyStopping, preconditioning, normaliseTargets, seed, backend, threads); }

    public TrainingConfig withLearningRate(double v) { return new TrainingConfig(maxEpochs, batchSize, shuffle, v, adam, schedule, earlyStopping, preconditioning, normaliseTargets, seed, backend, threads); }

    public TrainingConfig withAdam(AdamSettings v) { return new TrainingConfig(maxEpochs, batchSize, shuffle, learningRate, v, schedule, earlyStopping, preconditioning, normaliseTargets, seed, backend, threads); }

    public TrainingConfig withSchedule(LearningRateSchedule v) { return new TrainingConfig(maxEpochs, batchSize, shuffle, learningRate, adam, v, earlyStopping, preconditioning, normaliseTargets, seed, backend, threads); }

    public TrainingConfig withEarlyStopping(EarlyStopping v) { return new TrainingConfig(maxEpochs, batchSize, shuffle, learningRate, adam, schedule, v, preconditioning, normaliseTargets, seed, backend, threads); }

    public TrainingConfig withPreconditioning(Preconditioner.Method v) { return new TrainingConfig(maxEpochs, batchSize, shuffle, learningRate, adam, schedule, earlyStopping, v, normaliseTargets, seed, backend, threads); }

    public TrainingConfig withNormaliseTargets(boolean v) { return new TrainingConfig(maxEpochs, batchSize, shuffle, learningRate, adam, schedule, earlyStopping, preconditioning, v, seed, backend, threads); }

    public TrainingConfig withSeed(long v) { return new TrainingConfig(maxEpochs, batchSize, shuffle, learningRate, adam, schedule, earlyStopping, preconditioning, normaliseTargets, v, backend, threads); }

    public TrainingConfig withBackend(String v) { return new TrainingConfig(maxEpochs, batchSize, shuffle, learningRate, adam, schedule, earlyStopping, preconditioning, normaliseTargets, seed, v, threads); }

    public TrainingConfig withThreads(int v) { return new TrainingConfig(maxEpochs, batchSize, shuffle, learningRate, adam, schedule, earlyStopping, preconditioning, normaliseTargets, seed, backend, v); }

    /** The hyper-parameters as a flat map, for provenance and JSON. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_epochs", maxEpochs);
        m.put("batch_size", batchSize);
        m.put("shuffle", shuffle);
        m.put("learning_rate", learningRate);
        m.put("adam_beta1", adam.beta1());
        m.put("adam_beta2", adam.beta2());
        m.put("adam_epsilon", adam.epsilon());
        m.put("schedule", schedule.describe());
        m.put("early_stopping_min_delta", earlyStopping.minDelta());
        m.put("early_stopping_patience", earlyStopping.patience());
        m.put("restore_best_weights", earlyStopping.restoreBest());
        m.put("preconditioning", preconditioning.thesisName());
        m.put("normalise_targets", normaliseTargets);
        m.put("seed", seed);
        m.put("backend", backend);
        m.put("threads", threads);
        return m;
    }
}
