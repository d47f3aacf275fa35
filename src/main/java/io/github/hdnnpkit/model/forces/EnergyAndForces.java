package io.github.hdnnpkit.model.forces;

/**
 * The energy of a configuration and the force on every atom, from a potential, in double precision.
 *
 * @param energy         eV
 * @param forces         eV/Å, flat (x, y, z per atom), F = −∂E/∂r
 * @param atomicEnergies eV per atom, the network outputs in physical units including the reference energy per atom
 *                       (they sum to {@code energy})
 */
public record EnergyAndForces(double energy, double[] forces, double[] atomicEnergies) {
    public EnergyAndForces {
        forces = forces.clone();
        atomicEnergies = atomicEnergies.clone();
        if (forces.length != 3 * atomicEnergies.length)
            throw new IllegalArgumentException(forces.length + " force components for " + atomicEnergies.length + " atoms");
    }

    @Override
    public double[] forces() { return forces.clone(); }

    @Override
    public double[] atomicEnergies() { return atomicEnergies.clone(); }

    public int atoms() { return atomicEnergies.length; }

    /** The force on one atom, (Fx, Fy, Fz) in eV/Å. */
    public double[] force(int atom) {
        return new double[]{forces[3 * atom], forces[3 * atom + 1], forces[3 * atom + 2]};
    }
}
