package io.github.hdnnpkit.md;

/**
 * One recorded state of an MD run: segment, step within the segment, time since the start of the run (fs), energies
 * (eV) and the unwrapped positions (Å, flat).
 */
public record MdSample(int segment, int step, double time, double potentialEnergy, double kineticEnergy, double temperature,
                       double[] positions) {
    public MdSample {
        positions = positions.clone();
    }

    @Override
    public double[] positions() { return positions.clone(); }

    /** Position component k of atom i without a copy. */
    public double position(int atom, int k) { return positions[3 * atom + k]; }

    public double totalEnergy() { return potentialEnergy + kineticEnergy; }
}
