package io.github.hdnnpkit.md;

/**
 * The units of the {@code md} package and the two conversion factors they need. Lengths in Å, time in fs, masses in
 * amu (g/mol), energies in eV, temperatures in K; velocities are therefore Å/fs and forces eV/Å. The factors follow
 * from CODATA 2018 (e, u, k_B exact or recommended values); LAMMPS's {@code units metal} works in ps and uses
 * constants that differ from these in the eighth digit, far below anything a validation run can see.
 */
public final class Units {
    /** Boltzmann's constant, eV/K (CODATA 2018, exact). */
    public static final double BOLTZMANN = 8.617333262e-5;
    /**
     * Acceleration in Å/fs² of a force of 1 eV/Å on a mass of 1 amu: e / (1e-10 m · u) · 1e10 Å/m · 1e-30 s²/fs²
     * = 1.602176634e-19 / 1.66053906660e-27 · 1e-10 ≈ 9.6485e-3.
     */
    public static final double ACCELERATION = 1.602176634e-19 / 1.66053906660e-27 * 1e-10;
    /** Kinetic energy in eV of 1 amu moving at 1 Å/fs: ½ m v² · {@code MVV_TO_EV} = ½ m v² / {@link #ACCELERATION}. */
    public static final double MVV_TO_EV = 1.0 / ACCELERATION;
    /** Femtoseconds per picosecond, for drifts reported per ps and LAMMPS's metal time unit. */
    public static final double FS_PER_PS = 1000.0;
    /** 1 Å²/fs is 0.1 cm²/s (1e-16 cm² / 1e-15 s): diffusion coefficients are quoted in cm²/s in the literature. */
    public static final double A2_PER_FS_TO_CM2_PER_S = 0.1;

    private Units() {
    }
}
