package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Activation;

/** Plain loops (which HotSpot may still auto-vectorise): the fallback when the Vector API is not available. */
final class ScalarKernels extends Kernels {

    @Override
    String name() { return "scalar"; }

    @Override
    void forward(float[] p, int wo, int bo, int nin, int nout, float[] x, int xo, float[] z, int n, Activation f) {
        for (int o = 0; o < nout; o++) {
            int zo = o * n, w = wo + o * nin;
            float b = p[bo + o];
            for (int a = 0; a < n; a++) z[zo + a] = b;
            for (int i = 0; i < nin; i++) {
                float wi = p[w + i];
                int xi = xo + i * n;
                for (int a = 0; a < n; a++) z[zo + a] = Math.fma(wi, x[xi + a], z[zo + a]);
            }
            if (f != Activation.LINEAR) for (int a = 0; a < n; a++) z[zo + a] = activate(f, z[zo + a]);
        }
    }

    @Override
    void accumulateGradient(float[] d, int nout, float[] x, int xo, int nin, int n, float[] g, int wo, int bo) {
        for (int o = 0; o < nout; o++) {
            int dof = o * n, w = wo + o * nin;
            float sb = 0;
            for (int a = 0; a < n; a++) sb += d[dof + a];
            g[bo + o] += sb;
            for (int i = 0; i < nin; i++) {
                int xi = xo + i * n;
                float s = 0;
                for (int a = 0; a < n; a++) s = Math.fma(d[dof + a], x[xi + a], s);
                g[w + i] += s;
            }
        }
    }

    @Override
    void backpropagate(float[] p, int wo, int nin, int nout, float[] d, float[] h, float[] dPrev, int n, Activation f) {
        for (int i = 0; i < nin; i++) {
            int po = i * n;
            for (int a = 0; a < n; a++) dPrev[po + a] = 0f;
            for (int o = 0; o < nout; o++) {
                float w = p[wo + o * nin + i];
                int dof = o * n;
                for (int a = 0; a < n; a++) dPrev[po + a] = Math.fma(w, d[dof + a], dPrev[po + a]);
            }
            for (int a = 0; a < n; a++) dPrev[po + a] *= derivative(f, h[po + a]);
        }
    }

    @Override
    void outputDelta(float[] p, int wo, int nk, float g, float[] h, float[] d, int n, Activation f) {
        for (int k = 0; k < nk; k++) {
            float c = g * p[wo + k];
            int ko = k * n;
            for (int a = 0; a < n; a++) d[ko + a] = c * derivative(f, h[ko + a]);
        }
    }

    @Override
    void rowSums(float[] h, int nk, int n, float[] s) {
        for (int k = 0; k < nk; k++) {
            float t = 0;
            int ko = k * n;
            for (int a = 0; a < n; a++) t += h[ko + a];
            s[k] = t;
        }
    }
}
