package io.github.hdnnpkit.model;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.util.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TrainerTest {

    static TrainingData synthetic(int configurations, long seed) {
        int[] atoms = Synthetic.atoms(configurations, 20, 40, seed);
        DescriptorMatrix d = Synthetic.random(atoms, 6, seed + 1, -1, 1);
        return new TrainingData(d, Synthetic.energies(d), Split.byConfiguration(configurations, 0.8, 101), "synthetic-" + seed, "random-6");
    }

    private static double spreadMeVPerAtom(TrainingData data) {
        double[] e = data.energies();
        double s = 0, ss = 0;
        for (int c = 0; c < e.length; c++) { double x = e[c] / data.descriptors().atomsIn(c); s += x; ss += x * x; }
        return 1000 * Math.sqrt(ss / e.length - (s / e.length) * (s / e.length));
    }

    @Test
    void learnsAnExactSumOfAtomicEnergies() {
        TrainingData data = synthetic(300, 5);
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(400).withBatchSize(8).withLearningRate(1e-2)
                .withSchedule(new LearningRateSchedule.StepDrop(0.5, 80, 1e-4));
        TrainingResult r = new Trainer(cfg).train(Layout.parse("6-10-10-1"), data);
        double spread = spreadMeVPerAtom(data);
        // the target's spread is several meV/atom; a model that learnt the atomic function gets far below it
        assertTrue(r.validation().rmseMeVPerAtom() < 0.1 * spread,
                "val RMSE " + r.validation().rmseMeVPerAtom() + " meV/atom vs spread " + spread);
        assertTrue(r.validation().rmseMeVPerAtom() < 1.0, r.toString());
        assertEquals(r.bestValidationLoss(), r.validation().mse(), 1e-9 * (1 + r.validation().mse()),
                "the returned model is the best epoch's, and its loss is Keras's MSE per configuration");
        assertEquals(r.epochs().size(), r.lastEpoch());
        assertTrue(r.toJson().contains("\"val_rmse_meV_per_atom\""));
        assertEquals(r.best().validationLoss() / r.meanAtomsPerConfiguration(), r.bestValidationLossPerAtom(), 1e-15);
        // predictions are sums over atoms, so they do not depend on the order of the atoms
        double[] p = r.potential().predict(data.descriptors());
        assertEquals(r.validationPredictions().predicted()[0], p[r.validationPredictions().configurations()[0]], 1e-9);
    }

    @Test
    void earlyStoppingStopsPatienceEpochsAfterTheBestAndRestoresIt() {
        TrainingData data = synthetic(60, 7);
        // a huge min_delta means no epoch after the first counts as an improvement
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(100).withBatchSize(8)
                .withEarlyStopping(new EarlyStopping(1e9, 5, true));
        TrainingResult r = new Trainer(cfg).train(Layout.parse("6-4-1"), data);
        assertEquals(TrainingResult.StopReason.EARLY_STOPPING, r.stopReason());
        assertEquals(1, r.bestEpoch());
        assertEquals(6, r.lastEpoch());
        assertEquals(r.epochs().get(0).validationLoss(), r.validation().mse(), 1e-9 * r.validation().mse());
    }

    @Test
    void cancellationReturnsTheBestModelSoFar() {
        TrainingData data = synthetic(40, 9);
        Cancellation c = Cancellation.none();
        c.cancel();
        TrainingResult r = new Trainer(TrainingConfig.defaults().withMaxEpochs(1000)).cancellation(c).train(Layout.parse("6-4-1"), data);
        assertEquals(TrainingResult.StopReason.CANCELLED, r.stopReason());
        assertEquals(1, r.lastEpoch(), "the flag is checked after each epoch");
    }

    @Test
    void aCheckpointedRunResumesToTheSameResult(@TempDir Path tmp) {
        TrainingData data = synthetic(50, 11);
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(8).withBatchSize(8).withEarlyStopping(EarlyStopping.NONE);
        Layout layout = Layout.parse("6-5-1");
        TrainingResult straight = new Trainer(cfg).train(layout, data);
        Path cp = tmp.resolve("cp");
        // first run "killed" after 3 epochs (cancelled), checkpoint every epoch
        Cancellation stopAfter3 = Cancellation.none();
        new Trainer(cfg).checkpoints(cp, 1).progress(new io.github.hdnnpkit.util.Progress() {
            @Override public void start(String task, long total) { }
            @Override public void update(long done, String message) { if (done == 3) stopAfter3.cancel(); }
            @Override public void finish(String message) { }
        }).cancellation(stopAfter3).train(layout, data);
        assertTrue(Files.exists(cp.resolve("checkpoint.json")));
        TrainingResult resumed = new Trainer(cfg).checkpoints(cp, 1).train(layout, data);
        assertEquals(8, resumed.lastEpoch());
        assertArrayEquals(straight.potential().parameters(), resumed.potential().parameters(), "resuming continues bit for bit");
        assertEquals(straight.epochs().get(7).validationLoss(), resumed.epochs().get(7).validationLoss());
    }

    @Test
    void theKalmanFilterAndLevenbergMarquardtLowerTheLossOfATinyHdnnp() {
        TrainingData data = synthetic(120, 13);
        for (var opt : new io.github.hdnnpkit.model.optim.Optimiser[]{io.github.hdnnpkit.model.optim.KalmanFilter.N2P2,
                io.github.hdnnpkit.model.optim.LevenbergMarquardt.DEFAULTS}) {
            TrainingConfig cfg = TrainingConfig.builder().optimiser(opt).maxEpochs(12).earlyStopping(EarlyStopping.NONE).threads(2).build();
            TrainingResult r = new Trainer(cfg).train(Layout.parse("6-5-1"), data);
            // against the mean predictor (RMSE = the spread): measured ekf 2.3, lm 1.8 meV/atom vs 7.3. The filter
            // converges mostly within its first epoch here (96 structures, 41 weights), so "much better than epoch 1"
            // would test the seed, not the filter.
            double first = r.epochs().get(0).validationLoss(), best = r.validation().mse();
            assertTrue(best <= first, opt.name() + ": val_loss " + first + " -> " + best);
            assertTrue(r.validation().rmseMeVPerAtom() < 0.4 * spreadMeVPerAtom(data), opt.name() + ": " + r.validation().rmseMeVPerAtom());
            assertEquals(opt.name(), r.provenance().hyperParameters().get("optimizer"));
        }
    }

    @Test
    void aResumedKalmanFilterContinuesBitForBit(@TempDir Path tmp) {
        TrainingData data = synthetic(40, 17);
        Layout layout = Layout.parse("6-4-1");
        for (var opt : new io.github.hdnnpkit.model.optim.Optimiser[]{io.github.hdnnpkit.model.optim.KalmanFilter.N2P2,
                io.github.hdnnpkit.model.optim.LevenbergMarquardt.DEFAULTS}) {
            TrainingConfig cfg = TrainingConfig.builder().optimiser(opt).maxEpochs(4).earlyStopping(EarlyStopping.NONE).threads(2).build();
            TrainingResult straight = new Trainer(cfg).train(layout, data);
            Path cp = tmp.resolve(opt.name());
            Cancellation stopAfter2 = Cancellation.none();
            new Trainer(cfg).checkpoints(cp, 1).progress(new io.github.hdnnpkit.util.Progress() {
                @Override public void start(String task, long total) { }
                @Override public void update(long done, String message) { if (done == 2) stopAfter2.cancel(); }
                @Override public void finish(String message) { }
            }).cancellation(stopAfter2).train(layout, data);
            TrainingResult resumed = new Trainer(cfg).checkpoints(cp, 1).train(layout, data);
            assertEquals(4, resumed.lastEpoch());
            assertArrayEquals(straight.potential().parameters(), resumed.potential().parameters(), opt.name() + ": 2 + 2 epochs = 4 epochs");
            assertEquals(straight.epochs().get(3).validationLoss(), resumed.epochs().get(3).validationLoss());
            assertEquals(straight.epochs().get(3).learningRate(), resumed.epochs().get(3).learningRate());
        }
    }

    @Test
    void schedules() {
        LearningRateSchedule step = new LearningRateSchedule.StepDrop(0.5, 100, 1e-4);
        assertEquals(1e-3, step.rate(1e-3, 99));
        assertEquals(5e-4, step.rate(1e-3, 100));
        assertEquals(1e-4, step.rate(1e-3, 1000), "floored at min_learning_rate");
        assertEquals(1e-3 * Math.exp(-1e-4 * 500), LearningRateSchedule.thesisExponential().rate(1e-3, 500), 1e-18);
        assertEquals(step, LearningRateSchedule.parse("step:0.5:100:1e-4"));
    }
}
