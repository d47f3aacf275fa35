package io.github.hdnnpkit.md;

import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A small MD engine on the kit's neighbour lists, there to validate a potential (production MD goes to LAMMPS through
 * the n2p2 export). Units: Å, fs, amu, eV, K ({@link Units}).
 *
 * <ul>
 * <li>NVE: velocity Verlet in the kick–drift–force–kick form LAMMPS's {@code fix nve} uses, so with the same forces
 * the two produce the same trajectory to round-off.</li>
 * <li>Langevin: BAOAB (kick ½, drift ½, Ornstein–Uhlenbeck step exp(−γ dt), drift ½, force, kick ½).</li>
 * <li>Nosé–Hoover: thermostat half step, velocity Verlet, thermostat half step (one thermostat variable).</li>
 * </ul>
 * Positions are never wrapped (the neighbour search folds them itself), so samples carry unwrapped coordinates.
 * Cancellation is checked every step; a cancelled run returns the samples it has. A step whose force evaluation or
 * resulting state is invalid (overlapping atoms, non-finite forces or coordinates — an unstable potential) ends the
 * run with {@link MdTrajectory#failure()} set, keeping the samples before it.
 */
public final class MolecularDynamics {
    private final ForceField forceField;

    public MolecularDynamics(ForceField forceField) {
        this.forceField = java.util.Objects.requireNonNull(forceField, "forceField");
    }

    /** Runs the protocol from {@code start}, keeping the samples in memory. */
    public MdTrajectory run(MdState start, MdProtocol protocol, Progress progress, Cancellation cancellation) {
        return run(start, protocol, s -> { }, progress, cancellation);
    }

    /**
     * Runs the protocol and writes every sample to an extended XYZ trajectory (positions unwrapped, forces, energy =
     * potential energy, labels {@code segment step time_fs kinetic_energy temperature}); the file appears under its
     * name only once the run ended (cancelled runs write the frames they have).
     */
    public MdTrajectory run(MdState start, MdProtocol protocol, Path trajectory, Progress progress, Cancellation cancellation) {
        MdTrajectory[] out = new MdTrajectory[1];
        TextFiles.writeAtomically(trajectory, w -> {
            try {
                out[0] = run(start, protocol, frame -> {
                    try {
                        ExtendedXyz.writeFrame(w, frame);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, progress, cancellation);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return out[0];
    }

    private MdTrajectory run(MdState start, MdProtocol protocol, Consumer<Configuration> frames, Progress progress, Cancellation cancellation) {
        long t0 = System.nanoTime();
        Configuration base = start.configuration().toBuilder().forces(null).atomicEnergies(null).energy(Double.NaN).build();
        String[] species = base.species();
        int n = start.size();
        double[] x = start.positions(), v = start.velocities(), m = start.masses();
        double dt = protocol.timestep();
        ForceField.Evaluation ev = forceField.evaluate(base);
        List<MdSample> samples = new ArrayList<>();
        int total = protocol.totalSteps(), done = 0;
        boolean cancelled = false;
        String failure = null;
        progress.start("MD with " + forceField.name() + ": " + total + " steps of " + dt + " fs, " + n + " atoms", total);
        double time = 0;
        outer:
        for (int k = 0; k < protocol.segments().size(); k++) {
            MdSegment seg = protocol.segments().get(k);
            SplittableRandom rnd = new SplittableRandom(protocol.segmentSeed(k));
            double xi = 0;   // Nosé–Hoover friction (1/fs), fresh for each segment
            if (seg.sampled()) record(samples, frames, base, species, k, 0, time, ev, x, v, m);
            for (int step = 1; step <= seg.steps(); step++) {
                if (cancellation.isCancelled()) {
                    cancelled = true;
                    break outer;
                }
                try {
                    Ensemble ens = seg.ensemble();
                    if (ens instanceof Ensemble.Langevin l) {
                        ev = baoab(base, x, v, m, ev, dt, l, rnd);
                    } else if (ens instanceof Ensemble.NoseHoover h) {
                        xi = noseHooverHalf(v, m, xi, dt, h);
                        ev = verlet(base, x, v, m, ev, dt);
                        xi = noseHooverHalf(v, m, xi, dt, h);
                    } else {
                        ev = verlet(base, x, v, m, ev, dt);
                    }
                    for (double vi : v) if (!Double.isFinite(vi)) throw new IllegalStateException("a velocity became non-finite");
                } catch (IllegalArgumentException | IllegalStateException e) {
                    failure = String.format(Locale.ROOT, "segment %d (%s), step %d (t = %.0f fs): %s", k, seg.ensemble().label(), step, time + dt, e.getMessage());
                    break outer;
                }
                time += dt;
                done++;
                if (seg.sampled() && step % seg.sampleInterval() == 0) record(samples, frames, base, species, k, step, time, ev, x, v, m);
                if (done % 50 == 0 || done == total)
                    progress.update(done, String.format(Locale.ROOT, "T = %.0f K, E_pot = %.4f eV/atom", MdState.temperature(v, m), ev.energy() / n));
            }
        }
        progress.finish(failure != null ? "failed: " + failure : (cancelled ? "cancelled after " : "done: ") + done + " steps");
        // after a failure the state is the invalid one the step produced: no last state then
        MdState last = failure == null ? MdState.withMasses(base.toBuilder().atoms(species, x).build(), v, m) : null;
        return new MdTrajectory("kit: " + forceField.name(), protocol, base, samples, last, done, cancelled, failure, (System.nanoTime() - t0) / 1e9);
    }

    private static void record(List<MdSample> samples, Consumer<Configuration> frames, Configuration base, String[] species, int segment,
                               int step, double time, ForceField.Evaluation ev, double[] x, double[] v, double[] m) {
        double ke = MdState.kineticEnergy(v, m), t = MdState.temperature(v, m);
        samples.add(new MdSample(segment, step, time, ev.energy(), ke, t, x));
        frames.accept(base.toBuilder().id(base.id() + "@" + segment + ":" + step).atoms(species, x).forces(ev.forces()).energy(ev.energy())
                .label("segment", Integer.toString(segment)).label("step", Integer.toString(step)).label("time_fs", Double.toString(time))
                .label("kinetic_energy", Double.toString(ke)).label("temperature", Double.toString(t)).build());
    }

    private ForceField.Evaluation forces(Configuration base, String[] species, double[] x) {
        return forceField.evaluate(base.toBuilder().atoms(species, x).build());
    }

    /** One velocity-Verlet step: v += dt/2·a; x += dt·v; new forces; v += dt/2·a. */
    private ForceField.Evaluation verlet(Configuration base, double[] x, double[] v, double[] m, ForceField.Evaluation ev, double dt) {
        kick(v, m, ev, 0.5 * dt);
        for (int i = 0; i < x.length; i++) x[i] += dt * v[i];
        ForceField.Evaluation next = forces(base, base.species(), x);
        kick(v, m, next, 0.5 * dt);
        return next;
    }

    /** BAOAB: kick ½, drift ½, v ← c₁v + c₂√(k_BT/m)ξ, drift ½, forces, kick ½. */
    private ForceField.Evaluation baoab(Configuration base, double[] x, double[] v, double[] m, ForceField.Evaluation ev, double dt,
                                        Ensemble.Langevin l, SplittableRandom rnd) {
        kick(v, m, ev, 0.5 * dt);
        for (int i = 0; i < x.length; i++) x[i] += 0.5 * dt * v[i];
        double c1 = Math.exp(-dt / l.damping()), c2 = Math.sqrt(1 - c1 * c1);
        for (int a = 0; a < m.length; a++) {
            double s = c2 * Math.sqrt(Units.BOLTZMANN * l.temperature() / m[a] * Units.ACCELERATION);
            for (int k = 0; k < 3; k++) v[3 * a + k] = c1 * v[3 * a + k] + s * MdState.gaussian(rnd);
        }
        for (int i = 0; i < x.length; i++) x[i] += 0.5 * dt * v[i];
        ForceField.Evaluation next = forces(base, base.species(), x);
        kick(v, m, next, 0.5 * dt);
        return next;
    }

    /**
     * Half a time step of the Nosé–Hoover thermostat: ξ += dt/4·(2K − g k_B T)/Q, v ← v·exp(−ξ dt/2), ξ += dt/4·(...)
     * again with the new kinetic energy. Q = g k_B T τ² (eV·fs²), ξ in 1/fs.
     */
    private static double noseHooverHalf(double[] v, double[] m, double xi, double dt, Ensemble.NoseHoover h) {
        int g = MdState.degreesOfFreedom(m.length);
        double kt = Units.BOLTZMANN * h.temperature();
        double q = g * kt * h.damping() * h.damping();
        xi += 0.25 * dt * (2 * MdState.kineticEnergy(v, m) - g * kt) / q;
        double scale = Math.exp(-0.5 * dt * xi);
        for (int i = 0; i < v.length; i++) v[i] *= scale;
        xi += 0.25 * dt * (2 * MdState.kineticEnergy(v, m) - g * kt) / q;
        return xi;
    }

    private static void kick(double[] v, double[] m, ForceField.Evaluation ev, double h) {
        for (int a = 0; a < m.length; a++) {
            double dtfm = h * Units.ACCELERATION / m[a];
            for (int k = 0; k < 3; k++) v[3 * a + k] += dtfm * ev.force(a, k);
        }
    }
}
