package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense-layer loops written with the JDK Vector API: atoms in SIMD lanes, four vectors of atoms per register
 * block so each broadcast weight feeds four fused multiply-adds. Remainders (atom counts that are not a multiple of
 * the lane count) fall back to scalar code, so any number of atoms per configuration works without padding.
 */
final class VectorKernels extends Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    String name() { return "vector-" + S.vectorBitSize(); }

    private static FloatVector activate(Activation f, FloatVector x) {
        return switch (f) {
            case TANH -> x.lanewise(VectorOperators.TANH);
            case SIGMOID -> FloatVector.broadcast(S, 1f).div(x.neg().lanewise(VectorOperators.EXP).add(1f));
            case RELU -> x.max(0f);
            case LEAKY_RELU -> x.blend(x.mul((float) Activation.LEAKY_ALPHA), x.compare(VectorOperators.LT, 0f));
            case SOFTPLUS -> x.lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P)
                    .blend(x, x.compare(VectorOperators.GT, 30f));
            case LINEAR -> x;
        };
    }

    private static FloatVector derivative(Activation f, FloatVector y) {
        return switch (f) {
            case TANH -> y.mul(y).neg().add(1f);
            case SIGMOID -> y.mul(y.neg().add(1f));
            case RELU -> FloatVector.zero(S).blend(1f, y.compare(VectorOperators.GT, 0f));
            case LEAKY_RELU -> FloatVector.broadcast(S, (float) Activation.LEAKY_ALPHA).blend(1f, y.compare(VectorOperators.GE, 0f));
            case SOFTPLUS -> y.neg().lanewise(VectorOperators.EXPM1).neg();
            case LINEAR -> FloatVector.broadcast(S, 1f);
        };
    }

    /*
     * Loop orders chosen for the cache: a configuration's input block (inputs × atoms) can exceed L2 for 329 inputs,
     * so both loops over it read each input row once per vector of atoms (forward) or once per block of four rows
     * (gradient), while the small weight and delta arrays stay in L1.
     */
    @Override
    void forward(float[] p, int wo, int bo, int nin, int nout, float[] x, int xo, float[] z, int n, Activation f) {
        int full = n - n % L;
        for (int a = 0; a < full; a += L) {
            int o = 0;
            for (; o + 4 <= nout; o += 4) {
                int w0 = wo + o * nin, w1 = w0 + nin, w2 = w1 + nin, w3 = w2 + nin;
                FloatVector acc0 = FloatVector.broadcast(S, p[bo + o]), acc1 = FloatVector.broadcast(S, p[bo + o + 1]);
                FloatVector acc2 = FloatVector.broadcast(S, p[bo + o + 2]), acc3 = FloatVector.broadcast(S, p[bo + o + 3]);
                for (int i = 0; i < nin; i++) {
                    FloatVector xv = FloatVector.fromArray(S, x, xo + i * n + a);
                    acc0 = xv.fma(FloatVector.broadcast(S, p[w0 + i]), acc0);
                    acc1 = xv.fma(FloatVector.broadcast(S, p[w1 + i]), acc1);
                    acc2 = xv.fma(FloatVector.broadcast(S, p[w2 + i]), acc2);
                    acc3 = xv.fma(FloatVector.broadcast(S, p[w3 + i]), acc3);
                }
                activate(f, acc0).intoArray(z, o * n + a);
                activate(f, acc1).intoArray(z, (o + 1) * n + a);
                activate(f, acc2).intoArray(z, (o + 2) * n + a);
                activate(f, acc3).intoArray(z, (o + 3) * n + a);
            }
            for (; o < nout; o++) {
                int w = wo + o * nin;
                FloatVector acc = FloatVector.broadcast(S, p[bo + o]);
                for (int i = 0; i < nin; i++)
                    acc = FloatVector.fromArray(S, x, xo + i * n + a).fma(FloatVector.broadcast(S, p[w + i]), acc);
                activate(f, acc).intoArray(z, o * n + a);
            }
        }
        for (int a = full; a < n; a++)
            for (int o = 0; o < nout; o++) {
                int w = wo + o * nin;
                float s = p[bo + o];
                for (int i = 0; i < nin; i++) s = Math.fma(x[xo + i * n + a], p[w + i], s);
                z[o * n + a] = Kernels.activate(f, s);
            }
    }

    @Override
    void accumulateGradient(float[] d, int nout, float[] x, int xo, int nin, int n, float[] g, int wo, int bo) {
        int full = n - n % L;
        for (int o = 0; o < nout; o++) {
            int dof = o * n;
            FloatVector sb = FloatVector.zero(S);
            for (int a = 0; a < full; a += L) sb = sb.add(FloatVector.fromArray(S, d, dof + a));
            float tb = sb.reduceLanes(VectorOperators.ADD);
            for (int a = full; a < n; a++) tb += d[dof + a];
            g[bo + o] += tb;
        }
        int i = 0;
        for (; i + 4 <= nin; i += 4) {
            int x0 = xo + i * n, x1 = x0 + n, x2 = x1 + n, x3 = x2 + n;
            for (int o = 0; o < nout; o++) {
                int dof = o * n, w = wo + o * nin + i;
                FloatVector acc0 = FloatVector.zero(S), acc1 = acc0, acc2 = acc0, acc3 = acc0;
                for (int a = 0; a < full; a += L) {
                    FloatVector dv = FloatVector.fromArray(S, d, dof + a);
                    acc0 = FloatVector.fromArray(S, x, x0 + a).fma(dv, acc0);
                    acc1 = FloatVector.fromArray(S, x, x1 + a).fma(dv, acc1);
                    acc2 = FloatVector.fromArray(S, x, x2 + a).fma(dv, acc2);
                    acc3 = FloatVector.fromArray(S, x, x3 + a).fma(dv, acc3);
                }
                float s0 = acc0.reduceLanes(VectorOperators.ADD), s1 = acc1.reduceLanes(VectorOperators.ADD);
                float s2 = acc2.reduceLanes(VectorOperators.ADD), s3 = acc3.reduceLanes(VectorOperators.ADD);
                for (int a = full; a < n; a++) {
                    float dv = d[dof + a];
                    s0 = Math.fma(dv, x[x0 + a], s0);
                    s1 = Math.fma(dv, x[x1 + a], s1);
                    s2 = Math.fma(dv, x[x2 + a], s2);
                    s3 = Math.fma(dv, x[x3 + a], s3);
                }
                g[w] += s0;
                g[w + 1] += s1;
                g[w + 2] += s2;
                g[w + 3] += s3;
            }
        }
        for (; i < nin; i++) {
            int xi = xo + i * n;
            for (int o = 0; o < nout; o++) {
                int dof = o * n;
                FloatVector acc = FloatVector.zero(S);
                for (int a = 0; a < full; a += L)
                    acc = FloatVector.fromArray(S, x, xi + a).fma(FloatVector.fromArray(S, d, dof + a), acc);
                float s = acc.reduceLanes(VectorOperators.ADD);
                for (int a = full; a < n; a++) s = Math.fma(d[dof + a], x[xi + a], s);
                g[wo + o * nin + i] += s;
            }
        }
    }

    @Override
    void backpropagate(float[] p, int wo, int nin, int nout, float[] d, float[] h, float[] dPrev, int n, Activation f) {
        for (int i = 0; i < nin; i++) {
            int po = i * n;
            int a = 0;
            for (; a + 2 * L <= n; a += 2 * L) {
                FloatVector acc0 = FloatVector.zero(S), acc1 = acc0;
                for (int o = 0; o < nout; o++) {
                    FloatVector wv = FloatVector.broadcast(S, p[wo + o * nin + i]);
                    int dof = o * n + a;
                    acc0 = FloatVector.fromArray(S, d, dof).fma(wv, acc0);
                    acc1 = FloatVector.fromArray(S, d, dof + L).fma(wv, acc1);
                }
                acc0.mul(derivative(f, FloatVector.fromArray(S, h, po + a))).intoArray(dPrev, po + a);
                acc1.mul(derivative(f, FloatVector.fromArray(S, h, po + a + L))).intoArray(dPrev, po + a + L);
            }
            for (; a + L <= n; a += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int o = 0; o < nout; o++)
                    acc = FloatVector.fromArray(S, d, o * n + a).fma(FloatVector.broadcast(S, p[wo + o * nin + i]), acc);
                acc.mul(derivative(f, FloatVector.fromArray(S, h, po + a))).intoArray(dPrev, po + a);
            }
            for (; a < n; a++) {
                float s = 0;
                for (int o = 0; o < nout; o++) s = Math.fma(d[o * n + a], p[wo + o * nin + i], s);
                dPrev[po + a] = s * Kernels.derivative(f, h[po + a]);
            }
        }
    }

    @Override
    void outputDelta(float[] p, int wo, int nk, float g, float[] h, float[] d, int n, Activation f) {
        for (int k = 0; k < nk; k++) {
            float c = g * p[wo + k];
            int ko = k * n, a = 0;
            for (; a + L <= n; a += L)
                derivative(f, FloatVector.fromArray(S, h, ko + a)).mul(c).intoArray(d, ko + a);
            for (; a < n; a++) d[ko + a] = c * Kernels.derivative(f, h[ko + a]);
        }
    }

    @Override
    void rowSums(float[] h, int nk, int n, float[] s) {
        int full = n - n % L;
        for (int k = 0; k < nk; k++) {
            int ko = k * n;
            FloatVector acc = FloatVector.zero(S);
            for (int a = 0; a < full; a += L) acc = acc.add(FloatVector.fromArray(S, h, ko + a));
            float t = acc.reduceLanes(VectorOperators.ADD);
            for (int a = full; a < n; a++) t += h[ko + a];
            s[k] = t;
        }
    }

}
