package io.github.hdnnpkit.md;

import io.github.hdnnpkit.structure.Configuration;

import java.util.List;

/**
 * What an MD run produced: the protocol, the samples of its sampled segments, the final state (null when the engine
 * does not return one), the steps integrated, whether it was cancelled before the end, and why it failed ({@code failure}, null when it did
 * not): a potential that lets atoms collapse onto each other or fly apart ends the run with the reason instead of an
 * exception, because "unstable after n steps" is itself a validation result. {@code engine} names who integrated (the kit with
 * a force field's name, or LAMMPS with its pair style).
 */
public record MdTrajectory(String engine, MdProtocol protocol, Configuration start, List<MdSample> samples, MdState last,
                           int steps, boolean cancelled, String failure, double seconds) {
    public MdTrajectory {
        samples = List.copyOf(samples);
    }

    public boolean failed() { return failure != null; }

    /** The samples of segment k. */
    public List<MdSample> segment(int k) {
        return samples.stream().filter(s -> s.segment() == k).toList();
    }

    /** The configuration of a sample: the start's cell and species at the sample's positions. */
    public Configuration configuration(MdSample s) {
        return start.toBuilder().id(start.id() + "@" + s.segment() + ":" + s.step()).atoms(start.species(), s.positions())
                .forces(null).atomicEnergies(null).energy(s.potentialEnergy()).build();
    }

    /** Integration steps per second of wall time (NaN when nothing was timed). */
    public double stepsPerSecond() {
        return seconds > 0 ? steps / seconds : Double.NaN;
    }
}
