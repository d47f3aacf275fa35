package io.github.hdnnpkit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TrainCommandTest {

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
    void aLayoutThatDoesNotFitTheFeaturesIsAClearError(@TempDir Path tmp) throws Exception {
        List<Configuration> cs = io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest.structures(4, 3);
        Path input = tmp.resolve("input.xyz");   // energies only: n2p2 input.data would need forces
        ExtendedXyz.write(input, cs);
        int code = HdnnpCommand.commandLine().execute("train", "--data", input.toString(), "--set", "thesis-22", "--layout", "57-10-1", "--quiet");
        assertEquals(2, code);
    }
}
