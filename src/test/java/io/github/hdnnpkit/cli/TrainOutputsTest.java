package io.github.hdnnpkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code hdnnp train}'s outputs appear all together or not at all. */
class TrainOutputsTest {

    private record Run(int code, String out, String err) {
    }

    private static Run train(Path tmp, String activation, String... more) throws IOException {
        Path input = tmp.resolve("input.xyz");   // energies only: n2p2 input.data would need forces
        if (!Files.exists(input)) io.github.hdnnpkit.io.ExtendedXyz.write(input, io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest.structures(10, 3));
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", input.toString(), "--set", "thesis-22", "--features", "evenly:6",
                "--layout", "6-4-1", "--activation", activation, "--epochs", "2", "--batch", "4", "--quiet"));
        args.addAll(List.of(more));
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out));
        System.setErr(new PrintStream(err));
        try {
            int code = HdnnpCommand.commandLine().execute(args.toArray(String[]::new));
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Every file under {@code dir} (relative path → bytes as text). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                m.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
        }
        return m;
    }

    private static String[] outputs(Path tmp) {
        return new String[]{"--out", tmp.resolve("pot").toString(), "--result", tmp.resolve("result.json").toString(),
                "--export-n2p2", tmp.resolve("n2p2").toString()};
    }

    @Test
    void anExportThatFailsLeavesNoOutputAtAll(@TempDir Path tmp) throws IOException {
        // leaky ReLU trains, but n2p2 has no such activation: the export, the last output, fails
        Run r = train(tmp, "leakyrelu", outputs(tmp));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("leaky"), r.err());
        assertEquals("", r.out(), "no summary for outputs that were not written");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("input.xyz"), s.map(p -> p.getFileName().toString()).toList(), "no partial output, no temporary leftovers");
        }
    }

    @Test
    void aFailedRunLeavesThePreviousOutputsIntact(@TempDir Path tmp) throws IOException {
        Run first = train(tmp, "tanh", outputs(tmp));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains(tmp.resolve("n2p2").toString()), first.out());
        Map<String, String> before = snapshot(tmp);
        assertTrue(before.containsKey("pot/potential.json") && before.containsKey("n2p2/weights.013.data") && before.containsKey("result.json"),
                before.keySet().toString());

        Run second = train(tmp, "leakyrelu", outputs(tmp));
        assertEquals(2, second.code(), second.err());
        assertEquals(before, snapshot(tmp), "the previous potential, result and export are untouched");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(4, s.count(), "no temporary leftovers");
        }

        Run third = train(tmp, "sigmoid", outputs(tmp));   // a successful run replaces all three
        assertEquals(0, third.code(), third.err());
        Map<String, String> after = snapshot(tmp);
        assertEquals(before.keySet(), after.keySet());
        for (String f : List.of("pot/potential.json", "result.json", "n2p2/input.nn"))
            assertNotEquals(before.get(f), after.get(f), f + " was replaced");
    }

    @Test
    void aFolderHoldingOtherFilesIsNotReplaced(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("n2p2"));
        Files.writeString(tmp.resolve("n2p2").resolve("in.lammps"), "pair_style hdnnp\n");
        Run r = train(tmp, "tanh", outputs(tmp));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("in.lammps") && r.err().contains("--export-n2p2"), r.err());
        assertEquals("pair_style hdnnp\n", Files.readString(tmp.resolve("n2p2").resolve("in.lammps")));
        assertFalse(Files.exists(tmp.resolve("pot")), "nothing was trained or written");
    }

    @Test
    void theResultFileCarriesTheSummarysSplitAndABadSplitLeavesTheOutputsAlone(@TempDir Path tmp) throws IOException {
        Run first = train(tmp, "tanh", outputs(tmp));
        assertEquals(0, first.code(), first.err());
        com.google.gson.JsonObject summary = com.google.gson.JsonParser.parseString(first.out()).getAsJsonObject();
        com.google.gson.JsonObject full = com.google.gson.JsonParser.parseString(Files.readString(tmp.resolve("result.json"))).getAsJsonObject();
        assertEquals(summary.get("split"), full.get("split"));
        assertEquals(summary.get("test_rmse_meV_per_atom"), full.get("test_rmse_meV_per_atom"));
        assertEquals(full.getAsJsonObject("split").get("test_configurations").getAsInt(),
                full.getAsJsonObject("test_predictions").getAsJsonArray("configuration").size());
        Map<String, String> before = snapshot(tmp);
        List<String> bad = new java.util.ArrayList<>(List.of(outputs(tmp)));
        bad.addAll(List.of("--split", "series:950K"));   // the structures carry no config_type
        Run second = train(tmp, "tanh", bad.toArray(String[]::new));
        assertEquals(2, second.code(), second.err());
        assertTrue(second.err().contains("config_type"), second.err());
        assertEquals(before, snapshot(tmp), "a refused split writes nothing");
    }
}
