package io.github.hdnnpkit.baseline;

import java.util.Arrays;
import java.util.Locale;

/** What the forest is asked to learn, and from which rows. */
public enum ForestMode {
    /**
     * The thesis's set-up (appendix C): one row per atom, the configuration's energy per atom E/N as every atom's
     * target, because ab initio data has no per-atom energies. Within a configuration the target is constant.
     */
    THESIS_ATOMS("thesis-atoms", false, true),
    /** The thesis's force model: one row per atom, three outputs Fx, Fy, Fz from rotation-invariant descriptors. */
    THESIS_FORCES("thesis-forces", true, true),
    /** Sound: one row per configuration, permutation-invariant aggregates (mean, variance) of its atoms' descriptors, target E/N. */
    CONFIGURATIONS("configurations", false, false),
    /**
     * An upper bound only generated data allows: one row per atom, target the atom's own EAM energy; the
     * configuration's energy is the sum of the predicted atomic energies (the HDNNP's decomposition, learned with
     * the decomposition given).
     */
    ATOMIC_ENERGIES("atomic-energies", false, true);

    private final String cliName;
    private final boolean forces;
    private final boolean atomRows;

    ForestMode(String cliName, boolean forces, boolean atomRows) {
        this.cliName = cliName;
        this.forces = forces;
        this.atomRows = atomRows;
    }

    public String cliName() { return cliName; }

    /** True for the force model (three outputs). */
    public boolean forces() { return forces; }

    /** True when rows are atoms, false when rows are configurations. */
    public boolean atomRows() { return atomRows; }

    public static ForestMode parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ForestMode m : values()) if (m.cliName.equals(n) || m.name().equalsIgnoreCase(n)) return m;
        throw new IllegalArgumentException("unknown forest mode '" + name + "'; expected one of "
                + Arrays.stream(values()).map(ForestMode::cliName).toList());
    }

    @Override
    public String toString() { return cliName; }
}
