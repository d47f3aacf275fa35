package io.github.hdnnpkit.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A reproducible split of configurations (never of atoms: the atoms of one configuration share one energy label)
 * into a training and a validation part. The thesis used 80:20 with {@code random_state = 101}; the HDNNP, the
 * Random Forest and the studies all take the same {@code Split} so their figures are comparable.
 *
 * @param train      indices of training configurations, ascending
 * @param validation indices of validation configurations, ascending
 * @param seed       the seed that made the split
 */
public record Split(int[] train, int[] validation, long seed) {
    /** The thesis's split: 80 % training, seed 101. */
    public static final double THESIS_TRAIN_FRACTION = 0.8;
    public static final long THESIS_SEED = 101L;

    public Split {
        train = train.clone();
        validation = validation.clone();
        Arrays.sort(train);
        Arrays.sort(validation);
    }

    /** Shuffles {@code 0..n-1} with the seed and puts the first {@code round(n * trainFraction)} into training. */
    public static Split byConfiguration(int n, double trainFraction, long seed) {
        if (n < 2) throw new IllegalArgumentException("need at least 2 configurations to split, got " + n);
        if (!(trainFraction > 0 && trainFraction < 1))
            throw new IllegalArgumentException("train fraction must be in (0,1), got " + trainFraction);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {          // Fisher-Yates
            int j = rng.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        int nTrain = (int) Math.max(1, Math.min(n - 1, Math.round(n * trainFraction)));
        return new Split(Arrays.copyOfRange(order, 0, nTrain), Arrays.copyOfRange(order, nTrain, n), seed);
    }

    /** The thesis's 80:20 split with seed 101. */
    public static Split thesis(int n) {
        return byConfiguration(n, THESIS_TRAIN_FRACTION, THESIS_SEED);
    }

    @Override
    public int[] train() { return train.clone(); }

    @Override
    public int[] validation() { return validation.clone(); }

    @Override
    public String toString() {
        return "Split[train=" + train.length + ", validation=" + validation.length + ", seed=" + seed + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && seed == s.seed && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(validation);
    }
}
