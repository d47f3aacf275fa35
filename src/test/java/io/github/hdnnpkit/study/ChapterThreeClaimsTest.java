package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingResult.StopReason;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.study.ChapterThreeFixtures.Run;
import io.github.hdnnpkit.thesis.Verdict;
import io.github.hdnnpkit.thesis.Verdict.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.hdnnpkit.study.ChapterThreeFixtures.results;
import static org.junit.jupiter.api.Assertions.*;

class ChapterThreeClaimsTest {
    static final ModelSpec.Template T22 = ModelSpec.Template.thesis(DataSpec.thesis(Profile.SMOKE, "thesis-22"), TrainingConfig.defaults().withMaxEpochs(10));
    static final ModelSpec.Template EXT = ModelSpec.Template.thesis(DataSpec.thesis(Profile.SMOKE, "thesis-22-extracted"), TrainingConfig.defaults().withMaxEpochs(10));

    /** Runs with these test RMSEs, one list per specification (seeds in order). */
    static List<Run> rmses(double[]... perSpec) {
        List<Run> out = new ArrayList<>();
        for (double[] xs : perSpec) for (double x : xs) out.add(Run.rmse(x));
        return out;
    }

    @Test
    void smallerDepthBetterButNotFasterWhenTheTimesSaySo() {
        Study s = ChapterThreeStudies.depthScan(T22, 10, 20, 40, 50).withSeeds(3);
        List<Run> runs = rmses(new double[]{1.0, 1.1, 1.2}, new double[]{1.05, 1.15, 1.1}, new double[]{2.0, 2.2, 2.1}, new double[]{2.3, 2.1, 2.2});
        // the wide layouts take *less* time per epoch here: the "faster" half of the claim must fail
        for (int i = 0; i < runs.size(); i++) runs.set(i, runs.get(i).withTime(i < 6 ? 0.05 + 0.001 * i : 0.02 + 0.001 * i));
        List<Verdict> v = ChapterThreeClaims.depth(results(s, runs));
        assertEquals(Outcome.HOLDS, v.get(0).outcome(), v.get(0).evidence());
        assertEquals(Outcome.FAILS, v.get(1).outcome(), v.get(1).evidence());
        assertTrue(v.get(0).evidence().contains("6 runs"), v.get(0).evidence());
    }

    @Test
    void oneSlowRunPerStructureDoesNotDecideTheTimeClaim() {
        Study s = ChapterThreeStudies.depthScan(T22, 10, 20, 40, 50).withSeeds(3);
        double[] times = {0.5, 0.010, 0.011, 0.012, 0.011, 0.013, 0.050, 0.051, 0.052, 0.060, 0.061, 0.060};   // 0.5: the JIT's warm-up
        List<Run> runs = rmses(new double[]{1, 1, 1}, new double[]{1, 1, 1}, new double[]{1, 1, 1}, new double[]{1, 1, 1});
        for (int i = 0; i < runs.size(); i++) runs.set(i, runs.get(i).withTime(times[i]));
        Verdict faster = ChapterThreeClaims.depth(results(s, runs)).get(1);
        // medians per depth 0.011, 0.012 against 0.051, 0.060: Welch t = -9.72 on 1.02 df, one-sided p = 0.031 (scipy)
        assertEquals(Outcome.HOLDS, faster.outcome(), faster.evidence());
        assertTrue(faster.evidence().contains("10: 0.01100"), faster.evidence());
    }

    @Test
    void depthWithinTheNoiseIsUnclearAndOneSeedDecidesNothing() {
        Study s = ChapterThreeStudies.depthScan(T22, 10, 50).withSeeds(3);
        List<Verdict> v = ChapterThreeClaims.depth(results(s, rmses(new double[]{1.0, 2.0, 1.5}, new double[]{1.1, 1.9, 1.6})));
        assertEquals(Outcome.UNCLEAR, v.get(0).outcome());
        Study one = ChapterThreeStudies.depthScan(T22, 10, 50).withSeeds(1);
        for (Verdict x : ChapterThreeClaims.depth(results(one, rmses(new double[]{1.0}, new double[]{3.0}))))
            assertEquals(Outcome.UNCLEAR, x.outcome());
    }

