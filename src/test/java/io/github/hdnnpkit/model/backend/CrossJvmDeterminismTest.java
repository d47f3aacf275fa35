package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Synthetic;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A seeded training with the default back-end gives bit-identical weights whatever the JIT did: in this JVM after
 * warm-up (the Vector API compiled to SIMD instructions by C2) and in a child JVM that never reaches C2 (the Vector
 * API's Java fallback, which sums lanes and rounds tanh differently from the intrinsics). Studies run on a cluster
 * compare results of different JVMs, so the fast back-end may not depend on compilation.
 */
class CrossJvmDeterminismTest {
    /** The training both JVMs run: ragged configurations (5–40 atoms), so padded and masked blocks are covered. */
    static float[] train(Activation hidden) {
        DescriptorMatrix d = Synthetic.random(Synthetic.atoms(60, 5, 40, 3), 6, 5, -1, 1);
        TrainingData data = new TrainingData(d, Synthetic.energies(d), Split.byConfiguration(60, 0.8, 101));
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(12).withBatchSize(8).withLearningRate(5e-3)
                .withEarlyStopping(EarlyStopping.NONE).withBackend("java");
        return new Trainer(cfg).train(Layout.parse("6-8-8-1").withHidden(hidden), data).potential().parameters();
    }

    public static void main(String[] args) throws Exception {
        float[] p = train(Activation.valueOf(args[1]));
        StringBuilder b = new StringBuilder();
        for (float v : p) b.append(Integer.toHexString(Float.floatToRawIntBits(v))).append('\n');
        Files.writeString(Path.of(args[0]), b.toString());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Activation.class, names = {"TANH", "SOFTPLUS"})
    void trainedWeightsAreBitIdenticalWithAndWithoutTheJitsVectorCode(Activation hidden, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        float[] here = null;
        for (int i = 0; i < 4; i++) here = train(hidden);    // later rounds run C2-compiled vector code
        Path out = dir.resolve("weights.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), CrossJvmDeterminismTest.class.getName(), out.toString(), hidden.name())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child.log")));
        String[] lines = Files.readString(out).split("\n");
        float[] there = new float[lines.length];
        for (int i = 0; i < lines.length; i++) there[i] = Float.intBitsToFloat((int) Long.parseLong(lines[i], 16));
        int differ = 0;
        for (int i = 0; i < here.length; i++) if (Float.floatToRawIntBits(here[i]) != Float.floatToRawIntBits(there[i])) differ++;
        assertEquals(0, differ, differ + " of " + here.length + " weights differ between C2 and C1-only JVMs, e.g. "
                + Arrays.toString(Arrays.copyOf(here, 3)) + " vs " + Arrays.toString(Arrays.copyOf(there, 3)));
    }
}
