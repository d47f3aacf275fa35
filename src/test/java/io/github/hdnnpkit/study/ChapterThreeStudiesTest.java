package io.github.hdnnpkit.study;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.model.LearningRateSchedule;
import io.github.hdnnpkit.notebook.Profile;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class ChapterThreeStudiesTest {
    static final ChapterThreePlan WALK = ChapterThreePlan.of(StudyPlan.of(Profile.WALKTHROUGH));

    @Test
    void theTwelveG2AreTheFirstTwelveOfEach22Set() {
        assertEquals(List.of("G2_001", "G2_002", "G2_003", "G2_004", "G2_005", "G2_006", "G2_007", "G2_008", "G2_009", "G2_010", "G2_011", "G2_012"),
                ChapterThreeStudies.radial12("thesis-22"));
        // the extracted set carries the 329's ids: the unshifted G2_001, then shifted G2 (ids 202..269) nearest 0.555·k Å
        List<String> ext = ChapterThreeStudies.radial12("thesis-22-extracted");
        assertEquals("G2_001", ext.get(0));
        for (String id : ext.subList(1, 12)) assertTrue(Integer.parseInt(id.substring(3)) > 201, id);
        assertEquals(22, ChapterThreeStudies.all22("thesis-22-extracted").size());
        assertEquals("G5_010", ChapterThreeStudies.all22("thesis-22-extracted").get(21));
        assertThrows(IllegalArgumentException.class, () -> ChapterThreeStudies.radial12("thesis-329"));
    }

    @Test
    void depthScanHasTableThreeOnesLayoutsOnTwelveInputs() {
        Study s = WALK.depthStudy();
        // the walkthrough leaves 40-40 out (its time budget); full trains all seven of table 3.1
        assertEquals(6 * 5, s.size());
        assertEquals(List.of("12-5-5-1", "12-10-10-1", "12-15-15-1", "12-20-20-1", "12-30-30-1", "12-50-50-1"),
                s.specs().stream().map(x -> x.layout().notation()).distinct().toList());
        assertEquals(List.of("12-5-5-1", "12-10-10-1", "12-15-15-1", "12-20-20-1", "12-30-30-1", "12-40-40-1", "12-50-50-1"),
                ChapterThreePlan.of(StudyPlan.of(Profile.FULL)).depthStudy().specs().stream().map(x -> x.layout().notation()).distinct().toList());
        assertTrue(s.specs().stream().allMatch(x -> x.split().equals(SplitSpec.thesis())));
        assertEquals(2, s.specs().get(0).data().stride(), "walkthrough: every 2nd snapshot");
    }

    @Test
    void sharedModelsAreOneModel() {
        Set<String> depth = WALK.depthStudy().specs().stream().map(ModelSpec::hash).collect(Collectors.toSet());
        Study fractions = WALK.fractionStudy();
        Study features = WALK.featureStudy();
        // the 0.8 runs of (5,5), (10,10), (15,15) and the original 12 with (10,10) are depth-scan models
        long sharedFractions = fractions.specs().stream().filter(x -> depth.contains(x.hash())).count();
        assertEquals(3 * 5, sharedFractions);
        assertTrue(fractions.specs().stream().filter(x -> depth.contains(x.hash())).allMatch(x -> x.split().trainFraction() == 0.8));
        List<ModelSpec> original12 = features.specs().stream().filter(x -> x.tags().get("set").equals("original 12")).toList();
        assertEquals(5, original12.size());
        assertTrue(original12.stream().allMatch(x -> depth.contains(x.hash())));
        assertEquals(4 * 5, features.size());
    }

    @Test
    void trainFractionsKeepTheSameTestPart() {
        String[] series = new String[400];
        for (int i = 0; i < series.length; i++) series[i] = "T" + (i % 20);
        Study s = WALK.fractionStudy();
        int[] test = null;
        for (ModelSpec m : s.specs()) {
            Split sp = m.split().resolve(series);
            int[] t = sp.test();
            Arrays.sort(t);
            if (test == null) test = t;
            else assertArrayEquals(test, t, m.name());
            int rest = series.length - t.length;
            assertEquals(Math.round(m.split().trainFraction() * rest), sp.train().length, 1.0, m.name());
        }
        assertEquals(Set.of(0.8, 0.7, 0.6), s.specs().stream().map(m -> m.split().trainFraction()).collect(Collectors.toSet()));
    }

    @Test
    void batchStudyStretchesEpochsAndScheduleBelowFull() {
        var t = WALK.batchTraining();
        var plan = StudyPlan.of(Profile.WALKTHROUGH).training();
        assertEquals(2 * plan.maxEpochs(), t.maxEpochs());
        var step = (LearningRateSchedule.StepDrop) t.schedule();
        assertEquals(2 * ((LearningRateSchedule.StepDrop) plan.schedule()).epochsDrop(), step.epochsDrop());
        Study b = WALK.batchStudy();
        assertEquals(List.of(64, 700, 4200), b.specs().stream().map(x -> x.training().batchSize()).distinct().toList());
        assertTrue(b.specs().stream().allMatch(x -> x.training().maxEpochs() == t.maxEpochs() && x.features().size() == 22));
        ChapterThreePlan full = ChapterThreePlan.of(StudyPlan.of(Profile.FULL));
        assertEquals(StudyPlan.of(Profile.FULL).training(), full.batchTraining());
        assertEquals(List.of(2, 1), ChapterThreePlan.of(StudyPlan.of(Profile.SMOKE)).strides());
    }

    @Test
    void featureStudyRejectsSwappedTemplates() {
        assertThrows(IllegalArgumentException.class, () -> ChapterThreeStudies.featureCounts(WALK.extracted(), WALK.original()));
    }
}
