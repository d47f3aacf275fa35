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

    /** A copy of the current parameters in {@link Layout}'s flat order. */
    float[] parameters();

    void setParameters(float[] parameters);

    OptimizerState optimizerState();

    void setOptimizerState(OptimizerState state);

    /** The back-end's name, for provenance. */
    String backendName();

    @Override
    void close();
}
