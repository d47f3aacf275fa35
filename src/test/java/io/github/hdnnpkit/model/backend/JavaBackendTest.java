package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Initialisation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Synthetic;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class JavaBackendTest {
    // atom counts that are not multiples of any SIMD width exercise the remainder loops
    private static final int[] ATOMS = {1, 7, 17, 33, 64, 70, 5};

    private static float[] targets(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] t = new float[n];
        for (int i = 0; i < n; i++) t[i] = (float) (r.nextDouble() * 4 - 2);
        return t;
    }

    /** Loss 1/(2B) Σ (E_c - t_c)² with an independent double-precision network. */
    private static double loss(Layout layout, float[] p, DescriptorMatrix x, float[] t) {
        double[] e = Synthetic.networkEnergies(layout, p, x);
        double s = 0;
        for (int c = 0; c < e.length; c++) s += (e[c] - t[c]) * (e[c] - t[c]);
        return s / (2.0 * e.length);
    }

    @Test
    void energiesMatchAnIndependentEvaluation() {
        Layout layout = Layout.parse("6-5-4-1");
        DescriptorMatrix x = Synthetic.random(ATOMS, 6, 1, -1, 1);
        float[] p = Initialisation.glorotUniform(layout, 3);
        double[] ref = Synthetic.networkEnergies(layout, p, x);
        for (Backend b : new Backend[]{JavaBackend.best(), JavaBackend.scalar()})
            try (Engine e = b.open(layout, p, AdamSettings.THESIS, 1)) {
                double[] got = e.energies(e.prepare(x, null));
                for (int c = 0; c < ref.length; c++) assertEquals(ref[c], got[c], 1e-5 * (1 + Math.abs(ref[c])), b.name() + " configuration " + c);
            }
    }

    @Test
    void gradientMatchesFiniteDifferencesForEveryActivation() {
        for (Activation a : Activation.values()) {
            if (a == Activation.LINEAR) continue;
            Layout layout = Layout.parse("5-6-4-1", a);
            DescriptorMatrix x = Synthetic.random(ATOMS, 5, 11, -1, 1);
            float[] t = targets(ATOMS.length, 5);
            float[] p = Initialisation.glorotUniform(layout, 17);
            for (int i = 0; i < p.length; i++) if (p[i] == 0) p[i] = 0.05f * (1 + i % 3);   // non-zero biases keep ReLU kinks off the evaluation point
            for (Backend b : new Backend[]{JavaBackend.scalar(), JavaBackend.best()}) {
                try (JavaEngine e = (JavaEngine) b.open(layout, p, AdamSettings.THESIS, 1)) {
                    Engine.Prepared d = e.prepare(x, t);
                    int[] all = new int[ATOMS.length];
                    for (int c = 0; c < all.length; c++) all[c] = c;
                    float[] g = new float[p.length];
                    double l = e.lossAndGradient(d, all, g);
                    assertEquals(loss(layout, p, x, t), l, 1e-4 * (1 + l), "loss " + a);
                    double maxG = 0;
                    for (float gi : g) maxG = Math.max(maxG, Math.abs(gi));
                    for (int i = 0; i < p.length; i++) {
                        // finite differences of the double-precision loss; small steps keep ReLU kinks out of the stencil
                        double h = a == Activation.RELU || a == Activation.LEAKY_RELU ? 2e-6 : 1e-4;
                        float[] pp = p.clone(), pm = p.clone();
                        pp[i] = (float) (p[i] + h);
                        pm[i] = (float) (p[i] - h);
                        double fd = (loss(layout, pp, x, t) - loss(layout, pm, x, t)) / ((double) pp[i] - pm[i]);
                        assertEquals(fd, g[i], 2e-3 * maxG, b.name() + " " + a + " parameter " + i);
                    }
                }
            }
        }
    }

    @Test
    void vectorScalarAndThreadedKernelsAgree() {
        Layout layout = Layout.parse("9-7-5-1");
        int[] atoms = Synthetic.atoms(40, 1, 90, 2);
        DescriptorMatrix x = Synthetic.random(atoms, 9, 4, -1, 1);
        float[] t = targets(atoms.length, 8);
        float[] p = Initialisation.glorotUniform(layout, 1);
        int[] batch = new int[atoms.length];
        for (int i = 0; i < batch.length; i++) batch[i] = (i * 7) % batch.length;
        float[][] finals = new float[3][];
        Engine[] engines = {JavaBackend.best().open(layout, p, AdamSettings.THESIS, 1), JavaBackend.scalar().open(layout, p, AdamSettings.THESIS, 1),
                JavaBackend.best().open(layout, p, AdamSettings.THESIS, 2)};
        for (int k = 0; k < 3; k++)
            try (Engine e = engines[k]) {
                Engine.Prepared d = e.prepare(x, t);
                for (int s = 0; s < 20; s++) e.trainStep(d, batch, 1e-3);
                finals[k] = e.parameters();
            }
        for (int k = 1; k < 3; k++)
            for (int i = 0; i < p.length; i++) assertEquals(finals[0][i], finals[k][i], 1e-5 * (1 + Math.abs(finals[0][i])), "engine " + k + " parameter " + i);
    }

    @Test
    void permutingAtomsDoesNotChangeTheEnergy() {
        Layout layout = Layout.parse("4-8-1");
        int[] atoms = {37};
        DescriptorMatrix x = Synthetic.random(atoms, 4, 6, -1, 1);
        float[] v = x.rawValues().clone();
        // reverse the atom order
        float[] r = new float[v.length];
        for (int a = 0; a < 37; a++) System.arraycopy(v, a * 4, r, (36 - a) * 4, 4);
        DescriptorMatrix y = new DescriptorMatrix(r, x.atomOffsets(), x.featureIds());
        float[] p = Initialisation.glorotUniform(layout, 9);
        try (Engine e = JavaBackend.best().open(layout, p, AdamSettings.THESIS, 1)) {
            double a = e.energies(e.prepare(x, null))[0], b = e.energies(e.prepare(y, null))[0];
            assertEquals(a, b, 1e-5 * Math.abs(a));
        }
    }

    @Test
    void adamStepMatchesTheDocumentedUpdate() {
        Layout layout = Layout.parse("2-1");
        DescriptorMatrix x = new DescriptorMatrix(new float[]{1f, 2f}, new int[]{0, 1}, java.util.List.of("a", "b"));
        float[] p = {0.5f, -0.25f, 0.1f};
        try (Engine e = JavaBackend.best().open(layout, p, AdamSettings.THESIS, 1)) {
            Engine.Prepared d = e.prepare(x, new float[]{3f});
            e.trainStep(d, new int[]{0}, 0.01);
            // E = 0.5 - 0.5 + 0.1 = 0.1, r = -2.9, g = r · (1, 2, 1); first Adam step moves each weight by -lr·sign(g)·(1-ε-ish)
            float[] q = e.parameters();
            double[] g = {-2.9, -5.8, -2.9};
            for (int i = 0; i < 3; i++) {
                double m = 0.1 * g[i], v = 0.001 * g[i] * g[i];
                double alpha = 0.01 * Math.sqrt(1 - 0.999) / (1 - 0.9);
                assertEquals(p[i] - alpha * m / (Math.sqrt(v) + 1e-8), q[i], 1e-6);
            }
        }
    }
}
