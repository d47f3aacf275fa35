package io.github.hdnnpkit.md;

/**
 * How an MD segment treats the heat: isolated (NVE), or coupled to a bath at a temperature by a Langevin or a
 * Nosé–Hoover thermostat. Damping times in fs; LAMMPS's {@code fix langevin ... damp} and {@code fix nvt ... Tdamp}
 * take the same quantity in ps.
 */
public sealed interface Ensemble {
    /** Microcanonical: velocity Verlet, total energy conserved up to the integrator's O(dt²) error. */
    record Nve() implements Ensemble {
    }

    /**
     * Langevin dynamics (friction γ = 1/damping and the matching random force), integrated with the BAOAB splitting of
     * Leimkuhler &amp; Matthews (2013), which samples configurations at the target temperature with small time-step bias.
     */
    record Langevin(double temperature, double damping) implements Ensemble {
        public Langevin {
            check(temperature, damping);
        }
    }

    /**
     * One Nosé–Hoover thermostat variable (no chain), Q = g k_B T τ², integrated with the symmetric
     * thermostat-half-step / velocity Verlet / thermostat-half-step splitting; its extended energy is conserved.
     */
    record NoseHoover(double temperature, double damping) implements Ensemble {
        public NoseHoover {
            check(temperature, damping);
        }
    }

    static Ensemble nve() { return new Nve(); }

    static Ensemble langevin(double temperature, double dampingFs) { return new Langevin(temperature, dampingFs); }

    static Ensemble noseHoover(double temperature, double dampingFs) { return new NoseHoover(temperature, dampingFs); }

    /** A short label: {@code NVE}, {@code Langevin 1500 K}, ... */
    default String label() {
        if (this instanceof Langevin l) return "Langevin " + l.temperature() + " K (" + l.damping() + " fs)";
        if (this instanceof NoseHoover h) return "Nosé–Hoover " + h.temperature() + " K (" + h.damping() + " fs)";
        return "NVE";
    }

    private static void check(double temperature, double damping) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) throw new IllegalArgumentException("thermostat temperature must be > 0 K, got " + temperature);
        if (!(damping > 0) || !Double.isFinite(damping)) throw new IllegalArgumentException("thermostat damping must be > 0 fs, got " + damping);
    }
}
