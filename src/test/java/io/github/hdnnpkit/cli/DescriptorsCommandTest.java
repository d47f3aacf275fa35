package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.descriptors.ReferenceFiles;
import io.github.hdnnpkit.io.N2p2InputData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line reproduces n2p2's reference values through the CSV it writes. */
class DescriptorsCommandTest {
    @TempDir
    Path dir;

    static double[][] readCsv(Path csv, List<String> headerOut) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        headerOut.addAll(List.of(lines.get(0).split(",")));
        double[][] v = new double[lines.size() - 1][];
        for (int r = 1; r < lines.size(); r++) {
            String[] t = lines.get(r).split(",");
            assertEquals("0", t[0]);
            assertEquals(Integer.toString(r - 1), t[1]);
            v[r - 1] = new double[t.length - 2];
            for (int k = 2; k < t.length; k++) v[r - 1][k - 2] = Double.parseDouble(t[k]);
        }
        return v;
    }

    void runAndCompare(String set, String convention, double angularFactor) throws IOException {
        runAndCompare(ReferenceFiles.inputData(), set, convention, angularFactor);
    }

    void runAndCompare(Path structures, String set, String convention, double angularFactor, String... more) throws IOException {
        Path out = dir.resolve("g-" + convention + ".csv");
        List<String> args = new java.util.ArrayList<>(List.of("descriptors", "--structures", structures.toString(),
                "--set", set, "--convention", convention, "--out", out.toString(), "--quiet"));
        args.addAll(List.of(more));
        int code = HdnnpCommand.commandLine().execute(args.toArray(new String[0]));
        assertEquals(0, code);
        List<String> header = new java.util.ArrayList<>();
        double[][] got = readCsv(out, header);
        assertEquals("structure", header.get(0));
        assertEquals("atom", header.get(1));
        assertEquals("G2_001", header.get(2));
        assertEquals("G5_060", header.get(330));
        double[][] ref = ReferenceFiles.values();
        assertEquals(ref.length, got.length);
        double worst = 0;
        for (int a = 0; a < ref.length; a++)
            for (int f = 0; f < 329; f++) {
                double e = ref[a][f] * (f >= 269 ? angularFactor : 1);
                worst = Math.max(worst, e == 0 ? Math.abs(got[a][f]) : Math.abs(got[a][f] - e) / Math.abs(e));
            }
        assertTrue(worst < 1e-10, "max relative error " + worst);
    }

    @Test
    void namedSetReproducesN2p2() throws IOException {
        runAndCompare("thesis-329", "n2p2", 1);
    }

    @Test
    void inputNnFileReproducesN2p2AndThesisConventionDoublesAngular() throws IOException {
        runAndCompare(ReferenceFiles.inputNn().toString(), "n2p2", 1);
        runAndCompare(ReferenceFiles.inputNn().toString(), "thesis", 2);
    }

    @Test
    void badInputGivesAMessageAndExitCode() throws IOException {
        Path bad = dir.resolve("input.data");
        Files.writeString(bad, "begin\natom 0 0 0 Al 0 0 0 0\nend\n");
        int code = HdnnpCommand.commandLine().execute("descriptors", "--structures", bad.toString(), "--set", "thesis-22",
                "--out", dir.resolve("x.csv").toString(), "--quiet");
        assertEquals(2, code);
        assertTrue(!Files.exists(dir.resolve("x.csv")));
        assertEquals(1, N2p2InputData.read(ReferenceFiles.inputData()).size());
    }

    /** Runs {@code hdnnp descriptors} on a file; returns the exit code and what it printed on stderr. */
    private Object[] run(Path structures, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("descriptors", "--structures", structures.toString(),
                "--set", "thesis-22", "--out", dir.resolve("out.csv").toString(), "--quiet"));
        args.addAll(List.of(more));
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            code = HdnnpCommand.commandLine().execute(args.toArray(new String[0]));
        } finally {
            System.setErr(saved);
        }
        return new Object[]{code, err.toString(java.nio.charset.StandardCharsets.UTF_8)};
    }

    /** A clear message with the given fragments, exit code 2, and neither the output nor a temporary file left. */
    private void assertRefused(Path structures, List<String> fragments, String... more) throws IOException {
        Object[] r = run(structures, more);
        String err = (String) r[1];
        assertEquals(2, r[0], err);
        for (String f : fragments) assertTrue(err.contains(f), "'" + f + "' missing in: " + err);
        assertTrue(!Files.exists(dir.resolve("out.csv")), "an output file was written");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> io.github.hdnnpkit.io.TextFiles.isLeftover(f.getFileName().toString())), "a temporary file was left");
        }
    }

    @Test
    void emptyOrBlankInputIsAnErrorAndWritesNothing() throws IOException {
        Path empty = dir.resolve("input.data");
        Files.writeString(empty, "");
        assertRefused(empty, List.of(empty.toString(), "no configuration"));
        Path blank = dir.resolve("blank.xyz");
        Files.writeString(blank, "\n\n");
        assertRefused(blank, List.of(blank.toString(), "no configuration"));
    }

    @Test
    void overlappingAtomsAreAnErrorNamingFileConfigurationAndAtoms() throws IOException {
        Path f = dir.resolve("overlap.data");
        Files.writeString(f, """
                begin
                comment id=twins
                lattice 10 0 0
                lattice 0 10 0
                lattice 0 0 10
                atom 1 1 1 Al 0 0 0 0 0
                atom 3 3 3 Al 0 0 0 0 0
                atom 3 3 3 Al 0 0 0 0 0
                energy -9
                end
                """);
        assertRefused(f, List.of(f.toString(), "configuration twins", "atom 1 and atom 2", "0.1 Å"));
        // the minimum is an option: 0.5 Å rejects atoms 0.3 Å apart that the default accepts
        Files.writeString(f, Files.readString(f).replaceFirst("atom 3 3 3", "atom 3.3 3 3"));
        assertEquals(0, run(f)[0]);
        Files.delete(dir.resolve("out.csv"));
        assertRefused(f, List.of("atom 1 and atom 2", "0.3000 Å apart"), "--min-distance", "0.5");
    }

    @Test
    void foreignElementIsAnError() throws IOException {
        Path f = dir.resolve("cu.xyz");
        Files.writeString(f, "2\nLattice=\"8 0 0 0 8 0 0 0 8\" Properties=species:S:1:pos:R:3\nAl 0 0 0\nCu 2 2 2\n");
        assertRefused(f, List.of(f.toString(), "atom 1 is Cu", "thesis-22"));
    }

    @Test
    void nonDecimalNumbersAreErrorsWithFileAndLine() throws IOException {
        Path f = dir.resolve("hex.xyz");
        Files.writeString(f, "1\nLattice=\"8 0 0 0 8 0 0 0 8\" Properties=species:S:1:pos:R:3 energy=NaN\nAl 0x1p1 0 0\n");
        assertRefused(f, List.of("hex.xyz:2", "energy", "'NaN'"));
        Files.writeString(f, "1\nLattice=\"8 0 0 0 8 0 0 0 8\" Properties=species:S:1:pos:R:3 energy=-3\nAl 0x1p1 0 0\n");
        assertRefused(f, List.of("hex.xyz:3", "'0x1p1'"));
    }

    /** n2p2's reference structure as a LAMMPS dump: read with --element or --types, the values are n2p2's; without, an error. */
    @Test
    void lammpsDumpsNeedTheirTypesNamed() throws IOException {
        Path dump = dir.resolve("reference.dump");
        io.github.hdnnpkit.io.LammpsDump.write(dump, N2p2InputData.read(ReferenceFiles.inputData()), java.util.Map.of("Al", 1));
        assertRefused(dump, List.of("reference.dump:9", "--types 1=Al,2=Cu", "--element Al"));
        runAndCompare(dump, "thesis-329", "n2p2", 1, "--element", "Al");
        assertEquals(0, run(dump, "--types", "1=Al")[0]);
        Files.delete(dir.resolve("out.csv"));
        assertRefused(dump, List.of("'2=Xx'", "'Xx' is not a chemical element symbol"), "--types", "1=Al,2=Xx");
        assertRefused(dump, List.of("not both"), "--types", "1=Al", "--element", "Al");
    }
}
