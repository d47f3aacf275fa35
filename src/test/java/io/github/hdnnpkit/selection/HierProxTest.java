package io.github.hdnnpkit.selection;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class HierProxTest {
    /** θ = 1, W = 3, M = 1, λ = 0.5: the constraint is active, t = θ' = W' minimises ½(t−1)² + ½(t−3)² + t/2, t = 1.75. */
    @Test
    void oneFeatureWithActiveConstraint() {
        double[] r = HierProx.of(1, new double[]{3}, 0.5, 1);
        assertEquals(1.75, r[0], 1e-6);
        assertEquals(1.75, r[1], 1e-6);
    }

    /** θ = 0.2, W = 0.1, M = 10, λ = 0.5: W' = 10 θ', (θ'−0.2) + 10(10θ'−0.1) + 0.5 = 0, θ' = 0.7/101. */
    @Test
    void oneFeatureWhereTheNetworkKeepsASmallThetaAlive() {
        double[] r = HierProx.of(0.2, new double[]{0.1}, 0.5, 10);
        assertEquals(0.7 / 101, r[0], 1e-7);
        assertEquals(7.0 / 101, r[1], 1e-6);
    }

    /** Negative signs are kept: θ = −1, W = −3 mirrors the first case. */
    @Test
    void signsArePreserved() {
        double[] r = HierProx.of(-1, new double[]{-3}, 0.5, 1);
        assertEquals(-1.75, r[0], 1e-6);
        assertEquals(-1.75, r[1], 1e-6);
    }

    /** M → ∞: the soft-thresholding of θ, W unchanged. */
    @Test
    void largeMIsSoftThresholdingOfTheta() {
        double[] w = {0.3, -0.7, 0.05};
        double[] r = HierProx.of(0.9, w, 0.25, 1e6);
        assertEquals(0.65, r[0], 1e-5);
        for (int i = 0; i < w.length; i++) assertEquals(w[i], r[i + 1], 1e-6);
        double[] z = HierProx.of(-0.2, w, 0.25, 1e6);
        assertEquals(0, z[0], 1e-6, "|θ| ≤ λ is thresholded to zero");
    }

    /** θ = 0.1, W = (0.01, −0.02), M = 1, λ = 0.5: θ is zeroed and the whole column with it. */
    @Test
    void aFeatureWhoseThetaIsZeroedLeavesTheNetwork() {
        double[] r = HierProx.of(0.1, new double[]{0.01, -0.02}, 0.5, 1);
        assertEquals(0.0, r[0]);
        assertEquals(0.0, r[1]);
        assertEquals(0.0, r[2]);
        float[] theta = {0.1f};
        float[] w = {0.4f, 9f, -0.3f, 9f};          // the column is w[0], w[2]; w[1], w[3] belong to another input
        assertFalse(HierProx.apply(theta, 0, w, 0, 2, 2, 5, 1, new double[2]));
        assertArrayEquals(new float[]{0f, 9f, 0f, 9f}, w);
    }

    /**
     * Random columns against a direct minimisation of the prox objective: for a given b ≥ 0 (sign of θ) the best U is
     * W clipped to ±M b, so the objective is a convex function of b alone, minimised here by golden-section search.
     */
    @Test
    void agreesWithADirectMinimisationOfTheObjective() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + rng.nextInt(6);
            double theta = rng.nextDouble() * 4 - 2, lambda = rng.nextDouble() * 1.5, m = Math.exp(rng.nextDouble() * 4 - 2);
            double[] w = new double[k];
            for (int i = 0; i < k; i++) w[i] = rng.nextDouble() * 4 - 2;
            double[] r = HierProx.of(theta, w, lambda, m);
            double lo = 0, hi = Math.abs(theta) + m * 10;
            for (int it = 0; it < 200; it++) {
                double a = lo + (hi - lo) * 0.381966, b = hi - (hi - lo) * 0.381966;
                if (objective(a, theta, w, lambda, m) < objective(b, theta, w, lambda, m)) hi = b; else lo = a;
            }
            double best = (lo + hi) / 2;
            double fr = objectiveOf(r, theta, w, lambda, m);
            assertEquals(objective(best, theta, w, lambda, m), fr, 1e-5, "trial " + trial);
            assertEquals(Math.signum(theta) * best, r[0], 1e-3, "trial " + trial);
            for (int i = 0; i < k; i++) assertTrue(Math.abs(r[i + 1]) <= m * Math.abs(r[0]) + 1e-6, "hierarchy ‖W‖∞ ≤ M|θ|, trial " + trial);
        }
    }

    private static double objective(double b, double theta, double[] w, double lambda, double m) {
        double bt = Math.signum(theta) * b, s = 0.5 * (bt - theta) * (bt - theta) + lambda * b;
        for (double wi : w) {
            double u = Math.signum(wi) * Math.min(Math.abs(wi), m * b);
            s += 0.5 * (u - wi) * (u - wi);
        }
        return s;
    }

    private static double objectiveOf(double[] r, double theta, double[] w, double lambda, double m) {
        double s = 0.5 * (r[0] - theta) * (r[0] - theta) + lambda * Math.abs(r[0]);
        for (int i = 0; i < w.length; i++) s += 0.5 * (r[i + 1] - w[i]) * (r[i + 1] - w[i]);
        return s;
    }

    /** ‖(3, 4)‖ = 5: threshold 1 scales by 4/5; threshold 5 or more zeroes the column. */
    @Test
    void groupSoftThresholdByHand() {
        float[] w = {3f, 4f};
        assertTrue(HierProx.groupSoftThreshold(w, 0, 1, 2, 1));
        assertArrayEquals(new float[]{2.4f, 3.2f}, w, 1e-6f);
        float[] z = {3f, 4f};
        assertFalse(HierProx.groupSoftThreshold(z, 0, 1, 2, 5));
        assertArrayEquals(new float[]{0f, 0f}, z);
    }

    @Test
    void rejectsANonPositiveM() {
        assertThrows(IllegalArgumentException.class, () -> HierProx.of(1, new double[]{1}, 0.1, 0));
    }
}
