package io.github.hdnnpkit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The test error of one training after every epoch, against the epoch and against the training's cumulative wall
 * time: the curve on which optimisers are compared (how fast each gets how far). Record one with a
 * {@link Recorder} passed to {@link Trainer#monitor}:
 *
 * <pre>{@code
 * var rec = LearningCurve.recorder("EKF");
 * new Trainer(config).monitor(rec).train(layout, data);
 * LearningCurve c = rec.curve();
 * }</pre>
 *
 * @param label    what trained (e.g. the optimiser)
 * @param epochs   1-based epochs, increasing
 * @param seconds  cumulative wall time of the training's epochs up to and including each epoch (set-up and the
 *                 monitor's own test evaluation not included)
 * @param testRmse test RMSE of the energy per atom after each epoch, meV/atom
 * @param testMse  test MSE of the configuration energies after each epoch, eV² per configuration (Keras's loss)
 */
public record LearningCurve(String label, int[] epochs, double[] seconds, double[] testRmse, double[] testMse) {
    public LearningCurve {
        Objects.requireNonNull(label, "label");
        int n = epochs.length;
        if (seconds.length != n || testRmse.length != n || testMse.length != n)
            throw new IllegalArgumentException("learning curve " + label + ": " + n + " epochs but " + seconds.length + " times, "
                    + testRmse.length + " RMSEs and " + testMse.length + " MSEs");
        for (int i = 1; i < n; i++)
            if (epochs[i] <= epochs[i - 1] || seconds[i] < seconds[i - 1])
                throw new IllegalArgumentException("learning curve " + label + ": epochs and times must increase (at index " + i + ")");
        epochs = epochs.clone();
        seconds = seconds.clone();
        testRmse = testRmse.clone();
        testMse = testMse.clone();
    }

    @Override public int[] epochs() { return epochs.clone(); }

    @Override public double[] seconds() { return seconds.clone(); }

    @Override public double[] testRmse() { return testRmse.clone(); }

    @Override public double[] testMse() { return testMse.clone(); }

    public int size() { return epochs.length; }

    /** The lowest test RMSE of the curve, meV/atom. */
    public double bestRmse() {
        double b = Double.POSITIVE_INFINITY;
        for (double v : testRmse) b = Math.min(b, v);
        return b;
    }

    /**
     * The first epoch whose test RMSE is at or below {@code rmse} meV/atom, or -1 if the curve never gets there.
     * With {@link #seconds}, "how long to reach this accuracy".
     */
    public int firstEpochAtOrBelow(double rmse) {
        for (int i = 0; i < epochs.length; i++) if (testRmse[i] <= rmse) return epochs[i];
        return -1;
    }

    /** The cumulative training time at the first epoch at or below {@code rmse} meV/atom, NaN if never. */
    public double secondsToReach(double rmse) {
        for (int i = 0; i < epochs.length; i++) if (testRmse[i] <= rmse) return seconds[i];
        return Double.NaN;
    }

    public static Recorder recorder(String label) { return new Recorder(label); }

    /** Collects a curve from a trainer's epochs; not shared between trainings. */
    public static final class Recorder implements EpochMonitor {
        private final String label;
        private final List<double[]> rows = new ArrayList<>();
        private double elapsed;

        private Recorder(String label) {
            this.label = Objects.requireNonNull(label, "label");
        }

        @Override
        public synchronized void epoch(EpochRecord record, TrainingResult.Errors test) {
            elapsed += record.seconds();
            rows.add(new double[]{record.epoch(), elapsed, test.rmseMeVPerAtom(), test.mse()});
        }

        /** The curve so far. */
        public synchronized LearningCurve curve() {
            int n = rows.size();
            int[] e = new int[n];
            double[] s = new double[n], r = new double[n], m = new double[n];
            for (int i = 0; i < n; i++) {
                double[] row = rows.get(i);
                e[i] = (int) row[0];
                s[i] = row[1];
                r[i] = row[2];
                m[i] = row[3];
            }
            return new LearningCurve(label, e, s, r, m);
        }
    }
}
