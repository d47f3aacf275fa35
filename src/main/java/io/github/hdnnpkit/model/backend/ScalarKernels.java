package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Activation;

/**
 * Plain loops over the same blocked layout (which HotSpot may still auto-vectorise over a block's atoms): the
 * fallback when the Vector API is not available, and the reference the vector kernels are tested against.
 */
final class ScalarKernels extends Kernels {
    private static final int B = 16;

    @Override
    String name() { return "scalar"; }

    @Override
    int block() { return B; }

    @Override
    int lanes() { return 1; }

    @Override
    void forward(float[] p, int wo, int bo, int nin, int nout, float[] x, int xo, float[] z, int blocks, Activation f) {
        for (int b = 0; b < blocks; b++) {
            int xb = xo + b * nin * B;
            for (int o = 0; o < nout; o++) {
                int zo = (b * nout + o) * B, w = wo + o * nin;
                float c = p[bo + o];
                for (int a = 0; a < B; a++) z[zo + a] = c;
                for (int i = 0; i < nin; i++) {
                    float wi = p[w + i];
                    int xi = xb + i * B;
                    for (int a = 0; a < B; a++) z[zo + a] += wi * x[xi + a];   // plain multiply-add: HotSpot vectorises it
                }
                for (int a = zo; a < zo + B; a++) z[a] = activate(f, z[a]);
            }
        }
    }

    @Override
    void accumulateGradient(float[] d, int nout, float[] x, int xo, int nin, int blocks, float[] g, int wo, int bo) {
        for (int o = 0; o < nout; o++) {
            int w = wo + o * nin;
            float sb = 0;
            for (int b = 0; b < blocks; b++)
                for (int a = 0, dof = (b * nout + o) * B; a < B; a++) sb += d[dof + a];
            g[bo + o] += sb;
            for (int i = 0; i < nin; i++) {
                float s = 0;
                for (int b = 0; b < blocks; b++) {
                    int dof = (b * nout + o) * B, xi = xo + (b * nin + i) * B;
                    for (int a = 0; a < B; a++) s += d[dof + a] * x[xi + a];
                }
                g[w + i] += s;
            }
        }
    }

    @Override
    void backpropagate(float[] p, int wo, int nin, int nout, float[] d, float[] h, float[] dPrev, int blocks, Activation f) {
        for (int b = 0; b < blocks; b++)
            for (int i = 0; i < nin; i++) {
                int po = (b * nin + i) * B;
                for (int a = 0; a < B; a++) dPrev[po + a] = 0f;
                for (int o = 0; o < nout; o++) {
                    float w = p[wo + o * nin + i];
                    int dof = (b * nout + o) * B;
                    for (int a = 0; a < B; a++) dPrev[po + a] += w * d[dof + a];
                }
                for (int a = po; a < po + B; a++) dPrev[a] *= derivative(f, h[a]);
            }
    }

    @Override
    void outputDelta(float[] p, int wo, int nk, float g, float[] h, float[] d, int n, Activation f) {
        int blocks = blocks(n);
        for (int b = 0; b < blocks; b++) {
            int real = Math.min(B, n - b * B);
            for (int k = 0; k < nk; k++) {
                float c = g * p[wo + k];
                int ko = (b * nk + k) * B;
                for (int a = 0; a < B; a++) d[ko + a] = a < real ? c * derivative(f, h[ko + a]) : 0f;
            }
        }
    }

    @Override
    void rowSums(float[] h, int ho, int nk, int n, float[] s) {
        int blocks = blocks(n);
        for (int k = 0; k < nk; k++) {
            float t = 0;
            for (int b = 0; b < blocks; b++) {
                int real = Math.min(B, n - b * B), ko = ho + (b * nk + k) * B;
                for (int a = 0; a < real; a++) t += h[ko + a];
            }
            s[k] = t;
        }
    }
}
