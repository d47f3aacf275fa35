package io.github.hdnnpkit.model.optim;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Synthetic;
import io.github.hdnnpkit.model.backend.AdamSettings;
import io.github.hdnnpkit.model.backend.Engine;
import io.github.hdnnpkit.model.backend.JavaBackend;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class LevenbergMarquardtTest {

    /**
     * On a model linear in its weights (no hidden layer: E_c = Σ_j w_j Σ_a x_aj + n_c b) Levenberg–Marquardt with a
     * shrinking λ converges to the Gauss–Newton step, which is the least-squares solution — here from Commons
     * Math's QR solve of the design matrix built from the descriptors directly.
     */
    @Test
    void onALinearModelItReachesTheLeastSquaresSolution() {
        int[] atoms = Synthetic.atoms(60, 3, 12, 4);
        int f = 5;
        DescriptorMatrix x = Synthetic.random(atoms, f, 7, -1, 1);
        Layout layout = Layout.parse(f + "-1");
        double[][] design = new double[atoms.length][f + 1];
        float[] t = new float[atoms.length];
        SplittableRandom r = new SplittableRandom(2);
        for (int c = 0; c < atoms.length; c++) {
            for (int a = 0; a < atoms[c]; a++)
                for (int j = 0; j < f; j++) design[c][j] += x.get(x.firstAtom(c) + a, j);
            design[c][f] = atoms[c];
            t[c] = (float) (0.4 * design[c][0] - 0.2 * design[c][3] + 0.1 * atoms[c] + r.nextGaussian());
        }
        double[] ls = new QRDecomposition(new Array2DRowRealMatrix(design)).getSolver().solve(new ArrayRealVector(toDouble(t))).toArray();
        try (Engine e = JavaBackend.best().open(layout, new float[layout.parameterCount()], AdamSettings.THESIS, 2);
             DampedGaussNewton lm = new DampedGaussNewton(LevenbergMarquardt.DEFAULTS.withDamping(1.0), new double[layout.parameterCount()], 2)) {
            Engine.Prepared d = e.prepare(x, t);
            double first = lm.step(e, d, t), last = first;
            assertEquals(0.1, lm.damping(), 1e-15, "an accepted first step divides λ by decrease");
            for (int i = 0; i < 8; i++) last = lm.step(e, d, t);
            assertTrue(last < first, last + " vs " + first);
            double[] w = lm.weights();
            // the layout's order: weights then the bias
            for (int j = 0; j < f; j++) assertEquals(ls[j], w[layout.weightOffset(1) + j], 1e-4, "weight " + j);
            assertEquals(ls[f], w[layout.biasOffset(1)], 1e-4, "bias");
            // once converged no float step lowers Σr², and λ grows by one factor per epoch, not maxTries factors
            assertTrue(lm.damping() < 1e3, "λ " + lm.damping());
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