    @Test
    void chosenStructureHoldsWhenBestFailsWhenClearlyBeatenUnclearWithinNoise() {
        Study s = ChapterThreeStudies.depthScan(T22, 5, 10, 20).withSeeds(3);
        assertEquals(Outcome.HOLDS, ChapterThreeClaims.chosenStructure(results(s, rmses(
                new double[]{1.5, 1.6, 1.4}, new double[]{1.0, 1.1, 0.9}, new double[]{1.3, 1.2, 1.4}))).outcome());
        // 20-20 far better than 10-10: Welch t = (1.5-0.5)/sqrt(2·0.01/3) ≈ 12.2 on 4 df, p ≈ 3e-4
        Verdict fails = ChapterThreeClaims.chosenStructure(results(s, rmses(
                new double[]{1.5, 1.6, 1.4}, new double[]{1.5, 1.6, 1.4}, new double[]{0.5, 0.6, 0.4})));
        assertEquals(Outcome.FAILS, fails.outcome(), fails.evidence());
        assertTrue(fails.evidence().startsWith("best is (20, 20)"), fails.evidence());
        assertEquals(Outcome.UNCLEAR, ChapterThreeClaims.chosenStructure(results(s, rmses(
                new double[]{1.5, 1.6, 1.4}, new double[]{1.0, 1.4, 0.7}, new double[]{0.9, 1.3, 0.8}))).outcome());
    }

    @Test
    void trainFractionNeedsEveryComparisonAndFailsOnAnyReversal() {
        Study s = ChapterThreeStudies.trainFractions(T22, new int[]{5, 10}, 0.8, 0.7, 0.6).withSeeds(3);
        double[] good = {1.0, 1.05, 0.95}, mid = {1.5, 1.55, 1.45}, bad = {2.0, 2.1, 1.9};
        Verdict holds = ChapterThreeClaims.trainFraction(results(s, rmses(good, mid, bad, good, mid, bad)));
        assertEquals(Outcome.HOLDS, holds.outcome(), holds.evidence());
        assertTrue(holds.evidence().contains("lowest mean test RMSE for 2 of 2 structures"), holds.evidence());
        assertTrue(holds.evidence().contains("in 4 of 4 comparisons"), holds.evidence());
        // for (10, 10) 0.6 is clearly better than 0.8
        Verdict fails = ChapterThreeClaims.trainFraction(results(s, rmses(good, mid, bad, mid, bad, good)));
        assertEquals(Outcome.FAILS, fails.outcome(), fails.evidence());
        // 0.8 better than 0.7 but level with 0.6 in one structure: not every comparison holds, none reversed
        Verdict unclear = ChapterThreeClaims.trainFraction(results(s, rmses(good, mid, bad, good, mid, new double[]{1.0, 1.1, 0.9})));
        assertEquals(Outcome.UNCLEAR, unclear.outcome(), unclear.evidence());
    }

    @Test
    void featureCountsAndExtractedDescriptors() {
        Study s = ChapterThreeStudies.featureCounts(T22, EXT).withSeeds(3);
        // order: original 12, original 22, extracted 12, extracted 22
        List<Verdict> v = ChapterThreeClaims.featureCounts(results(s, rmses(new double[]{2.0, 2.1, 1.9}, new double[]{1.0, 1.1, 0.9},
                new double[]{2.05, 1.95, 2.0}, new double[]{1.6, 1.7, 1.5})));
        assertEquals(List.of(Outcome.HOLDS, Outcome.HOLDS, Outcome.UNCLEAR, Outcome.FAILS), v.stream().map(Verdict::outcome).toList(),
                v.stream().map(Verdict::evidence).toList().toString());
    }

