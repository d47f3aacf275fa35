package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Activation;

/**
 * The dense-layer loops of the Java back-end, over one configuration at a time.
 *
 * <p>Layout: a configuration's atoms are cut into blocks of {@link #block()} atoms (the last block zero-padded), and
 * each block is stored neuron-major: neuron/feature i of atom a is at {@code base + (a / B) * rows * B + i * B + a % B}
 * with B the block and rows the layer's width. A block of inputs is one contiguous stretch of memory (the forward pass
 * streams it once, instead of hopping between hundreds of rows), and the innermost loops run over the block's atoms —
 * whole SIMD vectors, no scalar remainder. Padded atoms are computed like real ones and masked where they would count:
 * out of the energy ({@link #rowSums}) and out of the deltas ({@link #outputDelta}), so they add exactly nothing to
 * any gradient.
 *
 * <p>Gradients are accumulated per SIMD lane ({@link #lanes()} partial sums per parameter) over a whole batch and
 * folded in a fixed order at the end ({@link #foldLanes}): no per-configuration lane reduction, whose order the
 * Vector API leaves open, and fewer instructions.
 */
abstract class Kernels {

    abstract String name();

    /** Atoms per block of the layout. */
    abstract int block();

    /** Partial sums per parameter in a lane gradient buffer ({@code g[p * lanes() + l]}). */
    abstract int lanes();

    /** The number of blocks of a configuration with n atoms. */
    final int blocks(int n) { return (n + block() - 1) / block(); }

    /** {@code z[o][a] = f(b[o] + Σ_i W[o][i] x[i][a])} for the layer whose weights start at {@code wo}, all blocks. */
    abstract void forward(float[] p, int wo, int bo, int nin, int nout, float[] x, int xo, float[] z, int blocks, Activation f);

    /**
     * {@code g_W[o][i] += Σ_a d[o][a] x[i][a]}, {@code g_b[o] += Σ_a d[o][a]}, into the lane buffer {@code gl}
     * (parameter p's partial sums at {@code p * lanes()}).
     */
    abstract void accumulateGradient(float[] d, int nout, float[] x, int xo, int nin, int blocks, float[] gl, int wo, int bo);

    /** {@code dPrev[i][a] = f'(h[i][a]) Σ_o W[o][i] d[o][a]}, h the previous layer's outputs. */
    abstract void backpropagate(float[] p, int wo, int nin, int nout, float[] d, float[] h, float[] dPrev, int blocks, Activation f);

    /** {@code d[k][a] = g W[k] f'(h[k][a])} for the n real atoms, 0 for padding: the delta below a linear output neuron. */
    abstract void outputDelta(float[] p, int wo, int nk, float g, float[] h, float[] d, int n, Activation f);

    /** {@code s[k] = Σ_a h[k][a]} over the n real atoms of the rows starting at {@code ho}, in a fixed order. */
    abstract void rowSums(float[] h, int ho, int nk, int n, float[] s);

    /** {@code g[p] += Σ_l gl[p * lanes() + l]} for p < count, lanes added in index order; clears {@code gl}. */
    final void foldLanes(float[] gl, float[] g, int count) {
        int l = lanes();
        for (int p = 0, q = 0; p < count; p++) {
            float s = 0;
            for (int j = 0; j < l; j++, q++) {
                s += gl[q];
                gl[q] = 0f;
            }
            g[p] += s;
        }
    }

    /**
     * The fastest kernels this JVM offers: the Vector API at the JVM's preferred width when the incubator module is
     * present (512-bit on AVX-512, 256-bit on AVX2 or under {@code -XX:UseAVX=2}), plain loops otherwise.
     * {@code -Dhdnnp.kernels=scalar} forces plain loops; {@code -Dhdnnp.vector.bits=256} a narrower vector.
     */
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
            case SOFTPLUS -> (float) -StrictMath.expm1(-y);   // StrictMath: the same bits on every JVM and CPU
            case LINEAR -> 1f;
        };
    }

    /*
     * tanh as a rational function on [-c, c] (the [13/6] minimax form Eigen uses for float, taken over from branch
     * fix/deterministic-vector): only multiplications, fused multiply-adds, one division and a clamp, all exactly
     * rounded in IEEE arithmetic, so the scalar and the vector kernels give the same bits on every JVM, whether the
     * JIT compiled the code or not (the Vector API's TANH operator rounds differently in its intrinsic and its Java
     * fallback). Error within a few float ulps (TanhTest); beyond |x| = c tanh is 1 to float precision.
     */
    static final float TANH_CLAMP = 7.90531110763549805f, TANH_TINY = 0.0004f;
    static final float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f,
            A7 = 5.12229709037114e-08f, A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f, A13 = -2.76076847742355e-16f;
    static final float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f, B6 = 1.19825839466702e-06f;

    static float tanh(float v) {
        if (Math.abs(v) < TANH_TINY) return v;
        float x = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, v));
        float x2 = x * x;
        float p = Math.fma(x2, A13, A11);
        p = Math.fma(x2, p, A9);
        p = Math.fma(x2, p, A7);
        p = Math.fma(x2, p, A5);
        p = Math.fma(x2, p, A3);
        p = Math.fma(x2, p, A1);
        p = x * p;
        float q = Math.fma(x2, B6, B4);
        q = Math.fma(x2, q, B2);
        q = Math.fma(x2, q, B0);
        return p / q;
    }

    static float activate(Activation f, float x) {
        return switch (f) {
            case TANH -> tanh(x);
            // σ(x) = (1 + tanh(x/2)) / 2: the same deterministic tanh, and the same formula as the vector kernels
            case SIGMOID -> Math.fma(0.5f, tanh(0.5f * x), 0.5f);
            case RELU -> x > 0 ? x : 0f;
            case LEAKY_RELU -> x >= 0 ? x : (float) Activation.LEAKY_ALPHA * x;
            case SOFTPLUS -> x > 30f ? x : (float) StrictMath.log1p(StrictMath.exp(x));
            case LINEAR -> x;
        };
    }
}
