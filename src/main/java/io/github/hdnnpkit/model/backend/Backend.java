package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Layout;

/**
 * A way of training the shared atomic network. Every back-end trains the same model (same flat parameter layout,
 * same loss, same Adam), so a potential trained by one is saved, loaded and evaluated by the other.
 */
public interface Backend {
    /** Short name recorded in provenance, e.g. {@code java-vector} or {@code dl4j-samediff}. */
    String name();

    /**
     * Opens a training/evaluation engine starting from the given parameters.
     *
     * @param parameters flat parameters in {@link Layout}'s order (copied)
     * @param threads    worker threads for one model (1 when several models train side by side)
     */
    Engine open(Layout layout, float[] parameters, AdamSettings adam, int threads);

    /** The back-end for a name: {@code java} (vectorised when the JVM offers the Vector API), {@code java-scalar}, {@code dl4j}. */
    static Backend named(String name) {
        return BackendType.parse(name).open();
    }
}
