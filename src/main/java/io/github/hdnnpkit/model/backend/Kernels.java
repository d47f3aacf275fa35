package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Activation;

/**
 * The dense-layer loops of the Java back-end, over one configuration at a time. Data of a configuration with n atoms
 * is stored neuron-major ({@code x[i*n + a]} is neuron/feature i of atom a), so the innermost loops run over atoms —
 * long, contiguous, and the same for every neuron, which is what SIMD units want.
 */
abstract class Kernels {

    abstract String name();

    /** {@code z[o*n+a] = f(b[o] + Σ_i W[o][i] x[xo + i*n + a])} for the layer whose weights start at {@code wo}. */
    abstract void forward(float[] p, int wo, int bo, int nin, int nout, float[] x, int xo, float[] z, int n, Activation f);

    /** {@code g_W[o][i] += Σ_a d[o*n+a] x[xo+i*n+a]}, {@code g_b[o] += Σ_a d[o*n+a]}. */
    abstract void accumulateGradient(float[] d, int nout, float[] x, int xo, int nin, int n, float[] g, int wo, int bo);

    /** {@code dPrev[i*n+a] = f'(h[i*n+a]) Σ_o W[o][i] d[o*n+a]}, h the previous layer's outputs. */
    abstract void backpropagate(float[] p, int wo, int nin, int nout, float[] d, float[] h, float[] dPrev, int n, Activation f);

    /** {@code d[k*n+a] = g W[k] f'(h[k*n+a])}: the delta of the last hidden layer below a linear output neuron. */
    abstract void outputDelta(float[] p, int wo, int nk, float g, float[] h, float[] d, int n, Activation f);

    /** {@code s[k] = Σ_a h[k*n+a]}. */
    abstract void rowSums(float[] h, int nk, int n, float[] s);

    /** The fastest kernels this JVM offers: the Vector API when the incubator module is present, plain loops otherwise. */
    static Kernels best() {
        String forced = System.getProperty("hdnnp.kernels", "");
        if (forced.equalsIgnoreCase("scalar")) return new ScalarKernels();
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                // loaded reflectively: referencing it directly would fail to link on a JVM without the module
                return (Kernels) Class.forName("io.github.hdnnpkit.model.backend.VectorKernels").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarKernels();
            }
        }
        return new ScalarKernels();
    }

    static float derivative(Activation f, float y) {
        return switch (f) {
            case TANH -> 1f - y * y;
            case SIGMOID -> y * (1f - y);
            case RELU -> y > 0 ? 1f : 0f;
            case LEAKY_RELU -> y >= 0 ? 1f : (float) Activation.LEAKY_ALPHA;
            case SOFTPLUS -> (float) -Math.expm1(-y);
            case LINEAR -> 1f;
        };
    }

    static float activate(Activation f, float x) {
        return switch (f) {
            case TANH -> (float) Math.tanh(x);
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-x)));
            case RELU -> x > 0 ? x : 0f;
            case LEAKY_RELU -> x >= 0 ? x : (float) Activation.LEAKY_ALPHA * x;
            case SOFTPLUS -> x > 30f ? x : (float) Math.log1p(Math.exp(x));
            case LINEAR -> x;
        };
    }
}
