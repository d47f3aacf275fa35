package io.github.hdnnpkit.md;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Does a potential behave like its reference in MD? From the same configuration and the same Maxwell–Boltzmann
 * velocities, the kit integrates the candidate (e.g. the trained HDNNP) and LAMMPS the reference (the EAM the data
 * came from) through the same protocol — Langevin equilibration at the temperature, then NVE production — and the two
 * productions are compared on g(r), MSD and diffusion coefficient, mean potential energy per atom, mean temperature
 * and energy drift. Thermostat noise differs between the engines, so agreement is statistical: the numbers carry
 * their own scatter (block standard errors), and g(r) is compared as the fraction ∫|Δg| dr / ∫g dr.
 */
public final class MdValidation {
    private MdValidation() {
    }

    /**
     * One state point of the validation.
     *
     * @param temperature        K
     * @param timestep           fs
     * @param damping            Langevin damping of the equilibration, fs
     * @param equilibrationSteps Langevin steps before production
     * @param productionSteps    NVE steps compared
     * @param sampleInterval     steps between samples of the production
     * @param rdfMax             outer radius of g(r), Å (at most half the cell)
     * @param rdfBins            bins of g(r)
     * @param seed               velocities and thermostat noise
     */
    public record Settings(double temperature, double timestep, double damping, int equilibrationSteps, int productionSteps,
                           int sampleInterval, double rdfMax, int rdfBins, long seed) {
        public Settings {
            // MdProtocol and MdSegment validate the rest when the protocol is built
            if (!(rdfMax > 0)) throw new IllegalArgumentException("rdfMax must be > 0 Å, got " + rdfMax);
            if (rdfBins < 1) throw new IllegalArgumentException("rdfBins must be ≥ 1, got " + rdfBins);
            MdProtocol.equilibrateThenNve(timestep, temperature, damping, equilibrationSteps, productionSteps, sampleInterval, seed);
        }

        /** Liquid aluminium at 1500 K: 1 fs steps, 100 fs damping, 2 ps equilibration, 4 ps NVE sampled every 10 fs. */
        public static Settings liquid() {
            return new Settings(1500, 1, 100, 2000, 4000, 10, 8.0, 80, 15);
        }

        /** Solid aluminium at 500 K, the same protocol. */
        public static Settings solid() {
            return new Settings(500, 1, 100, 2000, 4000, 10, 8.0, 80, 5);
        }

        public Settings withSteps(int equilibration, int production, int interval) {
            return new Settings(temperature, timestep, damping, equilibration, production, interval, rdfMax, rdfBins, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(temperature, timestep, damping, equilibrationSteps, productionSteps, sampleInterval, rdfMax, rdfBins, s);
        }

        public MdProtocol protocol() {
            return MdProtocol.equilibrateThenNve(timestep, temperature, damping, equilibrationSteps, productionSteps, sampleInterval, seed);
        }
    }

    /**
     * The two productions side by side. When the candidate's run failed (an unstable potential: atoms collapsed or
     * flew apart), {@code kit} is null, {@code kitFailure} says where and why, and every kit number is NaN.
     */
    public record Comparison(String name, Settings settings, MdObservables kit, MdObservables reference, String kitFailure) {
        public Comparison {
            Objects.requireNonNull(reference, "reference");
            if ((kit == null) == (kitFailure == null)) throw new IllegalArgumentException("either kit observables or a failure, not both or neither");
        }

        public boolean kitFailed() { return kit == null; }

        /** ∫|g_kit − g_ref| dr / ∫ g_ref dr. */
        public double rdfDifference() { return kit == null ? Double.NaN : kit.rdf().relativeL1Difference(reference.rdf()); }

        /** max |g_kit − g_ref| over the bins. */
        public double rdfMaxDifference() { return kit == null ? Double.NaN : kit.rdf().maxDifference(reference.rdf()); }

        /** Kit minus reference mean potential energy, eV/atom. */
        public double potentialEnergyDifference() { return kit == null ? Double.NaN : kit.meanPotentialEnergy() - reference.meanPotentialEnergy(); }

        /** The numbers, in display units (meV, cm²/s, K), one row per quantity; for a table. */
        public Map<String, double[]> numbers() {
            Map<String, double[]> m = new LinkedHashMap<>();
            MdObservables kit = this.kit != null ? this.kit : reference;   // replaced by NaN below
            m.put("mean E_pot (eV/atom)", new double[]{kit.meanPotentialEnergy(), reference.meanPotentialEnergy()});
            m.put("± block s.e. (meV/atom)", new double[]{1000 * kit.potentialEnergyStdError(), 1000 * reference.potentialEnergyStdError()});
            m.put("mean T (K)", new double[]{kit.meanTemperature(), reference.meanTemperature()});
            m.put("D (1e-5 cm²/s)", new double[]{kit.diffusion() * Units.A2_PER_FS_TO_CM2_PER_S * 1e5, reference.diffusion() * Units.A2_PER_FS_TO_CM2_PER_S * 1e5});
            m.put("NVE drift (meV/atom/ps)", new double[]{1000 * kit.drift().perAtomPerPs(), 1000 * reference.drift().perAtomPerPs()});
            m.put("E_total RMS fluctuation (meV/atom)", new double[]{1000 * kit.drift().fluctuation(), 1000 * reference.drift().fluctuation()});
            m.put("g(r) first peak (Å)", new double[]{kit.rdf().firstPeak(), reference.rdf().firstPeak()});
            m.put("steps/s", new double[]{kit.stepsPerSecond(), reference.stepsPerSecond()});
            if (this.kit == null) m.values().forEach(v -> v[0] = Double.NaN);
            return m;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(name).append(" (").append(settings.temperature()).append(" K)\n");
            if (kit == null) b.append("  the candidate's MD failed: ").append(kitFailure).append('\n');
            numbers().forEach((k, v) -> b.append(String.format(java.util.Locale.ROOT, "  %-36s kit %12.5g   reference %12.5g%n", k, v[0], v[1])));
            b.append(String.format(java.util.Locale.ROOT, "  g(r): ∫|Δg|/∫g = %.4f, max |Δg| = %.3f%n", rdfDifference(), rdfMaxDifference()));
            return b.toString();
        }
    }

    /**
     * Runs both engines from {@code start} (velocities drawn at the settings' temperature and seed) and compares their
     * productions. LAMMPS works in {@code work/lammps}; nothing else is written. A candidate that is unstable gives a
     * comparison with {@link Comparison#kitFailed()} (the reference still runs, to show what it should have done).
     */
    public static Comparison compare(String name, Configuration start, ForceField candidate, LammpsMd reference, Settings settings,
                                     Path work, Progress progress, Cancellation cancellation) {
        Objects.requireNonNull(candidate, "candidate");
        MdState s = MdState.maxwellBoltzmann(start, settings.temperature(), settings.seed());
        MdProtocol p = settings.protocol();
        MdTrajectory kit = new MolecularDynamics(candidate).run(s, p, progress, cancellation);
        if (kit.cancelled()) throw new IllegalStateException(name + ": cancelled during the kit's MD after " + kit.steps() + " steps");
        MdTrajectory ref = reference.run(s, p, work.resolve("lammps"), progress, cancellation);
        int production = p.segments().size() - 1;
        MdObservables refObs = MdObservables.of(ref, production, settings.rdfMax(), settings.rdfBins());
        if (kit.failed()) return new Comparison(name, settings, null, refObs, kit.failure());
        return new Comparison(name, settings, MdObservables.of(kit, production, settings.rdfMax(), settings.rdfBins()), refObs, null);
    }
}