    @Test
    void dataReductionHoldsWhenTheCostIsBoundedFailsWhenSignificant() {
        Study s = Study.of("data", List.of(
                T22.model("small", ChapterThreeStudies.all22("thesis-22"), java.util.Map.of("configurations", "2100")),
                T22.withHidden(10, 11).model("large", ChapterThreeStudies.all22("thesis-22"), java.util.Map.of("configurations", "4200")))).withSeeds(3);
        // means equal; Welch se = sqrt(1e-4/3 + 4e-4/3) = 0.0129, df 2.94, t(0.95) ≈ 2.36: upper bound 0.03063 = 3.1 % of 1.0 (scipy.stats.t.ppf)
        Verdict holds = ChapterThreeClaims.dataReduction(results(s, rmses(new double[]{1.01, 0.99, 1.0}, new double[]{1.0, 1.02, 0.98})));
        assertEquals(Outcome.HOLDS, holds.outcome(), holds.evidence());
        assertTrue(holds.claim().startsWith("training on 2100 instead of 4200"), holds.claim());
        assertTrue(holds.evidence().contains("= 3.1 % of"), holds.evidence());
        assertEquals(Outcome.FAILS, ChapterThreeClaims.dataReduction(results(s, rmses(new double[]{1.5, 1.55, 1.45}, new double[]{1.0, 1.02, 0.98}))).outcome());
        // not significantly worse, but the noise allows a cost far beyond 10 %
        assertEquals(Outcome.UNCLEAR, ChapterThreeClaims.dataReduction(results(s, rmses(new double[]{0.6, 1.4, 1.0}, new double[]{1.0, 1.02, 0.98}))).outcome());
    }

    @Test
    void batchSixtyFourAgainstTheOthersWithCappedRunsReported() {
        Study s = ChapterThreeStudies.batchSizes(T22, 64, 700, 4200).withSeeds(3);
        List<Run> runs = new ArrayList<>();
        int[][] best = {{80, 90, 100}, {300, 350, 330}, {400, 400, 400}};
        double[][] rmse = {{1.0, 1.1, 0.9}, {1.6, 1.7, 1.5}, {2.2, 2.3, 2.1}};
        for (int b = 0; b < 3; b++)
            for (int k = 0; k < 3; k++)
                runs.add(Run.rmse(rmse[b][k]).withTime(b == 0 ? 0.02 : 0.01).withEpochs(best[b][k], b == 2 ? 400 : best[b][k] + 50,
                        b == 2 ? StopReason.MAX_EPOCHS : StopReason.EARLY_STOPPING));
        List<Verdict> v = ChapterThreeClaims.batchSize(results(s, runs));
        assertEquals(Outcome.HOLDS, v.get(0).outcome(), v.get(0).evidence());
        assertEquals(Outcome.HOLDS, v.get(1).outcome(), v.get(1).evidence());
        assertTrue(v.get(1).evidence().contains("4200: 3 of 3"), v.get(1).evidence());
        assertTrue(v.get(1).evidence().contains("64: 0 of 3"), v.get(1).evidence());
        // s to best: 64 ≈ 1.8 s, 700 ≈ 3.3 s, 4200 = 4 s (constant): still decided
        assertEquals(Outcome.HOLDS, v.get(2).outcome(), v.get(2).evidence());
    }

    @Test
    void samplesWithoutSpreadAreDecidedByTheirMeans() {
        assertEquals(0.0, ChapterThreeClaims.pLess(new double[]{4, 4}, new double[]{5, 5}));
        assertEquals(1.0, ChapterThreeClaims.pLess(new double[]{5, 5}, new double[]{4, 4}));
        assertEquals(1.0, ChapterThreeClaims.pLess(new double[]{4, 4}, new double[]{4, 4}));
        // one sample with spread: an ordinary Welch test (t = -1/sqrt(0.5/2) = -2 on 1 df: one-sided p = 0.1476)
        assertEquals(0.1476, ChapterThreeClaims.pLess(new double[]{3, 4}, new double[]{4.5, 4.5}), 1e-4);
    }
}
