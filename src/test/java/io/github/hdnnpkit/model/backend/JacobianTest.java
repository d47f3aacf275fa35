package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Initialisation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Synthetic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class JacobianTest {
    private static final int[] ATOMS = {3, 9, 17, 1};

    /** dE_c/dθ by central differences of an independent double-precision network, steps exact in float. */
    private static double[] finiteDifferences(Layout layout, float[] p, DescriptorMatrix x, int c) {
        double[] g = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            float[] plus = p.clone(), minus = p.clone();
            plus[k] = (float) (p[k] + 1e-2);
            minus[k] = (float) (p[k] - 1e-2);
            double step = (double) plus[k] - minus[k];
            g[k] = (Synthetic.networkEnergies(layout, plus, x)[c] - Synthetic.networkEnergies(layout, minus, x)[c]) / step;
        }
        return g;
    }

    @Test
    void theJacobianOfATinyNetworkMatchesCentralDifferences() {
        for (Activation act : new Activation[]{Activation.TANH, Activation.SIGMOID}) {
            Layout layout = Layout.parse("4-5-3-1", act);
            DescriptorMatrix x = Synthetic.random(ATOMS, 4, 2, -1, 1);
            float[] p = Initialisation.glorotUniform(layout, 5);
            for (Backend b : new Backend[]{JavaBackend.best(), JavaBackend.scalar()})
                try (Engine e = b.open(layout, p, AdamSettings.THESIS, 1)) {
                    Engine.Prepared d = e.prepare(x, null);
                    float[] jac = new float[layout.parameterCount()];
                    for (int c = 0; c < ATOMS.length; c++) {
                        double energy = e.energyAndJacobian(d, c, jac);
                        assertEquals(Synthetic.networkEnergies(layout, p, x)[c], energy, 1e-4 * ATOMS[c]);
                        double[] fd = finiteDifferences(layout, p, x, c);
                        double scale = 0;
                        for (double v : fd) scale = Math.max(scale, Math.abs(v));
                        for (int k = 0; k < fd.length; k++)
                            assertEquals(fd[k], jac[k], 2e-3 * scale, b.name() + " " + act + " config " + c + " parameter " + k);
                    }
                }
        }
    }

    @Test
    void aLinearModelsJacobianIsTheSummedInputsAndTheAtomCount() {
        Layout layout = Layout.parse("3-1");
        DescriptorMatrix x = Synthetic.random(ATOMS, 3, 4, -1, 1);
        try (Engine e = JavaBackend.best().open(layout, new float[]{0.3f, -0.2f, 0.1f, 0.05f}, AdamSettings.THESIS, 1)) {
            float[] jac = new float[4];
            e.energyAndJacobian(e.prepare(x, null), 1, jac);
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int a = 0; a < ATOMS[1]; a++) s += x.get(x.firstAtom(1) + a, j);
                assertEquals(s, jac[layout.weightOffset(1) + j], 1e-5);
            }
            assertEquals(ATOMS[1], jac[layout.biasOffset(1)]);
        }
    }

    @Test
    void theBatchedJacobianOnTwoThreadsEqualsOneConfigurationAtATime() {
        Layout layout = Layout.parse("4-6-1");
        DescriptorMatrix x = Synthetic.random(new int[]{5, 8, 2, 11, 4, 7, 9}, 4, 6, -1, 1);
        float[] p = Initialisation.glorotUniform(layout, 8);
        try (Engine one = JavaBackend.best().open(layout, p, AdamSettings.THESIS, 1);
             Engine two = JavaBackend.best().open(layout, p, AdamSettings.THESIS, 2)) {
            int n = layout.parameterCount();
            int[] configs = {6, 0, 3, 3, 1};
            float[] all = new float[configs.length * n];
            double[] e = two.energiesAndJacobians(two.prepare(x, null), configs, all);
            Engine.Prepared d1 = one.prepare(x, null);
            float[] row = new float[n];
            for (int i = 0; i < configs.length; i++) {
                assertEquals(one.energyAndJacobian(d1, configs[i], row), e[i]);
                for (int k = 0; k < n; k++) assertEquals(row[k], all[i * n + k], "row " + i + " parameter " + k);
            }
        }
    }
}
