package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.optim.Adam;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.model.optim.LevenbergMarquardt;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.thesis.Verdict;
import io.github.hdnnpkit.thesis.VerdictComparison;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.hdnnpkit.study.ChapterThreeFixtures.Run;
import static org.junit.jupiter.api.Assertions.*;

class OptimiserPlanTest {
    private static final OptimiserPlan PLAN = new OptimiserPlan(StudyPlan.of(Profile.SMOKE), 1, 3, 3, 4, 1, List.of(6, 52));

    /** Runs with these test RMSEs, three seeds per group in the study's order. */
    private static StudyResults results(Study s, double[]... groups) {
        List<Run> runs = new ArrayList<>();
        for (double[] g : groups) for (double v : g) runs.add(Run.rmse(v));
        return ChapterThreeFixtures.results(s, runs);
    }

    @Test
    void theStudiesTrainTheOptimisersNamedAndShareTheAdamModels() {
        Study o = PLAN.optimisers().withSeeds(PLAN.seedList());
        assertEquals(9, o.size());
        assertInstanceOf(Adam.class, o.specs().get(0).training().optimiser());
        assertEquals(KalmanFilter.N2P2, o.specs().get(3).training().optimiser());
        assertEquals(3, o.specs().get(3).training().maxEpochs());
        assertInstanceOf(LevenbergMarquardt.class, o.specs().get(6).training().optimiser());
        assertEquals(1, PLAN.featureCounts(true).specs().get(0).training().maxEpochs(), "the selection runs the filter for selectionEpochs");
        // the same model under Adam is one model: trained once for the comparison, the 22/57/329 study and the drop-ones
        String adam57 = o.specs().get(0).hash();
        assertEquals(adam57, PLAN.featureCounts(false).specs().get(3).hash());
        assertEquals(adam57, PLAN.dropOnes(false).specs().get(0).hash());
        assertNotEquals(adam57, PLAN.dropOnes(true).specs().get(0).hash());
        assertEquals(List.of(22, 22, 22, 57, 57, 57, 329, 329, 329), PLAN.featureCounts(true).specs().stream().map(s -> s.features().size()).toList());
        assertEquals(List.of(201, 68, 60), PLAN.groups(true).specs().stream().map(s -> s.features().size()).distinct().toList());
        assertThrows(IllegalArgumentException.class, () -> new OptimiserPlan(StudyPlan.of(Profile.SMOKE), 1, 3, 3, 4, 1, List.of(58)));
    }

    @Test
    void fiftySevenAgainst22And329IsDecidedByOneSidedWelchTests() {
        Study s = PLAN.featureCounts(true);
        var clear = ChapterFourClaims.featureCounts(results(s, new double[]{2.0, 2.1, 2.05}, new double[]{1.0, 1.05, 0.98}, new double[]{1.5, 1.55, 1.52}));
        assertEquals(List.of(Verdict.Outcome.HOLDS, Verdict.Outcome.HOLDS), clear.stream().map(Verdict::outcome).toList());
        assertTrue(clear.get(1).claim().contains("329"), clear.get(1).claim());
        var mixed = ChapterFourClaims.featureCounts(results(s, new double[]{2.0, 2.1, 2.05}, new double[]{1.0, 1.1, 1.05}, new double[]{1.02, 1.12, 1.0}));
        assertEquals(Verdict.Outcome.UNCLEAR, mixed.get(1).outcome(), mixed.get(1).evidence());
        var reversed = ChapterFourClaims.featureCounts(results(s, new double[]{2.0, 2.1, 2.05}, new double[]{1.0, 1.05, 0.98}, new double[]{0.5, 0.52, 0.49}));
        assertEquals(Verdict.Outcome.FAILS, reversed.get(1).outcome(), reversed.get(1).evidence());
    }

    @Test
    void theComparisonPairsEveryConclusionAndMarksTheChangedOnes() {
        double[] same = {1.0, 1.1, 1.05};
        var adamCounts = results(PLAN.featureCounts(false), new double[]{2.0, 2.1, 2.05}, same, new double[]{1.5, 1.55, 1.52});
        var ekfCounts = results(PLAN.featureCounts(true), new double[]{2.0, 2.1, 2.05}, same, new double[]{1.02, 1.12, 1.0});
        var adamGroups = results(PLAN.groups(false), new double[]{3.0, 3.1, 3.05}, new double[]{2.0, 2.1, 2.05}, new double[]{9, 9.5, 9.2});
        var ekfGroups = results(PLAN.groups(true), new double[]{3.0, 3.1, 3.05}, new double[]{2.0, 2.1, 2.05}, new double[]{9, 9.5, 9.2});
        var adamDrops = results(PLAN.dropOnes(false), same, new double[]{1.02, 1.08, 1.04}, new double[]{1.01, 1.09, 1.06});
        var ekfDrops = results(PLAN.dropOnes(true), same, new double[]{1.02, 1.08, 1.04}, new double[]{3.0, 3.1, 3.05});
        var byOptimiser = new java.util.LinkedHashMap<String, StudyResults>();
        byOptimiser.put("Adam", adamCounts);
        byOptimiser.put("EKF", ekfCounts);
        var summary = io.github.hdnnpkit.study.plot.StudyTables.summaries("optimiser", byOptimiser, "features");
        assertEquals(List.of("Adam", "Adam", "Adam", "EKF", "EKF", "EKF"), summary.stringColumn("optimiser").asList());
        assertEquals(List.of("22", "57", "329", "22", "57", "329"), summary.stringColumn("by features").asList());
        assertEquals(1.0467, summary.doubleColumn("test RMSE (meV/atom)").get(5), 1e-9, "mean of 1.02, 1.12, 1.0, to 4 digits");
        List<VerdictComparison> rows = OptimiserPlan.compare(adamCounts, ekfCounts, adamGroups, ekfGroups, adamDrops, ekfDrops);
        assertEquals(5, rows.size());
        assertEquals(List.of(false, true, false, false, true), rows.stream().map(VerdictComparison::changed).toList());
        assertEquals(Verdict.Outcome.HOLDS, rows.get(4).first().outcome());
        assertEquals(Verdict.Outcome.FAILS, rows.get(4).second().outcome(), rows.get(4).second().evidence());
        assertTrue(rows.get(4).second().evidence().startsWith("1 of 2 drop-ones differ"), rows.get(4).second().evidence());
    }
}
