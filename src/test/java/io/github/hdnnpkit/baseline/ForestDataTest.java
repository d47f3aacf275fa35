package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ForestDataTest {
    private static Configuration config(String id, int atoms, double e, String series, String t, String phase, boolean atomic) {
        double[] pos = new double[3 * atoms], f = new double[3 * atoms], a = new double[atoms];
        String[] sp = new String[atoms];
        for (int i = 0; i < atoms; i++) {
            sp[i] = "Al";
            pos[3 * i] = i;
            f[3 * i + 1] = i + 0.5;
            a[i] = e / atoms;
        }
        Configuration.Builder b = Configuration.builder().id(id).lattice(Lattice.cubic(10)).atoms(sp, pos).energy(e).forces(f)
                .label(ForestData.SERIES_KEY, series).label(ForestData.TEMPERATURE_KEY, t).label(ForestData.PHASE_KEY, phase);
        if (atomic) b.atomicEnergies(a);
        return b.build();
    }

    @Test
    void alignsConfigurationsWithTheirDescriptorRows() {
        List<Configuration> cs = List.of(config("a", 2, -6.0, "950K", "950", "liquid", true),
                config("b", 3, -9.9, "1500KH", "1500", "liquid", true));
        DescriptorMatrix m = new DescriptorMatrix(new float[5 * 2], new int[]{0, 2, 5}, List.of("G2_001", "G5_001"));
        ForestData d = ForestData.of("test", "set", cs, m);
        assertEquals(-3.3, d.energyPerAtom(1), 1e-12);
        assertEquals(1500, d.temperature(1));
        assertEquals("1500KH", d.series(1));
        assertEquals(2.5, d.force(2 + 2, 1), 0.0);      // atom 2 of configuration 1 is matrix row 4
        assertEquals(-3.3, d.atomicEnergy(4), 1e-12);
        assertArrayEquals(new int[]{1}, d.configurationsOf("1500KH"));

        // one configuration without atomic energies: the set has none, and the upper-bound mode says why it cannot run
        List<Configuration> mixed = List.of(cs.get(0), config("c", 3, -9.9, "950K", "950", "liquid", false));
        ForestData dm = ForestData.of("mixed", "set", mixed, m);
        assertFalse(dm.hasAtomicEnergies());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RandomForestBaseline(ForestOptions.thesis())
                .fit(dm, io.github.hdnnpkit.data.Split.of(new int[]{0}, new int[]{1}, new int[0]), ForestSetup.atomicEnergies()));
        assertTrue(e.getMessage().contains("per-atom energies"), e.getMessage());

        DescriptorMatrix wrong = new DescriptorMatrix(new float[4 * 2], new int[]{0, 2, 4}, List.of("G2_001", "G5_001"));
        assertThrows(IllegalArgumentException.class, () -> ForestData.of("test", "set", cs, wrong));
    }
}
