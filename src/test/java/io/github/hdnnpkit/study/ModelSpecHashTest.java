package io.github.hdnnpkit.study;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.model.LearningRateSchedule;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.model.optim.LevenbergMarquardt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Stored study results are keyed by {@link ModelSpec#hash()}: an Adam specification must hash as it always did. */
class ModelSpecHashTest {
    static ModelSpec spec(TrainingConfig t) {
        return new ModelSpec("m", new DataSpec("generated", List.of("1000K"), 1, "thesis-329", Convention.THESIS), "s",
                List.of("G2_001", "G2_002", "G5_010"), List.of(10, 10), Activation.TANH, t, SplitSpec.thesis(), Map.of("k", "3"));
    }

    // computed on main (cf20da9) before optimisers became types
    static final String DEFAULTS = "0a35538a8f72f070a713b979aedeec9ce7bfc893fa70927a09e3b48e0d3ec599";
    static final String CHANGED = "8ac95f6aa1d00b974aa80b9c9217a5e79836c5c1dcdbad1790784e0c61d088c1";

    static TrainingConfig changed() {
        return TrainingConfig.defaults().withMaxEpochs(200).withBatchSize(32).withLearningRate(5e-3).withSeed(7)
                .withSchedule(new LearningRateSchedule.StepDrop(0.5, 100, 1e-5)).withEarlyStopping(new EarlyStopping(1e-6, 20, true))
                .withBackend("java-scalar").withThreads(2);
    }

    @Test
    void adamSpecificationsHashAsBefore() {
        assertEquals(DEFAULTS, spec(TrainingConfig.defaults()).hash());
        assertEquals(CHANGED, spec(changed()).hash());
    }

    @Test
    void anotherOptimiserIsAnotherModelAndRoundTrips() {
        ModelSpec adam = spec(TrainingConfig.defaults());
        ModelSpec ekf = spec(TrainingConfig.defaults().withOptimiser(KalmanFilter.N2P2));
        ModelSpec ekf2 = spec(TrainingConfig.defaults().withOptimiser(KalmanFilter.N2P2.withEpsilon(0.1)));
        ModelSpec lm = spec(TrainingConfig.defaults().withOptimiser(LevenbergMarquardt.DEFAULTS));
        assertEquals(4, java.util.Set.of(adam.hash(), ekf.hash(), ekf2.hash(), lm.hash()).size());
        for (ModelSpec s : List.of(adam, ekf2, lm)) {
            ModelSpec back = StudyJson.spec(StudyJson.spec(s));
            assertEquals(s.training(), back.training());
            assertEquals(s.hash(), back.hash());
        }
    }

    @Test
    void optimiserFieldsParseByNameOrObject() {
        var o = com.google.gson.JsonParser.parseString("{\"optimizer\": {\"type\": \"ekf\", \"q0\": 0.001}}").getAsJsonObject();
        assertEquals(KalmanFilter.N2P2.withProcessNoise(0.001, 2.302, 1e-6), StudyJson.training(o).optimiser());
        o = com.google.gson.JsonParser.parseString("{\"optimizer\": \"lm\"}").getAsJsonObject();
        assertEquals(LevenbergMarquardt.DEFAULTS, StudyJson.training(o).optimiser());
        var bad = com.google.gson.JsonParser.parseString("{\"optimizer\": {\"type\": \"ekf\", \"qq\": 1}}").getAsJsonObject();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyJson.training(bad));
        assertTrue(e.getMessage().contains("'qq'"), e.getMessage());
        var unknown = com.google.gson.JsonParser.parseString("{\"optimizer\": \"sgd\"}").getAsJsonObject();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudyJson.training(unknown)).getMessage().contains("adam, ekf or lm"));
    }
}
