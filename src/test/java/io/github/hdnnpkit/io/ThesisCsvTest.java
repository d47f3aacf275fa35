package io.github.hdnnpkit.io;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ThesisCsvTest {
    @TempDir
    Path dir;

    static ThesisCsv.Data sample() {
        float[] v = {0.1f, 1e-7f, 2.5f, 3.25f, -0.3f, 17.123457f, 0.5f, 0.75f, 1f, 2f, 3f, 4f};
        DescriptorMatrix m = new DescriptorMatrix(v, new int[]{0, 3, 6}, List.of("G2_001", "G5_001"));
        double[] forces = new double[18];
        for (int i = 0; i < 18; i++) forces[i] = (i - 9) * 0.0123456789012;
        double[] ae = {-3.1, -3.2, -3.3, -3.4, -3.5, -3.6};
        return new ThesisCsv.Data(m, new double[]{-3.1 - 3.2 - 3.3, -3.4 - 3.5 - 3.6}, forces, ae);
    }

    @Test
    void roundTripPerAtom() {
        ThesisCsv.Data d = sample();
        ThesisCsv.Options o = new ThesisCsv.Options(3, ThesisCsv.EnergyMode.PER_ATOM);
        Path f = dir.resolve("a.csv");
        ThesisCsv.write(f, d, o);
        ThesisCsv.Data back = ThesisCsv.read(f, o);
        assertArrayEquals(d.descriptors().rawValues(), back.descriptors().rawValues());
        assertEquals(List.of("G2_001", "G5_001"), back.descriptors().featureIds());
        assertArrayEquals(d.forces(), back.forces());
        assertArrayEquals(d.atomEnergies(), back.atomEnergies());
        assertArrayEquals(d.energies(), back.energies(), 1e-12);
    }

    @Test
    void roundTripPerConfigurationRepeatsTheTotal() throws Exception {
        ThesisCsv.Data d = sample();
        ThesisCsv.Options o = new ThesisCsv.Options(3, ThesisCsv.EnergyMode.PER_CONFIGURATION);
        Path f = dir.resolve("b.csv.gz");
        ThesisCsv.write(f, d, o);
        ThesisCsv.Data back = ThesisCsv.read(f, o);
        assertArrayEquals(d.energies(), back.energies());
        assertNull(back.atomEnergies());
        // read per-configuration data as if per atom would be wrong: the reader must refuse the opposite case instead
        Path g = dir.resolve("c.csv");
        ThesisCsv.write(g, d, new ThesisCsv.Options(3, ThesisCsv.EnergyMode.PER_ATOM));
        InputFormatException e = assertThrows(InputFormatException.class, () -> ThesisCsv.read(g, o));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("PER_ATOM"), e.getMessage());
    }

    @Test
    void pandasIndexColumnAndBadInput() throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, ",G2_1,Fx,Fy,Fz,Energy\n0,0.5,0.1,0.2,0.3,-6\n1,0.25,-0.1,-0.2,-0.3,-6\n");
        ThesisCsv.Data d = ThesisCsv.read(f, new ThesisCsv.Options(2, ThesisCsv.EnergyMode.PER_CONFIGURATION));
        assertEquals(1, d.descriptors().configurations());
        assertEquals(0.25f, d.descriptors().get(1, 0));
        assertEquals(-6.0, d.energies()[0]);

        Path t = dir.resolve("t.csv");
        Files.writeString(t, "G2_1,Fx,Fy,Fz,Energy\n0.5,0.1,0.2,0.3,-6\n0.5,0.1,0.2,0.3,-6\n0.5,0.1,0.2,0.3,-6\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> ThesisCsv.read(t, new ThesisCsv.Options(2, ThesisCsv.EnergyMode.PER_CONFIGURATION)));
        assertTrue(e.getMessage().contains("t.csv:4") && e.getMessage().contains("1 of 2 rows"), e.getMessage());

        Path h = dir.resolve("h.csv");
        Files.writeString(h, "G2_1,Fx,Fy,Fz\n0.5,0.1,0.2,0.3\n");
        assertEquals(1, assertThrows(InputFormatException.class, () -> ThesisCsv.read(h, ThesisCsv.Options.thesis(ThesisCsv.EnergyMode.PER_ATOM))).line());

        Path n = dir.resolve("n.csv");
        Files.writeString(n, "G2_1,Fx,Fy,Fz,Energy\n0.5,0.1,abc,0.3,-6\n");
        InputFormatException en = assertThrows(InputFormatException.class, () -> ThesisCsv.read(n, new ThesisCsv.Options(1, ThesisCsv.EnergyMode.PER_ATOM)));
        assertEquals(2, en.line());
        assertTrue(en.getMessage().contains("Fy"), en.getMessage());
    }

    @Test
    void writerRefusesConfigurationsWithoutLabels() {
        io.github.hdnnpkit.structure.Configuration c = io.github.hdnnpkit.structure.Crystals.fcc("Al", 4.045, 1, 1, 1);
        DescriptorMatrix m = new DescriptorMatrix(new float[4], new int[]{0, 4}, List.of("G2_001"));
        ThesisCsv.Options o = new ThesisCsv.Options(4, ThesisCsv.EnergyMode.PER_CONFIGURATION);
        Path f = dir.resolve("unlabelled.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThesisCsv.write(f, m, List.of(c), o));
        assertTrue(e.getMessage().contains("no reference energy"), e.getMessage());
        io.github.hdnnpkit.structure.Configuration energyOnly = c.toBuilder().energy(-13.4).build();
        e = assertThrows(IllegalArgumentException.class, () -> ThesisCsv.write(f, m, List.of(energyOnly), o));
        assertTrue(e.getMessage().contains("no reference forces"), e.getMessage());
        ThesisCsv.Data nan = new ThesisCsv.Data(m, new double[]{Double.NaN}, new double[12], null);
        assertThrows(IllegalArgumentException.class, () -> ThesisCsv.write(f, nan, o));
        assertFalse(Files.exists(f));
    }
}
