package io.github.hdnnpkit.structure;

import java.util.Arrays;

/**
 * Neighbour search by binning (a cell list), O(N) in the number of atoms for any cell shape.
 *
 * <p>The method, chosen so that no special case is needed for small or skewed cells:
 * <ol>
 * <li>atoms are wrapped into the cell along periodic directions (so atoms slightly outside the box are fine);</li>
 * <li>every periodic image whose fractional coordinate lies within the cutoff's reach of the cell
 * ({@code -p_k <= s_k < 1 + p_k}, {@code p_k = rc / d_k}, {@code d_k} the spacing of the lattice planes) is
 * materialised as a ghost — a cell shorter than twice the cutoff simply produces several layers of ghosts, a 4-atom
 * cell with a 6.8 Å cutoff a few hundred;</li>
 * <li>ghosts are binned on a grid of fractional bins at least {@code p_k} wide, so that two points closer than the
 * cutoff always lie in the same or adjacent bins, also for triclinic cells ({@code |Δs_k| <= rc |b_k| = p_k},
 * {@code b_k} the reciprocal vector);</li>
 * <li>each real atom scans the 27 bins around its own.</li>
 * </ol>
 * A configuration without lattice (a cluster) or without any periodic direction is binned in its bounding box with no
 * images.
 */
public final class CellList {
    private CellList() {
    }

    /*
     * The steps are separate methods, not one: the JIT compiles each hot loop on its own, and one method holding all
     * four loops took C2 over a second of CPU to compile (on-stack replacement, twice) in a 2-core descriptor run of
     * 200 configurations, longer than the neighbour search itself ran.
     */
    static NeighbourList neighbours(Configuration c, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) throw new IllegalArgumentException("cutoff must be positive: " + cutoff);
        int n = c.size();
        double[] pos = c.positions();
        boolean[] pbc = c.pbc();
        Lattice lat = c.lattice().orElse(null);
        if (lat == null) {
            pbc = new boolean[3];
            lat = boundingBox(pos);
        }
        double[][] vec = {lat.vector(0), lat.vector(1), lat.vector(2)};
        double[] pad = new double[3];
        // a hair wider than the exact reach, so rounding never drops an image at distance just below the cutoff
        for (int k = 0; k < 3; k++) pad[k] = cutoff / lat.planeSpacing(k) * (1 + 1e-9) + 1e-12;

        // 1. fractional coordinates, wrapped along periodic directions
        double[] frac = new double[3 * n];
        double[] wrapped = new double[3 * n];
        wrap(pos, lat, vec, pbc, frac, wrapped);

