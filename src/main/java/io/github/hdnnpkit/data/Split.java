package io.github.hdnnpkit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A reproducible split of configurations (never of atoms: the atoms of one configuration share one energy label)
 * into three disjoint parts: <b>train</b> (the optimiser sees it), <b>validation</b> (early stopping and every other
 * training decision see it) and <b>test</b> (nothing sees it until the model is judged).
 *
 * <p>The thesis split 80:20 into train and validation (seed 101) and reported the validation loss as the model's
 * quality; the kit first holds out a test part ({@value #DEFAULT_TEST_FRACTION} of the configurations) and splits the
 * rest 80:20 as the thesis did. The test part is drawn from its own random stream, so the same data set and seed give
 * the same test configurations whatever the train fraction (notebook 04 varies it).
 *
 * <p>Consecutive MD snapshots are strongly correlated, so a random split puts near-duplicates of test configurations
 * into training and flatters the error. {@link #bySeries} holds out whole series, {@link #byTimeBlocks} whole
 * contiguous stretches of each series; the notebooks compare them with the random split.
 *
 * @param train      indices of training configurations, ascending
 * @param validation indices of validation configurations, ascending
 * @param test       indices of held-out test configurations, ascending (may be empty only for a split built by hand)
 * @param seed       the seed that made the split
 * @param scheme     how the split was made
 */
public record Split(int[] train, int[] validation, int[] test, long seed, Scheme scheme) {
    /** The thesis's split of train and validation: 80 % training, seed 101. */
    public static final double THESIS_TRAIN_FRACTION = 0.8;
    public static final long THESIS_SEED = 101L;
    /** The share of all configurations held out for testing before the thesis's 80:20 split. */
    public static final double DEFAULT_TEST_FRACTION = 0.1;

    /** How a split was drawn. */
    public enum Scheme {
        /** configurations drawn at random */
        RANDOM,
        /** whole series held out for testing, the rest drawn at random */
        BY_SERIES,
        /** contiguous time blocks of every series assigned to the parts */
        TIME_BLOCKS,
        /** indices given by the user */
        GIVEN
    }

    public Split {
        Objects.requireNonNull(scheme);
        train = sortedCopy(train, "train");
        validation = sortedCopy(validation, "validation");
        test = sortedCopy(test, "test");
        // a configuration in two parts would let a training decision see a test (or training) configuration
        checkDisjoint(train, "train", validation, "validation");
        checkDisjoint(train, "train", test, "test");
        checkDisjoint(validation, "validation", test, "test");
    }

    /** A split of given indices (e.g. from a study file); rejects negative, repeated or shared indices. */
    public static Split of(int[] train, int[] validation, int[] test) {
        return new Split(train, validation, test, -1, Scheme.GIVEN);
    }

    /**
     * Random split of {@code 0..n-1}: {@code round(n * testFraction)} configurations to test, then of the rest
     * {@code round(rest * trainFraction)} to training and the others to validation.
     */
    public static Split random(int n, double testFraction, double trainFraction, long seed) {
        if (n < 3) throw new IllegalArgumentException("need at least 3 configurations for train, validation and test, got " + n);
        checkFraction(testFraction, "test");
        checkFraction(trainFraction, "train");
        int[] all = shuffled(range(n), seed ^ 0x7E57_5EEDL);     // the test part's own stream
        int nTest = clamp((int) Math.round(n * testFraction), 1, n - 2);
        int[] test = Arrays.copyOfRange(all, 0, nTest);
        int[] rest = Arrays.copyOfRange(all, nTest, n);
        Arrays.sort(rest);
        return fromRest(rest, test, trainFraction, seed, Scheme.RANDOM);
    }

    /** The kit's default: 10 % test, then the thesis's 80:20 of the rest with seed 101. */
    public static Split thesis(int n) {
        return random(n, DEFAULT_TEST_FRACTION, THESIS_TRAIN_FRACTION, THESIS_SEED);
    }

    /** 10 % test (drawn as in {@link #thesis}), the rest split with the given train fraction and seed. */
    public static Split byConfiguration(int n, double trainFraction, long seed) {
        return random(n, DEFAULT_TEST_FRACTION, trainFraction, seed);
    }

    /**
     * Whole series held out: every configuration whose series is in {@code testSeries} is a test configuration, the
     * others are split at random into training and validation.
     *
     * @param seriesOfConfiguration the series (label) of each configuration, in index order
     */
    public static Split bySeries(String[] seriesOfConfiguration, Collection<String> testSeries, double trainFraction, long seed) {
        Set<String> held = Set.copyOf(testSeries);
        if (held.isEmpty()) throw new IllegalArgumentException("name at least one test series");
        Set<String> present = new java.util.TreeSet<>(Arrays.asList(seriesOfConfiguration));
        for (String s : held)
            if (!present.contains(s)) throw new IllegalArgumentException("test series " + s + " is not in the data (series: " + present + ")");
        checkFraction(trainFraction, "train");
        List<Integer> test = new ArrayList<>(), rest = new ArrayList<>();
        for (int i = 0; i < seriesOfConfiguration.length; i++) (held.contains(seriesOfConfiguration[i]) ? test : rest).add(i);
        if (rest.size() < 2) throw new IllegalArgumentException("holding out " + held + " leaves " + rest.size() + " configurations to train on");
        return fromRest(toArray(rest), toArray(test), trainFraction, seed, Scheme.BY_SERIES);
    }

    /**
     * Contiguous time blocks: each series (its configurations in index order, which is time order in a
     * {@link Dataset}) is cut into blocks of {@code blockLength} snapshots, and whole blocks are drawn at random into
     * test, validation and training in the given proportions, separately in every series so each series is in every
     * part. A test configuration's nearest neighbours in time are then mostly test configurations too.
     */
    public static Split byTimeBlocks(String[] seriesOfConfiguration, int blockLength, double testFraction, double trainFraction, long seed) {
        if (blockLength < 1) throw new IllegalArgumentException("block length must be ≥ 1, got " + blockLength);
        checkFraction(testFraction, "test");
        checkFraction(trainFraction, "train");
        Map<String, List<Integer>> bySeries = new LinkedHashMap<>();
        for (int i = 0; i < seriesOfConfiguration.length; i++)
            bySeries.computeIfAbsent(seriesOfConfiguration[i], k -> new ArrayList<>()).add(i);
        List<Integer> train = new ArrayList<>(), val = new ArrayList<>(), test = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (List<Integer> members : bySeries.values()) {
            int blocks = (members.size() + blockLength - 1) / blockLength;
            int[] order = shuffled(range(blocks), rng.nextLong());
            int nTest = (int) Math.round(blocks * testFraction);
            int nVal = (int) Math.round((blocks - nTest) * (1 - trainFraction));
            for (int r = 0; r < blocks; r++) {
                List<Integer> part = r < nTest ? test : r < nTest + nVal ? val : train;
                int b = order[r];
                for (int k = b * blockLength; k < Math.min(members.size(), (b + 1) * blockLength); k++) part.add(members.get(k));
            }
        }
        if (train.isEmpty() || val.isEmpty() || test.isEmpty())
            throw new IllegalArgumentException("blocks of " + blockLength + " leave train/validation/test of " + train.size() + "/"
                    + val.size() + "/" + test.size() + " configurations: use shorter blocks or more data");
        return new Split(toArray(train), toArray(val), toArray(test), seed, Scheme.TIME_BLOCKS);
    }

    @Override
    public int[] train() { return train.clone(); }

    @Override
    public int[] validation() { return validation.clone(); }

    @Override
    public int[] test() { return test.clone(); }

    /** Configurations in all three parts. */
    public int size() { return train.length + validation.length + test.length; }

    /** The same split with training restricted to its first {@code fraction} (drawn at random with the seed): for learning curves. */
    public Split withTrainingShare(double fraction, long seed) {
        checkFraction(fraction, "training share");
        int k = Math.max(1, (int) Math.round(train.length * fraction));
        int[] kept = Arrays.copyOf(shuffled(train.clone(), seed), k);
        return new Split(kept, validation, test, this.seed, scheme);
    }

    /**
     * Every {@code k}-th configuration of the training and of the validation part (in ascending order), the test
     * part whole: a cheaper training (e.g. with forces) judged on the same test configurations as one on this split.
     */
    public Split thinned(int k) {
        if (k < 1) throw new IllegalArgumentException("thinning step must be ≥ 1, got " + k);
        return new Split(everyKth(train, k), everyKth(validation, k), test, seed, scheme);
    }

    /**
     * This split with {@code count} extra configurations, indices {@code first … first+count−1} (appended to the
     * configuration list, e.g. generated ones), in training and validation only: the first
     * {@code round(trainFraction·count)} train, the rest validate. The test part is unchanged, so a model trained with
     * them is judged on the same configurations as one without.
     */
    public Split withExtra(int first, int count, double trainFraction) {
        if (first < 0 || count < 0) throw new IllegalArgumentException("extra configurations " + first + " + " + count + ": need first ≥ 0 and count ≥ 0");
        if (!(trainFraction >= 0 && trainFraction <= 1)) throw new IllegalArgumentException("train fraction must be in [0, 1], got " + trainFraction);
        for (int[] part : new int[][]{train, validation, test})
            for (int c : part)
                if (c >= first && c < first + count)
                    throw new IllegalArgumentException("configuration " + c + " is already in the split; extra ones start at " + first);
        int k = (int) Math.round(trainFraction * count);
        int[] tr = java.util.stream.IntStream.concat(Arrays.stream(train), java.util.stream.IntStream.range(first, first + k)).toArray();
        int[] va = java.util.stream.IntStream.concat(Arrays.stream(validation), java.util.stream.IntStream.range(first + k, first + count)).toArray();
        return new Split(tr, va, test, seed, scheme);
    }

    private static int[] everyKth(int[] a, int k) {
        return java.util.stream.IntStream.range(0, a.length).filter(i -> i % k == 0).map(i -> a[i]).toArray();
    }

    @Override
    public String toString() {
        return "Split[" + scheme.name().toLowerCase(java.util.Locale.ROOT) + ", train=" + train.length + ", validation=" + validation.length
                + ", test=" + test.length + ", seed=" + seed + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && seed == s.seed && scheme == s.scheme && Arrays.equals(train, s.train)
                && Arrays.equals(validation, s.validation) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return (31 * Arrays.hashCode(train) + Arrays.hashCode(validation)) * 31 + Arrays.hashCode(test);
    }

    private static Split fromRest(int[] rest, int[] test, double trainFraction, long seed, Scheme scheme) {
        int n = rest.length;
        if (n < 2) throw new IllegalArgumentException("need at least 2 configurations outside the test part, got " + n);
        int[] order = shuffled(rest.clone(), seed);
        int nTrain = clamp((int) Math.round(n * trainFraction), 1, n - 1);
        return new Split(Arrays.copyOfRange(order, 0, nTrain), Arrays.copyOfRange(order, nTrain, n), test, seed, scheme);
    }

    private static int[] sortedCopy(int[] a, String part) {
        Objects.requireNonNull(a, part);
        int[] c = a.clone();
        Arrays.sort(c);
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 0) throw new IllegalArgumentException("the " + part + " part of the split has a negative index " + c[i]);
            if (i > 0 && c[i] == c[i - 1]) throw new IllegalArgumentException("the " + part + " part of the split lists configuration " + c[i] + " twice");
        }
        return c;
    }

    private static void checkDisjoint(int[] a, String an, int[] b, String bn) {
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) throw new IllegalArgumentException("configuration " + a[i] + " is in both the " + an + " and the " + bn + " part of the split");
            if (a[i] < b[j]) i++; else j++;
        }
    }

    private static void checkFraction(double f, String what) {
        if (!(f > 0 && f < 1)) throw new IllegalArgumentException(what + " fraction must be in (0,1), got " + f);
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    /** Fisher–Yates with its own seeded generator. */
    private static int[] shuffled(int[] a, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
        return a;
    }

    private static int[] toArray(List<Integer> l) { return l.stream().mapToInt(Integer::intValue).toArray(); }
}
