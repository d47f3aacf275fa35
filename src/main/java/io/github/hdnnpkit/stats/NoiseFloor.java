package io.github.hdnnpkit.stats;

import java.util.Locale;

/**
 * The seed-to-seed spread of a figure (e.g. one validation RMSE per seed): mean ± sd and the t-based confidence
 * interval of the mean. Differences between set-ups smaller than this sd are within the noise of training.
 */
public record NoiseFloor(int n, double mean, double sd, ConfidenceInterval ci) {
    public NoiseFloor {
        if (n < 2) throw new IllegalArgumentException("a seed-to-seed spread needs at least two seeds, got " + n);
        if (ci == null) throw new IllegalArgumentException("interval is null");
    }

    /** The spread of one value per seed, with the 95 % interval of its mean. */
    public static NoiseFloor of(double[] perSeed) {
        return of(perSeed, 0.95);
    }

    public static NoiseFloor of(double[] perSeed, double level) {
        Samples.check("perSeed", perSeed, 2);
        return new NoiseFloor(perSeed.length, Samples.mean(perSeed), Math.sqrt(Samples.variance(perSeed)),
                ConfidenceInterval.mean(perSeed, level));
    }

    /** sd / |mean|: the relative seed-to-seed noise. */
    public double relative() { return sd / Math.abs(mean); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6g ± %.3g (sd over %d seeds), %s", mean, sd, n, ci);
    }
}