        // 2. ghosts: every image within reach of the cell, the real atoms first (translation 0)
        double[] lo = new double[3], hi = new double[3];
        int[] reach = new int[3];
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) {
                lo[k] = -pad[k];
                hi[k] = 1 + pad[k];
                reach[k] = (int) Math.ceil(pad[k]);
            } else {
                lo[k] = Double.POSITIVE_INFINITY;
                hi[k] = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < n; a++) {
                    lo[k] = Math.min(lo[k], frac[3 * a + k]);
                    hi[k] = Math.max(hi[k], frac[3 * a + k]);
                }
                if (n == 0) { lo[k] = 0; hi[k] = 1; }
                // the filter below is half-open: widen so the outermost atom's images in other directions stay in
                hi[k] = Math.max(hi[k] + 1e-9 * Math.max(1.0, Math.abs(hi[k])), lo[k] + 1e-12);
            }
        }
        // sized for the expected count (atoms × the ghost region's volume in cells), so that it rarely grows: the
        // growth path, once taken, is compiled into every add
        double region = 1;
        for (int k = 0; k < 3; k++) region *= Math.max(1.0, hi[k] - lo[k]);
        GrowableGhosts g = new GrowableGhosts((int) Math.min(1 << 28, Math.max(16, 1.05 * n * region + 64)));
        for (int a = 0; a < n; a++) g.add(a, frac[3 * a], frac[3 * a + 1], frac[3 * a + 2],
                wrapped[3 * a], wrapped[3 * a + 1], wrapped[3 * a + 2]);
        for (int t0 = -reach[0]; t0 <= reach[0]; t0++)
            for (int t1 = -reach[1]; t1 <= reach[1]; t1++)
                for (int t2 = -reach[2]; t2 <= reach[2]; t2++)
                    if (t0 != 0 || t1 != 0 || t2 != 0) images(g, n, frac, wrapped, vec, lo, hi, t0, t1, t2);

        // 3. bins at least p_k wide in fractional units
        int[] nb = new int[3];
        double[] width = new double[3];
        for (int k = 0; k < 3; k++) {
            double range = hi[k] - lo[k];
            nb[k] = (int) Math.max(1, Math.min(1 << 10, Math.floor(range / pad[k])));
            width[k] = range / nb[k];
        }
        int bins = nb[0] * nb[1] * nb[2];
        int[] binOf = new int[g.size];
        int[] binStart = new int[bins + 1];
        int[] sorted = new int[g.size];
        sortIntoBins(g, lo, width, nb, binOf, binStart, sorted);

        // 4. scan the 27 bins around each real atom
        // expected pairs: each atom's cutoff sphere at the cell's density, 20 % spare (clusters: a guess)
        double perAtom = lat != null && (pbc[0] || pbc[1] || pbc[2])
                ? 4.19 * cutoff * cutoff * cutoff * n / Math.abs(lat.volume()) : 32;
        int capacity = (int) Math.min(1 << 28, Math.max(16, n * (1.2 * perAtom + 4)));
        return scan(g, n, cutoff, nb, binOf, binStart, sorted, capacity);
    }

    private static void wrap(double[] pos, Lattice lat, double[][] vec, boolean[] pbc, double[] frac, double[] wrapped) {
        double[] p = new double[3], shift = new double[3];
        for (int a = 0; a < pos.length / 3; a++) {
            p[0] = pos[3 * a];
            p[1] = pos[3 * a + 1];
            p[2] = pos[3 * a + 2];
            double[] s = lat.toFractional(p);
            for (int k = 0; k < 3; k++) {
                shift[k] = 0;
                if (pbc[k]) {
                    double f = Math.floor(s[k]);
                    s[k] -= f;
                    if (s[k] >= 1.0) s[k] -= 1.0;   // floor of -1e-18 leaves exactly 1.0
                    shift[k] = f;
                }
                frac[3 * a + k] = s[k];
            }
            for (int x = 0; x < 3; x++)
                wrapped[3 * a + x] = pos[3 * a + x] - shift[0] * vec[0][x] - shift[1] * vec[1][x] - shift[2] * vec[2][x];
        }
    }

    /** The images of all atoms under translation (t0, t1, t2) that fall within [lo, hi). */
    private static void images(GrowableGhosts g, int n, double[] frac, double[] wrapped, double[][] vec, double[] lo,
                               double[] hi, int t0, int t1, int t2) {
        double tx = t0 * vec[0][0] + t1 * vec[1][0] + t2 * vec[2][0];
        double ty = t0 * vec[0][1] + t1 * vec[1][1] + t2 * vec[2][1];
        double tz = t0 * vec[0][2] + t1 * vec[1][2] + t2 * vec[2][2];
        for (int a = 0; a < n; a++) {
            double s0 = frac[3 * a] + t0, s1 = frac[3 * a + 1] + t1, s2 = frac[3 * a + 2] + t2;
            if (s0 < lo[0] || s0 >= hi[0] || s1 < lo[1] || s1 >= hi[1] || s2 < lo[2] || s2 >= hi[2]) continue;
            g.add(a, s0, s1, s2, wrapped[3 * a] + tx, wrapped[3 * a + 1] + ty, wrapped[3 * a + 2] + tz);
        }
    }

    /** Counting sort of the ghosts by bin: {@code sorted[binStart[b] .. binStart[b+1])} are bin b's. */
    private static void sortIntoBins(GrowableGhosts g, double[] lo, double[] width, int[] nb, int[] binOf,
                                     int[] binStart, int[] sorted) {
        int bins = binStart.length - 1;
        for (int q = 0; q < g.size; q++) {
            int b = bin(g.s, q, lo, width, nb);
            binOf[q] = b;
            binStart[b + 1]++;
        }
        for (int b = 0; b < bins; b++) binStart[b + 1] += binStart[b];
        int[] fill = Arrays.copyOf(binStart, bins);
        for (int q = 0; q < g.size; q++) sorted[fill[binOf[q]]++] = q;
    }

    private static NeighbourList scan(GrowableGhosts g, int n, double cutoff, int[] nb, int[] binOf, int[] binStart,
                                      int[] sorted, int capacity) {
        double rc2 = cutoff * cutoff;
        int[] start = new int[n + 1];
        Pairs out = new Pairs(capacity);
        for (int a = 0; a < n; a++) {
            start[a] = out.size;
            scanAround(g, a, nb, binOf[a], binStart, sorted, rc2, out);   // real atoms are the first n ghosts
        }
        start[n] = out.size;
        int m = out.size;
        return new NeighbourList(n, cutoff, start, Arrays.copyOf(out.idx, m), Arrays.copyOf(out.dx, m),
                Arrays.copyOf(out.dy, m), Arrays.copyOf(out.dz, m), Arrays.copyOf(out.r, m));
    }

    /**
     * The 27 bins around real atom a (its own bin b). A method of its own, called once per atom: a short method that
     * is called often is compiled once, while loops nested in the atom loop made C2 compile {@code scan} up to five
     * times (on-stack replacement at each loop head, then the whole method), 0.5 s of compiler time in a run of 1.5 s.
     */
    private static void scanAround(GrowableGhosts g, int a, int[] nb, int b, int[] binStart, int[] sorted, double rc2,
                                   Pairs out) {
        int b2 = b % nb[2], b1 = (b / nb[2]) % nb[1], b0 = b / (nb[1] * nb[2]);
        int hi0 = Math.min(nb[0] - 1, b0 + 1), hi1 = Math.min(nb[1] - 1, b1 + 1), hi2 = Math.min(nb[2] - 1, b2 + 1);
        for (int i0 = Math.max(0, b0 - 1); i0 <= hi0; i0++)
            for (int i1 = Math.max(0, b1 - 1); i1 <= hi1; i1++)
                for (int i2 = Math.max(0, b2 - 1); i2 <= hi2; i2++) {
                    int cell = (i0 * nb[1] + i1) * nb[2] + i2;
                    scanBin(g, a, sorted, binStart[cell], binStart[cell + 1], rc2, out);
                }
    }

    /** The ghosts {@code sorted[from..to)} within the cutoff of real atom a. */
    private static void scanBin(GrowableGhosts g, int a, int[] sorted, int from, int to, double rc2, Pairs out) {
        double xa = g.x[a], ya = g.y[a], za = g.z[a];
        for (int p = from; p < to; p++) {
            int q = sorted[p];
            if (q == a) continue;
            double x = g.x[q] - xa, y = g.y[q] - ya, z = g.z[q] - za;
            double d2 = x * x + y * y + z * z;
            if (d2 < rc2) out.add(g.atom[q], x, y, z, Math.sqrt(d2));
        }
    }

    /** The neighbour pairs found so far (atom index, displacement, distance), growing. */
    private static final class Pairs {
        int size;
        int[] idx;
        double[] dx, dy, dz, r;

        Pairs(int capacity) {
            idx = new int[capacity];
            dx = new double[capacity];
            dy = new double[capacity];
            dz = new double[capacity];
            r = new double[capacity];
        }

        void add(int atom, double x, double y, double z, double d) {
            if (size == idx.length) {
                int nc = idx.length * 2;
                idx = Arrays.copyOf(idx, nc);
                dx = Arrays.copyOf(dx, nc);
                dy = Arrays.copyOf(dy, nc);
                dz = Arrays.copyOf(dz, nc);
                r = Arrays.copyOf(r, nc);
            }
            idx[size] = atom;
            dx[size] = x;
            dy[size] = y;
            dz[size] = z;
            r[size] = d;
            size++;
        }
    }

    private static int bin(double[] s, int q, double[] lo, double[] width, int[] nb) {
        int[] c = new int[3];
        for (int k = 0; k < 3; k++) {
            int v = (int) Math.floor((s[3 * q + k] - lo[k]) / width[k]);
            c[k] = Math.max(0, Math.min(nb[k] - 1, v));
        }
        return (c[0] * nb[1] + c[1]) * nb[2] + c[2];
    }

    /** An axis-aligned box around a cluster, used only to bin it (no periodic images). */
    private static Lattice boundingBox(double[] pos) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int a = 0; a < pos.length / 3; a++)
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], pos[3 * a + k]);
                hi[k] = Math.max(hi[k], pos[3 * a + k]);
            }
        double[] len = new double[3];
        for (int k = 0; k < 3; k++) len[k] = pos.length == 0 ? 1 : Math.max(1.0, hi[k] - lo[k] + 1.0);
        return Lattice.orthorhombic(len[0], len[1], len[2]);
    }

    private static final class GrowableGhosts {
        int size;
        int[] atom;
        double[] s, x, y, z;

        GrowableGhosts(int capacity) {
            atom = new int[capacity];
            s = new double[3 * capacity];
            x = new double[capacity];
            y = new double[capacity];
            z = new double[capacity];
        }

        void add(int a, double s0, double s1, double s2, double px, double py, double pz) {
            if (size == atom.length) {
                int nc = atom.length * 2;
                atom = Arrays.copyOf(atom, nc);
                s = Arrays.copyOf(s, 3 * nc);
                x = Arrays.copyOf(x, nc);
                y = Arrays.copyOf(y, nc);
                z = Arrays.copyOf(z, nc);
            }
            atom[size] = a;
            s[3 * size] = s0;
            s[3 * size + 1] = s1;
            s[3 * size + 2] = s2;
            x[size] = px;
            y[size] = py;
            z[size] = pz;
            size++;
        }
    }
}
