package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.backend.AdamSettings;
import io.github.hdnnpkit.model.optim.Adam;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.model.optim.LevenbergMarquardt;
import io.github.hdnnpkit.model.optim.Optimiser;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link ForceTrainer}. With Adam: the loss {@code (ΔE/N)² + forceWeight · mean(ΔF²)} in network units
 * ({@link ForceLoss}). With the Kalman filter: n2p2's scheme ({@link KalmanForceUpdates}), energy and force
 * observations, the force ones scaled by {@code forceWeight}. {@code forceWeight} plays the part of n2p2's
 * {@code force_weight}; 0 trains on energies only with the same optimiser, the fair baseline for force training. The parameters of the epoch with the lowest
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
 * @param optimiser       {@link Adam} (batches, the learning rate above) or {@link KalmanFilter} (one update per
 *                        observation: batch size and learning rate are not used)
 * @param forceEnergyRatio the Kalman filter's force updates per energy update (n2p2's {@code force_energy_ratio})
 * @param componentsPerConfiguration the Kalman filter's force components drawn from each configuration whose
 *                        descriptor derivatives are computed (n2p2 draws every component independently and keeps all
 *                        derivatives in memory; drawing several per computed configuration keeps memory to one
 *                        configuration per thread at the price of some correlation between neighbouring updates)
 */
public record ForceTrainingOptions(int epochs, int batchSize, double learningRate, double forceWeight, AdamSettings adam,
                                   Preconditioner.Method preconditioning, long seed, int threads, Optimiser optimiser,
                                   double forceEnergyRatio, int componentsPerConfiguration) {
    public ForceTrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (!(forceWeight >= 0) || !Double.isFinite(forceWeight)) throw new IllegalArgumentException("force weight must be ≥ 0, got " + forceWeight);
        Objects.requireNonNull(adam, "adam");
        Objects.requireNonNull(preconditioning, "preconditioning");
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        Objects.requireNonNull(optimiser, "optimiser");
        if (optimiser instanceof LevenbergMarquardt)
            throw new IllegalArgumentException("force training supports adam and ekf, not " + optimiser.name());
        if (!(forceEnergyRatio >= 0) || !Double.isFinite(forceEnergyRatio))
            throw new IllegalArgumentException("force/energy update ratio must be ≥ 0, got " + forceEnergyRatio);
        if (componentsPerConfiguration < 1)
            throw new IllegalArgumentException("force components per configuration must be ≥ 1, got " + componentsPerConfiguration);
    }

    /** 20 epochs, batches of 8, learning rate 1e-3, force weight 1, thesis Adam, scaling to [−1, 1], seed 1, all cores. */
    public static ForceTrainingOptions defaults() {
        return new ForceTrainingOptions(20, 8, 1e-3, 1.0, AdamSettings.THESIS, Preconditioner.Method.SCALE, 1L,
                Runtime.getRuntime().availableProcessors(), Adam.INSTANCE, 3.0, 32);
    }

    /**
     * n2p2's extended Kalman filter ({@link KalmanFilter#N2P2}) with its recommended {@code force_weight 1} and
     * {@code force_energy_ratio 3}: 10 epochs, every training energy once per epoch and three force components per
     * energy update, 32 components drawn from each configuration whose derivatives are computed.
     */
    public static ForceTrainingOptions kalman() {
        return defaults().withOptimiser(KalmanFilter.N2P2).withEpochs(10);
    }

    public ForceTrainingOptions withEpochs(int v) { return new ForceTrainingOptions(v, batchSize, learningRate, forceWeight, adam, preconditioning, seed, threads, optimiser, forceEnergyRatio, componentsPerConfiguration); }

    public ForceTrainingOptions withBatchSize(int v) { return new ForceTrainingOptions(epochs, v, learningRate, forceWeight, adam, preconditioning, seed, threads, optimiser, forceEnergyRatio, componentsPerConfiguration); }

    public ForceTrainingOptions withLearningRate(double v) { return new ForceTrainingOptions(epochs, batchSize, v, forceWeight, adam, preconditioning, seed, threads, optimiser, forceEnergyRatio, componentsPerConfiguration); }

    public ForceTrainingOptions withForceWeight(double v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, v, adam, preconditioning, seed, threads, optimiser, forceEnergyRatio, componentsPerConfiguration); }

    public ForceTrainingOptions withAdam(AdamSettings v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, v, preconditioning, seed, threads, optimiser, forceEnergyRatio, componentsPerConfiguration); }

    public ForceTrainingOptions withPreconditioning(Preconditioner.Method v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, adam, v, seed, threads, optimiser, forceEnergyRatio, componentsPerConfiguration); }

    public ForceTrainingOptions withSeed(long v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, adam, preconditioning, v, threads, optimiser, forceEnergyRatio, componentsPerConfiguration); }

    public ForceTrainingOptions withThreads(int v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, adam, preconditioning, seed, v, optimiser, forceEnergyRatio, componentsPerConfiguration); }

    public ForceTrainingOptions withOptimiser(Optimiser v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, adam, preconditioning, seed, threads, v, forceEnergyRatio, componentsPerConfiguration); }

    public ForceTrainingOptions withForceEnergyRatio(double v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, adam, preconditioning, seed, threads, optimiser, v, componentsPerConfiguration); }

    public ForceTrainingOptions withComponentsPerConfiguration(int v) { return new ForceTrainingOptions(epochs, batchSize, learningRate, forceWeight, adam, preconditioning, seed, threads, optimiser, forceEnergyRatio, v); }

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
        m.put("force_training.optimiser", optimiser.name());
        if (optimiser instanceof KalmanFilter) {
            m.put("force_training.kalman", optimiser.parameters().toString());
            m.put("force_training.force_energy_ratio", Double.toString(forceEnergyRatio));
            m.put("force_training.components_per_configuration", Integer.toString(componentsPerConfiguration));
        }
        return m;
    }
}
