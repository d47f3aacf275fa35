package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.NeighbourList;

import java.util.Objects;

/**
 * The descriptors of one configuration together with their analytic derivatives, stored sparsely per neighbour pair:
 * for every entry e of the neighbour list (atom i, neighbour j — possibly a periodic image, possibly i itself) and
 * every function f, the 3-vector ∂G_{i,f}/∂d_e, d_e = r_j + T − r_i the entry's displacement. Translation invariance
 * gives the rest: ∂G_{i,f}/∂r_i = −Σ_e ∂G_{i,f}/∂d_e, and ∂G_{i,f}/∂r_j sums the entries that point at j. Nothing else
 * is stored, so memory is 24 bytes × entries × functions (see {@link #bytes()}).
 *
 * <p>Made by {@link SetDerivativeEvaluator}; immutable by convention (the arrays are never handed out).
 */
public final class DescriptorDerivatives {
    private final int atoms, functions;
    private final double[] values;      // (atom, function) row-major
    private final NeighbourList neighbours;
    private final double[] d;           // ((entry * functions + f) * 3 + axis)
    private int[] pointingStart, pointingEntry, pointingOwner;   // entries grouped by the atom they point at (made on first use)

    DescriptorDerivatives(int atoms, int functions, double[] values, NeighbourList neighbours, double[] d) {
        this.atoms = atoms;
        this.functions = functions;
        this.values = values;
        this.neighbours = Objects.requireNonNull(neighbours);
        this.d = d;
    }

    public int atoms() { return atoms; }

    public int functions() { return functions; }

    public NeighbourList neighbours() { return neighbours; }

    /** A copy of the values, row-major (atom, function), in double precision. */
    public double[] values() { return values.clone(); }

    /** G_{atom, function}. */
    public double value(int atom, int function) { return values[atom * functions + function]; }

    /** Heap bytes of the values and derivatives (the neighbour list not counted). */
    public long bytes() { return 8L * values.length + 8L * d.length; }

    /**
     * The gradient of the weighted sum {@code S = Σ_i Σ_f w[i·F + f] · G_{i,f}} with respect to every position,
     * {@code ∂S/∂r_a} flat (x, y, z per atom, length 3N). With w = ∂E/∂G the forces are its negative.
     */
    public double[] contract(double[] weights) {
        if (weights.length != atoms * functions)
            throw new IllegalArgumentException(weights.length + " weights for " + atoms + " atoms × " + functions + " functions");
        double[] out = new double[3 * atoms];
        for (int i = 0; i < atoms; i++) {
            int row = i * functions;
            for (int e = neighbours.start(i), end = neighbours.end(i); e < end; e++) {
                double vx = 0, vy = 0, vz = 0;
                int o = e * functions * 3;
                for (int f = 0; f < functions; f++, o += 3) {
                    double w = weights[row + f];
                    vx += w * d[o];
                    vy += w * d[o + 1];
                    vz += w * d[o + 2];
                }
                int j = neighbours.neighbour(e);
                out[3 * j] += vx;
                out[3 * j + 1] += vy;
                out[3 * j + 2] += vz;
                out[3 * i] -= vx;
                out[3 * i + 1] -= vy;
                out[3 * i + 2] -= vz;
            }
        }
        return out;
    }

    /**
     * The directional derivatives {@code u[i·F + f] = Σ_a v_a · ∂G_{i,f}/∂r_a} of every descriptor along the
     * displacement field v (flat, 3N): the transpose of {@link #contract}, used by the force term of training.
     */
    public double[] project(double[] v) {
        if (v.length != 3 * atoms) throw new IllegalArgumentException(v.length + " components for " + atoms + " atoms, expected " + 3 * atoms);
        double[] u = new double[atoms * functions];
        for (int i = 0; i < atoms; i++) {
            int row = i * functions;
            for (int e = neighbours.start(i), end = neighbours.end(i); e < end; e++) {
                int j = neighbours.neighbour(e);
                double dx = v[3 * j] - v[3 * i], dy = v[3 * j + 1] - v[3 * i + 1], dz = v[3 * j + 2] - v[3 * i + 2];
                int o = e * functions * 3;
                for (int f = 0; f < functions; f++, o += 3) u[row + f] += d[o] * dx + d[o + 1] * dy + d[o + 2] * dz;
            }
        }
        return u;
    }

    /**
     * How every descriptor moves with one coordinate: the atoms i whose descriptors depend on {@code r_{atom, axis}}
     * (the atom itself and every atom with it in its neighbour list) and ∂G_{i,f}/∂r_{atom,axis} for them — one
     * column of the Jacobian of {@link #project}, what a single force-component observation of the Kalman filter
     * needs, without touching the other atoms.
     */
    public Column column(int atom, int axis) {
        Objects.checkIndex(atom, atoms);
        Objects.checkIndex(axis, 3);
        if (pointingStart == null) indexPointing();
        int from = pointingStart[atom], to = pointingStart[atom + 1];
        int[] others = java.util.Arrays.stream(pointingOwner, from, to).filter(i -> i != atom).sorted().distinct().toArray();
        int m = others.length + 1;
        int[] distinctOwners = new int[m];
        distinctOwners[0] = atom;
        System.arraycopy(others, 0, distinctOwners, 1, others.length);
        double[] u = new double[m * functions];
        // the atom's own descriptors: −Σ over its entries (translation invariance)
        for (int e = neighbours.start(atom), end = neighbours.end(atom); e < end; e++) {
            int o = e * functions * 3 + axis;
            for (int f = 0; f < functions; f++, o += 3) u[f] -= d[o];
        }
        // every entry that points at the atom (self-images included): +∂G_{owner}/∂d_e
        for (int q = from; q < to; q++) {
            int e = pointingEntry[q], i = pointingOwner[q];
            int row = i == atom ? 0 : java.util.Arrays.binarySearch(distinctOwners, 1, m, i);
            int o = e * functions * 3 + axis;
            for (int f = 0; f < functions; f++, o += 3) u[row * functions + f] += d[o];
        }
        return new Column(distinctOwners, u, functions);
    }

    /**
     * One column of the descriptor Jacobian: {@code values[k·F + f] = ∂G_{atoms[k], f}/∂r_{atom, axis}}, the moved
     * atom first.
     */
    public record Column(int[] atoms, double[] values, int functions) {
    }

    private void indexPointing() {
        int entries = neighbours.size();
        int[] count = new int[atoms + 1];
        for (int e = 0; e < entries; e++) count[neighbours.neighbour(e) + 1]++;
        for (int a = 0; a < atoms; a++) count[a + 1] += count[a];
        int[] entry = new int[entries], owner = new int[entries], fill = count.clone();
        for (int i = 0; i < atoms; i++)
            for (int e = neighbours.start(i), end = neighbours.end(i); e < end; e++) {
                int q = fill[neighbours.neighbour(e)]++;
                entry[q] = e;
                owner[q] = i;
            }
        pointingEntry = entry;
        pointingOwner = owner;
        pointingStart = count;
    }

    /** ∂G_{atom,function}/∂r_a for every atom a, flat (3N): the dense gradient of one value (tests, inspection). */
    public double[] gradient(int atom, int function) {
        Objects.checkIndex(atom, atoms);
        Objects.checkIndex(function, functions);
        double[] g = new double[3 * atoms];
        for (int e = neighbours.start(atom), end = neighbours.end(atom); e < end; e++) {
            int j = neighbours.neighbour(e), o = (e * functions + function) * 3;
            for (int x = 0; x < 3; x++) {
                g[3 * j + x] += d[o + x];
                g[3 * atom + x] -= d[o + x];
            }
        }
        return g;
    }
}
