package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Initialisation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Synthetic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Adam's moments of the DL4J back-end, exported in the kit's parameter order (for checkpoints), are checked against
 * the Java back-end's, which keeps them in that order natively; and a DL4J engine given another engine's weights and
 * moments continues exactly as that engine does.
 */
class Dl4jOptimizerStateTest {
    private static final Layout LAYOUT = Layout.parse("6-5-4-1");

    @Test
    void momentsMatchTheJavaBackendAndTransplantExactly() {
        int[] atoms = Synthetic.atoms(24, 5, 12, 3);
        DescriptorMatrix d = Synthetic.random(atoms, 6, 4, -1, 1);
        float[] targets = new float[atoms.length];
        double[] e = Synthetic.energies(d);
        for (int c = 0; c < targets.length; c++) targets[c] = (float) (e[c] / 10);
        float[] init = Initialisation.glorotUniform(LAYOUT, 9);
        int[] batchA = {0, 3, 5, 7, 11, 13}, batchB = {1, 2, 8, 9, 17, 23};
        try (Engine java = JavaBackend.scalar().open(LAYOUT, init, AdamSettings.THESIS, 1);
             Engine dl4j = new Dl4jBackend().open(LAYOUT, init, AdamSettings.THESIS, 1)) {
            Engine.Prepared pj = java.prepare(d, targets), pd = dl4j.prepare(d, targets);
            for (int s = 0; s < 3; s++) {
                java.trainStep(pj, s % 2 == 0 ? batchA : batchB, 0.01);
                dl4j.trainStep(pd, s % 2 == 0 ? batchA : batchB, 0.01);
            }
            OptimizerState sj = java.optimizerState(), sd = dl4j.optimizerState();
            assertEquals(sj.iteration(), sd.iteration());
            assertClose(sj.m(), sd.m(), "first moments");
            assertClose(sj.v(), sd.v(), "second moments");

            // a fresh DL4J engine with the Java engine's weights and moments takes the same next step
            try (Engine resumed = new Dl4jBackend().open(LAYOUT, java.parameters(), AdamSettings.THESIS, 1)) {
                resumed.setOptimizerState(sj);
                assertClose(sj.m(), resumed.optimizerState().m(), "round trip");
                Engine.Prepared pr = resumed.prepare(d, targets);
                double lj = java.trainStep(pj, batchB, 0.01), lr = resumed.trainStep(pr, batchB, 0.01);
                assertEquals(lj, lr, 1e-5 * Math.abs(lj));
                assertClose(java.parameters(), resumed.parameters(), "parameters after the resumed step");
            }
        }
    }

    private static void assertClose(float[] a, float[] b, String what) {
        assertEquals(a.length, b.length);
        double scale = 0;
        for (float x : a) scale = Math.max(scale, Math.abs(x));
        for (int i = 0; i < a.length; i++)
            assertEquals(a[i], b[i], 5e-5 * scale + 1e-9, what + " at " + i);   // float32 sums in two orders
    }
}
