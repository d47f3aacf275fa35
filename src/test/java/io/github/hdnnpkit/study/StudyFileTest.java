package io.github.hdnnpkit.study;

import com.google.gson.JsonParser;
import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.model.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class StudyFileTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<String> ids(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> String.format("%s_%03d", prefix, i)).toList();
    }

    static final String YAML = """
            name: expressions
            data: {source: fixture, descriptor_set: thesis-22}
            split: {train_fraction: 0.7}
            hidden: [6, 5]
            training:
              max_epochs: 5
              batch_size: 8
              learning_rate: 0.005
            seeds: [3, 5]
            models:
              - {name: all, features: all}
              - {name: radial, features: radial, tags: {group: G2, k: 12}}
              - {features: angular}
              - {name: even-3, features: "evenly:3", hidden: [4]}
              - {name: inner-radial, features: "drop:radial:G2_001,G2_012", training: {max_epochs: 3}}
              - {name: ends, features: "drop:evenly:3:G2_012", activation: sigmoid}
              - name: listed
                features: [G5_002, G2_004]
                split: {scheme: by_series, test_series: [10K]}
              - {name: whole-22, subset: t22, features: "set:thesis-22"}
            """;

    static final String JSON = """
            {"name": "expressions",
             "data": {"source": "fixture", "descriptor_set": "thesis-22"},
             "split": {"train_fraction": 0.7},
             "hidden": [6, 5],
             "training": {"max_epochs": 5, "batch_size": 8, "learning_rate": 0.005},
             "seeds": [3, 5],
             "models": [
               {"name": "all", "features": "all"},
               {"name": "radial", "features": "radial", "tags": {"group": "G2", "k": 12}},
               {"features": "angular"},
               {"name": "even-3", "features": "evenly:3", "hidden": [4]},
               {"name": "inner-radial", "features": "drop:radial:G2_001,G2_012", "training": {"max_epochs": 3}},
               {"name": "ends", "features": "drop:evenly:3:G2_012", "activation": "sigmoid"},
               {"name": "listed", "features": ["G5_002", "G2_004"], "split": {"scheme": "by_series", "test_series": ["10K"]}},
               {"name": "whole-22", "subset": "t22", "features": "set:thesis-22"}
             ]}
            """;

    private static ModelSpec named(Study s, String name) {
        return s.specs().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no model " + name));
    }

    @Test
    void everyExpressionOverrideAndSeedGivesTheExpectedSpecifications() throws Exception {
        Study s = StudyFile.read(file("s.yaml", YAML));
        assertEquals("expressions", s.name());
        assertEquals(16, s.size(), "8 models × 2 seeds");
        assertEquals(List.of("all seed 3", "all seed 5", "radial seed 3", "radial seed 5", "angular seed 3"),
                s.specs().subList(0, 5).stream().map(ModelSpec::name).toList());

        List<String> g2 = ids("G2", 1, 12), g5 = ids("G5", 1, 10);
        List<String> all = new ArrayList<>(g2);
        all.addAll(g5);
        assertEquals(all, named(s, "all seed 3").features());
        assertEquals(g2, named(s, "radial seed 3").features());
        assertEquals(g5, named(s, "angular seed 5").features());
        // 3 evenly spaced of 22 columns: round(i·21/2) = 0, 11 (10.5 rounds up), 21
        assertEquals(List.of("G2_001", "G2_012", "G5_010"), named(s, "even-3 seed 3").features());
        assertEquals(ids("G2", 2, 11), named(s, "inner-radial seed 3").features());
        assertEquals(List.of("G2_001", "G5_010"), named(s, "ends seed 3").features());
        assertEquals(List.of("G5_002", "G2_004"), named(s, "listed seed 5").features(), "an explicit list keeps its order");
        assertEquals(all, named(s, "whole-22 seed 3").features());

        // shared settings, then each model's overrides
        ModelSpec a = named(s, "all seed 3");
        assertEquals(new DataSpec("fixture", List.of("1000K"), 1, "thesis-22", Convention.THESIS), a.data());
        assertEquals(List.of(6, 5), a.hidden());
        assertEquals(Activation.TANH, a.activation());
        assertEquals(5, a.training().maxEpochs());
        assertEquals(8, a.training().batchSize());
        assertEquals(0.005, a.training().learningRate());
        assertEquals(EarlyStopping.THESIS, a.training().earlyStopping(), "fields the file does not name are the thesis defaults");
        assertEquals(TrainingConfig.defaults().adam(), a.training().adam());
        assertEquals(3, a.seed());
        assertEquals(5, named(s, "all seed 5").seed());
        assertEquals("3", a.tags().get("seed"));
        assertEquals(new SplitSpec(Split.Scheme.RANDOM, 0.1, 0.7, 101, 0, List.of()), a.split());
        assertEquals("all", a.subset());
        assertEquals("t22", named(s, "whole-22 seed 3").subset());
        assertEquals(Map.of("group", "G2", "k", "12", "seed", "5"), named(s, "radial seed 5").tags());
        assertEquals("angular", named(s, "angular seed 3").subset(), "a model without a name is named by its expression");

        assertEquals(List.of(4), named(s, "even-3 seed 3").hidden());
        assertEquals(3, named(s, "inner-radial seed 3").training().maxEpochs());
        assertEquals(8, named(s, "inner-radial seed 3").training().batchSize(), "a training override keeps the study's other fields");
        assertEquals(Activation.SIGMOID, named(s, "ends seed 5").activation());
        SplitSpec bySeries = named(s, "listed seed 3").split();
        assertEquals(Split.Scheme.BY_SERIES, bySeries.scheme());
        assertEquals(List.of("10K"), bySeries.testSeries());
        assertEquals(0.7, bySeries.trainFraction(), "a split override keeps the study's other fields");
    }

    @Test
    void jsonAndYamlDeclareTheSameStudy() throws Exception {
        Study y = StudyFile.read(file("s.yml", YAML)), j = StudyFile.read(file("s.json", JSON));
        assertEquals(y, j);
        assertEquals(y.byHash().keySet(), j.byHash().keySet());
    }

    @Test
    void evenlyOfATenColumnSetAndTheThesisSubsets() throws Exception {
        Study s = StudyFile.read(file("ten.yaml", """
                name: ten
                data: {source: fixture, descriptor_set: thesis-329-even10}
                seeds: 2
                models:
                  - {name: all, features: all}
                  - {name: three, features: "evenly:3"}
                  - {name: angular, features: angular}
                """));
        // thesis-329-even10: columns round(i·328/9) of the 329 = 0, 36, 73, 109, 146, 182, 219, 255, 292, 328
        // (G2 are columns 0..268 = G2_001..G2_269, G5 columns 269..328 = G5_001..G5_060)
        assertEquals(List.of("G2_001", "G2_037", "G2_074", "G2_110", "G2_147", "G2_183", "G2_220", "G2_256", "G5_024", "G5_060"),
                named(s, "all seed 1").features());
        // 3 of those 10: round(i·9/2) = 0, 5 (4.5 rounds up), 9
        assertEquals(List.of("G2_001", "G2_183", "G5_060"), named(s, "three seed 2").features());
        assertEquals(List.of("G5_024", "G5_060"), named(s, "angular seed 1").features());
        assertEquals(List.of(1L, 2L), s.specs().stream().filter(m -> m.subset().equals("three")).map(ModelSpec::seed).toList());

        // section 4.3's set A out of the 329: G2 numbers 1, 9, ..., 193 (25), 202, 206, ..., 266 (17), G5 1, 5, ..., 57 (15)
        Study a = StudyFile.read(file("a.json", """
                {"name": "57A", "data": {"source": "generated"}, "models": [{"name": "A", "features": "set:thesis-57A"},
                 {"name": "A-2", "features": "drop:set:thesis-57A:G2_009,G5_057"}]}"""));
        List<String> f = named(a, "A").features();
        assertEquals(57, f.size());
        assertEquals(List.of("G2_001", "G2_009"), f.subList(0, 2));
        assertEquals(List.of("G2_193", "G2_202"), f.subList(24, 26));
        assertEquals(List.of("G2_266", "G5_001", "G5_005"), f.subList(41, 44));
        assertEquals("G5_057", f.get(56));
        assertEquals("thesis-329", named(a, "A").data().descriptorSet(), "the descriptor set defaults to the 329");
        List<String> dropped = named(a, "A-2").features();
        assertEquals(55, dropped.size());
        assertEquals(List.of("G2_001", "G2_017"), dropped.subList(0, 2));
        assertEquals("G5_053", dropped.get(54));
        // seeds absent: the training seed is the default and names are kept
        assertEquals(TrainingConfig.defaults().seed(), named(a, "A").seed());
    }

    @Test
    void theExpandedFormReadsBackWithTheSameHashes() throws Exception {
        // a study built in Java, with in-memory and file data, overrides and seeds
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(7).withBatchSize(3).withLearningRate(2.5e-3).withSeed(12345678901L);
        ModelSpec.Template t = ModelSpec.Template.thesis(DataSpec.memory("synthetic", "random-6"), cfg).withHidden(3, 2);
        ModelSpec.Template f = ModelSpec.Template.thesis(DataSpec.thesis(io.github.hdnnpkit.notebook.Profile.SMOKE, "thesis-22"), cfg)
                .withSplit(SplitSpec.timeBlocks(4));
        Study java = Study.of("from java", List.of(t.model("first-2", List.of("G2_001", "G2_002"), Map.of("k", "2")),
                f.model("g5", ids("G5", 1, 10)).withSplit(SplitSpec.bySeries("300K", "10K")))).withSeeds(4);
        Path out = StudyFile.write(java, dir.resolve("sub").resolve("expanded.json"));
        assertTrue(JsonParser.parseString(Files.readString(out)).getAsJsonObject().has("specs"));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "nothing but the written file");
        }
        Study back = StudyFile.read(out);
        assertEquals(java, back);
        assertEquals(List.copyOf(java.byHash().keySet()), List.copyOf(back.byHash().keySet()));

        // and a declared study, expanded, is the same study
        Study declared = StudyFile.read(file("s.yaml", YAML));
        Study again = StudyFile.read(StudyFile.write(declared, dir.resolve("declared.json")));
        assertEquals(declared, again);
        assertEquals(List.copyOf(declared.byHash().keySet()), List.copyOf(again.byHash().keySet()));
        assertThrows(IllegalArgumentException.class, () -> StudyFile.write(declared, dir.resolve("x.yaml")));
    }

    private InputFormatException bad(String name, String text, String... expected) throws Exception {
        Path p = file(name, text);
        InputFormatException e = assertThrows(InputFormatException.class, () -> StudyFile.read(p), text);
        assertTrue(e.getMessage().startsWith(p.toString()), "names the file: " + e.getMessage());
        for (String x : expected) assertTrue(e.getMessage().contains(x), "'" + x + "' not in: " + e.getMessage());
        return e;
    }

    private static final String HEAD = "name: bad\ndata: {source: fixture, descriptor_set: thesis-22}\n";

    @Test
    void badFilesSayWhereAndWhatWasExpected() throws Exception {
        // YAML problems carry the line
        assertEquals(3, bad("a.yaml", HEAD + "hiden: [3]\nmodels: [{name: x, features: all}]\n", "unknown field 'hiden'", "hidden").line());
        assertEquals(5, bad("b.yaml", HEAD + "models:\n  - {name: ok, features: all}\n  - {name: wide, features: \"evenly:40\"}\n",
                "model 'wide' (models[1])", "evenly:40", "K must be in 1..22").line());
        assertEquals(4, bad("c.yaml", HEAD + "models:\n  - {name: odd, features: \"odd:3\"}\n", "unknown feature expression 'odd:3'",
                "evenly:K", "drop:EXPR:ID").line());
        bad("d.yaml", HEAD + "models:\n  - {name: d, features: \"drop:radial:G5_001\"}\n", "G5_001 is not among the 12 features of 'radial'");
        bad("e.yaml", HEAD + "models:\n  - {name: e, features: [G2_001, G2_099]}\n", "model 'e'", "feature G2_099 is not in thesis-22", "G2_001 … G5_010");
        bad("f.yaml", HEAD + "models:\n  - {name: f, features: \"set:thesis-57A\"}\n", "'set:thesis-57A' is not a subset of thesis-22");
        bad("g.yaml", HEAD + "seeds: 0\nmodels: [{name: x, features: all}]\n", "seeds", "1..10000");
        bad("h.yaml", HEAD + "seeds: [1, two]\nmodels: [{name: x, features: all}]\n", "seeds[1]", "expected an integer");
        bad("i.yaml", HEAD + "models:\n  - {name: i, features: all, hidden: [4, 0]}\n", "model 'i'", "layer sizes are ≥ 1");
        assertTrue(bad("j.yaml", HEAD + "models:\n  - {name: j, features: all\n  - oops\n", "not valid YAML").line() >= 4);
        assertEquals(4, bad("k.yaml", HEAD + "models: [{name: x, features: all}]\nmodels: [{name: y, features: all}]\n", "not valid YAML", "duplicate key").line());
        bad("l.yaml", "name: bad\nmodels: [{name: x, features: all}]\n", "missing 'data'", "source: fixture");
        bad("m.yaml", HEAD + "models: [{name: x, features: all}, {name: x, features: radial}]\n", "two models named 'x'");
        bad("n.yaml", HEAD + "models: [{name: x, features: all, training: {epochs: 3}}]\n", "model 'x'", "unknown field 'epochs'", "max_epochs");
        bad("o.yaml", HEAD + "split: {scheme: shuffled}\nmodels: [{name: x, features: all}]\n", "split", "expected random, by_series, time_blocks");
        bad("p.yaml", HEAD + "activation: swish\nmodels: [{name: x, features: all}]\n", "unknown activation 'swish'");
        bad("q.yaml", HEAD + "models: [{features: [G2_001]}]\n", "models[0]", "needs a 'name'");
        bad("r.yaml", HEAD + "models: []\n", "non-empty list");
        bad("s.yaml", HEAD + "models: [{name: s, features: \"drop:all\"}]\n", "expected drop:EXPR:ID");
        bad("t.yaml", "name: bad\ndata: {source: fixture, descriptor_set: thesis-23}\nmodels: [{name: x, features: all}]\n", "unknown set 'thesis-23'");
        bad("u.yaml", HEAD + "training: {max_epochs: 0}\nmodels: [{name: x, features: all}]\n", "training", "maxEpochs must be ≥ 1");
        bad("v.yaml", HEAD + "models: [{name: x, features: all}]\nspecs: []\n", "either 'models' (declared) or 'specs'");
        // the 329's G2_002 is not thesis-22's G2_002: the ids alone would pick the wrong functions
        bad("w.yaml", "name: w\ndata: {source: generated}\nmodels: [{name: w, features: \"set:thesis-22\"}]\n",
                "'set:thesis-22' is not a subset of thesis-329", "its G2_002");
        // JSON: the line from the parser, the model by name
        assertEquals(3, bad("x.json", "{\"name\": \"x\",\n \"data\": {\"source\": \"fixture\"},\n \"models\": [}\n", "not valid JSON").line());
        bad("y.json", "{\"name\": \"y\", \"data\": {\"source\": \"fixture\", \"convention\": \"nope\"}, \"models\": [{\"name\": \"y\", \"features\": \"all\"}]}",
                "convention", "expected n2p2, thesis");
        bad("z.txt", "name: z\n", "ends in .json, .yaml or .yml");
        InputFormatException missing = assertThrows(InputFormatException.class, () -> StudyFile.read(dir.resolve("absent.yaml")));
        assertTrue(missing.getMessage().contains("no such study file"), missing.getMessage());
    }

    @Test
    void expandedSpecificationsAreCheckedToo() throws Exception {
        Study s = StudyFile.read(file("s.yaml", HEAD + "models: [{name: x, features: [G2_001, G2_002]}]\n"));
        String json = StudyJson.PRETTY.toJson(StudyFile.toJson(s));
        bad("a.json", json.replace("\"G2_002\"", "\"G2_077\""), "specification 'x' (specs[0])", "feature G2_077 is not in thesis-22");
        bad("b.json", json.replace("\"hidden\"", "\"hiddn\""), "specs[0]", "unknown field 'hiddn'");
        bad("c.json", json.replace("\"name\": \"bad\",", "\"name\": \"bad\", \"seeds\": 3,"), "unknown field 'seeds'");
    }

    @Test
    void aStudyFileNamesTheOptimiserForAllModelsOrForOne() throws Exception {
        Study s = StudyFile.read(file("opt.yaml", """
                name: optimisers
                data: {source: fixture, descriptor_set: thesis-22}
                training: {max_epochs: 5, optimizer: {type: ekf, q0: 0.001}}
                models:
                  - {name: ekf, features: "evenly:3"}
                  - {name: lm, features: "evenly:3", training: {optimizer: lm}}
                  - {name: adam, features: "evenly:3", training: {optimizer: adam}}
                """));
        assertEquals(io.github.hdnnpkit.model.optim.KalmanFilter.N2P2.withProcessNoise(0.001, 2.302, 1e-6), s.specs().get(0).training().optimiser());
        assertEquals(io.github.hdnnpkit.model.optim.LevenbergMarquardt.DEFAULTS, s.specs().get(1).training().optimiser());
        assertEquals(5, s.specs().get(1).training().maxEpochs());
        assertEquals(io.github.hdnnpkit.model.optim.Adam.INSTANCE, s.specs().get(2).training().optimiser());
        assertEquals(3, s.specs().stream().map(ModelSpec::hash).distinct().count());
        InputFormatException e = assertThrows(InputFormatException.class, () -> StudyFile.read(file("bad.yaml", """
                name: bad
                data: {source: fixture, descriptor_set: thesis-22}
                training: {optimizer: {type: ekf, q_zero: 0.001}}
                models: [{name: a, features: all}]
                """)));
        assertTrue(e.getMessage().contains("q_zero"), e.getMessage());
    }
}
