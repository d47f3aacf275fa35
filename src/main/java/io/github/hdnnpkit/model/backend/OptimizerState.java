package io.github.hdnnpkit.model.backend;

/**
 * Adam's moment estimates and step count, kept in checkpoints so a resumed run continues exactly.
 *
 * @param iteration number of Adam steps taken so far
 */
public record OptimizerState(float[] m, float[] v, long iteration) {
    public OptimizerState {
        if (m.length != v.length) throw new IllegalArgumentException("moment arrays differ in length");
        m = m.clone();
        v = v.clone();
    }

    @Override public float[] m() { return m.clone(); }

    @Override public float[] v() { return v.clone(); }
}
