package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.model.Initialisation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.model.Synthetic;
import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The DL4J SameDiff reference and the Java back-end train the same model: same losses after 5 epochs. */
class BackendAgreementTest {

    @Test
    void bothBackendsGiveTheSameLossesAfterFiveEpochs() {
        int[] atoms = Synthetic.atoms(80, 10, 40, 21);
        DescriptorMatrix d = Synthetic.random(atoms, 8, 22, -1, 1);
        TrainingData data = new TrainingData(d, Synthetic.energies(d), Split.byConfiguration(80, 0.8, 101), "synthetic", "random-8");
        Layout layout = Layout.parse("8-10-10-1");
        float[] init = Initialisation.glorotUniform(layout, 5);
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(5).withBatchSize(16).withEarlyStopping(EarlyStopping.NONE);
        TrainingResult java = new Trainer(cfg).backend(JavaBackend.best()).initialParameters(init).train(layout, data);
        TrainingResult dl4j = new Trainer(cfg).backend(new Dl4jBackend()).initialParameters(init).train(layout, data);
        assertEquals("dl4j-samediff", dl4j.provenance().backend());
        for (int e = 0; e < 5; e++) {
            double a = java.epochs().get(e).trainLoss(), b = dl4j.epochs().get(e).trainLoss();
            assertEquals(a, b, 1e-5 * a, "train loss epoch " + (e + 1));
            a = java.epochs().get(e).validationLoss();
            b = dl4j.epochs().get(e).validationLoss();
            assertEquals(a, b, 1e-5 * a, "validation loss epoch " + (e + 1));
        }
        // both persist to the same format: the DL4J-trained potential predicts the same through the Java evaluator
        double[] pj = java.potential().predict(d), pd = dl4j.potential().predict(d);
        for (int c = 0; c < pj.length; c++) assertEquals(pj[c], pd[c], 1e-4 * Math.abs(pj[c]));
    }
}
