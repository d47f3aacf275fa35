package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;

/**
 * An angular function over pairs of neighbours (j, k) of species {neighbour1, neighbour2}:
 * <pre>
 *   G_i = F · 2^(1−ζ) Σ_{j&lt;k} (1 + λ cos θ_ijk)^ζ · exp(−η[(r_ij−r_s)² + (r_ik−r_s)² (+ (r_jk−r_s)²)])
 *                              · f_c(r_ij) f_c(r_ik) (· f_c(r_jk))
 * </pre>
 * with cos θ_ijk = r_ij·r_ik/(r_ij r_ik), the bracketed r_jk factors only in G4, a term with 1 + λ cos θ ≤ 0 counting
 * 0, and F = {@link Convention#angularFactor()} (1 for n2p2's j &lt; k, 2 for the thesis's all j ≠ k). The thesis has
 * r_s = 0; n2p2 allows a shift, kept here for exchange.
 */
public sealed interface AngularSymmetryFunction extends SymmetryFunction permits AngularG4, AngularG5 {
    String neighbour1();

    String neighbour2();

    double eta();

    double zeta();

    /** +1 or −1. */
    double lambda();

    double rs();

    /** True for G4 (the r_jk factors), false for G5. */
    boolean includesJk();

    @Override
    default boolean isAngular() {
        return true;
    }

    /** Whether the unordered pair of species (a, b) is the one this function sums over. */
    default boolean matches(String a, String b) {
        return (a.equals(neighbour1()) && b.equals(neighbour2())) || (a.equals(neighbour2()) && b.equals(neighbour1()));
    }

    @Override
    default double evaluate(Configuration c, NeighbourList nl, int i, Convention convention, double[] gradient) {
        if (nl.cutoff() < rc()) throw new IllegalArgumentException("neighbour list cutoff " + nl.cutoff() + " < " + rc());
        if (!c.species(i).equals(centre())) return 0.0;
        CutoffFunction fc = cutoff();
        double rc = rc(), eta = eta(), zeta = zeta(), lambda = lambda(), rs = rs();
        double norm = Math.pow(2.0, 1.0 - zeta) * convention.angularFactor();
        boolean g4 = includesJk();
        double sum = 0;
        for (int ej = nl.start(i); ej < nl.end(i); ej++) {
            double rij = nl.distance(ej);
            if (rij >= rc) continue;
            int j = nl.neighbour(ej);
            for (int ek = ej + 1; ek < nl.end(i); ek++) {
                double rik = nl.distance(ek);
                if (rik >= rc) continue;
                int k = nl.neighbour(ek);
                if (!matches(c.species(j), c.species(k))) continue;
                double ax = nl.dx(ej), ay = nl.dy(ej), az = nl.dz(ej);
                double bx = nl.dx(ek), by = nl.dy(ek), bz = nl.dz(ek);
                double cos = (ax * bx + ay * by + az * bz) / (rij * rik);
                double base = 1.0 + lambda * cos;
                if (base <= 0) continue;
                double cx = bx - ax, cy = by - ay, cz = bz - az;
                double rjk = 0, fjk = 1, dfjk = 0, ejk = 1;
                if (g4) {
                    rjk = Math.sqrt(cx * cx + cy * cy + cz * cz);
                    if (rjk >= rc) continue;
                    fjk = fc.value(rjk);
                    dfjk = fc.derivative(rjk);
                    ejk = Math.exp(-eta * (rjk - rs) * (rjk - rs));
                }
                double eij = Math.exp(-eta * (rij - rs) * (rij - rs)), eik = Math.exp(-eta * (rik - rs) * (rik - rs));
                double fij = fc.value(rij), fik = fc.value(rik);
                double p = Math.pow(base, zeta);
                double radial = eij * eik * ejk * fij * fik * fjk;
                sum += p * radial;
                if (gradient != null) {
                    double dpdcos = zeta * lambda * Math.pow(base, zeta - 1);
                    // d(radial)/dr for each of the three distances, from d ln(e f)/dr = -2η(r - r_s) + f'/f
                    double dRij = eij * eik * ejk * fik * fjk * (fc.derivative(rij) - 2 * eta * (rij - rs) * fij);
                    double dRik = eij * eik * ejk * fij * fjk * (fc.derivative(rik) - 2 * eta * (rik - rs) * fik);
                    double dRjk = g4 ? eij * eik * ejk * fij * fik * (dfjk - 2 * eta * (rjk - rs) * fjk) : 0;
                    double inv = 1.0 / (rij * rik);
                    // dcos/da = b/(|a||b|) - cos a/|a|², dcos/db = a/(|a||b|) - cos b/|b|²
                    double ca = cos / (rij * rij), cb = cos / (rik * rik);
                    double sa = dpdcos * radial, ra = p * dRij / rij, rb = p * dRik / rik;
                    double rcjk = g4 ? p * dRjk / rjk : 0;
                    double gax = sa * (bx * inv - ca * ax) + ra * ax - rcjk * cx;
                    double gay = sa * (by * inv - ca * ay) + ra * ay - rcjk * cy;
                    double gaz = sa * (bz * inv - ca * az) + ra * az - rcjk * cz;
                    double gbx = sa * (ax * inv - cb * bx) + rb * bx + rcjk * cx;
                    double gby = sa * (ay * inv - cb * by) + rb * by + rcjk * cy;
                    double gbz = sa * (az * inv - cb * bz) + rb * bz + rcjk * cz;
                    gradient[3 * j] += norm * gax;
                    gradient[3 * j + 1] += norm * gay;
                    gradient[3 * j + 2] += norm * gaz;
                    gradient[3 * k] += norm * gbx;
                    gradient[3 * k + 1] += norm * gby;
                    gradient[3 * k + 2] += norm * gbz;
                    gradient[3 * i] -= norm * (gax + gbx);
                    gradient[3 * i + 1] -= norm * (gay + gby);
                    gradient[3 * i + 2] -= norm * (gaz + gbz);
                }
            }
        }
        return norm * sum;
    }

    default String parameters() {
        return "eta=" + SymmetryFunction.format(eta()) + ",zeta=" + SymmetryFunction.format(zeta()) + ",lambda="
                + SymmetryFunction.format(lambda()) + ",rc=" + SymmetryFunction.format(rc())
                + (rs() != 0 ? ",rs=" + SymmetryFunction.format(rs()) : "");
    }

    @Override
    default String name() {
        return "G" + type() + "(" + parameters() + ")";
    }

    @Override
    default String fullName() {
        return "G" + type() + "[" + centre() + ";" + neighbour1() + "," + neighbour2() + "](" + parameters() + ")";
    }

    static void validate(String centre, String n1, String n2, double eta, double zeta, double lambda, double rs, CutoffFunction cutoff) {
        SymmetryFunction.checkElement("centre", centre);
        SymmetryFunction.checkElement("neighbour", n1);
        SymmetryFunction.checkElement("neighbour", n2);
        SymmetryFunction.checkFinite("eta", eta);
        SymmetryFunction.checkFinite("r_s", rs);
        if (eta < 0) throw new IllegalArgumentException("eta must be ≥ 0: " + eta);
        if (!(zeta >= 1) || !Double.isFinite(zeta)) throw new IllegalArgumentException("zeta must be ≥ 1: " + zeta);
        if (lambda != 1.0 && lambda != -1.0) throw new IllegalArgumentException("lambda must be +1 or -1: " + lambda);
        java.util.Objects.requireNonNull(cutoff, "cutoff");
    }
}
