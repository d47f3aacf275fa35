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
                for (int a = 0; a < n; a++) z[zo + a] += wi * x[xi + a];   // plain multiply-add: HotSpot vectorises it
            }
            activateRow(f, z, zo, n);
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
                for (int a = 0; a < n; a++) s += d[dof + a] * x[xi + a];
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
                for (int a = 0; a < n; a++) dPrev[po + a] += w * d[dof + a];
            }
            multiplyByDerivative(f, h, po, dPrev, po, 1f, n);
        }
    }

    @Override
    void outputDelta(float[] p, int wo, int nk, float g, float[] h, float[] d, int n, Activation f) {
        for (int k = 0; k < nk; k++) {
            float c = g * p[wo + k];
            int ko = k * n;
            for (int a = 0; a < n; a++) d[ko + a] = c;
            multiplyByDerivative(f, h, ko, d, ko, 1f, n);
        }
    }

    /** The activation of a whole row, one loop per activation so each loop is simple enough to vectorise. */
    private static void activateRow(Activation f, float[] z, int o, int n) {
        switch (f) {
            case TANH -> { for (int a = o; a < o + n; a++) z[a] = (float) Math.tanh(z[a]); }
            case RELU -> { for (int a = o; a < o + n; a++) z[a] = Math.max(z[a], 0f); }
            case LINEAR -> { }
            default -> { for (int a = o; a < o + n; a++) z[a] = activate(f, z[a]); }
        }
    }

    /** {@code out[oo+a] *= f'(h[ho+a])}. */
    private static void multiplyByDerivative(Activation f, float[] h, int ho, float[] out, int oo, float c, int n) {
        switch (f) {
            case TANH -> { for (int a = 0; a < n; a++) { float y = h[ho + a]; out[oo + a] *= 1f - y * y; } }
            case SIGMOID -> { for (int a = 0; a < n; a++) { float y = h[ho + a]; out[oo + a] *= y * (1f - y); } }
            case LINEAR -> { }
            default -> { for (int a = 0; a < n; a++) out[oo + a] *= derivative(f, h[ho + a]); }
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
