package io.github.hdnnpkit.bench;

import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.forces.ForceEpoch;
import io.github.hdnnpkit.model.forces.ForceMetrics;
import io.github.hdnnpkit.model.forces.ForceTrainer;
import io.github.hdnnpkit.model.forces.ForceTrainingOptions;
import io.github.hdnnpkit.model.forces.ForceTrainingResult;
import io.github.hdnnpkit.util.Cancellation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Energy-only against energy + force training of a 57-10-10-1 (thesis set A, thesis convention) on the generated
 * aluminium data (21 series, 4200 configurations), the kit's default split subsampled evenly to the given sizes.
 * Not a unit test. Arguments: compare TRAIN VALIDATION TEST EPOCHS FORCE_WEIGHT SEED... | memory SECONDS | ekf EPOCHS FORCE_WEIGHT SEED.
 */
public final class ForceStudy {
    public static void main(String[] args) {
        Dataset ds = Dataset.load(Path.of("/work/main/data/generated")).withoutLabels(Dataset.THESIS_DROPPED);
        Split full = ds.split();
        SymmetryFunctionSet set = ThesisSets.fiftySeven('A');
        Layout layout = Layout.parse("57-10-10-1");
        ForceTrainingOptions base = ForceTrainingOptions.defaults().withBatchSize(8).withLearningRate(2e-3).withThreads(2);
        if (args[0].equals("memory")) {
            // the whole training split: the resident data and one batch of derivative work, then stop
            Runtime rt = Runtime.getRuntime();
            try {
                new ForceTrainer(base.withEpochs(1)).cancellation(Cancellation.withBudget(Duration.ofSeconds(Long.parseLong(args[1]))))
                        .train(layout, ds.configurations(), full, set, Convention.THESIS);
            } catch (CancellationException e) {
                System.out.println("stopped: " + e.getMessage());
            }
            System.out.printf(Locale.ROOT, "%d configurations loaded, training split %d; heap in use %.2f GB, max heap %.2f GB%n", ds.size(),
                    full.train().length, (rt.totalMemory() - rt.freeMemory()) / 1e9, rt.maxMemory() / 1e9);
            return;
        }
        if (args[0].equals("ekf")) {
            // n2p2's Kalman filter with forces on the whole data set: time, test errors; run under /usr/bin/time -v for memory
            int epochs = Integer.parseInt(args[1]);
            double w = Double.parseDouble(args[2]);
            long seed = Long.parseLong(args[3]);
            System.out.printf(Locale.ROOT, "data: %d configurations, split %s; %s, %s, EKF %d epochs, force weight %.2f, seed %d%n",
                    ds.size(), full, layout, set.name(), epochs, w, seed);
            ForceTrainingResult r = new ForceTrainer(ForceTrainingOptions.kalman().withThreads(2).withEpochs(epochs).withForceWeight(w).withSeed(seed))
                    .train(layout, ds.configurations(), full, set, Convention.THESIS);
            for (ForceEpoch e : r.history())
                System.out.printf(Locale.ROOT, "  epoch %2d: val %s (%.0f s)%n", e.epoch(), e.validation(), e.seconds());
            ForceMetrics test = ForceMetrics.of(r.potential(), ds.configurations(), full.test());
            System.out.printf(Locale.ROOT, "RESULT EKF w_F %.2f seed %d best epoch %d: test %s | %.0f s%n", w, seed, r.bestEpoch(), test, r.seconds());
            return;
        }
        int nTrain = Integer.parseInt(args[1]), nVal = Integer.parseInt(args[2]), nTest = Integer.parseInt(args[3]), epochs = Integer.parseInt(args[4]);
        double wf = Double.parseDouble(args[5]);
        Split split = Split.of(even(full.train(), nTrain), even(full.validation(), nVal), even(full.test(), nTest));
        System.out.printf(Locale.ROOT, "data: %d configurations, split %d/%d/%d of %d/%d/%d; %s, %s, %d epochs, batch 8, lr 2e-3%n", ds.size(),
                nTrain, nVal, nTest, full.train().length, full.validation().length, full.test().length, layout, set.name(), epochs);
        for (int s = 6; s < args.length; s++) {
            long seed = Long.parseLong(args[s]);
            for (double w : new double[]{0.0, wf}) {
                ForceTrainingResult r = new ForceTrainer(base.withEpochs(epochs).withForceWeight(w).withSeed(seed))
                        .train(layout, ds.configurations(), split, set, Convention.THESIS);
                for (ForceEpoch e : r.history())
                    System.out.printf(Locale.ROOT, "  seed %d w_F %.2f epoch %2d: val %s (%.0f s)%n", seed, w, e.epoch(), e.validation(), e.seconds());
                ForceMetrics test = ForceMetrics.of(r.potential(), ds.configurations(), split.test());
                System.out.printf(Locale.ROOT, "RESULT seed %d w_F %.2f best epoch %d: validation %s | test %s | %.0f s%n", seed, w, r.bestEpoch(),
                        r.validation(), test, r.seconds());
            }
        }
    }

    /** k indices spread evenly over a sorted part. */
    static int[] even(int[] part, int k) {
        if (k >= part.length) return part.clone();
        int[] cols = io.github.hdnnpkit.descriptors.SymmetryFunctionSet.evenlySpacedColumns(part.length, k);
        return Arrays.stream(cols).map(c -> part[c]).toArray();
    }
}
