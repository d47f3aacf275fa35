package io.github.hdnnpkit.selection;

import java.util.Arrays;

/**
 * LassoNet's hierarchical proximal operator (Lemhadri, Ruan, Abraham and Tibshirani, "LassoNet: a neural network with
 * feature sparsity", JMLR 22(127), 2021, Algorithm 2) for one feature: its skip weight θ and its first-layer column
 * W (one weight per hidden neuron). It solves
 * <pre>
 *   minimise over (b, U):  ½(b − θ)² + ½‖U − W‖² + λ|b|   subject to  ‖U‖∞ ≤ M |b|
 * </pre>
 * exactly: the feature's network weights can only be as large as M times its linear weight, so a feature whose θ
 * is thresholded to zero leaves the network as well. For M → ∞ it is the soft-thresholding of θ (the plain lasso)
 * with W untouched; M = 0 would cut the network off the inputs entirely, so M must be positive.
 */
public final class HierProx {
    private HierProx() {
    }

    /**
     * Applies the operator in place.
     *
     * @param thetas     skip weights; {@code thetas[thetaIndex]} is this feature's θ
     * @param w         flat parameters holding the column; its entries are {@code w[offset + k * stride]}, k = 0..K-1
     * @param lambda    the threshold (the penalty λ times the step size)
     * @param m         the hierarchy coefficient M &gt; 0
     * @param scratch   work space of at least K entries
     * @return true if the feature is still active (θ ≠ 0) afterwards
     */
    public static boolean apply(float[] thetas, int thetaIndex, float[] w, int offset, int stride, int k, double lambda, double m, double[] scratch) {
        if (!(m > 0)) throw new IllegalArgumentException("the hierarchy coefficient M must be positive, got " + m);
        if (!(lambda >= 0)) throw new IllegalArgumentException("the threshold must be ≥ 0, got " + lambda);
        double theta = thetas[thetaIndex];
        double[] a = scratch;
        for (int i = 0; i < k; i++) a[i] = Math.abs(w[offset + i * stride]);
        Arrays.sort(a, 0, k);   // ascending; the algorithm walks it in descending order
        double wm = 0, cum = 0;
        for (int mm = 0; mm <= k; mm++) {
            if (mm > 0) cum += a[k - mm];                         // Σ of the mm largest |W|
            double x = Math.abs(theta) + m * cum - lambda;
            wm = m / (1 + mm * m * m) * Math.max(x, 0);
            double upper = mm == 0 ? Double.POSITIVE_INFINITY : a[k - mm];      // |W_(mm)|
            double lower = mm == k ? 0 : a[k - mm - 1];                         // |W_(mm+1)|
            // the paper's lemma: exactly one m satisfies this; should rounding miss it, the last w_m (m = K) is used
            if (lower <= wm && wm <= upper) break;
        }
        double newTheta = Math.signum(theta) * wm / m;
        thetas[thetaIndex] = (float) newTheta;
        for (int i = 0; i < k; i++) {
            int p = offset + i * stride;
            double v = w[p];
            w[p] = (float) (Math.signum(v) * Math.min(wm, Math.abs(v)));
        }
        if (thetas[thetaIndex] == 0f) {
            // exact zeros, so the feature is out of the network and not merely small
            for (int i = 0; i < k; i++) w[offset + i * stride] = 0f;
            return false;
        }
        return true;
    }

    /** The operator on one feature given as plain numbers: returns {θ', W'_1 … W'_K}. */
    public static double[] of(double theta, double[] w, double lambda, double m) {
        float[] t = {(float) theta};
        float[] ww = new float[w.length];
        for (int i = 0; i < w.length; i++) ww[i] = (float) w[i];
        apply(t, 0, ww, 0, 1, w.length, lambda, m, new double[w.length]);
        double[] out = new double[w.length + 1];
        out[0] = t[0];
        for (int i = 0; i < w.length; i++) out[i + 1] = ww[i];
        return out;
    }

    /**
     * The group soft-threshold, the proximal operator of {@code λ‖U‖₂}: {@code W ← W · max(0, 1 − λ/‖W‖₂)} on the
     * column {@code w[offset + k * stride]}. Returns true if the column is non-zero afterwards.
     */
    public static boolean groupSoftThreshold(float[] w, int offset, int stride, int k, double lambda) {
        if (!(lambda >= 0)) throw new IllegalArgumentException("the threshold must be ≥ 0, got " + lambda);
        double ss = 0;
        for (int i = 0; i < k; i++) {
            double v = w[offset + i * stride];
            ss += v * v;
        }
        double norm = Math.sqrt(ss);
        double f = norm > lambda ? 1 - lambda / norm : 0;
        for (int i = 0; i < k; i++) w[offset + i * stride] = (float) (w[offset + i * stride] * f);
        return f > 0;
    }
}
