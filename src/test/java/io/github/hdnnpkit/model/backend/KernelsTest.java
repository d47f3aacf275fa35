package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Activation;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each kernel of both implementations against the definitions written out in double precision on plain
 * {@code [row][atom]} matrices, for widths that leave partial register tiles (1–12 neurons, odd input counts) and atom
 * counts that leave a partly padded last block. Tolerance: float rounding of sums of ≤ 60 terms of size ≤ ~1,
 * 2e-5 relative to the sum of absolute terms.
 */
class KernelsTest {
    private static final int[] WIDTHS = {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12};
    private static final int[] INPUTS = {1, 2, 3, 7, 10, 57};
    private static final int[] ATOMS = {1, 5, 31, 32, 33, 64, 100};

    private static Kernels[] kernels() { return new Kernels[]{Kernels.best(), new ScalarKernels()}; }

    /** {@code m[r][a]} in kernel k's blocked layout (zero padding), starting at {@code off}. */
    private static float[] blocked(Kernels k, double[][] m, int n, int off) {
        int rows = m.length, bw = k.block();
        float[] out = new float[off + k.blocks(n) * bw * rows];
        for (int r = 0; r < rows; r++)
            for (int a = 0; a < n; a++) out[off + (a / bw) * rows * bw + r * bw + a % bw] = (float) m[r][a];
        return out;
    }

    private static float at(Kernels k, float[] v, int off, int rows, int r, int a) {
        int bw = k.block();
        return v[off + (a / bw) * rows * bw + r * bw + a % bw];
    }

    private static double[][] random(SplittableRandom g, int rows, int n, double scale) {
        double[][] m = new double[rows][n];
        for (double[] row : m) for (int a = 0; a < n; a++) row[a] = (float) ((2 * g.nextDouble() - 1) * scale);
        return m;
    }

    private static float[] params(SplittableRandom g, int count) {
        float[] p = new float[count];
        for (int i = 0; i < count; i++) p[i] = (float) (2 * g.nextDouble() - 1);
        return p;
    }

    @Test
    void forwardIsTheActivatedAffineMap() {
        SplittableRandom g = new SplittableRandom(1);
        for (Kernels k : kernels())
            for (Activation f : new Activation[]{Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LINEAR, Activation.SOFTPLUS})
                for (int nin : INPUTS)
                    for (int nout : WIDTHS)
                        for (int n : ATOMS) {
                            int wo = 3, bo = wo + nout * nin;                  // weights not at 0, as in a real layout
                            float[] p = params(g, bo + nout + 2);
                            double[][] x = random(g, nin, n, 1);
                            int xo = 7 * k.block();
                            float[] z = new float[k.blocks(n) * k.block() * nout];
                            k.forward(p, wo, bo, nin, nout, blocked(k, x, n, xo), xo, z, k.blocks(n), f);
                            for (int o = 0; o < nout; o++)
                                for (int a = 0; a < n; a++) {
                                    double s = p[bo + o], abs = Math.abs(s);
                                    for (int i = 0; i < nin; i++) {
                                        s += (double) p[wo + o * nin + i] * x[i][a];
                                        abs += Math.abs(p[wo + o * nin + i] * x[i][a]);
                                    }
                                    assertEquals(f.apply(s), at(k, z, 0, nout, o, a), 2e-5 * (1 + abs),
                                            k.name() + " " + f + " " + nin + "→" + nout + ", " + n + " atoms, z[" + o + "][" + a + "]");
                                }
                        }
    }

