package io.github.hdnnpkit.model;

import io.github.hdnnpkit.model.optim.KalmanFilter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LearningCurveTest {

    @Test
    void recorderAccumulatesTheEpochsOwnTimes() {
        var rec = LearningCurve.recorder("x");
        rec.epoch(new EpochRecord(1, 9, 8, 1e-3, 0.5), new TrainingResult.Errors(3.0, 2.0, 0.6, 0.6 / 256));
        rec.epoch(new EpochRecord(2, 7, 6, 1e-3, 0.25), new TrainingResult.Errors(1.5, 1.0, 0.15, 0.15 / 256));
        rec.epoch(new EpochRecord(3, 5, 4, 1e-3, 1.0), new TrainingResult.Errors(2.0, 1.2, 0.27, 0.27 / 256));
        LearningCurve c = rec.curve();
        assertArrayEquals(new int[]{1, 2, 3}, c.epochs());
        assertArrayEquals(new double[]{0.5, 0.75, 1.75}, c.seconds(), 0);
        assertArrayEquals(new double[]{3.0, 1.5, 2.0}, c.testRmse(), 0);
        assertArrayEquals(new double[]{0.6, 0.15, 0.27}, c.testMse(), 0);
        assertEquals(1.5, c.bestRmse());
        assertEquals(2, c.firstEpochAtOrBelow(2.0));
        assertEquals(0.75, c.secondsToReach(2.0));
        assertEquals(-1, c.firstEpochAtOrBelow(1.0));
        assertTrue(Double.isNaN(c.secondsToReach(1.0)));
    }

    @Test
    void rejectsCurvesThatGoBackInTimeOrDisagreeInLength() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LearningCurve("bad", new int[]{1, 1}, new double[]{0, 1}, new double[]{1, 1}, new double[]{1, 1}));
        assertTrue(e.getMessage().contains("bad"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LearningCurve("bad", new int[]{1, 2}, new double[]{1, 0.5}, new double[]{1, 1}, new double[]{1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new LearningCurve("short", new int[]{1, 2}, new double[]{1, 2}, new double[]{1}, new double[]{1, 1}));
    }

    @Test
    void theMonitorSeesEveryEpochWithTheTestErrorOfThatEpochAndChangesNothing() {
        TrainingData data = TrainerTest.synthetic(60, 11);
        // restoreBest off: the returned model is the last epoch's, so its test errors must equal the last report
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(6).withBatchSize(8).withEarlyStopping(new EarlyStopping(0, 0, false));
        List<TrainingResult.Errors> seen = new ArrayList<>();
        List<EpochRecord> records = new ArrayList<>();
        TrainingResult watched = new Trainer(cfg).monitor((r, t) -> { records.add(r); seen.add(t); }).train(Layout.parse("6-4-1"), data);
        TrainingResult plain = new Trainer(cfg).train(Layout.parse("6-4-1"), data);
        assertEquals(6, seen.size());
        assertEquals(watched.epochs(), records);
        TrainingResult.Errors last = seen.get(seen.size() - 1), returned = watched.test();
        assertEquals(returned.rmseMeVPerAtom(), last.rmseMeVPerAtom(), 1e-12 * returned.rmseMeVPerAtom());
        assertEquals(returned.mse(), last.mse(), 1e-12 * returned.mse());
        // the test error moves while Adam trains: the reports are per epoch, not one value repeated
        assertNotEquals(seen.get(0).rmseMeVPerAtom(), last.rmseMeVPerAtom());
        for (int i = 0; i < 6; i++) {
            assertEquals(plain.epochs().get(i).trainLoss(), watched.epochs().get(i).trainLoss(), 0, "epoch " + (i + 1));
            assertEquals(plain.epochs().get(i).validationLoss(), watched.epochs().get(i).validationLoss(), 0, "epoch " + (i + 1));
        }
    }

    @Test
    void aRecordedFilterCurveEndsAtTheReturnedModelsTestError() {
        TrainingData data = TrainerTest.synthetic(40, 3);
        TrainingConfig cfg = TrainingConfig.builder().optimiser(KalmanFilter.N2P2).maxEpochs(3)
                .earlyStopping(new EarlyStopping(0, 0, false)).build();
        var rec = LearningCurve.recorder("EKF");
        TrainingResult r = new Trainer(cfg).monitor(rec).train(Layout.parse("6-3-1"), data);
        LearningCurve c = rec.curve();
        assertEquals(3, c.size());
        assertEquals(r.test().rmseMeVPerAtom(), c.testRmse()[2], 1e-12 * r.test().rmseMeVPerAtom());
        double sum = r.epochs().stream().mapToDouble(EpochRecord::seconds).sum();
        assertEquals(sum, c.seconds()[2], 1e-12);
    }
}
