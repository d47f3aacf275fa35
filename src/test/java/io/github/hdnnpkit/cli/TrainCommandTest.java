package io.github.hdnnpkit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TrainCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run execute(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out));
        System.setErr(new PrintStream(err));
        try {
            return new Run(HdnnpCommand.commandLine().execute(args), out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * {@code perSeries} configurations of each named series (config_type), in series order: configuration
     * {@code s * perSeries + k} is snapshot k of series s.
     */
    private static Path seriesFile(Path tmp, int perSeries, String... series) throws IOException {
        List<Configuration> base = io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest.structures(perSeries * series.length, 5);
        List<Configuration> cs = new java.util.ArrayList<>();
        for (int c = 0; c < base.size(); c++) cs.add(base.get(c).toBuilder().label("config_type", series[c / perSeries]).build());
        Path input = tmp.resolve("series.xyz");
        ExtendedXyz.write(input, cs);
        return input;
    }

    private static List<String> small(Path input, Path result, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("train", "--data", input.toString(), "--set", "thesis-22", "--features", "evenly:4",
                "--layout", "4-3-1", "--epochs", "2", "--batch", "4", "--quiet", "--result", result.toString()));
        a.addAll(List.of(more));
        return a;
    }

    private static int[] ints(com.google.gson.JsonArray a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsInt();
        return v;
    }

    private static int[] part(Path result, String name) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        int[] v = ints(o.getAsJsonObject(name + "_predictions").getAsJsonArray("configuration"));
        java.util.Arrays.sort(v);
        return v;
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf));
        try {
            int code = HdnnpCommand.commandLine().execute(args);
            assertEquals(0, code, "exit code of " + String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return buf.toString();
    }

    @Test
    void trainPrintsJsonSummaryAndPredictReadsTheSavedPotential(@TempDir Path tmp) throws Exception {
        List<Configuration> cs = io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest.structures(12, 3);
        Path input = tmp.resolve("input.xyz");   // energies only: n2p2 input.data would need forces
        ExtendedXyz.write(input, cs);
        String json = run("train", "--data", input.toString(), "--set", "thesis-22", "--features", "evenly:8", "--layout", "8-5-1",
                "--epochs", "3", "--batch", "4", "--seed", "7", "--quiet", "--out", tmp.resolve("pot").toString(),
                "--export-n2p2", tmp.resolve("n2p2").toString());
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("8-5-1", o.get("layout").getAsString());
        assertEquals(3, o.get("last_epoch").getAsInt());
        assertTrue(o.get("val_rmse_meV_per_atom").getAsDouble() > 0);
        assertEquals(7, o.getAsJsonObject("provenance").get("seed").getAsLong());
        assertTrue(Files.exists(tmp.resolve("n2p2").resolve("weights.013.data")));
        String csv = run("predict", "--model", tmp.resolve("pot").toString(), "--structures", input.toString());
        String[] lines = csv.trim().split("\n");
        assertEquals(13, lines.length);
        double first = Double.parseDouble(lines[1].split(",")[3]);
        assertEquals(Hdnnp.load(tmp.resolve("pot")).predict(cs)[0], first, 0.0);
    }

    @Test
    void theOptimiserIsChosenOnTheCommandLineAndNamedInTheProvenance(@TempDir Path tmp) throws Exception {
        Path input = seriesFile(tmp, 10, "300K", "950K");
        Path result = tmp.resolve("r.json");
        run(small(input, result, "--optimizer", "ekf", "--kalman", "q0=0.001,eta_max=0.5").toArray(String[]::new));
        JsonObject hp = JsonParser.parseString(Files.readString(result)).getAsJsonObject().getAsJsonObject("provenance").getAsJsonObject("hyper_parameters");
        assertEquals("ekf", hp.get("optimizer").getAsString());
        assertEquals(0.001, hp.get("ekf_q0").getAsDouble());
        assertEquals(0.5, hp.get("ekf_eta_max").getAsDouble());
        assertEquals(1e-2, hp.get("ekf_epsilon").getAsDouble(), "n2p2's default where not given");
        run(small(input, result, "--optimizer", "lm", "--lm-damping", "0.1").toArray(String[]::new));
        hp = JsonParser.parseString(Files.readString(result)).getAsJsonObject().getAsJsonObject("provenance").getAsJsonObject("hyper_parameters");
        assertEquals("lm", hp.get("optimizer").getAsString());
        assertEquals(0.1, hp.get("lm_damping").getAsDouble());

        Run bad = execute(small(input, result, "--optimizer", "sgd").toArray(String[]::new));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown optimiser 'sgd'; expected adam, ekf or lm"), bad.err());
        bad = execute(small(input, result, "--kalman", "q0=0.1").toArray(String[]::new));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--kalman") && bad.err().contains("adam"), bad.err());
        bad = execute(small(input, result, "--optimizer", "ekf", "--kalman", "qzero=0.1").toArray(String[]::new));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("qzero"), bad.err());
        bad = execute(small(input, result, "--backend", "cuda").toArray(String[]::new));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown back-end 'cuda'"), bad.err());
    }

    @Test
    void forceTrainingFromTheCommandLineReportsTestForceErrorsAndSavesThePotential(@TempDir Path tmp) throws Exception {
        List<Configuration> base = io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest.structures(20, 4);
        java.util.SplittableRandom g = new java.util.SplittableRandom(3);
        List<Configuration> cs = new java.util.ArrayList<>();
        for (Configuration c : base) {
            double[] f = new double[3 * c.size()];
            for (int k = 0; k < f.length; k++) f[k] = 0.2 * g.nextGaussian();
            cs.add(c.toBuilder().forces(f).build());
        }
        Path input = tmp.resolve("forces.xyz");
        ExtendedXyz.write(input, cs);
        String json = run("train", "--data", input.toString(), "--set", "thesis-22", "--features", "evenly:4", "--layout", "4-3-1",
                "--epochs", "2", "--quiet", "--optimizer", "ekf", "--force-weight", "1", "--force-energy-ratio", "2", "--threads", "2",
                "--out", tmp.resolve("pot").toString());
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertTrue(o.getAsJsonObject("test").get("force_rmse_eV_per_A").getAsDouble() > 0, json);
        assertEquals("ekf", o.getAsJsonObject("force_training").get("force_training.optimiser").getAsString());
        assertEquals("2.0", o.getAsJsonObject("force_training").get("force_training.force_energy_ratio").getAsString());
        assertTrue(Files.exists(tmp.resolve("pot")));
        assertEquals(3 * cs.get(0).size(), Hdnnp.load(tmp.resolve("pot")).forces(cs.get(0)).length);

        Run bad = execute("train", "--data", input.toString(), "--set", "thesis-22", "--features", "evenly:4", "--layout", "4-3-1",
                "--quiet", "--force-weight", "1", "--result", tmp.resolve("r.json").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--result does not apply to force training"), bad.err());
        Path energiesOnly = tmp.resolve("energies.xyz");
        ExtendedXyz.write(energiesOnly, base);
        bad = execute("train", "--data", energiesOnly.toString(), "--set", "thesis-22", "--features", "evenly:4", "--layout", "4-3-1",
                "--quiet", "--force-weight", "1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("forces"), bad.err());
    }

    @Test
    void aLayoutThatDoesNotFitTheFeaturesIsAClearError(@TempDir Path tmp) throws Exception {
        List<Configuration> cs = io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest.structures(4, 3);
        Path input = tmp.resolve("input.xyz");   // energies only: n2p2 input.data would need forces
        ExtendedXyz.write(input, cs);
        int code = HdnnpCommand.commandLine().execute("train", "--data", input.toString(), "--set", "thesis-22", "--layout", "57-10-1", "--quiet");
        assertEquals(2, code);
    }

    @Test
    void theSummaryReportsTrainValidationAndTestAndTheDefaultIsTheThesisSplit(@TempDir Path tmp) throws Exception {
        Path input = seriesFile(tmp, 10, "300K", "950K", "500K");
        Path result = tmp.resolve("r.json");
        JsonObject o = JsonParser.parseString(run(small(input, result).toArray(String[]::new))).getAsJsonObject();
        for (String k : List.of("train_loss", "val_loss", "test_loss", "train_rmse_meV_per_atom", "val_rmse_meV_per_atom",
                "test_rmse_meV_per_atom", "test_mae_meV_per_atom", "val_loss_per_atom", "test_loss_per_atom"))
            assertTrue(o.has(k) && Double.isFinite(o.get(k).getAsDouble()) && o.get(k).getAsDouble() > 0, k + " in " + o);
        // 30 configurations: 3 (10 %) test, then round(27 * 0.8) = 22 train and 5 validation
        JsonObject split = o.getAsJsonObject("split");
        assertEquals("random", split.get("scheme").getAsString());
        assertEquals(List.of(22, 5, 3), List.of(split.get("train_configurations").getAsInt(), split.get("validation_configurations").getAsInt(),
                split.get("test_configurations").getAsInt()));
        assertEquals(101, split.get("seed").getAsLong());
        assertArrayEquals(io.github.hdnnpkit.data.Split.thesis(30).test(), part(result, "test"));
        assertArrayEquals(io.github.hdnnpkit.data.Split.thesis(30).validation(), part(result, "validation"));
        // the full result file says how it was split, too
        assertEquals("random", JsonParser.parseString(Files.readString(result)).getAsJsonObject().getAsJsonObject("split").get("scheme").getAsString());
    }

    @Test
    void aSeriesSplitHoldsOutExactlyTheNamedSeries(@TempDir Path tmp) throws Exception {
        Path input = seriesFile(tmp, 8, "300K", "950K", "500K", "1100K");   // 950K = 8..15, 500K = 16..23
        Path result = tmp.resolve("r.json");
        JsonObject o = JsonParser.parseString(run(small(input, result, "--split", "series:950K,500K").toArray(String[]::new))).getAsJsonObject();
        assertArrayEquals(java.util.stream.IntStream.range(8, 24).toArray(), part(result, "test"));
        int[] train = part(result, "train"), val = part(result, "validation");
        assertEquals(16, train.length + val.length);
        for (int c : train) assertTrue(c < 8 || c >= 24, "training configuration " + c + " is from a held-out series");
        for (int c : val) assertTrue(c < 8 || c >= 24, "validation configuration " + c + " is from a held-out series");
        JsonObject split = o.getAsJsonObject("split");
        assertEquals("by_series", split.get("scheme").getAsString());
        assertEquals("[\"950K\",\"500K\"]", split.getAsJsonArray("test_series").toString());
        assertEquals(16, o.get("test_configurations").getAsInt());
    }

    @Test
    void aBlockSplitTestsWholeContiguousBlocksOfEverySeries(@TempDir Path tmp) throws Exception {
        Path input = seriesFile(tmp, 20, "300K", "950K");   // per series 5 blocks of 4: one test block each (round(0.5))
        Path result = tmp.resolve("r.json");
        JsonObject o = JsonParser.parseString(run(small(input, result, "--split", "blocks:4").toArray(String[]::new))).getAsJsonObject();
        int[] test = part(result, "test");
        assertEquals(8, test.length, java.util.Arrays.toString(test));
        java.util.Set<Integer> testSet = new java.util.HashSet<>();
        for (int c : test) testSet.add(c);
        for (int series = 0; series < 2; series++) {
            int blocks = 0;
            for (int b = 0; b < 5; b++) {
                int first = 20 * series + 4 * b, in = 0;
                for (int k = 0; k < 4; k++) if (testSet.contains(first + k)) in++;
                assertTrue(in == 0 || in == 4, "block " + b + " of series " + series + " is split: " + java.util.Arrays.toString(test));
                if (in == 4) blocks++;
            }
            assertEquals(1, blocks, "series " + series + " has one test block");
        }
        assertEquals("time_blocks", o.getAsJsonObject("split").get("scheme").getAsString());
        assertEquals(4, o.getAsJsonObject("split").get("block_length").getAsInt());
    }

    @Test
    void aBadSplitIsRefusedBeforeAnyWorkWithWhatWasExpected(@TempDir Path tmp) throws Exception {
        Path input = seriesFile(tmp, 5, "300K", "950K");
        Path result = tmp.resolve("r.json");
        for (String[] c : new String[][]{{"blocks:x", "blocks:N"}, {"blocks:0", "at least 1"}, {"halves", "random, blocks:N or series:A,B"},
                {"series:", "series:A,B"}, {"series:950K,1000K", "1000K is not in the data"}}) {
            Run r = execute(small(input, result, "--split", c[0]).toArray(String[]::new));
            assertEquals(2, r.code(), c[0]);
            assertTrue(r.err().startsWith("hdnnp train: ") && r.err().contains(c[1]), c[0] + ": " + r.err());
            assertEquals("", r.out());
            assertFalse(Files.exists(result));
        }
        // a file without series labels cannot be split by series: the message names the configuration and the file
        Path plain = tmp.resolve("plain.xyz");
        ExtendedXyz.write(plain, io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest.structures(6, 3));
        Run r = execute(small(plain, result, "--split", "blocks:2").toArray(String[]::new));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("configuration 0 (fcc0)") && r.err().contains("plain.xyz") && r.err().contains("config_type"), r.err());
    }

    @Test
    void aLammpsDumpTrainsWithItsTypesNamedAndIsRefusedWithout(@TempDir Path tmp) throws Exception {
        // energies in a dump come from the per-atom column c_pe: give each atom an equal share of the configuration's energy
        List<Configuration> cs = new java.util.ArrayList<>();
        for (Configuration c : io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest.structures(10, 4)) {
            double[] e = new double[c.size()];
            java.util.Arrays.fill(e, c.energy() / c.size());
            cs.add(c.toBuilder().atomicEnergies(e).build());
        }
        Path dump = tmp.resolve("run.dump");
        io.github.hdnnpkit.io.LammpsDump.write(dump, cs, java.util.Map.of("Al", 1));
        Path result = tmp.resolve("r.json");
        Run refused = execute(small(dump, result).toArray(String[]::new));
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("run.dump") && refused.err().contains("--types") && refused.err().contains("--element"), refused.err());
        for (String[] flags : new String[][]{{"--element", "Al"}, {"--types", "1=Al"}}) {
            Files.deleteIfExists(result);
            Run r = execute(small(dump, result, flags).toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertEquals(10, JsonParser.parseString(Files.readString(result)).getAsJsonObject().getAsJsonObject("train_predictions")
                    .getAsJsonArray("configuration").size() + part(result, "validation").length + part(result, "test").length);
            // the reference energies are the dump's, i.e. the sums of its c_pe column
            JsonObject o = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
            com.google.gson.JsonArray ids = o.getAsJsonObject("test_predictions").getAsJsonArray("configuration"),
                    ref = o.getAsJsonObject("test_predictions").getAsJsonArray("reference_eV");
            for (int i = 0; i < ids.size(); i++)
                assertEquals(cs.get(ids.get(i).getAsInt()).energy(), ref.get(i).getAsDouble(), 1e-6, "reference of configuration " + ids.get(i));
        }
    }
}
