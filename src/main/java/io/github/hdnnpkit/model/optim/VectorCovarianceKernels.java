package io.github.hdnnpkit.model.optim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CovarianceKernels} with the JDK Vector API: a row of P in SIMD lanes, fused multiply-adds, one lane-wise
 * accumulator reduced at the end of the row; the tail of a row (n not a multiple of the lane count) in scalar code.
 */
final class VectorCovarianceKernels extends CovarianceKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    String name() { return "vector-" + S.vectorBitSize(); }

    @Override
    void multiply(double[] p, int n, double[] h, double[] y, int from, int to) {
        int full = n - n % L;
        for (int i = from; i < to; i++) {
            int r = i * n;
            DoubleVector acc = DoubleVector.zero(S);
            for (int j = 0; j < full; j += L) acc = DoubleVector.fromArray(S, p, r + j).fma(DoubleVector.fromArray(S, h, j), acc);
            double t = 0;
            for (int j = full; j < n; j++) t = Math.fma(p[r + j], h[j], t);
            y[i] = acc.reduceLanes(VectorOperators.ADD) + t;
        }
    }

    @Override
    void update(double[] p, int n, double[] u, double s, double q, int from, int to) {
        int full = n - n % L;
        for (int i = from; i < to; i++) {
            int r = i * n;
            p[r + i] += q;
            double c = s * u[i];
            DoubleVector cv = DoubleVector.broadcast(S, c);
            for (int j = 0; j < full; j += L)
                DoubleVector.fromArray(S, u, j).fma(cv, DoubleVector.fromArray(S, p, r + j)).intoArray(p, r + j);
            for (int j = full; j < n; j++) p[r + j] = Math.fma(u[j], c, p[r + j]);
        }
    }

    @Override
    void updateThenMultiply(double[] p, int n, double[] u, double s, double q, double[] h, double[] y, int from, int to) {
        int full = n - n % L;
        for (int i = from; i < to; i++) {
            int r = i * n;
            p[r + i] += q;
            double c = s * u[i];
            DoubleVector cv = DoubleVector.broadcast(S, c);
            DoubleVector acc = DoubleVector.zero(S);
            for (int j = 0; j < full; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, u, j).fma(cv, DoubleVector.fromArray(S, p, r + j));
                v.intoArray(p, r + j);
                acc = v.fma(DoubleVector.fromArray(S, h, j), acc);
            }
            double t = 0;
            for (int j = full; j < n; j++) {
                double v = Math.fma(u[j], c, p[r + j]);
                p[r + j] = v;
                t = Math.fma(v, h[j], t);
            }
            y[i] = acc.reduceLanes(VectorOperators.ADD) + t;
        }
    }
}
