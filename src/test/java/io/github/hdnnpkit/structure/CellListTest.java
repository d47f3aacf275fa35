package io.github.hdnnpkit.structure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CellListTest {

    /** Brute force over a generous block of images: the independent reference. */
    static double[] bruteForceDistances(Configuration c, int atom, double rc) {
        List<Double> d = new ArrayList<>();
        Lattice l = c.lattice().orElse(null);
        int reach = l == null ? 0 : 1 + (int) Math.ceil(rc / Math.min(l.planeSpacing(0), Math.min(l.planeSpacing(1), l.planeSpacing(2))));
        double[] p = c.positions();
        for (int j = 0; j < c.size(); j++)
            for (int t0 = -reach; t0 <= reach; t0++)
                for (int t1 = -reach; t1 <= reach; t1++)
                    for (int t2 = -reach; t2 <= reach; t2++) {
                        if ((t0 != 0 && !c.periodic(0)) || (t1 != 0 && !c.periodic(1)) || (t2 != 0 && !c.periodic(2))) continue;
                        if (j == atom && t0 == 0 && t1 == 0 && t2 == 0) continue;
                        double[] t = l == null ? new double[3] : l.toCartesian(new double[]{t0, t1, t2});
                        double dx = p[3 * j] + t[0] - p[3 * atom], dy = p[3 * j + 1] + t[1] - p[3 * atom + 1], dz = p[3 * j + 2] + t[2] - p[3 * atom + 2];
                        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                        if (r < rc) d.add(r);
                    }
        double[] out = d.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(out);
        return out;
    }

    static void assertSameAsBruteForce(Configuration c, double rc) {
        NeighbourList nl = NeighbourList.of(c, rc);
        for (int i = 0; i < c.size(); i++) {
            double[] expected = bruteForceDistances(c, i, rc);
            double[] actual = nl.sortedDistances(i);
            assertEquals(expected.length, actual.length, "neighbour count of atom " + i + " in " + c.id());
            assertArrayEquals(expected, actual, 1e-9, "atom " + i);
        }
    }

    static Configuration random(Lattice l, int n, long seed, double outside) {
        Random rnd = new Random(seed);
        double[] p = new double[3 * n];
        String[] s = new String[n];
        for (int a = 0; a < n; a++) {
            double[] f = {rnd.nextDouble() * (1 + 2 * outside) - outside, rnd.nextDouble() * (1 + 2 * outside) - outside,
                    rnd.nextDouble() * (1 + 2 * outside) - outside};
            double[] r = l.toCartesian(f);
            System.arraycopy(r, 0, p, 3 * a, 3);
            s[a] = "Al";
        }
        return Configuration.builder().id("random" + seed).lattice(l).atoms(s, p).build();
    }

    @Test
    void orthorhombicCellMatchesBruteForce() {
        assertSameAsBruteForce(random(Lattice.orthorhombic(12, 14, 15), 60, 1, 0), 4.4);
    }

    @Test
    void triclinicCellWithAtomsOutsideTheBoxMatchesBruteForce() {
        Lattice l = Lattice.of(new double[]{9, 0, 0}, new double[]{3.5, 8, 0}, new double[]{-2, 1.5, 7.5});
        assertSameAsBruteForce(random(l, 40, 2, 0.3), 5.0);
    }

    @Test
    void cellShorterThanTwiceTheCutoffGetsManyImages() {
        Lattice l = Lattice.of(new double[]{4, 0, 0}, new double[]{1, 3.8, 0}, new double[]{0.5, 0.7, 4.2});
        assertSameAsBruteForce(random(l, 4, 3, 0.1), 6.8);
    }

    @Test
    void fourAtomFccCellWithCutoff68HasTheFccShells() {
        Configuration c = Crystals.fcc("Al", 4.045, 1, 1, 1);
        NeighbourList nl = NeighbourList.of(c, 6.8);
        // shells at a0·sqrt(k/2): 12, 6, 24, 12, 24 atoms for k = 1..5 (k = 6 is at 7.006 Å)
        for (int i = 0; i < 4; i++) assertEquals(12 + 6 + 24 + 12 + 24, nl.count(i));
        assertSameAsBruteForce(c, 6.8);
    }

    @Test
    void clusterWithoutLatticeHasNoImages() {
        double[] p = {0, 0, 0, 1.5, 0, 0, 0, 2.0, 0, 10, 10, 10};
        Configuration c = Configuration.builder().id("cluster").pbc(false, false, false)
                .atoms(new String[]{"Al", "Al", "Al", "Al"}, p).build();
        NeighbourList nl = NeighbourList.of(c, 3.0);
        assertEquals(2, nl.count(0));
        assertEquals(0, nl.count(3));
        assertSameAsBruteForce(c, 3.0);
    }

    @Test
    void slabPeriodicInTwoDirections() {
        Lattice l = Lattice.orthorhombic(6, 6, 30);
        Configuration c = random(l, 20, 4, 0).toBuilder().pbc(true, true, false).build();
        assertSameAsBruteForce(c, 5.0);
    }

    @Test
    void rejectsNonPositiveCutoff() {
        assertThrows(IllegalArgumentException.class, () -> NeighbourList.of(Crystals.fcc("Al", 4, 1, 1, 1), 0));
    }
}
