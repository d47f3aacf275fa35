package io.github.hdnnpkit.model;

import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.backend.AdamSettings;
import io.github.hdnnpkit.model.backend.BackendType;
import io.github.hdnnpkit.model.optim.Adam;
import io.github.hdnnpkit.model.optim.Optimiser;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Hyper-parameters of one HDNNP training (section 2.4.1 and the thesis's {@code user_NNP.py}), immutable and
 * validated; {@link #defaults()} holds the thesis's values. Build one with {@link #builder()} or change a copy with
 * {@link #toBuilder()}: {@code TrainingConfig.builder().maxEpochs(200).seed(7).build()}; the {@code with...}
 * methods change one field ({@code TrainingConfig.defaults().withMaxEpochs(200)}).
 *
 * @param maxEpochs        maximum number of epochs
 * @param batchSize        configurations per mini-batch (thesis 64; Adam only)
 * @param shuffle          reshuffle the training configurations every epoch
 * @param learningRate     Adam's initial learning rate
 * @param adam             β1, β2, ε (thesis 0.9, 0.999, 1e-8)
 * @param schedule         how Adam's learning rate changes with the epoch
 * @param earlyStopping    min_delta 1e-5, patience 50, restore best weights
 * @param preconditioning  descriptor preconditioning fitted on the training split (thesis: scale to [-1,1])
 * @param normaliseTargets subtract the mean energy per atom and divide by its spread (on by default)
 * @param seed             seeds the initial weights and the shuffling
 * @param backend          the back-end that trains (the Java one by default)
 * @param threads          threads for this one model
 * @param optimiser        Adam (the thesis's), the extended Kalman filter or Levenberg–Marquardt
 */
public record TrainingConfig(int maxEpochs, int batchSize, boolean shuffle, double learningRate, AdamSettings adam,
                             LearningRateSchedule schedule, EarlyStopping earlyStopping,
                             Preconditioner.Method preconditioning, boolean normaliseTargets, long seed,
                             BackendType backend, int threads, Optimiser optimiser) {

    public TrainingConfig {
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs must be ≥ 1, got " + maxEpochs);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be ≥ 1, got " + batchSize);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        Objects.requireNonNull(adam, "adam");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        Objects.requireNonNull(preconditioning, "preconditioning");
        Objects.requireNonNull(backend, "backend");
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        Objects.requireNonNull(optimiser, "optimiser");
    }

    /** The thesis's settings: Adam, batch 64, shuffling, lr 1e-3, early stopping (1e-5, 50), scale to [-1,1], 1000 epochs. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(1000, 64, true, 1e-3, AdamSettings.THESIS, LearningRateSchedule.constant(),
                EarlyStopping.THESIS, Preconditioner.Method.SCALE, true, 101L, BackendType.JAVA, 1, Adam.INSTANCE);
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() { return defaults().toBuilder(); }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() { return new Builder(this); }

    public TrainingConfig withMaxEpochs(int v) { return toBuilder().maxEpochs(v).build(); }

    public TrainingConfig withBatchSize(int v) { return toBuilder().batchSize(v).build(); }

    public TrainingConfig withShuffle(boolean v) { return toBuilder().shuffle(v).build(); }

    public TrainingConfig withLearningRate(double v) { return toBuilder().learningRate(v).build(); }

    public TrainingConfig withAdam(AdamSettings v) { return toBuilder().adam(v).build(); }

    public TrainingConfig withSchedule(LearningRateSchedule v) { return toBuilder().schedule(v).build(); }

    public TrainingConfig withEarlyStopping(EarlyStopping v) { return toBuilder().earlyStopping(v).build(); }

    public TrainingConfig withPreconditioning(Preconditioner.Method v) { return toBuilder().preconditioning(v).build(); }

    public TrainingConfig withNormaliseTargets(boolean v) { return toBuilder().normaliseTargets(v).build(); }

    public TrainingConfig withSeed(long v) { return toBuilder().seed(v).build(); }

    /** The back-end by its CLI name ({@code java}, {@code java-scalar}, {@code dl4j}); an unknown name is an error. */
    public TrainingConfig withBackend(String v) { return toBuilder().backend(BackendType.parse(v)).build(); }

    public TrainingConfig withBackend(BackendType v) { return toBuilder().backend(v).build(); }

    public TrainingConfig withThreads(int v) { return toBuilder().threads(v).build(); }

    public TrainingConfig withOptimiser(Optimiser v) { return toBuilder().optimiser(v).build(); }

    /**
     * The hyper-parameters as a flat map, for provenance and JSON: the optimiser's name under {@code optimizer} and
     * its own parameters prefixed by it ({@code ekf_q0}, {@code lm_damping}).
     */
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
        m.put("backend", backend.label());
        m.put("threads", threads);
        m.put("optimizer", optimiser.name());
        optimiser.parameters().forEach((k, v) -> m.put(optimiser.name() + "_" + k, v));
        return m;
    }

    /** Mutable builder of a {@link TrainingConfig}; {@link #build()} validates. */
    public static final class Builder {
        private int maxEpochs, batchSize, threads;
        private boolean shuffle, normaliseTargets;
        private double learningRate;
        private AdamSettings adam;
        private LearningRateSchedule schedule;
        private EarlyStopping earlyStopping;
        private Preconditioner.Method preconditioning;
        private long seed;
        private BackendType backend;
        private Optimiser optimiser;

        private Builder(TrainingConfig c) {
            maxEpochs = c.maxEpochs; batchSize = c.batchSize; shuffle = c.shuffle; learningRate = c.learningRate; adam = c.adam;
            schedule = c.schedule; earlyStopping = c.earlyStopping; preconditioning = c.preconditioning;
            normaliseTargets = c.normaliseTargets; seed = c.seed; backend = c.backend; threads = c.threads; optimiser = c.optimiser;
        }

        public Builder maxEpochs(int v) { maxEpochs = v; return this; }

        public Builder batchSize(int v) { batchSize = v; return this; }

        public Builder shuffle(boolean v) { shuffle = v; return this; }

        public Builder learningRate(double v) { learningRate = v; return this; }

        public Builder adam(AdamSettings v) { adam = v; return this; }

        public Builder schedule(LearningRateSchedule v) { schedule = v; return this; }

        public Builder earlyStopping(EarlyStopping v) { earlyStopping = v; return this; }

        public Builder preconditioning(Preconditioner.Method v) { preconditioning = v; return this; }

        public Builder normaliseTargets(boolean v) { normaliseTargets = v; return this; }

        public Builder seed(long v) { seed = v; return this; }

        public Builder backend(BackendType v) { backend = v; return this; }

        public Builder threads(int v) { threads = v; return this; }

        public Builder optimiser(Optimiser v) { optimiser = v; return this; }

        public TrainingConfig build() {
            return new TrainingConfig(maxEpochs, batchSize, shuffle, learningRate, adam, schedule, earlyStopping, preconditioning,
                    normaliseTargets, seed, backend, threads, optimiser);
        }
    }
}
