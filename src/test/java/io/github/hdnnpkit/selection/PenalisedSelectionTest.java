package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.model.TrainingData;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** LassoNet and the group lassos on data where only three of ten descriptors matter. */
class PenalisedSelectionTest {
    private static final TrainingData DATA = PlantedSignal.data(400, 4, 10, 7);
    private static final PathOptions FAST = PathOptions.defaults().withHidden(8).withBatchSize(16).withLearningRate(1e-2)
            .withDenseEpochs(150, 20).withEpochsPerLambda(3).withMultiplier(1.3).withMaxLambdas(80).withSeed(3);

    @Test
    void lassoNetRecoversThePlantedSubset() {
        PenaltyPath path = new LassoNet(LassoNet.Options.defaults().withPath(FAST)).path(DATA);
        assertEquals(new HashSet<>(PlantedSignal.SIGNAL), new HashSet<>(path.selection().top(3)), path.selection().ranking().toString());
        assertPathIsSound(path);
    }

    @Test
    void adaptiveGroupLassoRecoversThePlantedSubset() {
        PenaltyPath path = new GroupLasso(GroupLasso.Options.adaptiveDefaults().withPath(FAST)).path(DATA);
        assertEquals(new HashSet<>(PlantedSignal.SIGNAL), new HashSet<>(path.selection().top(3)), path.selection().ranking().toString());
        assertPathIsSound(path);
    }

    private static void assertPathIsSound(PenaltyPath path) {
        List<PenaltyPath.Point> ps = path.points();
        assertEquals(0, ps.get(0).lambda());
        assertEquals(10, ps.get(0).count(), "the dense fit uses every feature");
        assertEquals(0, ps.get(ps.size() - 1).count(), "the path runs until no feature is left");
        for (int i = 2; i < ps.size(); i++) assertTrue(ps.get(i).lambda() > ps.get(i - 1).lambda(), "λ grows");
        // the first recorded drop ends the search; afterwards λ grows by the multiplier
        int first = -1;
        for (int i = 1; i < ps.size(); i++) if (!ps.get(i).search()) { first = i; break; }
        assertTrue(first > 0 && ps.get(first).count() < 10);
        for (int i = first + 1; i < ps.size(); i++) assertEquals(1.3, ps.get(i).lambda() / ps.get(i - 1).lambda(), 1e-9);
        // the dense fit is a real fit: far below the variance of the energies
        assertTrue(ps.get(0).validationLoss() < 0.1 * ps.get(ps.size() - 1).validationLoss(), "dense val loss " + ps.get(0).validationLoss());
        Selection s = path.selection();
        assertEquals(10, s.size());
        assertTrue(s.describe().contains("multiplier"));
    }
}
