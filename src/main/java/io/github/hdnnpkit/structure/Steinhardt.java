package io.github.hdnnpkit.structure;

/**
 * Steinhardt–Nelson–Ronchetti bond-orientational order (PRB 28, 784, 1983) of one configuration, for one degree l:
 * per atom i with neighbours j inside the cutoff
 * <pre>
 *   q_lm(i) = (1/N_b(i)) Σ_j Y_lm(r̂_ij),      q_l(i) = sqrt( 4π/(2l+1) Σ_m |q_lm(i)|² )
 * </pre>
 * and the configuration's bond average {@code Q_l} (the q_lm summed over all bonds before the norm). Both are
 * invariant under rotations of the whole crystal, unlike a structure factor along fixed lattice directions. Perfect
 * lattices (first shell; BCC with its 8 + 6 neighbours): Q6 = 0.5745 (FCC), 0.4848 (HCP), 0.5106 (BCC), 0.6633
 * (icosahedron). The global Q_l of a liquid, or of grains in several orientations, falls towards N_b^-1/2 of the
 * whole cell, while the per-atom q_l stays finite (≈ 0.3–0.4 in a liquid with 12 neighbours).
 *
 * <p>{@link #solidLike} is the local criterion of ten Wolde, Ruiz-Montero and Frenkel (J. Chem. Phys. 104, 9932,
 * 1996): bonds i–j whose normalised q_6m vectors overlap, {@code Σ_m q_6m(i) q_6m(j)* / (|q_6(i)| |q_6(j)|) > 0.7},
 * are "crystal-like"; an atom with at least 7 of them is solid-like. It tells a crystal grain in any orientation from
 * the liquid around it, atom by atom.
 */
public final class Steinhardt {
    /** ten Wolde et al.'s threshold on the normalised q6 overlap of a bond. */
    public static final double BOND_OVERLAP = 0.7;
    /** ten Wolde et al.'s minimum number of crystal-like bonds of a solid-like atom. */
    public static final int MIN_CRYSTAL_BONDS = 7;

    private final int l;
    private final NeighbourList neighbours;
    private final double[] re, im;   // q_lm(i) for m = 0..l (m < 0 follows from q_l,-m = (-1)^m conj(q_lm))
    private final int[] count;

    private Steinhardt(int l, NeighbourList nl) {
        this.l = l;
        this.neighbours = nl;
        int n = nl.atoms();
        re = new double[n * (l + 1)];
        im = new double[n * (l + 1)];
        count = new int[n];
        double[] p = new double[l + 1];
        for (int i = 0; i < n; i++) {
            for (int e = nl.start(i); e < nl.end(i); e++) {
                double r = nl.distance(e);
                double ct = nl.dz(e) / r, phi = Math.atan2(nl.dy(e), nl.dx(e));
                normalisedLegendre(l, ct, p);
                for (int m = 0; m <= l; m++) {
                    re[i * (l + 1) + m] += p[m] * Math.cos(m * phi);
                    im[i * (l + 1) + m] += p[m] * Math.sin(m * phi);
                }
            }
            count[i] = nl.count(i);
            if (count[i] > 0)
                for (int m = 0; m <= l; m++) {
                    re[i * (l + 1) + m] /= count[i];
                    im[i * (l + 1) + m] /= count[i];
                }
        }
    }

    /** The order of degree {@code l} with neighbours closer than {@code cutoff} (Å). */
    public static Steinhardt of(Configuration c, int l, double cutoff) {
        if (l < 0 || l > 12) throw new IllegalArgumentException("degree l must be in 0..12, got " + l);
        if (!(cutoff > 0)) throw new IllegalArgumentException("cutoff must be positive, got " + cutoff);
        return new Steinhardt(l, NeighbourList.of(c, cutoff));
    }

    public int degree() { return l; }

    /** Neighbours of atom i inside the cutoff. */
    public int neighbours(int atom) { return count[atom]; }

    /** q_l of one atom (NaN without neighbours). */
    public double atom(int i) {
        if (count[i] == 0) return Double.NaN;
        return Math.sqrt(4 * Math.PI / (2 * l + 1) * dot(i, i));
    }