    @Test
    void gradientIsTheSumOverAtomsOfDeltaTimesInput() {
        SplittableRandom g = new SplittableRandom(2);
        for (Kernels k : kernels())
            for (int nin : INPUTS)
                for (int nout : WIDTHS)
                    for (int n : ATOMS) {
                        double[][] d = random(g, nout, n, 1), x = random(g, nin, n, 1);
                        int wo = 2, bo = wo + nout * nin, count = bo + nout, xo = 3 * k.block();
                        float[] gl = new float[count * k.lanes()];
                        float[] got = params(g, count), before = got.clone();      // the fold adds to what is there
                        k.accumulateGradient(blocked(k, d, n, 0), nout, blocked(k, x, n, xo), xo, nin, k.blocks(n), gl, wo, bo);
                        k.foldLanes(gl, got, count);
                        for (float v : gl) assertEquals(0f, v, "the fold clears the lane buffer");
                        for (int o = 0; o < nout; o++) {
                            double sb = 0, ab = 0;
                            for (int a = 0; a < n; a++) { sb += d[o][a]; ab += Math.abs(d[o][a]); }
                            assertEquals(before[bo + o] + sb, got[bo + o], 2e-5 * (1 + ab), k.name() + " bias " + o);
                            for (int i = 0; i < nin; i++) {
                                double s = 0, abs = 0;
                                for (int a = 0; a < n; a++) { s += d[o][a] * x[i][a]; abs += Math.abs(d[o][a] * x[i][a]); }
                                assertEquals(before[wo + o * nin + i] + s, got[wo + o * nin + i], 2e-5 * (1 + abs),
                                        k.name() + " " + nin + "→" + nout + ", " + n + " atoms, weight (" + o + ", " + i + ")");
                            }
                        }
                        assertEquals(before[0], got[0], 0f, "parameters outside the layer are untouched");
                        assertEquals(before[1], got[1], 0f);
                    }
    }

    @Test
    void backpropagationIsTheTransposedProductTimesTheDerivative() {
        SplittableRandom g = new SplittableRandom(3);
        for (Kernels k : kernels())
            for (int nin : WIDTHS)
                for (int nout : WIDTHS)
                    for (int n : ATOMS) {
                        int wo = 5;
                        float[] p = params(g, wo + nin * nout);
                        double[][] d = random(g, nout, n, 1), h = random(g, nin, n, 0.99);
                        float[] dPrev = new float[k.blocks(n) * k.block() * nin];
                        k.backpropagate(p, wo, nin, nout, blocked(k, d, n, 0), blocked(k, h, n, 0), dPrev, k.blocks(n), Activation.TANH);
                        for (int i = 0; i < nin; i++)
                            for (int a = 0; a < n; a++) {
                                double s = 0, abs = 0;
                                for (int o = 0; o < nout; o++) {
                                    s += p[wo + o * nin + i] * d[o][a];
                                    abs += Math.abs(p[wo + o * nin + i] * d[o][a]);
                                }
                                assertEquals(s * (1 - h[i][a] * h[i][a]), at(k, dPrev, 0, nin, i, a), 2e-5 * (1 + abs),
                                        k.name() + " " + nout + "→" + nin + ", " + n + " atoms, δ[" + i + "][" + a + "]");
                            }
                    }
    }

    @Test
    void outputDeltaAndRowSumsLeaveThePaddingOut() {
        SplittableRandom g = new SplittableRandom(4);
        for (Kernels k : kernels())
            for (int nk : WIDTHS)
                for (int n : ATOMS) {
                    double[][] h = random(g, nk, n, 0.99);
                    int ho = 2 * k.block();
                    float[] hb = blocked(k, h, n, ho);
                    // garbage in the padding: it must be masked, not merely zero
                    int bw = k.block(), padded = k.blocks(n) * bw;
                    for (int r = 0; r < nk; r++) for (int a = n; a < padded; a++) hb[ho + (a / bw) * nk * bw + r * bw + a % bw] = 0.5f;
                    float[] s = new float[nk];
                    k.rowSums(hb, ho, nk, n, s);
                    float[] p = params(g, 4 + nk), d = new float[padded * nk];
                    java.util.Arrays.fill(d, Float.NaN);
                    float[] hz = java.util.Arrays.copyOfRange(hb, ho, hb.length);
                    k.outputDelta(p, 4, nk, 0.75f, hz, d, n, Activation.TANH);
                    for (int r = 0; r < nk; r++) {
                        double t = 0;
                        for (int a = 0; a < n; a++) t += h[r][a];
                        assertEquals(t, s[r], 2e-5 * (1 + n), k.name() + " row sum " + r + ", " + n + " atoms");
                        for (int a = 0; a < padded; a++) {
                            double want = a < n ? 0.75 * p[4 + r] * (1 - h[r][a] * h[r][a]) : 0;
                            assertEquals(want, at(k, d, 0, nk, r, a), 2e-6, k.name() + " δ[" + r + "][" + a + "], " + n + " atoms");
                        }
                    }
                }
    }

    @Test
    void aZeroAtomConfigurationSumsToZero() {
        for (Kernels k : kernels()) {
            float[] s = {7f, 7f};
            k.rowSums(new float[0], 0, 2, 0, s);
            assertArrayEquals(new float[]{0f, 0f}, s, k.name());
        }
    }
}
