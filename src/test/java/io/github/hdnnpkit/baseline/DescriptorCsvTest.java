package io.github.hdnnpkit.baseline;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.cli.HdnnpCommand;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class DescriptorCsvTest {
    /** Writes a synthetic data set in the thesis's CSV layout (pandas index first, Energy = configuration total). */
    static Path thesisCsv(ForestData d, Path file) throws Exception {
        StringBuilder sb = new StringBuilder(",");
        for (String id : d.descriptors().featureIds()) sb.append(id).append(',');
        sb.append("config_type,temperature,phase,Fx,Fy,Fz,Energy\n");
        int f = d.descriptors().features(), i = 0;
        for (int c = 0; c < d.configurations(); c++)
            for (int r = d.firstAtom(c); r < d.firstAtom(c) + d.atomsIn(c); r++) {
                sb.append(i++).append(',');
                for (int q = 0; q < f; q++) sb.append(d.descriptors().get(r, q)).append(',');
                sb.append(d.series(c)).append(',').append(d.series(c)).append(',').append(d.phase(c));
                for (int k = 0; k < 3; k++) sb.append(',').append(d.force(r, k));
                sb.append(',').append(String.format(Locale.ROOT, "%.17g", d.energy(c))).append('\n');
            }
        Files.writeString(file, sb);
        return file;
    }

    @Test
    void readsTheThesisLayout() throws Exception {
        ForestData d = SyntheticForestData.knownFunction(9, 6, 3, 11);
        Path csv = thesisCsv(d, Files.createTempFile("thesis", ".csv"));
        ForestData r = DescriptorCsv.read(csv, 6, DescriptorCsv.EnergyColumn.TOTAL, "test-set");
        assertEquals(9, r.configurations());
        assertEquals(d.descriptors().featureIds(), r.descriptors().featureIds());
        assertArrayEquals(d.descriptors().rawValues(), r.descriptors().rawValues());
        for (int c = 0; c < 9; c++) {
            assertEquals(d.energy(c), r.energy(c), 1e-12);
            assertEquals(d.series(c), r.series(c));
            assertEquals(d.phase(c), r.phase(c));
            assertEquals(d.temperature(c), r.temperature(c));
        }
        assertEquals(d.force(7, 2), r.force(7, 2), 1e-15);
        assertFalse(r.hasAtomicEnergies());
    }

    @Test
    void energyColumnMeanings() throws Exception {
        String atomic = "structure,atom,G2_001,Energy\n0,0,0.1,-3.0\n0,1,0.2,-3.5\n1,0,0.3,-2.0\n1,1,0.4,-2.5\n";
        ForestData a = DescriptorCsv.read(new BufferedReader(new StringReader(atomic)), "a.csv", 0, DescriptorCsv.EnergyColumn.ATOMIC, "s");
        assertEquals(2, a.configurations());
        assertEquals(-6.5, a.energy(0), 1e-12);
        assertEquals(-2.5, a.atomicEnergy(3), 0.0);
        assertEquals(List.of("G2_001"), a.descriptors().featureIds());   // structure and atom are not descriptors
        String share = "structure,G2_001,Energy\n7,0.1,-3.25\n7,0.2,-3.25\n";
        ForestData p = DescriptorCsv.read(new BufferedReader(new StringReader(share)), "p.csv", 0, DescriptorCsv.EnergyColumn.PER_ATOM, "s");
        assertEquals(-6.5, p.energy(0), 1e-12);
        assertFalse(p.hasAtomicEnergies());
    }

    @Test
    void rejectsBadInputWithFileAndLine() {
        String csv = "G2_001,Energy\n0.5,-3.0\n0.7,oops\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DescriptorCsv.read(
                new BufferedReader(new StringReader(csv)), "bad.csv", 2, DescriptorCsv.EnergyColumn.TOTAL, "s"));
        assertTrue(e.getMessage().startsWith("bad.csv:3: column Energy"), e.getMessage());
        String differing = "G2_001,Energy\n0.5,-3.0\n0.7,-3.1\n";
        e = assertThrows(IllegalArgumentException.class, () -> DescriptorCsv.read(
                new BufferedReader(new StringReader(differing)), "e.csv", 2, DescriptorCsv.EnergyColumn.TOTAL, "s"));
        assertTrue(e.getMessage().contains("different Energy values"), e.getMessage());
    }

    @Test
    void commandPrintsAJsonSummary() throws Exception {
        ForestData d = SyntheticForestData.knownFunction(20, 6, 3, 12);
        Path csv = thesisCsv(d, Files.createTempFile("thesis", ".csv"));
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true));
            code = HdnnpCommand.commandLine().execute("rf", "--data", csv.toString(), "--atoms", "6", "--set", "synthetic",
                    "--mode", "thesis-atoms", "--series", "950K", "--trees", "3", "--max-depth", "6", "--quiet");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        JsonObject j = JsonParser.parseString(buf.toString()).getAsJsonObject();
        assertEquals("thesis-atoms", j.get("mode").getAsString());
        assertEquals("950K", j.getAsJsonObject("setup").get("onlySeries").getAsString());
        assertEquals("synthetic", j.getAsJsonObject("provenance").get("descriptorSet").getAsString());
        assertEquals(3, j.get("trees_trained").getAsInt());
        // hdnnp rf reports the held-out test part beside validation, in the thesis's MSE of configuration energies
        assertEquals("test", j.get("judged_on").getAsString());
        assertTrue(j.get("test_configurations").getAsInt() >= 1);
        assertEquals(j.get("test_configurations").getAsInt(), j.getAsJsonObject("test_energy").get("configurations").getAsInt());
        assertTrue(j.getAsJsonObject("test_energy").get("mseConfigurationEnergy").getAsDouble() >= 0);
        assertTrue(j.has("validation_energy"));
    }
}
