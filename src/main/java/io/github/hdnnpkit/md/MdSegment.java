package io.github.hdnnpkit.md;

import java.util.Objects;

/**
 * One stretch of an MD protocol: {@code steps} steps in an ensemble, sampled every {@code sampleInterval} steps
 * (0 = not sampled, e.g. equilibration). A sampled segment records its first state too, so it yields
 * {@code steps / sampleInterval + 1} samples; the interval must divide the steps so the last state is a sample.
 */
public record MdSegment(Ensemble ensemble, int steps, int sampleInterval) {
    public MdSegment {
        Objects.requireNonNull(ensemble, "ensemble");
        if (steps < 0) throw new IllegalArgumentException("segment steps must be ≥ 0, got " + steps);
        if (sampleInterval < 0) throw new IllegalArgumentException("sample interval must be ≥ 0, got " + sampleInterval);
        if (sampleInterval > 0 && steps % sampleInterval != 0)
            throw new IllegalArgumentException("sample interval " + sampleInterval + " must divide the segment's " + steps + " steps");
    }

    public boolean sampled() { return sampleInterval > 0; }

    /** Number of samples the segment records. */
    public int samples() { return sampled() ? steps / sampleInterval + 1 : 0; }
}