    /** q_l of every atom. */
    public double[] perAtom() {
        double[] q = new double[count.length];
        for (int i = 0; i < q.length; i++) q[i] = atom(i);
        return q;
    }

    /** The mean of q_l over the atoms that have neighbours. */
    public double meanPerAtom() {
        double s = 0;
        int k = 0;
        for (int i = 0; i < count.length; i++)
            if (count[i] > 0) {
                s += atom(i);
                k++;
            }
        return k == 0 ? Double.NaN : s / k;
    }

    /** The bond average Q_l: every bond weighs the same (Steinhardt et al.'s Q̄_lm over all bonds). */
    public double global() {
        double[] sr = new double[l + 1], si = new double[l + 1];
        long bonds = 0;
        for (int i = 0; i < count.length; i++) {
            for (int m = 0; m <= l; m++) {
                sr[m] += re[i * (l + 1) + m] * count[i];
                si[m] += im[i * (l + 1) + m] * count[i];
            }
            bonds += count[i];
        }
        if (bonds == 0) return Double.NaN;
        double s = sr[0] * sr[0] + si[0] * si[0];
        for (int m = 1; m <= l; m++) s += 2 * (sr[m] * sr[m] + si[m] * si[m]);
        return Math.sqrt(4 * Math.PI / (2 * l + 1) * s) / bonds;
    }

    /** Σ_{m=-l..l} q_lm(i) q_lm(j)*, real because the sum is symmetric in ±m. */
    private double dot(int i, int j) {
        int a = i * (l + 1), b = j * (l + 1);
        double s = re[a] * re[b] + im[a] * im[b];
        for (int m = 1; m <= l; m++) s += 2 * (re[a + m] * re[b + m] + im[a + m] * im[b + m]);
        return s;
    }

    /** Whether each atom is solid-like by ten Wolde et al.'s criterion ({@link #BOND_OVERLAP}, {@link #MIN_CRYSTAL_BONDS}). */
    public boolean[] solidLike() {
        int n = count.length;
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) norm[i] = Math.sqrt(dot(i, i));
        boolean[] solid = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (norm[i] == 0) continue;
            int crystalBonds = 0;
            for (int e = neighbours.start(i); e < neighbours.end(i); e++) {
                int j = neighbours.neighbour(e);
                if (norm[j] > 0 && dot(i, j) / (norm[i] * norm[j]) > BOND_OVERLAP) crystalBonds++;
            }
            solid[i] = crystalBonds >= MIN_CRYSTAL_BONDS;
        }
        return solid;
    }

    /** The fraction of solid-like atoms. */
    public double solidFraction() {
        boolean[] s = solidLike();
        int k = 0;
        for (boolean b : s) if (b) k++;
        return (double) k / s.length;
    }

    /**
     * The normalised associated Legendre functions {@code P̄_lm(x) = sqrt((2l+1)/(4π) (l-m)!/(l+m)!) P_lm(x)} for
     * m = 0..l (Condon–Shortley phase), so that {@code Y_lm = P̄_lm(cos θ) e^{imφ}}; by the stable recurrences in m
     * and l (Numerical Recipes §6.7).
     */
    static void normalisedLegendre(int l, double x, double[] out) {
        double s = Math.sqrt(Math.max(0, 1 - x * x));
        for (int m = 0; m <= l; m++) {
            double pmm = Math.sqrt(1 / (4 * Math.PI));
            for (int k = 1; k <= m; k++) pmm *= -Math.sqrt((2.0 * k + 1) / (2.0 * k)) * s;
            if (l == m) {
                out[m] = pmm;
                continue;
            }
            double pm1 = x * Math.sqrt(2.0 * m + 3) * pmm;
            if (l == m + 1) {
                out[m] = pm1;
                continue;
            }
            double prev = pmm, cur = pm1;
            for (int ll = m + 2; ll <= l; ll++) {
                double a = Math.sqrt((4.0 * ll * ll - 1) / ((double) ll * ll - (double) m * m));
                double b = Math.sqrt(((ll - 1.0) * (ll - 1.0) - (double) m * m) / (4.0 * (ll - 1.0) * (ll - 1.0) - 1));
                double next = a * (x * cur - b * prev);
                prev = cur;
                cur = next;
            }
            out[m] = cur;
        }
    }
}
