package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Layout;

/**
 * The compact back-end: hand-written forward pass, back-propagation and Adam over the flat atom rows, the way the
 * field's own codes (n2p2, RuNNer, aenet) write their atomic networks. Vectorised with the JDK Vector API when the
 * JVM has {@code jdk.incubator.vector}, plain loops otherwise; both give the same results up to float rounding.
 */
public final class JavaBackend implements Backend {
    private final Kernels kernels;

    private JavaBackend(Kernels kernels) {
        this.kernels = kernels;
    }

    /** Vector API kernels when available, plain loops otherwise. */
    public static JavaBackend best() {
        return new JavaBackend(Kernels.best());
    }

    /** Plain loops, whatever the JVM offers. */
    public static JavaBackend scalar() {
        return new JavaBackend(new ScalarKernels());
    }

    /** True if this back-end runs on the Vector API. */
    public boolean vectorised() {
        return !(kernels instanceof ScalarKernels);
    }

    @Override
    public String name() {
        return "java-" + kernels.name();
    }

    @Override
    public Engine open(Layout layout, float[] parameters, AdamSettings adam, int threads) {
        return new JavaEngine(layout, parameters, adam, threads, kernels, name());
    }
}
