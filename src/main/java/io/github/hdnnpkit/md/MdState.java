package io.github.hdnnpkit.md;

import io.github.hdnnpkit.structure.Configuration;

import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Where an MD run stands: the configuration (cell, species, <em>unwrapped</em> positions in Å — atoms are never
 * folded back into the cell, so displacements stay meaningful), velocities in Å/fs and masses in amu, all flat per
 * atom. Immutable; arrays are copied in and out.
 */
public final class MdState {
    private final Configuration configuration;
    private final double[] velocities;
    private final double[] masses;

    private MdState(Configuration configuration, double[] velocities, double[] masses) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        int n = configuration.size();
        if (velocities.length != 3 * n)
            throw new IllegalArgumentException("configuration " + configuration.id() + ": " + velocities.length / 3.0 + " velocities for " + n + " atoms");
        if (masses.length != n)
            throw new IllegalArgumentException("configuration " + configuration.id() + ": " + masses.length + " masses for " + n + " atoms");
        for (int i = 0; i < velocities.length; i++)
            if (!Double.isFinite(velocities[i])) throw new IllegalArgumentException("atom " + i / 3 + " has a non-finite velocity " + velocities[i]);
        for (int i = 0; i < n; i++)
            if (!(masses[i] > 0) || !Double.isFinite(masses[i])) throw new IllegalArgumentException("atom " + i + " has mass " + masses[i] + " amu, expected > 0");
        this.velocities = velocities.clone();
        this.masses = masses.clone();
    }

    /** A state from positions, velocities (Å/fs) and the standard mass of each species ({@link Masses}). */
    public static MdState of(Configuration configuration, double[] velocities) {
        double[] m = new double[configuration.size()];
        for (int i = 0; i < m.length; i++) m[i] = Masses.of(configuration.species(i));
        return new MdState(configuration, velocities, m);
    }

    /** A state with masses per species (amu). */
    public static MdState of(Configuration configuration, double[] velocities, Map<String, Double> massBySpecies) {
        double[] m = new double[configuration.size()];
        for (int i = 0; i < m.length; i++) {
            Double v = massBySpecies.get(configuration.species(i));
            if (v == null) throw new IllegalArgumentException("no mass for species " + configuration.species(i) + " in " + massBySpecies);
            m[i] = v;
        }
        return new MdState(configuration, velocities, m);
    }

    /** A state with one mass per atom (amu). */
    public static MdState withMasses(Configuration configuration, double[] velocities, double[] masses) {
        return new MdState(configuration, velocities, masses);
    }

    /**
     * Maxwell–Boltzmann velocities at {@code temperature} (K), seeded: each component drawn from N(0, k_B T / m), the
     * centre-of-mass velocity removed (so the system does not drift) and the whole set scaled so that the
     * instantaneous temperature, counted over 3N − 3 degrees of freedom, is exactly the target — as LAMMPS's
     * {@code velocity create T seed mom yes} does. At T = 0 all atoms are at rest.
     */
    public static MdState maxwellBoltzmann(Configuration configuration, double temperature, long seed) {
        double[] zero = new double[3 * configuration.size()];
        MdState rest = of(configuration, zero);
        return rest.withVelocities(maxwellBoltzmann(rest.masses, temperature, seed));
    }

    /** As {@link #maxwellBoltzmann(Configuration, double, long)} with explicit masses. */
    public static double[] maxwellBoltzmann(double[] masses, double temperature, long seed) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) throw new IllegalArgumentException("temperature must be ≥ 0 K, got " + temperature);
        int n = masses.length;
        double[] v = new double[3 * n];
        if (temperature == 0 || n < 2) return v;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(Units.BOLTZMANN * temperature / masses[i] * Units.ACCELERATION);
            for (int k = 0; k < 3; k++) v[3 * i + k] = s * gaussian(rnd);
        }
        removeCentreOfMassVelocity(v, masses);
        double t = temperature(v, masses);
        double scale = Math.sqrt(temperature / t);
        for (int i = 0; i < v.length; i++) v[i] *= scale;
        return v;
    }

    /** A standard normal variate (Marsaglia's polar method; SplittableRandom has no nextGaussian in Java 17). */
    static double gaussian(SplittableRandom rnd) {
        while (true) {
            double u = 2 * rnd.nextDouble() - 1, w = 2 * rnd.nextDouble() - 1, s = u * u + w * w;
            if (s > 0 && s < 1) return u * Math.sqrt(-2 * Math.log(s) / s);
        }
    }

    static void removeCentreOfMassVelocity(double[] v, double[] m) {
        double[] p = new double[3];
        double mt = 0;
        for (int i = 0; i < m.length; i++) {
            mt += m[i];
            for (int k = 0; k < 3; k++) p[k] += m[i] * v[3 * i + k];
        }
        for (int i = 0; i < m.length; i++)
            for (int k = 0; k < 3; k++) v[3 * i + k] -= p[k] / mt;
    }

    /** Kinetic energy in eV: Σ ½ m v². */
    static double kineticEnergy(double[] v, double[] m) {
        double sum = 0;
        for (int i = 0; i < m.length; i++) {
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            sum += 0.5 * m[i] * (vx * vx + vy * vy + vz * vz);
        }
        return sum * Units.MVV_TO_EV;
    }

    /** Degrees of freedom the temperature counts: 3N − 3 (the centre of mass carries no heat), as LAMMPS counts them. */
    static int degreesOfFreedom(int atoms) {
        return Math.max(1, 3 * atoms - 3);
    }

    static double temperature(double[] v, double[] m) {
        return 2 * kineticEnergy(v, m) / (degreesOfFreedom(m.length) * Units.BOLTZMANN);
    }

    public Configuration configuration() { return configuration; }

    public int size() { return masses.length; }

    /** Velocities flat (vx0, vy0, vz0, ...) in Å/fs, a copy. */
    public double[] velocities() { return velocities.clone(); }

    /** Masses in amu, a copy. */
    public double[] masses() { return masses.clone(); }

    /** Unwrapped positions flat in Å, a copy. */
    public double[] positions() { return configuration.positions(); }

    /** Kinetic energy, eV. */
    public double kineticEnergy() { return kineticEnergy(velocities, masses); }

    /** Instantaneous temperature over 3N − 3 degrees of freedom, K. */
    public double temperature() { return temperature(velocities, masses); }

    /** Total momentum, amu·Å/fs. */
    public double[] momentum() {
        double[] p = new double[3];
        for (int i = 0; i < masses.length; i++)
            for (int k = 0; k < 3; k++) p[k] += masses[i] * velocities[3 * i + k];
        return p;
    }

    public MdState withVelocities(double[] v) { return new MdState(configuration, v, masses); }

    public MdState withConfiguration(Configuration c) { return new MdState(c, velocities, masses); }
}
