package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Layout;

/**
 * One atomic network being trained or evaluated by a back-end. The model: every atom's (preconditioned) descriptor
 * row goes through the same network, a configuration's energy is the sum of its atoms' outputs, and the loss of a
 * batch of B configurations is {@code 1/(2B) Σ (E_c - t_c)²} (eq. 2.6), all in the normalised target units.
 */
public interface Engine extends AutoCloseable {

    /** Data laid out the way this engine reads it fastest. */
    interface Prepared {
        int configurations();
    }

    Layout layout();

    /**
     * Lays out preconditioned descriptors (and optional per-configuration targets, normalised) for this engine.
     *
     * @param targets one per configuration, or null for prediction only
     */
    Prepared prepare(DescriptorMatrix preconditioned, float[] targets);

    /**
     * One Adam step on the given configurations of {@code data}, in the given order.
     *
     * @return the batch loss before the step, {@code 1/(2B) Σ (E_c - t_c)²}
     */
    double trainStep(Prepared data, int[] configurations, double learningRate);

    /** Network energies (sums of atomic outputs) of every configuration, normalised units. */
    double[] energies(Prepared data);

    /**
     * The energy of one configuration and its Jacobian {@code dE_c/dθ} (back-propagation with seed 1 instead of the
     * residual), in normalised units, for second-order optimisers (the Kalman filter, Levenberg–Marquardt).
     * {@code jacobian} receives {@link Layout#parameterCount()} values in the flat parameter order.
     * Back-ends that lack it throw {@link UnsupportedOperationException}.
     */
    default double energyAndJacobian(Prepared data, int configuration, float[] jacobian) {
        throw new UnsupportedOperationException(backendName() + " has no per-configuration Jacobian; second-order optimisers need the java back-end");
    }

    /**
     * Energies and Jacobian rows of several configurations, in parallel on the engine's threads: row {@code i} of
     * {@code jacobians} (row-major, {@code configurations.length × parameterCount}) is {@code dE/dθ} of
     * {@code configurations[i]}.
     */
    default double[] energiesAndJacobians(Prepared data, int[] configurations, float[] jacobians) {
        int p = layout().parameterCount();
        if (jacobians.length < (long) configurations.length * p)
            throw new IllegalArgumentException("Jacobian buffer of " + jacobians.length + " for " + configurations.length + " × " + p);
        double[] e = new double[configurations.length];
        float[] row = new float[p];
        for (int i = 0; i < configurations.length; i++) {
            e[i] = energyAndJacobian(data, configurations[i], row);
            System.arraycopy(row, 0, jacobians, i * p, p);
        }
        return e;
    }

    /** A copy of the current parameters in {@link Layout}'s flat order. */
    float[] parameters();

    void setParameters(float[] parameters);

    OptimizerState optimizerState();

    void setOptimizerState(OptimizerState state);

    /**
     * Adds a linear term to the energy, {@code Σ_atoms θᵀG_i = θᵀ Σ_i G_i} on the preconditioned descriptors
     * (LassoNet's skip connection), trained by the same Adam steps; {@code theta} is copied, one weight per input.
     * Back-ends that lack it throw {@link UnsupportedOperationException}.
     */
    default void setSkip(float[] theta) {
        throw new UnsupportedOperationException(backendName() + " has no linear skip term; use the java back-end");
    }

    /** A copy of the skip weights θ, or null when the engine has no skip term. */
    default float[] skip() { return null; }

    /**
     * Runs {@code step} after every optimiser step on the live parameters (e.g. a proximal operator of a sparsity
     * penalty); null removes it. Back-ends that cannot hand out their parameters in place throw
     * {@link UnsupportedOperationException}.
     */
    default void setProximal(ProximalStep step) {
        throw new UnsupportedOperationException(backendName() + " cannot apply a proximal step after each optimiser step; use the java back-end");
    }

    /** The back-end's name, for provenance. */
    String backendName();

    @Override
    void close();
}
