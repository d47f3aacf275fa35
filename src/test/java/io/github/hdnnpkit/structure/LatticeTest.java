package io.github.hdnnpkit.structure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LatticeTest {
    @Test
    void cubicVolumeAndSpacing() {
        Lattice l = Lattice.cubic(4.045);
        assertEquals(4.045 * 4.045 * 4.045, l.volume(), 1e-12);
        for (int i = 0; i < 3; i++) assertEquals(4.045, l.planeSpacing(i), 1e-12);
        assertTrue(l.isOrthorhombic());
    }

    @Test
    void triclinicFractionalRoundTrip() {
        // FCC primitive cell: a/2 (0,1,1), (1,0,1), (1,1,0); volume a^3/4
        double a = 4.0;
        Lattice l = Lattice.of(new double[]{0, a / 2, a / 2}, new double[]{a / 2, 0, a / 2}, new double[]{a / 2, a / 2, 0});
        assertEquals(a * a * a / 4, l.volume(), 1e-12);
        assertFalse(l.isOrthorhombic());
        double[] r = {1.3, -0.7, 2.9};
        double[] back = l.toCartesian(l.toFractional(r));
        for (int k = 0; k < 3; k++) assertEquals(r[k], back[k], 1e-12);
        // the lattice vector c has fractional coordinates (0,0,1)
        double[] s = l.toFractional(l.vector(2));
        assertArrayEquals(new double[]{0, 0, 1}, s, 1e-12);
        // spacing between (b,c) planes = volume / |b x c| = (a^3/4) / (a^2 sqrt(3)/4) = a / sqrt(3)
        assertEquals(a / Math.sqrt(3), l.planeSpacing(0), 1e-12);
    }

    @Test
    void degenerateCellIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lattice.of(new double[]{1, 0, 0}, new double[]{2, 0, 0}, new double[]{0, 0, 1}));
        assertTrue(e.getMessage().contains("degenerate"));
    }
}
