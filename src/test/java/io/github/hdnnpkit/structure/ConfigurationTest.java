package io.github.hdnnpkit.structure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ConfigurationTest {
    private static Configuration dimer() {
        return Configuration.builder().id("dimer").lattice(Lattice.cubic(10))
                .atoms(new String[]{"Al", "Al"}, new double[]{0, 0, 0, 2.5, 0, 0})
                .forces(new double[]{1, 0, 0, -1, 0, 0}).atomicEnergies(new double[]{-3.0, -3.5}).energy(-6.5)
                .label("config_type", "950K").build();
    }

    @Test
    void holdsWhatItWasGiven() {
        Configuration c = dimer();
        assertEquals(2, c.size());
        assertEquals(2.5, c.x(1));
        assertEquals(-6.5, c.energy());
        assertEquals("950K", c.label("config_type").orElseThrow());
        assertArrayEquals(new double[]{-3.0, -3.5}, c.atomicEnergies());
        assertTrue(c.hasForces());
    }

    @Test
    void isImmutable() {
        Configuration c = dimer();
        double[] p = c.positions();
        p[0] = 99;
        assertEquals(0.0, c.x(0));
        assertThrows(UnsupportedOperationException.class, () -> c.labels().put("x", "y"));
    }

    @Test
    void derivedCopyKeepsEverything() {
        Configuration c = dimer();
        assertEquals(c, c.toBuilder().build());
        assertNotEquals(c, c.toBuilder().energy(-6.0).build());
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> Configuration.builder().id("bad")
                .lattice(Lattice.cubic(5)).atoms(new String[]{"Al"}, new double[]{0, 0}).build());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> Configuration.builder().id("nan")
                .lattice(Lattice.cubic(5)).atoms(new String[]{"Al"}, new double[]{0, Double.NaN, 0}).build());
        assertTrue(nan.getMessage().contains("nan") && nan.getMessage().contains("atom 0"));
        assertThrows(IllegalArgumentException.class, () -> Configuration.builder().id("nolattice")
                .atoms(new String[]{"Al"}, new double[]{0, 0, 0}).build());
        assertThrows(IllegalStateException.class, () -> Configuration.builder().id("noforces")
                .pbc(false, false, false).atoms(new String[]{"Al"}, new double[]{0, 0, 0}).build().forces());
    }

    @Test
    void rejectsNonFiniteLabels() {
        Configuration.Builder b = dimer().toBuilder();
        assertThrows(IllegalArgumentException.class, () -> b.forces(new double[]{0, 0, 0, 0, Double.NaN, 0}).build());
        Configuration.Builder e = dimer().toBuilder();
        assertThrows(IllegalArgumentException.class, () -> e.atomicEnergies(new double[]{-3, Double.POSITIVE_INFINITY}).build());
        Configuration.Builder t = dimer().toBuilder();
        assertThrows(IllegalArgumentException.class, () -> t.energy(Double.NEGATIVE_INFINITY).build());
        assertFalse(dimer().toBuilder().energy(Double.NaN).build().hasEnergy());   // NaN is "unknown", still allowed
    }
}
