package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Initialisation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Synthetic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The LassoNet hooks of the Java engine: the linear skip term and the step after each Adam update. */
class SkipTermTest {
    private static final int[] ATOMS = {3, 9, 17, 1, 33};

    @Test
    void skipTermAddsThetaTimesTheSummedInputs() {
        Layout layout = Layout.parse("4-5-3-1");
        DescriptorMatrix x = Synthetic.random(ATOMS, 4, 2, -1, 1);
        float[] p = Initialisation.glorotUniform(layout, 5);
        float[] theta = {0.5f, -1.25f, 0f, 2f};
        double[] net = Synthetic.networkEnergies(layout, p, x);
        try (Engine e = JavaBackend.best().open(layout, p, AdamSettings.THESIS, 1)) {
            e.setSkip(theta);
            double[] got = e.energies(e.prepare(x, null));
            for (int c = 0; c < ATOMS.length; c++) {
                double lin = 0;
                for (int r = x.firstAtom(c); r < x.firstAtom(c) + x.atomsIn(c); r++)
                    for (int j = 0; j < 4; j++) lin += theta[j] * x.get(r, j);
                assertEquals(net[c] + lin, got[c], 1e-4 * (1 + Math.abs(net[c] + lin)), "configuration " + c);
            }
        }
    }

    @Test
    void skipGradientMatchesFiniteDifferences() {
        Layout layout = Layout.parse("3-4-1");
        DescriptorMatrix x = Synthetic.random(ATOMS, 3, 7, -1, 1);
        float[] t = {1f, -2f, 0.5f, 0.1f, 3f};
        float[] p = Initialisation.glorotUniform(layout, 9);
        float[] theta = {0.3f, -0.2f, 0.1f};
        int[] all = {0, 1, 2, 3, 4};
        for (Backend b : new Backend[]{JavaBackend.scalar(), JavaBackend.best()})
            try (JavaEngine e = (JavaEngine) b.open(layout, p, AdamSettings.THESIS, 2)) {
                e.setSkip(theta);
                Engine.Prepared d = e.prepare(x, t);
                e.lossAndGradient(d, all, new float[p.length]);
                float[] g = e.skipGradient();
                for (int j = 0; j < 3; j++) {
                    double h = 1e-3;
                    float[] up = theta.clone(), down = theta.clone();
                    up[j] += h;
                    down[j] -= h;
                    double lu = loss(layout, p, x, t, up), ld = loss(layout, p, x, t, down);
                    assertEquals((lu - ld) / (2 * h), g[j], 2e-3 * (1 + Math.abs(g[j])), b.name() + " θ_" + j);
                }
            }
    }

    /** ½ mean (NN + θᵀΣG − t)², evaluated in double precision without the engine. */
    private static double loss(Layout layout, float[] p, DescriptorMatrix x, float[] t, float[] theta) {
        double[] e = Synthetic.networkEnergies(layout, p, x);
        double s = 0;
        for (int c = 0; c < e.length; c++) {
            double lin = 0;
            for (int r = x.firstAtom(c); r < x.firstAtom(c) + x.atomsIn(c); r++)
                for (int j = 0; j < theta.length; j++) lin += theta[j] * x.get(r, j);
            double r = e[c] + lin - t[c];
            s += r * r;
        }
        return s / (2.0 * e.length);
    }

    @Test
    void proximalStepRunsAfterEveryUpdateOnTheLiveParameters() {
        Layout layout = Layout.parse("3-4-1");
        DescriptorMatrix x = Synthetic.random(ATOMS, 3, 7, -1, 1);
        float[] t = {1f, -2f, 0.5f, 0.1f, 3f};
        try (Engine e = JavaBackend.best().open(layout, Initialisation.glorotUniform(layout, 1), AdamSettings.THESIS, 1)) {
            e.setSkip(new float[3]);
            int[] calls = {0};
            // zero input 1's column and skip weight after each step: its weights must stay exactly zero
            e.setProximal((params, skip, lr) -> {
                calls[0]++;
                assertEquals(1e-2, lr, 0);
                for (int o = 0; o < 4; o++) params[layout.weightOffset(1) + o * 3 + 1] = 0f;
                skip[1] = 0f;
            });
            Engine.Prepared d = e.prepare(x, t);
            for (int s = 0; s < 5; s++) e.trainStep(d, new int[]{0, 1, 2, 3, 4}, 1e-2);
            assertEquals(5, calls[0]);
            float[] q = e.parameters();
            for (int o = 0; o < 4; o++) assertEquals(0f, q[layout.weightOffset(1) + o * 3 + 1]);
            assertEquals(0f, e.skip()[1]);
            assertNotEquals(0f, e.skip()[0], "the other skip weights are trained");
        }
    }

    @Test
    void dl4jSaysItHasNoSkipTerm() {
        Engine e = new Engine() {
            public io.github.hdnnpkit.model.Layout layout() { return null; }
            public Prepared prepare(DescriptorMatrix preconditioned, float[] targets) { return null; }
            public double trainStep(Prepared data, int[] configurations, double learningRate) { return 0; }
            public double[] energies(Prepared data) { return null; }
            public float[] parameters() { return null; }
            public void setParameters(float[] parameters) { }
            public OptimizerState optimizerState() { return null; }
            public void setOptimizerState(OptimizerState state) { }
            public String backendName() { return "dl4j-samediff"; }
            public void close() { }
        };
        var ex = assertThrows(UnsupportedOperationException.class, () -> e.setSkip(new float[1]));
        assertTrue(ex.getMessage().contains("dl4j-samediff"));
        assertThrows(UnsupportedOperationException.class, () -> e.setProximal((p, s, lr) -> { }));
    }
}
