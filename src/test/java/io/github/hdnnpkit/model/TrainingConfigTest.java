package io.github.hdnnpkit.model;

import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.backend.BackendType;
import io.github.hdnnpkit.model.optim.Adam;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.model.optim.LevenbergMarquardt;
import io.github.hdnnpkit.model.optim.Optimiser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TrainingConfigTest {
    @Test
    void theBuilderStartsFromTheThesisDefaultsAndChangesOnlyWhatItIsTold() {
        TrainingConfig d = TrainingConfig.defaults();
        assertEquals(d, TrainingConfig.builder().build());
        TrainingConfig c = TrainingConfig.builder().maxEpochs(7).seed(3).optimiser(KalmanFilter.N2P2).backend(BackendType.JAVA_SCALAR).build();
        assertEquals(7, c.maxEpochs());
        assertEquals(3, c.seed());
        assertEquals(KalmanFilter.N2P2, c.optimiser());
        assertEquals(BackendType.JAVA_SCALAR, c.backend());
        assertEquals(d.batchSize(), c.batchSize());
        assertEquals(d.learningRate(), c.learningRate());
        assertEquals(c, c.toBuilder().build());
        // every with-method is the builder's setter
        assertEquals(d.withPreconditioning(Preconditioner.Method.STANDARDISE).withThreads(2).withLearningRate(0.01),
                d.toBuilder().preconditioning(Preconditioner.Method.STANDARDISE).threads(2).learningRate(0.01).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().maxEpochs(0).build());
    }

    @Test
    void backEndNamesParseWithAClearError() {
        assertEquals(BackendType.JAVA, TrainingConfig.defaults().withBackend("java-vector").backend());
        assertEquals(BackendType.DL4J, BackendType.parse(" DL4J "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withBackend("cuda"));
        assertTrue(e.getMessage().contains("'cuda'") && e.getMessage().contains("java, java-scalar or dl4j"), e.getMessage());
    }

    @Test
    void theProvenanceMapNamesTheOptimiserAndItsParameters() {
        assertEquals("adam", TrainingConfig.defaults().asMap().get("optimizer"));
        var m = TrainingConfig.defaults().withOptimiser(KalmanFilter.N2P2).asMap();
        assertEquals("ekf", m.get("optimizer"));
        assertEquals(0.01, m.get("ekf_q0"));
        assertEquals(2.302, m.get("ekf_eta_tau"));
        assertEquals(1.0, m.get("ekf_eta_max"));
        assertEquals(1e-2, TrainingConfig.defaults().withOptimiser(LevenbergMarquardt.DEFAULTS).asMap().get("lm_damping"));
    }

    @Test
    void optimisersAreValidatedAndNamed() {
        assertSame(Adam.INSTANCE, Optimiser.parse("ADAM"));
        assertEquals(KalmanFilter.N2P2, Optimiser.parse("ekf"));
        // n2p2's ekf-energy.keywords
        assertEquals(new KalmanFilter(1e-2, 0.01, 2.302, 1e-6, 0.01, 2.302, 1.0), KalmanFilter.N2P2);
        assertThrows(IllegalArgumentException.class, () -> new KalmanFilter(0, 0.01, 2.302, 1e-6, 0.01, 2.302, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new KalmanFilter(1e-2, 0.01, 2.302, 1e-6, 0.5, 2.302, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new LevenbergMarquardt(1e-2, 1, 10, 1e-12, 8));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimiser.parse("sgd")).getMessage().contains("adam, ekf or lm"));
    }
}
