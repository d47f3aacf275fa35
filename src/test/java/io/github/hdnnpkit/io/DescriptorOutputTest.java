package io.github.hdnnpkit.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.cli.HdnnpCommand;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCache;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code hdnnp descriptors --format csv|npy|cache} read back bit-exact against the calculator's in-memory values: the
 * {@code .npy} through a reader written here from NumPy's format specification (not the writer's code), the CSV
 * through {@link Double#parseDouble}, the cache through {@link DescriptorCache} as {@code hdnnp train --cache} reads it.
 */
class DescriptorOutputTest {
    @TempDir
    Path dir;

    /** Three small cells of different sizes (32, 32, 4 atoms), displaced so that no two atoms are alike. */
    static List<Configuration> structures() {
        Configuration big = Crystals.fcc("Al", Crystals.AL_A0, 2, 2, 2);
        return List.of(Crystals.displaced(big, 0.1, 1), Crystals.displaced(big, 0.15, 2),
                Crystals.displaced(Crystals.fcc("Al", Crystals.AL_A0, 1, 1, 1), 0.05, 3));
    }

    private Path input(List<Configuration> cs) {
        Path f = dir.resolve("in.extxyz");
        ExtendedXyz.write(f, cs);
        return f;
    }

    private static int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "descriptors";
        System.arraycopy(args, 0, all, 1, args.length);
        return HdnnpCommand.commandLine().execute(all);
    }

    /** A .npy file as NumPy's format specification (version 1.0) defines it; every rule checked, nothing assumed. */
    record Npy(String descr, boolean fortranOrder, long[] shape, ByteBuffer data) {
        static Npy read(Path file) throws IOException {
            byte[] b = Files.readAllBytes(file);
            assertTrue(b.length >= 10, "shorter than the preamble");
            assertEquals((byte) 0x93, b[0], "magic byte");
            assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII), "magic string");
            assertEquals(1, b[6], "major version");
            assertEquals(0, b[7], "minor version");
            int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;   // little-endian unsigned short
            int dataStart = 10 + headerLen;
            assertEquals(0, dataStart % 64, "the header must pad the preamble + header to a multiple of 64");
            String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
            assertTrue(header.endsWith("\n"), "header must end with a newline");
            String dict = header.substring(0, header.length() - 1).stripTrailing();   // padding is spaces
            assertTrue(dict.startsWith("{") && dict.endsWith("}"), "a Python dict literal: " + dict);
            Map<String, String> entries = new LinkedHashMap<>();
            Matcher m = Pattern.compile("'(\\w+)'\\s*:\\s*('[^']*'|True|False|\\([^)]*\\))").matcher(dict);
            while (m.find()) entries.put(m.group(1), m.group(2));
            assertEquals(List.of("descr", "fortran_order", "shape"), entries.keySet().stream().sorted().toList(), dict);
            String descr = entries.get("descr").replace("'", "");
            boolean fortran = entries.get("fortran_order").equals("True");
            String[] dims = entries.get("shape").replaceAll("[()\\s]", "").split(",");
            long[] shape = Stream.of(dims).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
            int item = switch (descr) {
                case "<f8" -> 8;
                case "<f4" -> 4;
                default -> throw new AssertionError("unexpected dtype " + descr);
            };
            long n = 1;
            for (long d : shape) n *= d;
            assertEquals(dataStart + n * item, b.length, "file length = header + shape × item size");
            return new Npy(descr, fortran, shape, ByteBuffer.wrap(b, dataStart, (int) (n * item)).slice().order(ByteOrder.LITTLE_ENDIAN));
        }

        double get(long row, long col) {
            int i = (int) (row * shape[1] + col);   // C order
            return descr.equals("<f8") ? data.getDouble(8 * i) : data.getFloat(4 * i);
        }
    }

    @Test
    void npyReadsBackBitExactWithASideFileNamingRowsAndColumns() throws IOException {
        List<Configuration> cs = structures();
        Path out = dir.resolve("g.npy");
        assertEquals(0, run("--structures", input(cs).toString(), "--set", "thesis-329", "--out", out.toString(), "--quiet"));
        DescriptorCalculator calc = new DescriptorCalculator(ThesisSets.thesis329(), Convention.N2P2, 1);
        Npy npy = Npy.read(out);
        assertEquals("<f8", npy.descr());
        assertFalse(npy.fortranOrder());
        assertArrayEquals(new long[]{32 + 32 + 4, 329}, npy.shape());
        long row = 0;
        for (Configuration c : cs) {
            double[][] want = calc.compute(c);
            for (double[] w : want) {
                for (int f = 0; f < 329; f++)
                    assertEquals(Double.doubleToRawLongBits(w[f]), Double.doubleToRawLongBits(npy.get(row, f)), "row " + row + " column " + f);
                row++;
            }
        }
        JsonObject side = JsonParser.parseString(Files.readString(DescriptorOutput.sideFile(out))).getAsJsonObject();
        assertEquals("<f8", side.get("dtype").getAsString());
        assertEquals(68, side.getAsJsonArray("shape").get(0).getAsLong());
        JsonArray cols = side.getAsJsonArray("columns");
        assertEquals(329, cols.size());
        JsonObject c0 = cols.get(0).getAsJsonObject();
        RadialG2 g0 = (RadialG2) ThesisSets.thesis329().function(0);
        assertEquals("G2_001", c0.get("id").getAsString());
        assertEquals(g0.eta(), c0.get("eta").getAsDouble());
        assertEquals(g0.rc(), c0.getAsJsonObject("cutoff").get("rc").getAsDouble());
        assertEquals("G5_060", cols.get(328).getAsJsonObject().get("id").getAsString());
        assertTrue(cols.get(328).getAsJsonObject().has("lambda"));
        JsonArray confs = side.getAsJsonArray("configurations");
        assertEquals(3, confs.size());
        assertEquals(64, confs.get(2).getAsJsonObject().get("first_row").getAsLong());
        assertEquals(4, confs.get(2).getAsJsonObject().get("atoms").getAsInt());
        assertEquals(cs.get(1).id(), confs.get(1).getAsJsonObject().get("id").getAsString());
        JsonObject prov = side.getAsJsonObject("provenance");
        assertEquals("thesis-329", prov.get("set").getAsString());
        assertEquals(ThesisSets.thesis329().fingerprint(), prov.get("set_fingerprint").getAsString());
        assertTrue(prov.get("input").getAsString().endsWith("in.extxyz"));
    }

    @Test
    void float32NpyHoldsTheRoundedValues() throws IOException {
        List<Configuration> cs = structures();
        Path out = dir.resolve("g32.npy");
        assertEquals(0, run("--structures", input(cs).toString(), "--set", "thesis-22", "--out", out.toString(),
                "--precision", "float32", "--quiet", "--threads", "2"));
        Npy npy = Npy.read(out);
        assertEquals("<f4", npy.descr());
        double[][] want = new DescriptorCalculator(ThesisSets.thesis22(), Convention.N2P2, 1).compute(cs.get(0));
        for (int a = 0; a < want.length; a++)
            for (int f = 0; f < 22; f++)
                assertEquals(Float.floatToRawIntBits((float) want[a][f]), Float.floatToRawIntBits((float) npy.get(a, f)));
    }

    @Test
    void csvReadsBackBitExact() throws IOException {
        List<Configuration> cs = structures();
        Path out = dir.resolve("g.csv.gz");   // the format from the suffix, gzip included
        assertEquals(0, run("--structures", input(cs).toString(), "--set", "thesis-329", "--out", out.toString(), "--quiet"));
        DescriptorCalculator calc = new DescriptorCalculator(ThesisSets.thesis329(), Convention.N2P2, 1);
        List<double[]> want = new ArrayList<>();
        for (Configuration c : cs) want.addAll(List.of(calc.compute(c)));
        try (var in = TextFiles.reader(out)) {
            String[] header = in.readLine().split(",");
            assertEquals(List.of("structure", "atom"), List.of(header).subList(0, 2));
            assertEquals(ThesisSets.thesis329().ids(), List.of(header).subList(2, header.length));
            int row = 0;
            for (String line; (line = in.readLine()) != null; row++) {
                String[] t = line.split(",");
                assertEquals(331, t.length);
                for (int f = 0; f < 329; f++)
                    assertEquals(Double.doubleToRawLongBits(want.get(row)[f]), Double.doubleToRawLongBits(Double.parseDouble(t[f + 2])),
                            "row " + row + " column " + f + ": " + t[f + 2]);
            }
            assertEquals(68, row);
        }
    }

    /** The formatter on values where shortest-digit algorithms go wrong; each must read back to the same bits. */
    @Test
    void shortestDecimalRoundTripsAwkwardValues() {
        double[] awkward = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
                Double.MAX_VALUE, 1e-300, 1e300, 0.1 + 0.2, 0.1, 1.0 / 3, 2.0 / 3, 1e23, 9007199254740993.0, 5e-324, 2.2250738585072014E-308,
                1.0, 100.0, 1e7, 1e-3, 9.999999999999999e22, 123456789012345680.0, Math.PI, Math.E, 4.35, 0.3};
        for (double v : awkward) assertRoundTrip(v);
        assertEquals("0.30000000000000004", ShortestDecimal.of(0.1 + 0.2));
        assertEquals("-0.0", ShortestDecimal.of(-0.0));
        assertEquals("4.9E-324", ShortestDecimal.of(Double.MIN_VALUE));
        assertEquals("1.0E-300", ShortestDecimal.of(1e-300));
        assertEquals("0.1", ShortestDecimal.of(0.1));
        java.util.SplittableRandom r = new java.util.SplittableRandom(20240601);
        for (int i = 0; i < 200_000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());   // every exponent, subnormals included
            if (Double.isFinite(v)) assertRoundTrip(v);
            assertRoundTrip(r.nextDouble() * 100);            // the range of descriptor values
        }
        // the same digits as jackson-core's independent Schubfach, on every kind of double
        for (int i = 0; i < 200_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextDouble() * Math.pow(10, r.nextInt(-12, 12));
            if (!Double.isFinite(v)) continue;
            assertEquals(0, new java.math.BigDecimal(com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal.toString(v))
                    .compareTo(new java.math.BigDecimal(ShortestDecimal.of(v))), "digits of " + v);
        }
        for (int i = 0; i < 100_000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (Float.isFinite(f)) assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits(Float.parseFloat(ShortestDecimal.of(f))));
        }
    }

    private static void assertRoundTrip(double v) {
        String s = ShortestDecimal.of(v);
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(s)), v + " written as " + s);
        // shortest: neither neighbour of v's exact value with one significant digit fewer reads back to v (Java's
        // specification, which Schubfach follows, writes at least two digits: 4.9E-324 although 5E-324 reads back)
        java.math.BigDecimal written = new java.math.BigDecimal(s);
        int digits = written.stripTrailingZeros().precision();
        if (v != 0 && digits > 2) {
            java.math.BigDecimal exact = new java.math.BigDecimal(v);
            for (java.math.RoundingMode mode : new java.math.RoundingMode[]{java.math.RoundingMode.DOWN, java.math.RoundingMode.UP}) {
                double shorter = exact.round(new java.math.MathContext(digits - 1, mode)).doubleValue();
                assertNotEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(shorter),
                        s + " is not the shortest: " + (digits - 1) + " digits read back too");
            }
        }
    }

    @Test
    void cacheIsTheOneTrainingFinds() throws IOException {
        List<Configuration> cs = structures();
        Path cache = dir.resolve("cache");
        assertEquals(0, run("--structures", input(cs).toString(), "--set", "thesis-22", "--format", "cache", "--out", cache.toString(), "--quiet"));
        DescriptorCalculator calc = new DescriptorCalculator(ThesisSets.thesis22(), Convention.N2P2, 1);
        DescriptorCache dc = new DescriptorCache(cache);
        assertTrue(Files.exists(dc.fileFor(cs, calc)), "no cache file under the name training looks for");
        DescriptorMatrix m = dc.getOrCompute(cs, calc, Progress.NONE, Cancellation.none());
        assertEquals(DescriptorCache.Status.HIT, dc.lastStatus(), dc.lastReason());
        DescriptorMatrix want = calc.compute(cs);
        assertArrayEquals(want.rawValues(), m.rawValues());
        assertArrayEquals(want.atomOffsets(), m.atomOffsets());
        try (var files = Files.list(cache)) {
            assertEquals(1, files.count(), "the spill file was left behind");
        }
        // an existing folder is a cache without --format
        assertEquals(0, run("--structures", input(cs).toString(), "--set", "thesis-22", "--out", cache.toString(), "--quiet"));
        assertEquals(2, run("--structures", input(cs).toString(), "--set", "thesis-22", "--out", dir.resolve("what").toString(), "--quiet"));
        assertEquals(2, run("--structures", input(cs).toString(), "--set", "thesis-22", "--format", "cache", "--precision", "float64",
                "--out", cache.toString(), "--quiet"));
    }

    @Test
    void aFailureHalfWayLeavesNoOutput() throws IOException {
        List<Configuration> cs = structures();
        double[] p = cs.get(0).positions();
        p[3] = p[0]; p[4] = p[1]; p[5] = p[2];   // atoms 0 and 1 on top of each other
        Configuration twins = cs.get(0).toBuilder().id("twins").atoms(cs.get(0).species(), p).build();
        List<Configuration> data = List.of(cs.get(1), cs.get(2), twins);   // the bad one comes last
        Path in = input(data);
        for (String name : new String[]{"g.npy", "g.csv"}) {
            Path out = dir.resolve(name);
            assertEquals(2, run("--structures", in.toString(), "--set", "thesis-22", "--out", out.toString(), "--quiet"));
            assertFalse(Files.exists(out));
            assertFalse(Files.exists(DescriptorOutput.sideFile(out)));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("in.extxyz"), files.map(f -> f.getFileName().toString()).toList(), "temporary files were left");
        }
    }
}
