package io.github.hdnnpkit.structure;

import java.util.Arrays;

/**
 * The three cell vectors of a periodic configuration, in Å, as rows {@code a, b, c}. Orthorhombic and general
 * triclinic cells are both allowed; the vectors must be right- or left-handed but not degenerate.
 */
public final class Lattice {
    private final double[][] vectors;   // rows a, b, c
    private final double[][] inverse;   // columns: cartesian -> fractional
    private final double volume;

    private Lattice(double[][] vectors) {
        this.vectors = new double[3][];
        for (int i = 0; i < 3; i++) {
            if (vectors[i].length != 3) throw new IllegalArgumentException("lattice vector " + i + " must have 3 components");
            for (double v : vectors[i]) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("lattice vector " + i + " is not finite: " + Arrays.toString(vectors[i]));
            }
            this.vectors[i] = vectors[i].clone();
        }
        double[] a = this.vectors[0], b = this.vectors[1], c = this.vectors[2];
        double[] bxc = cross(b, c), cxa = cross(c, a), axb = cross(a, b);
        double det = dot(a, bxc);
        if (Math.abs(det) < 1e-12) throw new IllegalArgumentException("lattice vectors are degenerate (volume " + det + ")");
        this.volume = Math.abs(det);
        // fractional coordinate s_i = r . (reciprocal_i), reciprocal_i = (b x c)/det etc.
        this.inverse = new double[][]{scale(bxc, 1 / det), scale(cxa, 1 / det), scale(axb, 1 / det)};
    }

    /** A lattice from its three vectors (rows a, b, c). */
    public static Lattice of(double[] a, double[] b, double[] c) {
        return new Lattice(new double[][]{a, b, c});
    }

    /** An orthorhombic box of edge lengths lx, ly, lz. */
    public static Lattice orthorhombic(double lx, double ly, double lz) {
        return of(new double[]{lx, 0, 0}, new double[]{0, ly, 0}, new double[]{0, 0, lz});
    }

    /** A cubic box of edge length l. */
    public static Lattice cubic(double l) {
        return orthorhombic(l, l, l);
    }

    /** Cell vector i (0 = a, 1 = b, 2 = c), a copy. */
    public double[] vector(int i) {
        return vectors[i].clone();
    }

    /** Component k of cell vector i. */
    public double component(int i, int k) {
        return vectors[i][k];
    }

    public double volume() {
        return volume;
    }

    /** The reciprocal vector i (without 2π): fractional coordinate i of r is r · reciprocal(i). */
    public double[] reciprocal(int i) {
        return inverse[i].clone();
    }

    /** Distance between the two lattice planes spanned by the other two vectors, along direction i. */
    public double planeSpacing(int i) {
        return 1.0 / norm(inverse[i]);
    }

    /** Fractional coordinates of the cartesian point r. */
    public double[] toFractional(double[] r) {
        return new double[]{dot(r, inverse[0]), dot(r, inverse[1]), dot(r, inverse[2])};
    }

    /** Cartesian coordinates of the fractional point s. */
    public double[] toCartesian(double[] s) {
        double[] r = new double[3];
        for (int k = 0; k < 3; k++) r[k] = s[0] * vectors[0][k] + s[1] * vectors[1][k] + s[2] * vectors[2][k];
        return r;
    }

    public boolean isOrthorhombic() {
        for (int i = 0; i < 3; i++)
            for (int k = 0; k < 3; k++)
                if (i != k && vectors[i][k] != 0.0) return false;
        return true;
    }

    static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }

    static double[] cross(double[] x, double[] y) {
        return new double[]{x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
    }

    static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static double[] scale(double[] x, double f) {
        return new double[]{x[0] * f, x[1] * f, x[2] * f};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice l && Arrays.deepEquals(vectors, l.vectors);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(vectors);
    }

    @Override
    public String toString() {
        return "Lattice" + Arrays.deepToString(vectors);
    }
}
