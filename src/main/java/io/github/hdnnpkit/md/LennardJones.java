package io.github.hdnnpkit.md;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;

/**
 * The Lennard-Jones pair potential U(r) = 4ε[(σ/r)¹² − (σ/r)⁶] between every pair closer than the cutoff, one
 * species. It is here to test the integrators and to compare trajectories with LAMMPS, which has the same potential
 * in two truncations:
 * <ul>
 * <li>{@link Truncation#SHIFTED} = {@code pair_style lj/cut} with {@code pair_modify shift yes}: U − U(r_c) inside,
 * the force jumps to zero at r_c (energy is continuous, its derivative is not);</li>
 * <li>{@link Truncation#SHIFTED_FORCE} = {@code pair_style lj/smooth/linear}: U − U(r_c) − (r − r_c)U'(r_c), energy
 * and force both continuous, so velocity Verlet's energy error is the clean O(dt²) of a smooth potential.</li>
 * </ul>
 *
 * @param epsilon well depth, eV
 * @param sigma   zero crossing, Å
 * @param cutoff  cutoff radius, Å
 */
public record LennardJones(double epsilon, double sigma, double cutoff, Truncation truncation) implements ForceField {
    /** How the potential is cut at r_c. */
    public enum Truncation { SHIFTED, SHIFTED_FORCE }

    public LennardJones {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        if (!(sigma > 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("sigma must be positive, got " + sigma);
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) throw new IllegalArgumentException("cutoff must be positive, got " + cutoff);
        java.util.Objects.requireNonNull(truncation, "truncation");
    }

    /** Argon (ε = 0.0104 eV, σ = 3.40 Å; Rahman 1964), cut at 2.5σ. */
    public static LennardJones argon(Truncation truncation) {
        return new LennardJones(0.0104, 3.40, 2.5 * 3.40, truncation);
    }

    /** The untruncated pair energy 4ε[(σ/r)¹² − (σ/r)⁶], eV. */
    public double pairEnergy(double r) {
        double s6 = Math.pow(sigma / r, 6);
        return 4 * epsilon * (s6 * s6 - s6);
    }

    /** dU/dr of the untruncated potential, eV/Å. */
    public double pairDerivative(double r) {
        double s6 = Math.pow(sigma / r, 6);
        return -24 * epsilon * (2 * s6 * s6 - s6) / r;
    }

    /** The truncated pair energy actually used, eV (zero at and beyond the cutoff). */
    public double truncatedEnergy(double r) {
        if (r >= cutoff) return 0;
        double u = pairEnergy(r) - pairEnergy(cutoff);
        return truncation == Truncation.SHIFTED_FORCE ? u - (r - cutoff) * pairDerivative(cutoff) : u;
    }

    /** −dU/dr of the truncated pair energy, eV/Å. */
    public double truncatedForce(double r) {
        if (r >= cutoff) return 0;
        double f = -pairDerivative(r);
        return truncation == Truncation.SHIFTED_FORCE ? f + pairDerivative(cutoff) : f;
    }

    @Override
    public Evaluation evaluate(Configuration c) {
        NeighbourList nl = NeighbourList.of(c, cutoff);
        int n = c.size();
        double[] f = new double[3 * n];
        // the hot loop in powers of s² = σ²/r² (no Math.pow); the shift constants once per call
        double sigma2 = sigma * sigma, eShift = pairEnergy(cutoff), fShift = truncation == Truncation.SHIFTED_FORCE ? pairDerivative(cutoff) : 0;
        double energy = 0;
        for (int i = 0; i < n; i++) {
            // a full list: every pair appears from both sides, so each side takes half the energy and its own force
            for (int e = nl.start(i); e < nl.end(i); e++) {
                double r = nl.distance(e);
                double s2 = sigma2 / (r * r), s6 = s2 * s2 * s2;
                double u = 4 * epsilon * (s6 * s6 - s6) - eShift - (r - cutoff) * fShift;
                energy += 0.5 * u;
                // −dU/dr = 24ε(2s¹² − s⁶)/r (+ U'(r_c) for the shifted force); the displacement points from i to j
                double fr = (24 * epsilon * (2 * s6 * s6 - s6) / r + fShift) / r;
                f[3 * i] -= fr * nl.dx(e);
                f[3 * i + 1] -= fr * nl.dy(e);
                f[3 * i + 2] -= fr * nl.dz(e);
            }
        }
        return new Evaluation(energy, f);
    }

    @Override
    public String name() {
        return String.format(java.util.Locale.ROOT, "LJ(ε=%s eV, σ=%s Å, r_c=%s Å, %s)", epsilon, sigma, cutoff,
                truncation == Truncation.SHIFTED ? "lj/cut shifted" : "lj/smooth/linear");
    }
}
