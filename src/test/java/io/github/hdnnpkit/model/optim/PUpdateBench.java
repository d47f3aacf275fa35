package io.github.hdnnpkit.model.optim;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The Kalman filter's P update alone, one thread: the kit's Vector-API kernel against the plain loops (the scalar
 * fallback, which the JIT may auto-vectorise) and against the two-pass form (correction, then product), for the
 * 57-10-10-1 (n = 701) and 329-10-10-1 (n = 3421) networks. Medians of timed rounds after warm-up; the kernels
 * alternate so a change of the machine's load hits all alike. Not a unit test:
 * {@code java --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:target/lib/* io.github.hdnnpkit.model.optim.PUpdateBench [ROUNDS]}.
 */
public final class PUpdateBench {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        CovarianceKernels vector = CovarianceKernels.best(), scalar = new CovarianceKernels.Scalar();
        System.out.printf(Locale.ROOT, "| kernel | n = 701 | n = 3421 |%n|---|---|---|%n");
        double[][] results = new double[3][2];
        int[] sizes = {701, 3421};
        for (int k = 0; k < sizes.length; k++) {
            int n = sizes[k];
            double[] p = new double[n * n], u = new double[n], h = new double[n], y = new double[n];
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < n; i++) {
                u[i] = r.nextGaussian() * 1e-3;
                h[i] = r.nextGaussian();
                p[i * n + i] = 100;
            }
            int reps = n < 1000 ? 200 : 8;
            double[][] t = new double[3][rounds];
            for (int round = -5; round < rounds; round++)      // 5 warm-up rounds
                for (int which = 0; which < 3; which++) {
                    long t0 = System.nanoTime();
                    for (int q = 0; q < reps; q++) {
                        switch (which) {
                            case 0 -> vector.updateThenMultiply(p, n, u, -1e-6, 1e-9, h, y, 0, n);
                            case 1 -> scalar.updateThenMultiply(p, n, u, -1e-6, 1e-9, h, y, 0, n);
                            default -> {
                                vector.update(p, n, u, -1e-6, 1e-9, 0, n);
                                vector.multiply(p, n, h, y, 0, n);
                            }
                        }
                    }
                    if (round >= 0) t[which][round] = (System.nanoTime() - t0) / 1e6 / reps;
                }
            for (int which = 0; which < 3; which++) {
                Arrays.sort(t[which]);
                results[which][k] = t[which][rounds / 2];
            }
        }
        String[] names = {vector.name() + ", fused update + multiply", "plain loops (scalar), fused", vector.name() + ", two passes"};
        for (int which = 0; which < 3; which++)
            System.out.printf(Locale.ROOT, "| %s | %.3f ms | %.2f ms |%n", names[which], results[which][0], results[which][1]);
        System.out.printf(Locale.ROOT, "ratio plain/vector: %.2f (701), %.2f (3421); two passes/fused: %.2f, %.2f%n",
                results[1][0] / results[0][0], results[1][1] / results[0][1], results[2][0] / results[0][0], results[2][1] / results[0][1]);
    }
}
