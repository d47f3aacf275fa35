package io.github.hdnnpkit.md;

import io.github.hdnnpkit.structure.Configuration;

/**
 * Anything that gives the potential energy and the forces of a configuration: an analytic pair potential for tests,
 * the trained HDNNP for validation. Energies in eV, forces flat {@code (fx0, fy0, fz0, fx1, ...)} in eV/Å, the forces
 * being the negative gradient of the energy with respect to the cartesian positions.
 */
public interface ForceField {
    /** Energy and forces of the configuration (positions may lie outside the cell; periodic images are implied). */
    Evaluation evaluate(Configuration configuration);

    /** A short name for records and figure legends, e.g. {@code LJ(ε=0.0104 eV, σ=3.4 Å)} or {@code HDNNP 57-10-10-1}. */
    String name();

    /** Potential energy (eV) and forces (eV/Å, 3N values) of one configuration. */
    record Evaluation(double energy, double[] forces) {
        public Evaluation {
            if (!Double.isFinite(energy)) throw new IllegalArgumentException("non-finite potential energy " + energy);
            for (int i = 0; i < forces.length; i++)
                if (!Double.isFinite(forces[i])) throw new IllegalArgumentException("atom " + i / 3 + " has a non-finite force component " + forces[i]);
            forces = forces.clone();
        }

        @Override
        public double[] forces() { return forces.clone(); }

        /** Force component k of atom i without a copy (the integrator reads them in its hot loop). */
        public double force(int atom, int k) { return forces[3 * atom + k]; }
    }
}
