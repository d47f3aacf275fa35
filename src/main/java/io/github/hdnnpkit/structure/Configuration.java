package io.github.hdnnpkit.structure;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One atomic configuration: cell, periodicity, atoms (species and cartesian positions in Å) and, when known, the
 * reference total energy (eV), per-atom forces (eV/Å) and per-atom energies (eV; classical potentials have them,
 * ab initio data does not). Labels carry free-form metadata such as the temperature series ({@code config_type}),
 * temperature and phase.
 *
 * <p>Every number is finite (an unknown energy is NaN, unknown forces or atomic energies are absent), so a NaN label
 * cannot slip into a loss. Immutable: arrays are copied in and out. Positions, forces and atomic energies are stored flat
 * ({@code x0, y0, z0, x1, ...}) because every hot loop reads them that way.
 */
public final class Configuration {
    private final String id;
    private final Lattice lattice;          // null for a non-periodic cluster
    private final boolean[] pbc;
    private final String[] species;
    private final double[] positions;
    private final double[] forces;          // null when unknown
    private final double[] atomicEnergies;  // null when unknown
    private final double energy;            // NaN when unknown
    private final Map<String, String> labels;

    private Configuration(Builder b) {
        int n = b.species.length;
        if (b.positions.length != 3 * n)
            throw new IllegalArgumentException("configuration " + b.id + ": " + n + " species but " + b.positions.length / 3.0 + " positions");
        for (int i = 0; i < b.positions.length; i++)
            if (!Double.isFinite(b.positions[i]))
                throw new IllegalArgumentException("configuration " + b.id + ": atom " + i / 3 + " has a non-finite coordinate");
        if (b.forces != null && b.forces.length != 3 * n)
            throw new IllegalArgumentException("configuration " + b.id + ": forces for " + b.forces.length / 3.0 + " atoms, expected " + n);
        if (b.forces != null)
            for (int i = 0; i < b.forces.length; i++)
                if (!Double.isFinite(b.forces[i]))
                    throw new IllegalArgumentException("configuration " + b.id + ": atom " + i / 3 + " has a non-finite force component " + b.forces[i]);
        if (b.atomicEnergies != null && b.atomicEnergies.length != n)
            throw new IllegalArgumentException("configuration " + b.id + ": " + b.atomicEnergies.length + " atomic energies, expected " + n);
        if (b.atomicEnergies != null)
            for (int i = 0; i < n; i++)
                if (!Double.isFinite(b.atomicEnergies[i]))
                    throw new IllegalArgumentException("configuration " + b.id + ": atom " + i + " has a non-finite energy " + b.atomicEnergies[i]);
        // NaN is how an unknown energy is stored; an infinite one is never a label
        if (Double.isInfinite(b.energy)) throw new IllegalArgumentException("configuration " + b.id + ": infinite energy");
        boolean periodic = b.pbc[0] || b.pbc[1] || b.pbc[2];
        if (periodic && b.lattice == null)
            throw new IllegalArgumentException("configuration " + b.id + ": periodic but no lattice");
        for (String s : b.species) Objects.requireNonNull(s, "species");
        this.id = b.id;
        this.lattice = b.lattice;
        this.pbc = b.pbc.clone();
        this.species = b.species.clone();
        this.positions = b.positions.clone();
        this.forces = b.forces == null ? null : b.forces.clone();
        this.atomicEnergies = b.atomicEnergies == null ? null : b.atomicEnergies.clone();
        this.energy = b.energy;
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration's content, to derive a modified copy. */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).lattice(lattice).pbc(pbc[0], pbc[1], pbc[2]).atoms(species, positions).energy(energy);
        if (forces != null) b.forces(forces);
        if (atomicEnergies != null) b.atomicEnergies(atomicEnergies);
        b.labels.putAll(labels);
        return b;
    }

    public String id() { return id; }

    public int size() { return species.length; }

    /** The cell, or empty for a non-periodic cluster. */
    public Optional<Lattice> lattice() { return Optional.ofNullable(lattice); }

    public boolean periodic(int direction) { return pbc[direction]; }

    public boolean[] pbc() { return pbc.clone(); }

    public String species(int atom) { return species[atom]; }

    public String[] species() { return species.clone(); }

    public double x(int atom) { return positions[3 * atom]; }

    public double y(int atom) { return positions[3 * atom + 1]; }

    public double z(int atom) { return positions[3 * atom + 2]; }

    /** Cartesian position of one atom, a copy. */
    public double[] position(int atom) {
        return new double[]{positions[3 * atom], positions[3 * atom + 1], positions[3 * atom + 2]};
    }

    /** All positions flat (x0, y0, z0, x1, ...), a copy. */
    public double[] positions() { return positions.clone(); }

    public boolean hasEnergy() { return !Double.isNaN(energy); }

    /** Total reference energy in eV (NaN when unknown). */
    public double energy() { return energy; }

    public boolean hasForces() { return forces != null; }

    /** Forces flat (fx0, fy0, fz0, ...), a copy; throws when unknown. */
    public double[] forces() {
        if (forces == null) throw new IllegalStateException("configuration " + id + " has no forces");
        return forces.clone();
    }

    public boolean hasAtomicEnergies() { return atomicEnergies != null; }

    /** Per-atom energies in eV, a copy; throws when unknown. */
    public double[] atomicEnergies() {
        if (atomicEnergies == null) throw new IllegalStateException("configuration " + id + " has no atomic energies");
        return atomicEnergies.clone();
    }

    public Map<String, String> labels() { return labels; }

    public Optional<String> label(String key) { return Optional.ofNullable(labels.get(key)); }

    @Override
    public String toString() {
        return "Configuration[" + id + ", " + size() + " atoms" + (hasEnergy() ? ", E=" + energy + " eV" : "") + ", " + labels + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && id.equals(c.id) && Objects.equals(lattice, c.lattice)
                && Arrays.equals(pbc, c.pbc) && Arrays.equals(species, c.species) && Arrays.equals(positions, c.positions)
                && Arrays.equals(forces, c.forces) && Arrays.equals(atomicEnergies, c.atomicEnergies)
                && Double.compare(energy, c.energy) == 0 && labels.equals(c.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, lattice, Arrays.hashCode(positions), energy);
    }

    /** Builds a {@link Configuration}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String id = "";
        private Lattice lattice;
        private boolean[] pbc = {true, true, true};
        private String[] species = new String[0];
        private double[] positions = new double[0];
        private double[] forces;
        private double[] atomicEnergies;
        private double energy = Double.NaN;
        private final Map<String, String> labels = new LinkedHashMap<>();

        public Builder id(String id) { this.id = Objects.requireNonNull(id); return this; }

        public Builder lattice(Lattice lattice) { this.lattice = lattice; return this; }

        public Builder pbc(boolean x, boolean y, boolean z) { this.pbc = new boolean[]{x, y, z}; return this; }

        /** Species and flat cartesian positions (x0, y0, z0, x1, ...). */
        public Builder atoms(String[] species, double[] positions) {
            this.species = species.clone();
            this.positions = positions.clone();
            return this;
        }

        public Builder forces(double[] forces) { this.forces = forces == null ? null : forces.clone(); return this; }

        public Builder atomicEnergies(double[] e) { this.atomicEnergies = e == null ? null : e.clone(); return this; }

        public Builder energy(double energy) { this.energy = energy; return this; }

        public Builder label(String key, String value) { labels.put(key, value); return this; }

        public Builder labels(Map<String, String> all) { labels.putAll(all); return this; }

        public Configuration build() { return new Configuration(this); }
    }
}
