package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.model.LearningRateSchedule;
import io.github.hdnnpkit.model.Synthetic;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.study.DataSpec;
import io.github.hdnnpkit.study.ModelSpec;
import io.github.hdnnpkit.study.ResultStore;
import io.github.hdnnpkit.study.StudyData;
import io.github.hdnnpkit.study.StudyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class BackwardEliminationTest {
    @Test
    void keepsTheFeaturesTheEnergyDependsOnAndDropsTheRest(@TempDir Path dir) {
        // energies are exact sums of an atomic function in which each of features 1..3 carries a clear share; 4..6 are noise
        DescriptorMatrix d = Synthetic.random(Synthetic.atoms(160, 4, 8, 11), 6, 13, -1, 1);
        double[] e = new double[d.configurations()];
        for (int c = 0; c < e.length; c++)
            for (int r = d.firstAtom(c); r < d.firstAtom(c) + d.atomsIn(c); r++)
                e[c] += -3.2 + 0.05 * Math.sin(2 * d.get(r, 0)) + 0.08 * d.get(r, 1) * d.get(r, 1) + 0.04 * d.get(r, 2);
        DataSpec data = DataSpec.memory("sbs-6", "random-6");
        StudyRunner runner = new StudyRunner(new ResultStore(dir)).workers(2).register(data, StudyData.of("sbs-6", d, e));
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(80).withBatchSize(16).withLearningRate(1e-2)
                .withSchedule(new LearningRateSchedule.StepDrop(0.5, 30, 1e-4)).withEarlyStopping(EarlyStopping.NONE);
        ModelSpec.Template t = ModelSpec.Template.thesis(data, cfg).withHidden(8, 8);
        var out = BackwardElimination.run(runner, t, "sbs", List.of("G2_001", "G2_002", "G2_003", "G2_004", "G2_005", "G2_006"),
                BackwardElimination.Options.defaults().withSeeds(4).withAlpha(0.05));
        assertEquals(Set.of("G2_001", "G2_002", "G2_003"), Set.copyOf(out.kept()), out.toString());
        assertEquals(Set.of("G2_004", "G2_005", "G2_006"), Set.copyOf(out.dropped()));
        BackwardElimination.Round last = out.rounds().get(out.rounds().size() - 1);
        assertFalse(last.dropped(), "the last round keeps its candidate");
        assertTrue(last.test().pValue() < 0.05, last.test().toString());
    }
}
