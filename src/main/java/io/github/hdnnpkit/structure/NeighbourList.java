package io.github.hdnnpkit.structure;

import java.util.Arrays;

/**
 * All neighbours within a cutoff of every atom of a configuration, periodic images included, found in O(N) with a
 * cell list ({@link CellList}).
 *
 * <p>Stored compressed (CSR): atom {@code i} owns entries {@code start(i) .. start(i+1)-1}; each entry is the index of
 * the neighbour atom {@code j} in the configuration, the displacement {@code r_j + T - r_i} (T a lattice translation,
 * possibly zero) and its length. An atom can appear several times in another atom's list — and in its own — when the
 * cell is shorter than twice the cutoff: every periodic image within the cutoff is a distinct neighbour, which is what
 * the symmetry functions of a periodic crystal sum over. The atom itself at zero displacement is never included.
 */
public final class NeighbourList {
    private final int atoms;
    private final double cutoff;
    private final int[] start;
    private final int[] index;
    private final double[] dx, dy, dz, r;

    NeighbourList(int atoms, double cutoff, int[] start, int[] index, double[] dx, double[] dy, double[] dz, double[] r) {
        this.atoms = atoms;
        this.cutoff = cutoff;
        this.start = start;
        this.index = index;
        this.dx = dx;
        this.dy = dy;
        this.dz = dz;
        this.r = r;
    }

    /** The neighbour list of a configuration for a cutoff radius in Å (neighbours at distance strictly below it). */
    public static NeighbourList of(Configuration configuration, double cutoff) {
        return CellList.neighbours(configuration, cutoff);
    }

    public int atoms() { return atoms; }

    public double cutoff() { return cutoff; }

    /** First entry of atom i; entries of atom i end at {@code start(i + 1)}. */
    public int start(int atom) { return start[atom]; }

    public int end(int atom) { return start[atom + 1]; }

    /** Number of neighbours of atom i (images counted separately). */
    public int count(int atom) { return start[atom + 1] - start[atom]; }

    /** Total number of entries. */
    public int size() { return start[atoms]; }

    /** Index of the neighbour atom of entry e. */
    public int neighbour(int entry) { return index[entry]; }

    public double dx(int entry) { return dx[entry]; }

    public double dy(int entry) { return dy[entry]; }

    public double dz(int entry) { return dz[entry]; }

    /** Distance of entry e in Å. */
    public double distance(int entry) { return r[entry]; }

    /** The sorted distances of atom i's neighbours, for tests and for radial distribution functions. */
    public double[] sortedDistances(int atom) {
        double[] d = Arrays.copyOfRange(r, start[atom], start[atom + 1]);
        Arrays.sort(d);
        return d;
    }

    @Override
    public String toString() {
        return "NeighbourList[" + atoms + " atoms, cutoff " + cutoff + " Å, " + size() + " pairs]";
    }
}
