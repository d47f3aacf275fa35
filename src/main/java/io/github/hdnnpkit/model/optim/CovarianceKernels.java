package io.github.hdnnpkit.model.optim;

/**
 * The dense n×n loops of the second-order optimisers, over a range of rows of a row-major symmetric matrix. The
 * Kalman filter's hot loop is {@link #updateThenMultiply}: the previous update's rank-1 correction of P and the
 * product {@code P h} with the next Jacobian in one pass over P, so P is read from memory once per update instead
 * of twice. Every variant performs the same per-element operations in the same order, so a filter that applies a
 * pending correction on its own ({@link #update}) and multiplies later gets bit-identical results.
 */
abstract class CovarianceKernels {

    abstract String name();

    /** {@code y[i] = Σ_j P[i][j] h[j]} for rows {@code from..to-1}. */
    abstract void multiply(double[] p, int n, double[] h, double[] y, int from, int to);

    /** {@code P[i][i] += q; P[i][j] += s·u[i]·u[j]} for rows {@code from..to-1}. */
    abstract void update(double[] p, int n, double[] u, double s, double q, int from, int to);

    /** {@link #update} and then {@code y[i] = Σ_j P[i][j] h[j]} with the updated row, in one pass. */
    abstract void updateThenMultiply(double[] p, int n, double[] u, double s, double q, double[] h, double[] y, int from, int to);

    /** The Vector API when the JVM has {@code jdk.incubator.vector}, plain loops otherwise (or with {@code -Dhdnnp.kernels=scalar}). */
    static CovarianceKernels best() {
        if (System.getProperty("hdnnp.kernels", "").equalsIgnoreCase("scalar")) return new Scalar();
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                // loaded reflectively: referencing it directly would fail to link on a JVM without the module
                return (CovarianceKernels) Class.forName("io.github.hdnnpkit.model.optim.VectorCovarianceKernels").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new Scalar();
            }
        }
        return new Scalar();
    }

    static final class Scalar extends CovarianceKernels {
        @Override
        String name() { return "scalar"; }

        @Override
        void multiply(double[] p, int n, double[] h, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                int r = i * n;
                double s = 0;
                for (int j = 0; j < n; j++) s = Math.fma(p[r + j], h[j], s);
                y[i] = s;
            }
        }

        @Override
        void update(double[] p, int n, double[] u, double s, double q, int from, int to) {
            for (int i = from; i < to; i++) {
                int r = i * n;
                p[r + i] += q;
                double c = s * u[i];
                for (int j = 0; j < n; j++) p[r + j] = Math.fma(u[j], c, p[r + j]);
            }
        }

        @Override
        void updateThenMultiply(double[] p, int n, double[] u, double s, double q, double[] h, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                int r = i * n;
                p[r + i] += q;
                double c = s * u[i], acc = 0;
                for (int j = 0; j < n; j++) {
                    double v = Math.fma(u[j], c, p[r + j]);
                    p[r + j] = v;
                    acc = Math.fma(v, h[j], acc);
                }
                y[i] = acc;
            }
        }
    }
}
