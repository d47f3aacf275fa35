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
            m.put("g(r) first peak (Å)", new double[]{kit.rdf().firstPeakInterpolated(), reference.rdf().firstPeakInterpolated()});
            m.put("closest approach (Å)", new double[]{kit.closestApproach(), reference.closestApproach()});
            m.put("steps/s", new double[]{kit.stepsPerSecond(), reference.stepsPerSecond()});
            if (this.kit == null) m.values().forEach(v -> v[0] = Double.NaN);
            return m;
        }

        /** Kit minus reference position of the first g(r) peak (Å, interpolated within the bin). */
        public double firstPeakShift() {
            return kit == null ? Double.NaN : kit.rdf().firstPeakInterpolated() - reference.rdf().firstPeakInterpolated();
        }

        /** Whether the candidate holds this state point within {@code t}. */
        public Verdict verdict(Tolerance t) { return t.check(this); }

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
     * When a candidate's MD counts as its reference's at a state point. All three must hold:
     * <ul>
     * <li>structure: ∫|g_kit − g_ref| dr / ∫g_ref dr ≤ {@code rdfDifference} — with ~100 frames of 256 atoms two runs
     * of the same potential differ by 1–3 % from sampling noise alone, so 5 % separates noise from a different
     * structure;</li>
     * <li>the nearest-neighbour distance: |Δr_peak| ≤ {@code peakShift} Å (peaks interpolated within the bin; 0.05 Å is
     * ~2 % of the Al–Al distance, about what a 1 % error in the lattice constant moves it);</li>
     * <li>energy conservation of the kit's NVE: |drift| ≤ {@code drift} eV/atom/ps. A smooth potential with analytic
     * forces drifts like LAMMPS's EAM (10⁻⁵ eV/atom/ps at 1 fs); one whose atoms fall into a hole at short range jumps
     * by meV/atom per step there, which this catches even when the averaged g(r) still looks right.</li>
     * </ul>
     * A failed candidate run fails every criterion.
     *
     * @param rdfDifference largest ∫|Δg|/∫g, a fraction
     * @param peakShift     largest |Δr| of the first peak, Å
     * @param drift         largest |NVE drift| of the candidate, eV/atom/ps
     */
    public record Tolerance(double rdfDifference, double peakShift, double drift) {
        /** ∫|Δg|/∫g ≤ 5 %, first peak within 0.05 Å, NVE drift ≤ 1 meV/atom/ps. */
        public static final Tolerance DEFAULT = new Tolerance(0.05, 0.05, 1e-3);

        public Tolerance {
            for (double v : new double[]{rdfDifference, peakShift, drift})
                if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("MD tolerances must be positive and finite: " + rdfDifference + ", " + peakShift + ", " + drift);
        }

        public Verdict check(Comparison c) {
            if (c.kitFailed()) return new Verdict(c.name(), this, false, false, false, "the candidate's MD failed: " + c.kitFailure());
            double l1 = c.rdfDifference(), shift = c.firstPeakShift(), d = c.kit().drift().perAtomPerPs();
            boolean rdf = l1 <= rdfDifference, peak = Math.abs(shift) <= peakShift, conserved = Math.abs(d) <= drift;
            String detail = String.format(java.util.Locale.ROOT,
                    "∫|Δg|/∫g = %.1f %% (≤ %.1f %%: %s), first peak %+.3f Å (|Δ| ≤ %.3f Å: %s), NVE drift %.3g meV/atom/ps (|drift| ≤ %.3g: %s)",
                    100 * l1, 100 * rdfDifference, pass(rdf), shift, peakShift, pass(peak), 1000 * d, 1000 * drift, pass(conserved));
            return new Verdict(c.name(), this, rdf, peak, conserved, detail);
        }

        private static String pass(boolean ok) { return ok ? "pass" : "FAIL"; }
    }

    /** The outcome of {@link Tolerance#check}: each criterion, and a line that states the numbers against the limits. */
    public record Verdict(String name, Tolerance tolerance, boolean rdf, boolean peak, boolean drift, String detail) {
        public boolean passed() { return rdf && peak && drift; }

        @Override
        public String toString() { return name + ": " + (passed() ? "PASS" : "FAIL") + " — " + detail; }
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
