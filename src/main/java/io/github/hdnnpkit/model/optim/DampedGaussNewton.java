package io.github.hdnnpkit.model.optim;

import io.github.hdnnpkit.model.backend.Engine;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;

/**
 * The running {@link LevenbergMarquardt} optimiser: weights in double precision and the damping λ. Each
 * {@link #step} builds the Gauss–Newton system of the whole training split, {@code JᵀJ} and {@code Jᵀr} with
 * {@code r_c = E_c - t_c} (network units), and tries {@code (JᵀJ + λI) δ = -Jᵀr} until {@code Σ r²} falls.
 */
public final class DampedGaussNewton implements AutoCloseable {
    private final LevenbergMarquardt settings;
    private final int n;
    private final double[] w;
    private double damping;
    private final CovarianceKernels kernels;
    private final RowParallel rows;
    private float[] jacobians;

    public DampedGaussNewton(LevenbergMarquardt settings, double[] weights, int threads) {
        this.settings = settings;
        this.n = weights.length;
        this.w = weights.clone();
        this.damping = settings.damping();
        this.kernels = CovarianceKernels.best();
        this.rows = new RowParallel(threads);
    }

    /**
     * One epoch: the system at the current weights, then up to {@code maxTries} damped steps; the first that lowers
     * the squared error is kept (λ divided by {@code decrease}), each rejected one multiplies λ by {@code increase}.
     * Leaves the engine's parameters at the (new) weights.
     *
     * @param train   the training configurations, prepared by {@code engine}; all of them are used
     * @param targets their targets, network units
     * @return the mean squared error per configuration before the step, network units
     */
    public double step(Engine engine, Engine.Prepared train, float[] targets) {
        int m = train.configurations();
        if (targets.length != m) throw new IllegalArgumentException(targets.length + " targets for " + m + " configurations");
        if (jacobians == null || jacobians.length < (long) m * n) jacobians = new float[Math.multiplyExact(m, n)];
        float[] fw = new float[n];
        toFloat(w, fw);
        engine.setParameters(fw);
        int[] all = new int[m];
        for (int c = 0; c < m; c++) all[c] = c;
        double[] e = engine.energiesAndJacobians(train, all, jacobians);
        double[] g = new double[n];
        double loss = 0;
        for (int c = 0; c < m; c++) {
            double r = e[c] - targets[c];
            loss += r * r;
            int o = c * n;
            for (int j = 0; j < n; j++) g[j] += jacobians[o + j] * r;
        }
        double[] a = normalMatrix(m);
        double[] trial = new double[n];
        double start = damping;
        for (int attempt = 0; attempt < settings.maxTries(); attempt++) {
            double[] delta = solve(a, g, damping);
            if (delta != null) {
                for (int j = 0; j < n; j++) trial[j] = w[j] + delta[j];
                toFloat(trial, fw);
                engine.setParameters(fw);
                double after = sumOfSquares(engine.energies(train), targets);
                if (after < loss) {
                    System.arraycopy(trial, 0, w, 0, n);
                    damping = Math.max(settings.minDamping(), damping / settings.decrease());
                    return loss / m;
                }
            }
            damping *= settings.increase();
        }
        // no step lowered the error (at a minimum within float precision, or far off): stay, and start the next
        // epoch one factor more cautious, not maxTries factors (λ would grow without bound once converged)
        damping = start * settings.increase();
        toFloat(w, fw);
        engine.setParameters(fw);
        return loss / m;
    }

    /** {@code JᵀJ = Σ_c h_c h_cᵀ}, row-major, as rank-1 updates over blocks of rows. */
    private double[] normalMatrix(int m) {
        double[] a = new double[n * n];
        rows.run(n, (from, to) -> {
            double[] h = new double[n];
            for (int c = 0; c < m; c++) {
                int o = c * n;
                for (int j = 0; j < n; j++) h[j] = jacobians[o + j];
                kernels.update(a, n, h, 1.0, 0.0, from, to);
            }
        });
        return a;
    }

    /** δ of {@code (A + λI) δ = -g}, or null when the damped matrix is not numerically positive definite. */
    private double[] solve(double[] a, double[] g, double lambda) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, m[i], 0, n);
            m[i][i] += lambda;
        }
        try {
            RealVector d = new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-12, 1e-14).getSolver()
                    .solve(new ArrayRealVector(g, false).mapMultiply(-1));
            return d.toArray();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return null;
        }
    }

    private static double sumOfSquares(double[] e, float[] t) {
        double s = 0;
        for (int c = 0; c < e.length; c++) {
            double r = e[c] - t[c];
            s += r * r;
        }
        return s;
    }

    private static void toFloat(double[] d, float[] f) {
        for (int j = 0; j < d.length; j++) f[j] = (float) d[j];
    }

    public double damping() { return damping; }

    public double[] weights() { return w.clone(); }

    /** Weights and λ. */
    public SecondOrderState state() { return new SecondOrderState(w, null, new double[]{damping}); }

    public void restore(SecondOrderState s) {
        if (s.weights().length != n || s.scalars().length != 1)
            throw new IllegalArgumentException("Levenberg–Marquardt state for " + s.weights().length + " weights, expected " + n + " and λ");
        System.arraycopy(s.weights(), 0, w, 0, n);
        damping = s.scalars()[0];
    }

    @Override
    public void close() { rows.close(); }
}
