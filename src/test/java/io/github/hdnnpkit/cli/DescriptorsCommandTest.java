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
        Path out = dir.resolve("g-" + convention + ".csv");
        int code = HdnnpCommand.commandLine().execute("descriptors", "--structures", ReferenceFiles.inputData().toString(),
                "--set", set, "--convention", convention, "--out", out.toString(), "--quiet");
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
}
