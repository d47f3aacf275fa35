package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.*;

class ExtendedXyzTest {
    @TempDir
    Path dir;

    /** Random configurations with awkward numbers (tiny, huge, negative zero, many digits) and labels. */
    static List<Configuration> sample(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Configuration> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int n = 1 + r.nextInt(7);
            String[] sp = new String[n];
            double[] pos = new double[3 * n], f = new double[3 * n], e = new double[n];
            for (int i = 0; i < n; i++) {
                sp[i] = i % 3 == 0 ? "Al" : "Cu";
                for (int d = 0; d < 3; d++) {
                    pos[3 * i + d] = r.nextDouble() * 10;
                    f[3 * i + d] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-9, 3));
                }
                e[i] = -3.36 + r.nextGaussian() * 0.01;
            }
            f[0] = -0.0;
            Lattice l = k % 2 == 0 ? Lattice.cubic(10 + r.nextDouble())
                    : Lattice.of(new double[]{9.9, 0, 0}, new double[]{1.0 / 3, 10.1, 0}, new double[]{-0.7, 0.2, 9.7});
            Configuration.Builder b = Configuration.builder().id("frame-" + k).lattice(l).atoms(sp, pos)
                    .label("config_type", "300K").label("temperature", "300").label("note", "a value with spaces and \"quotes\"");
            if (k != 1) b.forces(f).atomicEnergies(e).energy(-3.36 * n + r.nextGaussian());
            if (k == 2) b.pbc(true, true, false);
            out.add(b.build());
        }
        return out;
    }

    @Test
    void writeThenReadIsLossless() {
        List<Configuration> cs = sample(6, 1);
        for (String name : List.of("a.extxyz", "a.extxyz.gz")) {
            Path f = dir.resolve(name);
            ExtendedXyz.write(f, cs);
            assertEquals(cs, ExtendedXyz.read(f), name);
        }
    }

    @Test
    void gzipIsChosenBySuffix() throws Exception {
        Path f = dir.resolve("b.xyz.gz");
        ExtendedXyz.write(f, sample(2, 2));
        byte[] head = Files.readAllBytes(f);
        assertEquals((byte) 0x1f, head[0]);
        assertEquals((byte) 0x8b, head[1]);
    }

    /**
     * An independent reader of the header the way ASE's extxyz does it (regex for key=value / key="value"), to check
     * the kit writes what other tools expect, not just what it reads back itself.
     */
    @Test
    void headerIsAseCompatible() throws Exception {
        Configuration c = sample(1, 3).get(0);
        Path f = dir.resolve("c.extxyz.gz");
        ExtendedXyz.write(f, List.of(c));
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
            for (String s; (s = r.readLine()) != null; ) lines.add(s);
        }
        assertEquals(Integer.toString(c.size()), lines.get(0));
        Map<String, String> kv = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))").matcher(lines.get(1));
        while (m.find()) kv.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
        assertEquals("species:S:1:pos:R:3:forces:R:3:energies:R:1", kv.get("Properties"));
        assertEquals("T T T", kv.get("pbc"));
        String[] lat = kv.get("Lattice").split(" ");
        assertEquals(9, lat.length);
        Lattice l = c.lattice().orElseThrow();
        for (int i = 0; i < 9; i++) assertEquals(l.component(i / 3, i % 3), Double.parseDouble(lat[i]));
        assertEquals(c.energy(), Double.parseDouble(kv.get("energy")));
        assertEquals("300K", kv.get("config_type"));
        assertEquals("300", kv.get("temperature"));
        assertEquals(c.size() + 2, lines.size());
        double sum = 0;
        for (int i = 0; i < c.size(); i++) {
            String[] t = lines.get(2 + i).trim().split("\\s+");
            assertEquals(8, t.length);
            assertEquals(c.species(i), t[0]);
            assertEquals(c.x(i), Double.parseDouble(t[1]));
            assertEquals(c.forces()[3 * i + 2], Double.parseDouble(t[6]));
            sum += Double.parseDouble(t[7]);
        }
        assertEquals(sum, java.util.Arrays.stream(c.atomicEnergies()).sum(), 1e-12);
    }

    /** A frame as ASE 3.22 writes it: other column order, extra keys, a per-atom property the kit does not use. */
    @Test
    void readsAseWrittenFrames() throws Exception {
        Path f = dir.resolve("ase.xyz");
        Files.writeString(f, """
                2
                Lattice="4.0 0.0 0.0 0.0 4.0 0.0 0.0 0.0 4.0" Properties=species:S:1:pos:R:3:masses:R:1:energies:R:1:forces:R:3 energy=-6.5 free_energy=-6.5 pbc="T T T"
                Al       0.00000000       0.00000000       0.00000000      26.98153800      -3.20000000       0.10000000       0.00000000      -0.10000000
                Al       2.00000000       2.00000000       0.00000000      26.98153800      -3.30000000      -0.10000000       0.00000000       0.10000000
                """);
        Configuration c = ExtendedXyz.read(f).get(0);
        assertEquals(-6.5, c.energy());
        assertArrayEquals(new double[]{-3.2, -3.3}, c.atomicEnergies());
        assertArrayEquals(new double[]{0.1, 0, -0.1, -0.1, 0, 0.1}, c.forces());
        assertEquals(2.0, c.x(1));
        assertEquals("-6.5", c.labels().get("free_energy"));
        assertEquals(64.0, c.lattice().orElseThrow().volume(), 1e-12);
    }

    @Test
    void badInputNamesFileAndLine() throws Exception {
        String good = "1\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\nAl 0 0 0\n";
        Map<String, String> cases = Map.of(
                "cols.xyz", good + "2\nProperties=species:S:1:pos:R:3\nAl 0 0 0\nAl 1 1\n",
                "number.xyz", good + "1\nProperties=species:S:1:pos:R:3\nAl 0 x 0\n",
                "trunc.xyz", good + "3\nProperties=species:S:1:pos:R:3\nAl 0 0 0\n",
                "count.xyz", good + "two\nProperties=species:S:1:pos:R:3\nAl 0 0 0\n",
                "lattice.xyz", good + "1\nLattice=\"1 0 0 0 1 0\" Properties=species:S:1:pos:R:3\nAl 0 0 0\n");
        Map<String, Integer> line = Map.of("cols.xyz", 7, "number.xyz", 6, "trunc.xyz", 7, "count.xyz", 4, "lattice.xyz", 5);
        for (var e : cases.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.writeString(f, e.getValue());
            InputFormatException ex = assertThrows(InputFormatException.class, () -> ExtendedXyz.read(f), e.getKey());
            assertEquals(f, ex.file());
            assertEquals((long) line.get(e.getKey()), ex.line(), e.getKey() + ": " + ex.getMessage());
            assertTrue(ex.getMessage().startsWith(f + ":" + line.get(e.getKey()) + ": "), ex.getMessage());
        }
    }

    @Test
    void truncatedGzipIsAnErrorNotAShortFile() throws Exception {
        Path f = dir.resolve("t.extxyz.gz");
        ExtendedXyz.write(f, sample(6, 4));
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.extxyz.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        InputFormatException ex = assertThrows(InputFormatException.class, () -> ExtendedXyz.read(cut));
        assertTrue(ex.getMessage().contains("cut.extxyz.gz"), ex.getMessage());
    }

    @Test
    void streamingSeesEveryFrameInOrder() {
        List<Configuration> cs = sample(5, 5);
        Path f = dir.resolve("s.extxyz");
        ExtendedXyz.write(f, cs);
        List<String> ids = new ArrayList<>();
        ExtendedXyz.forEach(f, c -> ids.add(c.id()));
        assertEquals(cs.stream().map(Configuration::id).toList(), ids);
        assertEquals(5, ExtendedXyz.count(f));
    }
}
