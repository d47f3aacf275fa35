package io.github.hdnnpkit.model.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class KalmanFilterTest {

    /**
     * Without process noise and with a fixed η the filter is recursive least squares, whose result after all
     * observations is the closed-form regularised least-squares solution
     * {@code θ = (εI + η HᵀH)⁻¹ (ε θ0 + η Hᵀt)} (P0 = I/ε, measurement noise 1/η), whatever the order.
     */
    @Test
    void withoutProcessNoiseTheFilterIsRecursiveLeastSquares() {
        int n = 7, m = 40;
        SplittableRandom r = new SplittableRandom(3);
        double[][] h = new double[m][n];
        double[] t = new double[m], w0 = new double[n];
        for (int j = 0; j < n; j++) w0[j] = r.nextDouble() - 0.5;
        for (int c = 0; c < m; c++) {
            for (int j = 0; j < n; j++) h[c][j] = (float) (2 * r.nextDouble() - 1);   // exactly what the filter sees
            t[c] = 3 * r.nextDouble() - 1;
        }
        double eps = 0.05, eta = 0.3;
        KalmanFilter rls = new KalmanFilter(eps, 0, 0, 0, eta, 0, eta);
        for (int threads : new int[]{1, 2}) {
            try (ExtendedKalmanFilter f = new ExtendedKalmanFilter(rls, w0, m, threads)) {
                float[] jac = new float[n];
                for (int c = 0; c < m; c++) {
                    // a linear model: E = hᵀθ, so the Jacobian is h and the error t - hᵀθ
                    double e = 0;
                    double[] w = f.weights();
                    for (int j = 0; j < n; j++) {
                        jac[j] = (float) h[c][j];
                        e += h[c][j] * w[j];
                    }
                    f.update(jac, t[c] - e);
                }
                RealMatrix hm = new Array2DRowRealMatrix(h);
                RealMatrix a = hm.transpose().multiply(hm).scalarMultiply(eta);
                for (int j = 0; j < n; j++) a.addToEntry(j, j, eps);
                RealVector b = hm.transpose().operate(new ArrayRealVector(t)).mapMultiply(eta).add(new ArrayRealVector(w0).mapMultiply(eps));
                double[] expected = new LUDecomposition(a).getSolver().solve(b).toArray();
                assertArrayEquals(expected, f.weights(), 1e-9, threads + " threads");
                // and P is the posterior covariance (εI + η HᵀH)⁻¹
                double[] p = f.covariance();
                RealMatrix pinv = new LUDecomposition(a).getSolver().getInverse();
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) assertEquals(pinv.getEntry(i, j), p[i * n + j], 1e-10);
                assertEquals(eta, f.eta());
            }
        }
    }

    @Test
    void qAndEtaFollowN2p2sSchedulesPerEpoch() {
        int perEpoch = 50;
        try (ExtendedKalmanFilter f = new ExtendedKalmanFilter(KalmanFilter.N2P2, new double[3], perEpoch, 1)) {
            float[] h = {1, 0.5f, -0.25f};
            for (int i = 0; i < perEpoch; i++) f.update(h, 0.1);
            // kalman_qtau 2.302 and kalman_etatau 2.302 are e-folds per epoch: q ÷10 and η ×10 after one epoch
            assertEquals(0.01 * Math.exp(-2.302), f.q(), 1e-12);
            assertEquals(0.01 * Math.exp(2.302), f.eta(), 1e-12);
            for (int i = 0; i < 3 * perEpoch; i++) f.update(h, 0.1);
            assertTrue(f.eta() >= 1.0 && f.eta() < 1.0 * Math.exp(2.302 / perEpoch) + 1e-12, "η stops growing once it reaches eta_max: " + f.eta());
            for (int i = 0; i < 10 * perEpoch; i++) f.update(h, 0.0);
            assertTrue(f.q() <= 1e-6 && f.q() > 1e-6 * Math.exp(-2.302 / perEpoch) - 1e-18, "q stops decaying at q_min: " + f.q());
            assertEquals(14 * perEpoch, f.updates());
        }
    }

    @Test
    void stateRestoresExactlyAndAPendingCorrectionChangesNothing() {
        int n = 9;
        SplittableRandom r = new SplittableRandom(5);
        float[][] h = new float[30][n];
        for (float[] row : h) for (int j = 0; j < n; j++) row[j] = (float) r.nextGaussian();
        try (ExtendedKalmanFilter a = new ExtendedKalmanFilter(KalmanFilter.N2P2, new double[n], 30, 2);
             ExtendedKalmanFilter b = new ExtendedKalmanFilter(KalmanFilter.N2P2, new double[n], 30, 1)) {
            for (int c = 0; c < 15; c++) { a.update(h[c], 0.1 * c); b.update(h[c], 0.1 * c); }
            SecondOrderState s = b.state();                        // applies b's pending correction
            try (ExtendedKalmanFilter resumed = new ExtendedKalmanFilter(KalmanFilter.N2P2, new double[n], 30, 1)) {
                resumed.restore(s);
                for (int c = 15; c < 30; c++) { a.update(h[c], 0.1 * c); resumed.update(h[c], 0.1 * c); }
                assertArrayEquals(a.weights(), resumed.weights(), 0.0, "bit for bit");
                assertArrayEquals(a.covariance(), resumed.covariance(), 0.0);
            }
        }
    }

    @Test
    void scalarAndVectorKernelsAgree() {
        int n = 37;
        SplittableRandom r = new SplittableRandom(9);
        double[] p = new double[n * n], u = new double[n], h = new double[n];
        for (int i = 0; i < p.length; i++) p[i] = r.nextDouble();
        for (int i = 0; i < n; i++) { u[i] = r.nextGaussian(); h[i] = r.nextGaussian(); }
        CovarianceKernels best = CovarianceKernels.best(), scalar = new CovarianceKernels.Scalar();
        double[] p1 = p.clone(), p2 = p.clone(), y1 = new double[n], y2 = new double[n];
        best.updateThenMultiply(p1, n, u, -0.3, 0.01, h, y1, 0, n);
        scalar.updateThenMultiply(p2, n, u, -0.3, 0.01, h, y2, 0, n);
        assertArrayEquals(p2, p1, 0.0, "element updates are the same fused multiply-adds");
        assertArrayEquals(y2, y1, 1e-12);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += (p[i * n + j] + (i == j ? 0.01 : 0) - 0.3 * u[i] * u[j]) * h[j];
            assertEquals(s, y1[i], 1e-12);
        }
    }
}
