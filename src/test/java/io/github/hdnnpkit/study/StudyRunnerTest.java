package io.github.hdnnpkit.study;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Synthetic;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.util.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class StudyRunnerTest {
    static final DataSpec DATA = DataSpec.memory("synthetic-6", "random-6");

    static StudyData synthetic() {
        DescriptorMatrix d = Synthetic.random(Synthetic.atoms(120, 4, 8, 3), 6, 5, -1, 1);
        return StudyData.of("synthetic-6", d, Synthetic.energies(d));
    }

    static Study smallStudy() {
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(15).withBatchSize(16).withLearningRate(5e-3)
                .withEarlyStopping(EarlyStopping.NONE);
        ModelSpec.Template t = ModelSpec.Template.thesis(DATA, cfg).withHidden(4, 4);
        return Study.of("small", List.of(t.model("first-3", List.of("G2_001", "G2_002", "G2_003"), Map.of("k", "3")),
                t.model("all-6", List.of("G2_001", "G2_002", "G2_003", "G2_004", "G2_005", "G2_006"), Map.of("k", "6")))).withSeeds(2);
    }

    @Test
    void storesEveryResultAndTrainsNothingTheSecondTime(@TempDir Path dir) throws Exception {
        ResultStore store = new ResultStore(dir);
        Study study = smallStudy();
        StudyResults r = new StudyRunner(store).workers(2).register(DATA, synthetic()).run(study);
        assertTrue(r.complete());
        assertEquals(4, r.size());
        for (ModelSpec s : study.specs()) assertTrue(store.contains(s.hash()), s.name());
        try (var files = Files.list(dir)) {
            assertEquals(4, files.filter(p -> p.toString().endsWith(".json")).count(), "one file per specification, no temp files left");
        }

        // mark the files old: a second run must not rewrite any of them
        FileTime old = FileTime.fromMillis(1_000_000L);
        for (ModelSpec s : study.specs()) Files.setLastModifiedTime(store.fileFor(s.hash()), old);
        StudyResults again = new StudyRunner(store).workers(2).register(DATA, synthetic()).run(study);
        for (ModelSpec s : study.specs()) assertEquals(old, Files.getLastModifiedTime(store.fileFor(s.hash())), "retrained " + s.name());
        assertEquals(r.table().doubleColumn("test_rmse_meV_atom").asList(), again.table().doubleColumn("test_rmse_meV_atom").asList());

        // one result lost: only that model is trained again, and it comes out the same (deterministic per seed)
        ModelSpec lost = study.specs().get(2);
        double before = r.of(lost).orElseThrow().test().rmseMeVPerAtom();
        Files.delete(store.fileFor(lost.hash()));
        StudyResults third = new StudyRunner(store).workers(2).register(DATA, synthetic()).run(study);
        assertEquals(before, third.of(lost).orElseThrow().test().rmseMeVPerAtom(), 0.0);
        for (ModelSpec s : study.specs())
            if (s != lost) assertEquals(old, Files.getLastModifiedTime(store.fileFor(s.hash())));
    }

    @Test
    void tableHasSpecificationFieldsTagsAndBothValidationAndTestFigures(@TempDir Path dir) {
        StudyResults r = new StudyRunner(new ResultStore(dir)).workers(2).register(DATA, synthetic()).run(smallStudy());
        Table t = r.table();
        assertEquals(4, t.rowCount());
        for (String c : List.of("name", "subset", "features", "structure", "seed", "k", "split", "val_loss", "val_loss_atom", "test_loss",
                "test_loss_atom", "val_rmse_meV_atom", "test_rmse_meV_atom", "test_mae_meV_atom", "minima_epoch", "max_epoch", "wall_s"))
            assertTrue(t.columnNames().contains(c), "missing column " + c + " in " + t.columnNames());
        assertEquals("3-4-4-1", t.stringColumn("structure").get(0));
        Map<String, double[]> byK = r.values(Metric.TEST_RMSE, "k");
        assertEquals(List.of("3", "6"), List.copyOf(byK.keySet()));
        assertEquals(2, byK.get("3").length);
        // per-atom losses are the configuration loss over the mean atom count
        StudyResult first = r.entries().get(0).result();
        assertEquals(first.bestValidationLoss() / first.meanAtoms(), t.doubleColumn("val_loss_atom").get(0), 1e-15);
        assertEquals(15, first.validationLossHistory().length);
        assertEquals(3, first.featureWeightNorms().size());
    }

    @Test
    void cancelledStudyKeepsNothingUnfinishedAndResumes(@TempDir Path dir) {
        ResultStore store = new ResultStore(dir);
        Cancellation c = Cancellation.none();
        c.cancel();
        StudyResults r = new StudyRunner(store).workers(1).register(DATA, synthetic()).cancellation(c).run(smallStudy());
        assertEquals(0, r.size());
        assertFalse(r.complete());
        assertTrue(store.all().isEmpty());
        assertEquals(4, new StudyRunner(store).workers(2).register(DATA, synthetic()).run(smallStudy()).size());
    }

    @Test
    void specificationsRoundTripThroughJsonWithTheSameHash() {
        for (ModelSpec s : smallStudy().specs()) {
            ModelSpec back = StudyJson.spec(StudyJson.spec(s));
            assertEquals(s, back);
            assertEquals(s.hash(), back.hash());
        }
        ModelSpec a = smallStudy().specs().get(0);
        assertNotEquals(a.hash(), a.withSeed(99).hash());
        assertEquals(a.hash(), a.withName("other").withTag("x", "y").hash(), "names and tags do not change the model");
        assertEquals(a.hash(), a.withTraining(a.training().withThreads(4)).hash(), "threads do not change the model");
    }
}
