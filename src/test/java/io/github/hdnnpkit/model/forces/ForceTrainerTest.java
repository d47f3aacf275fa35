package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest;
import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Force training on configurations labelled by a known "teacher" potential (so a perfect fit exists): the force term
 * must buy a lower force error than energy-only training with the same budget.
 */
class ForceTrainerTest {
    static final SymmetryFunctionSet SET = ThesisSets.thesis22();

    static List<Configuration> labelled(int n, long seed) {
        Hdnnp teacher = ForceTestModels.randomPotential(SET, Convention.THESIS, Preconditioner.Method.SCALE, "5-1", 77);
        List<Configuration> out = new ArrayList<>();
        for (Configuration c : PotentialFromPositionsTest.structures(n, seed)) {
            EnergyAndForces ef = teacher.energyAndForces(c);
            out.add(c.toBuilder().energy(ef.energy()).forces(ef.forces()).build());
        }
        return out;
    }

    @Test
    void theForceTermLowersTheForceErrorBelowEnergyOnlyTraining() {
        List<Configuration> cs = labelled(30, 4);
        Split split = Split.random(cs.size(), 0.2, 0.8, 5);
        ForceTrainingOptions o = ForceTrainingOptions.defaults().withEpochs(12).withBatchSize(4).withLearningRate(5e-3).withThreads(2).withSeed(2);
        Layout layout = Layout.parse(SET.size() + "-8-1");
        ForceTrainingResult withForces = new ForceTrainer(o.withForceWeight(1.0)).train(layout, cs, split, SET, Convention.THESIS);
        ForceTrainingResult energyOnly = new ForceTrainer(o.withForceWeight(0.0)).train(layout, cs, split, SET, Convention.THESIS);
        ForceMetrics f = ForceMetrics.of(withForces.potential(), cs, split.test()), e = ForceMetrics.of(energyOnly.potential(), cs, split.test());
        assertTrue(f.forceRmse() < 0.7 * e.forceRmse(), "test force RMSE with forces " + f + " vs energy only " + e);
        assertTrue(withForces.history().get(11).validation().forceRmse() < withForces.history().get(0).validation().forceRmse(),
                "the validation force error falls during training");
        assertEquals(12, withForces.history().size());
        assertTrue(Double.isNaN(energyOnly.history().get(0).trainForceTerm()));
        assertEquals(withForces.validation(), withForces.history().get(withForces.bestEpoch() - 1).validation());
        assertEquals(Convention.THESIS, withForces.potential().convention().orElseThrow());
        assertEquals("1.0", withForces.potential().metadata().get("force_training.force_weight"));
    }

    @Test
    void sameSeedSameThreadsSamePotential() {
        List<Configuration> cs = labelled(10, 8);
        Split split = Split.random(cs.size(), 0.2, 0.7, 1);
        ForceTrainingOptions o = ForceTrainingOptions.defaults().withEpochs(2).withBatchSize(3).withThreads(2);
        Layout layout = Layout.parse(SET.size() + "-4-1");
        float[] a = new ForceTrainer(o).train(layout, cs, split, SET, Convention.THESIS).potential().parameters();
        float[] b = new ForceTrainer(o).train(layout, cs, split, SET, Convention.THESIS).potential().parameters();
        assertArrayEquals(a, b);
    }

    @Test
    void badInputIsRejectedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> ForceTrainingOptions.defaults().withForceWeight(-1));
        assertThrows(IllegalArgumentException.class, () -> ForceTrainingOptions.defaults().withBatchSize(0));
        List<Configuration> cs = new ArrayList<>(labelled(5, 3));
        cs.set(1, PotentialFromPositionsTest.structures(2, 1).get(1));   // an energy but no forces
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ForceTrainer(ForceTrainingOptions.defaults().withEpochs(1))
                .train(Layout.parse(SET.size() + "-3-1"), cs, Split.of(new int[]{0, 1, 2}, new int[]{3}, new int[]{4}), SET, Convention.THESIS));
        assertTrue(e.getMessage().contains("configuration 1") && e.getMessage().contains("forces"), e.getMessage());
    }
}
