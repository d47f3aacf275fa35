package io.github.hdnnpkit.model;

import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TrainingsTest {
    @Test
    void parallelTrainingsEqualSequentialOnes() {
        TrainingData data = TrainerTest.synthetic(40, 13);
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(4).withBatchSize(8);
        List<Trainings.Job> jobs = List.of(new Trainings.Job("a", Layout.parse("6-4-1"), data, cfg.withSeed(1)),
                new Trainings.Job("b", Layout.parse("6-5-1"), data, cfg.withSeed(2)),
                new Trainings.Job("c", Layout.parse("6-3-1"), data, cfg.withSeed(3)));
        List<TrainingResult> par = Trainings.run(jobs, 2, Progress.NONE, Cancellation.none());
        assertEquals(3, par.size());
        for (int i = 0; i < 3; i++) {
            TrainingResult seq = new Trainer(jobs.get(i).config()).train(jobs.get(i).layout(), data);
            assertArrayEquals(seq.potential().parameters(), par.get(i).potential().parameters(), "job " + i);
        }
    }
}
