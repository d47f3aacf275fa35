package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.study.ModelSpec;
import io.github.hdnnpkit.study.ResultStore;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class StudyCommandTest {
    /** One descriptor cache for the class: the fixture's thesis-22 matrix is computed once. */
    @TempDir
    static Path cache;

    record Outcome(int code, String out, String err) {
    }

    private static Outcome hdnnp(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            code = HdnnpCommand.commandLine().execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Path write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        return file;
    }

    private static final String TINY = """
            name: tiny
            data: {source: fixture, descriptor_set: thesis-22}
            hidden: [3]
            training: {max_epochs: 3, batch_size: 16}
            seeds: 2
            models:
              - {name: radial, features: radial, tags: {group: G2}}
              - {name: even-5, features: "evenly:5", tags: {group: mixed}}
            """;

    /** Result files of a store (anything else, e.g. a temporary file, is returned too, to be caught). */
    private static Set<String> files(Path store) throws Exception {
        try (var s = Files.list(store)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> resultFiles(Study study) {
        return study.byHash().keySet().stream().map(h -> h + ".json").collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void runStoresEveryModelOnceAndTableSummarisesThem(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("tiny.yaml"), TINY);
        Path store = dir.resolve("store");
        Outcome first = hdnnp("study", "run", "--study", file.toString(), "--store", store.toString(), "--descriptor-cache", cache.toString(),
                "--workers", "2");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("study tiny: 4 of 4 models have results (4 trained now, 0 stored before), complete"), first.out());
        assertTrue(first.err().contains("study tiny: 4 models"), "progress on stderr: " + first.err());
        Study study = StudyFile.read(file);
        assertEquals(resultFiles(study), files(store));

        Outcome again = hdnnp("study", "run", "--study", file.toString(), "--store", store.toString(), "--descriptor-cache", cache.toString(), "--quiet");
        assertEquals(0, again.code());
        assertTrue(again.out().contains("(0 trained now, 4 stored before), complete"), again.out());

        Path csv = dir.resolve("out").resolve("all.csv");
        Outcome table = hdnnp("study", "table", "--study", file.toString(), "--store", store.toString(), "--out", csv.toString());
        assertEquals(0, table.code(), table.err());
        for (ModelSpec s : study.specs()) assertTrue(table.out().contains(s.name()), s.name() + " missing in\n" + table.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size(), "header and one row per model");
        List<String> header = List.of(lines.get(0).split(","));
        assertTrue(header.containsAll(List.of("name", "group", "test_rmse_meV_atom", "val_loss", "hash")), header.toString());

        // mean, sample sd and n per group, against the stored results themselves
        Map<String, double[]> rmse = new HashMap<>();
        ResultStore rs = new ResultStore(store);
        for (ModelSpec s : study.specs()) {
            double v = rs.read(s.hash()).orElseThrow().test().rmseMeVPerAtom();
            rmse.merge(s.tags().get("group"), new double[]{v}, (a, b) -> new double[]{a[0], b[0]});
        }
        Path grouped = dir.resolve("grouped.csv");
        Outcome g = hdnnp("study", "table", "--study", file.toString(), "--store", store.toString(), "--group-by", "group",
                "--metric", "test_rmse_meV_atom", "--out", grouped.toString());
        assertEquals(0, g.code(), g.err());
        List<String> rows = Files.readAllLines(grouped);
        assertEquals("group,n,mean_test_rmse_meV_atom,sd_test_rmse_meV_atom", rows.get(0));
        assertEquals(3, rows.size());
        for (String row : rows.subList(1, 3)) {
            String[] c = row.split(",");
            double[] v = rmse.get(c[0]);
            assertEquals("2", c[1]);
            assertEquals((v[0] + v[1]) / 2, Double.parseDouble(c[2]), 1e-9 * Math.abs(v[0]));
            assertEquals(Math.abs(v[0] - v[1]) / Math.sqrt(2), Double.parseDouble(c[3]), 1e-9 * Math.abs(v[0]), "sd of two values");
        }
        try (var s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file left next to the CSV");
        }

        assertEquals(2, hdnnp("study", "table", "--study", file.toString(), "--store", store.toString(), "--group-by", "group",
                "--metric", "rmse").code());
        assertEquals(2, hdnnp("study", "table", "--study", file.toString(), "--store", store.toString(), "--metric", "test_loss").code());
        Outcome noTag = hdnnp("study", "table", "--study", file.toString(), "--store", store.toString(), "--group-by", "colour");
        assertEquals(2, noTag.code());
        assertTrue(noTag.err().contains("no field or tag 'colour'"), noTag.err());
    }

    @Test
    void failedModelsExitOneAndBadFilesExitTwo(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("fails.json"), """
                {"name": "fails", "data": {"source": "fixture", "descriptor_set": "thesis-22"}, "hidden": [2],
                 "training": {"max_epochs": 2, "batch_size": 32},
                 "models": [{"name": "fine", "features": "angular"},
                            {"name": "no-such-series", "features": "angular", "split": {"scheme": "by_series", "test_series": ["99K"]}}]}
                """);
        Path store = dir.resolve("store");
        Outcome r = hdnnp("study", "run", "--study", file.toString(), "--store", store.toString(), "--descriptor-cache", cache.toString(), "--quiet");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("no-such-series: IllegalArgumentException: test series 99K is not in the data"), r.err());
        assertTrue(r.out().contains("1 of 2 models have results (1 trained now, 0 stored before), 1 failed or missing"), r.out());
        assertEquals(1, files(store).size());
        Outcome t = hdnnp("study", "table", "--study", file.toString(), "--store", store.toString());
        assertEquals(0, t.code());
        assertTrue(t.err().contains("1 of 2 models have no result yet"), t.err());

        Path bad = write(dir.resolve("bad.yaml"), "name: bad\ndata: {source: fixture}\nmodels: [{name: x, features: \"evenly:0\"}]\n");
        Outcome b = hdnnp("study", "run", "--study", bad.toString(), "--store", store.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains(bad + ":3: model 'x' (models[0])"), b.err());
        assertEquals(2, hdnnp("study", "table", "--study", dir.resolve("absent.yaml").toString()).code());
    }

    @Test
    void theDefaultStoreIsAFolderNamedAfterTheStudy() {
        Study s = new Study("evenly 57/seeds", List.of());
        assertEquals(Workspace.build().resolve("studies").resolve("evenly-57-seeds"), StudyCommand.store(s, null).directory());
        assertEquals(Path.of("x").toAbsolutePath(), StudyCommand.store(s, Path.of("x")).directory());
    }

    /**
     * The acceptance test: a study killed mid-way (SIGTERM to a child JVM running {@code hdnnp study run}) and
     * started again finishes with exactly one result per specification and never re-trains a finished one.
     */
    @Test
    void aKilledStudyResumesWithOneResultPerSpecificationAndRetrainsNothing(@TempDir Path dir) throws Exception {
        // the first models are quick, so a result appears early; the later ones are still training when the signal comes
        Path file = write(dir.resolve("killed.yaml"), """
                name: killed
                data: {source: fixture, descriptor_set: thesis-22}
                hidden: [4]
                training: {max_epochs: 80, batch_size: 16, early_stopping_patience: 0}
                seeds: 2
                models:
                  - {name: quick, features: "evenly:6", training: {max_epochs: 2}}
                  - {name: all, features: all}
                  - {name: radial, features: radial}
                """);
        Study study = StudyFile.read(file);
        assertEquals(6, study.byHash().size());
        Path store = dir.resolve("store"), log = dir.resolve("cli.txt");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process cli = new ProcessBuilder(javaBin, "--add-modules", "jdk.incubator.vector", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Dhdnnp.home=" + Workspace.root(), "io.github.hdnnpkit.cli.HdnnpCommand", "study", "run", "--study", file.toString(),
                "--store", store.toString(), "--descriptor-cache", cache.toString(), "--workers", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (cli.isAlive() && System.nanoTime() < deadline && resultCount(store) == 0) Thread.sleep(20);
            assertTrue(cli.isAlive(), "the study ended before it could be killed:\n" + Files.readString(log));
            assertTrue(resultCount(store) > 0, "no result within 180 s:\n" + Files.readString(log));
            cli.destroy();   // SIGTERM
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "the killed study did not stop");
        } finally {
            cli.destroyForcibly();
        }
        String output = Files.readString(log);
        assertEquals(128 + 15, cli.exitValue(), "terminated by SIGTERM:\n" + output);
        assertTrue(output.contains("hdnnp study run: stopping"), "the shutdown hook cancelled the run:\n" + output);
        assertTrue(output.contains("stopped; results in"), "the run returned and summarised before the JVM ended:\n" + output);

        Set<String> afterKill = files(store);
        assertTrue(resultFiles(study).containsAll(afterKill), "only whole result files, no temporary or partial ones: " + afterKill);
        assertTrue(afterKill.size() < 6, "the study was killed mid-way, not after the end: " + afterKill);
        ResultStore rs = new ResultStore(store);
        Map<String, byte[]> content = new HashMap<>();
        FileTime old = FileTime.fromMillis(1_000_000L);
        for (String f : afterKill) {
            String hash = f.substring(0, 64);
            assertTrue(rs.read(hash).isPresent(), "a readable, complete result: " + f);
            content.put(f, Files.readAllBytes(store.resolve(f)));
            Files.setLastModifiedTime(store.resolve(f), old);
        }

        Outcome again = hdnnp("study", "run", "--study", file.toString(), "--store", store.toString(), "--descriptor-cache", cache.toString(),
                "--workers", "1", "--quiet");
        assertEquals(0, again.code(), again.err());
        int before = afterKill.size();
        assertTrue(again.out().contains("6 of 6 models have results (" + (6 - before) + " trained now, " + before + " stored before), complete"),
                again.out());
        assertEquals(resultFiles(study), files(store), "exactly one result file per specification, nothing else");
        for (String f : afterKill) {
            assertEquals(old, Files.getLastModifiedTime(store.resolve(f)), "re-trained " + f);
            assertArrayEquals(content.get(f), Files.readAllBytes(store.resolve(f)), "rewrote " + f);
        }
    }

    private static long resultCount(Path store) throws Exception {
        if (!Files.isDirectory(store)) return 0;
        try (var s = Files.list(store)) {
            return s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.json")).count();
        }
    }
}
