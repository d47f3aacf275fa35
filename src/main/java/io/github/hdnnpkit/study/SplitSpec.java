package io.github.hdnnpkit.study;

import io.github.hdnnpkit.data.Split;

import java.util.List;
import java.util.Objects;

/**
 * How a specification's configurations are split into train, validation and test, as parameters (resolved against
 * the data when the model is trained), so the same specification gives the same split anywhere.
 *
 * @param scheme        random, by series or by time blocks ({@link Split.Scheme#GIVEN} is not a spec)
 * @param testFraction  share held out for testing (random and time blocks)
 * @param trainFraction share of the rest used for training (the thesis's 0.8)
 * @param seed          the split's seed (the thesis's 101)
 * @param blockLength   snapshots per block ({@link Split.Scheme#TIME_BLOCKS} only)
 * @param testSeries    series held out ({@link Split.Scheme#BY_SERIES} only)
 */
public record SplitSpec(Split.Scheme scheme, double testFraction, double trainFraction, long seed, int blockLength, List<String> testSeries) {
    public SplitSpec {
        Objects.requireNonNull(scheme);
        if (scheme == Split.Scheme.GIVEN) throw new IllegalArgumentException("a split specification is random, by_series or time_blocks");
        if (!(trainFraction > 0 && trainFraction < 1)) throw new IllegalArgumentException("train fraction must be in (0,1), got " + trainFraction);
        if (scheme != Split.Scheme.BY_SERIES && !(testFraction > 0 && testFraction < 1))
            throw new IllegalArgumentException("test fraction must be in (0,1), got " + testFraction);
        if (scheme == Split.Scheme.TIME_BLOCKS && blockLength < 1) throw new IllegalArgumentException("block length must be ≥ 1, got " + blockLength);
        testSeries = List.copyOf(testSeries);
        if (scheme == Split.Scheme.BY_SERIES && testSeries.isEmpty()) throw new IllegalArgumentException("a by-series split names its test series");
    }

    /** The kit's default: 10 % test, then the thesis's 80:20 with seed 101. */
    public static SplitSpec thesis() {
        return random(Split.THESIS_TRAIN_FRACTION);
    }

    /** 10 % test (the same as {@link #thesis()}'s), the rest with this train fraction. */
    public static SplitSpec random(double trainFraction) {
        return new SplitSpec(Split.Scheme.RANDOM, Split.DEFAULT_TEST_FRACTION, trainFraction, Split.THESIS_SEED, 0, List.of());
    }

    /** Blocks of {@code blockLength} consecutive snapshots per series, 10 % of them to test, the rest 80:20. */
    public static SplitSpec timeBlocks(int blockLength) {
        return new SplitSpec(Split.Scheme.TIME_BLOCKS, Split.DEFAULT_TEST_FRACTION, Split.THESIS_TRAIN_FRACTION, Split.THESIS_SEED, blockLength, List.of());
    }

    /** Whole series held out for testing, the rest 80:20. */
    public static SplitSpec bySeries(String... testSeries) {
        return new SplitSpec(Split.Scheme.BY_SERIES, 0, Split.THESIS_TRAIN_FRACTION, Split.THESIS_SEED, 0, List.of(testSeries));
    }

    /** The split of configurations whose series are given in index order. */
    public Split resolve(String[] seriesOfConfiguration) {
        return switch (scheme) {
            case RANDOM -> Split.random(seriesOfConfiguration.length, testFraction, trainFraction, seed);
            case BY_SERIES -> Split.bySeries(seriesOfConfiguration, testSeries, trainFraction, seed);
            case TIME_BLOCKS -> Split.byTimeBlocks(seriesOfConfiguration, blockLength, testFraction, trainFraction, seed);
            case GIVEN -> throw new IllegalStateException("unreachable");
        };
    }

    /** Short description for tables: {@code random 0.1/0.8 seed 101}. */
    public String describe() {
        return switch (scheme) {
            case RANDOM -> "random test " + testFraction + ", train " + trainFraction + ", seed " + seed;
            case BY_SERIES -> "series " + String.join("+", testSeries) + " held out, train " + trainFraction + ", seed " + seed;
            case TIME_BLOCKS -> "blocks of " + blockLength + ", test " + testFraction + ", train " + trainFraction + ", seed " + seed;
            case GIVEN -> "given";
        };
    }
}
