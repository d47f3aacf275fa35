package io.github.hdnnpkit.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class PotentialStoreTest {

    @Test
    void saveLoadPredictsBitIdentically(@TempDir Path tmp) throws IOException {
        TrainingData data = TrainerTest.synthetic(60, 3);
        TrainingResult r = new Trainer(TrainingConfig.defaults().withMaxEpochs(5).withBatchSize(8)
                .withPreconditioning(io.github.hdnnpkit.descriptors.Preconditioner.Method.STANDARDISE))
                .train(Layout.parse("6-7-3-1"), data);
        Hdnnp m = r.potential();
        Path dir = m.save(tmp.resolve("pot"));
        Hdnnp back = Hdnnp.load(dir);
        assertArrayEquals(m.parameters(), back.parameters());
        assertEquals(m.preconditioner(), back.preconditioner());
        assertEquals(m.normalisation(), back.normalisation());
        assertEquals(m.layout(), back.layout());
        assertEquals(m.featureIds(), back.featureIds());
        double[] a = m.predict(data.descriptors()), b = back.predict(data.descriptors());
        for (int c = 0; c < a.length; c++) assertEquals(Double.doubleToRawLongBits(a[c]), Double.doubleToRawLongBits(b[c]), "configuration " + c);
        // saving again over the existing folder replaces it
        back.save(dir);
        assertArrayEquals(m.parameters(), Hdnnp.load(dir).parameters());
    }

    @Test
    void corruptWeightsAreDetected(@TempDir Path tmp) throws IOException {
        TrainingData data = TrainerTest.synthetic(30, 4);
        Hdnnp m = new Trainer(TrainingConfig.defaults().withMaxEpochs(1)).train(Layout.parse("6-3-1"), data).potential();
        Path dir = m.save(tmp.resolve("pot"));
        byte[] w = Files.readAllBytes(dir.resolve(PotentialStore.WEIGHTS));
        w[5] ^= 1;
        Files.write(dir.resolve(PotentialStore.WEIGHTS), w);
        IOException e = assertThrows(IOException.class, () -> Hdnnp.load(dir));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertThrows(IOException.class, () -> Hdnnp.load(tmp.resolve("nothing")));
    }

    @Test
    void firstLayerWeightNormsPerFeature() {
        Layout l = Layout.parse("3-2-1");
        float[] p = new float[l.parameterCount()];
        p[0] = 3; p[3] = 4;    // W[0][0] = 3, W[1][0] = 4 → feature 0 norm 5
        p[2] = 1;              // W[0][2] = 1
        Hdnnp m = new Hdnnp(l, p, io.github.hdnnpkit.descriptors.Preconditioner.none(java.util.List.of("a", "b", "c")),
                TargetNormalisation.IDENTITY, "test", "Al", java.util.Map.of());
        assertArrayEquals(new double[]{5, 0, 1}, m.firstLayerWeightNorms(), 1e-12);
        assertEquals(5.0, m.featureWeightNorms().get("a"));
    }
}
