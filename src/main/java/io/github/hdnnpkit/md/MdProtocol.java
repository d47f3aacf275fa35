package io.github.hdnnpkit.md;

import java.util.List;

/**
 * A complete MD run: a time step (fs), segments run one after the other from the same evolving state, and the seed of
 * every random number the run draws (thermostat noise; segment k uses a stream derived from the seed and k).
 */
public record MdProtocol(double timestep, List<MdSegment> segments, long seed) {
    public MdProtocol {
        if (!(timestep > 0) || !Double.isFinite(timestep)) throw new IllegalArgumentException("time step must be > 0 fs, got " + timestep);
        segments = List.copyOf(segments);
        if (segments.isEmpty()) throw new IllegalArgumentException("an MD protocol needs at least one segment");
    }

    /** A single segment. */
    public static MdProtocol of(double timestep, MdSegment segment, long seed) {
        return new MdProtocol(timestep, List.of(segment), seed);
    }

    /** Equilibrate with a Langevin thermostat, then run NVE sampled every {@code interval} steps — the validation protocol. */
    public static MdProtocol equilibrateThenNve(double timestep, double temperature, double dampingFs, int equilibrationSteps,
                                                int productionSteps, int interval, long seed) {
        return new MdProtocol(timestep, List.of(new MdSegment(Ensemble.langevin(temperature, dampingFs), equilibrationSteps, 0),
                new MdSegment(Ensemble.nve(), productionSteps, interval)), seed);
    }

    public int totalSteps() {
        return segments.stream().mapToInt(MdSegment::steps).sum();
    }

    /** The seed of segment k's random stream. */
    long segmentSeed(int k) {
        return new java.util.SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (k + 1))).nextLong();
    }
}
