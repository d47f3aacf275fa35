package io.github.hdnnpkit.structure;

import java.util.Random;

/**
 * Small structure builders for tests, benchmarks and notebooks: perfect FCC crystals, thermally displaced copies and
 * random dense liquid-like configurations. Every random builder takes a seed.
 */
public final class Crystals {
    /** The aluminium lattice constant used throughout the kit's examples (Å, room temperature). */
    public static final double AL_A0 = 4.045;

    private Crystals() {
    }

    /** A perfect FCC crystal of nx × ny × nz conventional cubic cells (4 atoms each), periodic. */
    public static Configuration fcc(String element, double a0, int nx, int ny, int nz) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int n = 4 * nx * ny * nz;
        double[] pos = new double[3 * n];
        String[] species = new String[n];
        int a = 0;
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
                for (int k = 0; k < nz; k++)
                    for (double[] b : basis) {
                        pos[3 * a] = (i + b[0]) * a0;
                        pos[3 * a + 1] = (j + b[1]) * a0;
                        pos[3 * a + 2] = (k + b[2]) * a0;
                        species[a++] = element;
                    }
        return Configuration.builder().id("fcc-" + element + "-" + nx + "x" + ny + "x" + nz)
                .lattice(Lattice.orthorhombic(nx * a0, ny * a0, nz * a0)).atoms(species, pos)
                .label("phase", "solid").build();
    }

    /** The one-atom primitive FCC cell (a triclinic cell with 60° angles). */
    public static Configuration fccPrimitive(String element, double a0) {
        double h = a0 / 2;
        return Configuration.builder().id("fcc-primitive-" + element)
                .lattice(Lattice.of(new double[]{0, h, h}, new double[]{h, 0, h}, new double[]{h, h, 0}))
                .atoms(new String[]{element}, new double[]{0, 0, 0}).label("phase", "solid").build();
    }

    /** A copy with every coordinate displaced by a Gaussian of standard deviation sigma (Å). */
    public static Configuration displaced(Configuration c, double sigma, long seed) {
        Random rnd = new Random(seed);
        double[] p = c.positions();
        for (int k = 0; k < p.length; k++) p[k] += sigma * rnd.nextGaussian();
        return c.toBuilder().id(c.id() + "-displaced").atoms(c.species(), p).build();
    }

    /** {@code count} displaced copies of c, seeds firstSeed, firstSeed + 1, ... (a small thermal "trajectory"). */
    public static java.util.List<Configuration> displacedSeries(Configuration c, double sigma, int count, long firstSeed) {
        java.util.List<Configuration> out = new java.util.ArrayList<>(count);
        for (int k = 0; k < count; k++)
            out.add(displaced(c, sigma, firstSeed + k).toBuilder().id(c.id() + "-displaced-" + (firstSeed + k)).build());
        return out;
    }

    /**
     * A random liquid-like configuration: n atoms placed uniformly at random in a cubic periodic box of edge
     * {@code box}, rejecting any closer than {@code minDistance} to an earlier one (minimum image).
     */
    public static Configuration randomDense(String element, int n, double box, double minDistance, long seed) {
        Random rnd = new Random(seed);
        double[] p = new double[3 * n];
        String[] species = new String[n];
        int placed = 0, attempts = 0;
        while (placed < n) {
            if (++attempts > 1000 * n) throw new IllegalArgumentException("cannot place " + n + " atoms at " + minDistance + " Å in a " + box + " Å box");
            double x = rnd.nextDouble() * box, y = rnd.nextDouble() * box, z = rnd.nextDouble() * box;
            boolean ok = true;
            for (int a = 0; a < placed && ok; a++) {
                double dx = x - p[3 * a], dy = y - p[3 * a + 1], dz = z - p[3 * a + 2];
                dx -= box * Math.rint(dx / box);
                dy -= box * Math.rint(dy / box);
                dz -= box * Math.rint(dz / box);
                ok = dx * dx + dy * dy + dz * dz >= minDistance * minDistance;
            }
            if (!ok) continue;
            p[3 * placed] = x;
            p[3 * placed + 1] = y;
            p[3 * placed + 2] = z;
            species[placed++] = element;
        }
        return Configuration.builder().id("random-" + element + "-" + n + "-seed" + seed).lattice(Lattice.cubic(box))
                .atoms(species, p).label("phase", "liquid").build();
    }
}
