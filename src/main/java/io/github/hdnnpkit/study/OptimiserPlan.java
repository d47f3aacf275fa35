package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.model.optim.LevenbergMarquardt;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.thesis.Verdict;
import io.github.hdnnpkit.thesis.VerdictComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How large notebook 13 (optimisers, issue 14) is in each profile, on top of the shared {@link StudyPlan} (its Adam
 * training and result store). Adam is the plan's (the thesis's training, shortened below {@code full}); the Kalman
 * filter has n2p2's defaults ({@link KalmanFilter#N2P2}) and Levenberg–Marquardt the kit's
 * ({@link LevenbergMarquardt#DEFAULTS}). The filter's cost per update grows with the square of the weights (its
 * covariance P is 701² for 57 inputs, 3421² for 329), so the selection studies under it run fewer epochs than the
 * 57-variable comparison ({@code selectionEpochs}), the same for every feature set; and the walkthrough uses every
 * {@code stride}-th snapshot (4: 1050 configurations, half the plan's) for everything here, Adam included, so that
 * both optimisers see the same data.
 *
 * @param stride          every {@code stride}-th snapshot of each series
 * @param seeds           repetitions of every model
 * @param ekfEpochs       the filter's epochs in the 57-variable comparison
 * @param lmEpochs        Levenberg–Marquardt's epochs (one step on the whole training split each)
 * @param selectionEpochs the filter's epochs in the selection studies (22/57/329, groups, drop-ones)
 * @param dropPositions   1-based positions of the 57-set A dropped one at a time (table D.1)
 */
public record OptimiserPlan(StudyPlan plan, int stride, int seeds, int ekfEpochs, int lmEpochs, int selectionEpochs, List<Integer> dropPositions) {
    public OptimiserPlan {
        Objects.requireNonNull(plan, "plan");
        if (stride < 1) throw new IllegalArgumentException("stride must be ≥ 1, got " + stride);
        if (seeds < 1) throw new IllegalArgumentException("seeds must be ≥ 1, got " + seeds);
        if (ekfEpochs < 1 || lmEpochs < 1 || selectionEpochs < 1)
            throw new IllegalArgumentException("epochs must be ≥ 1, got ekf " + ekfEpochs + ", lm " + lmEpochs + ", selection " + selectionEpochs);
        dropPositions = List.copyOf(dropPositions);
        for (int p : dropPositions) if (p < 1 || p > 57) throw new IllegalArgumentException("drop position " + p + " is outside 1..57");
    }

    public static OptimiserPlan of(StudyPlan plan) {
        return switch (plan.profile()) {
            case SMOKE -> new OptimiserPlan(plan, 1, 2, 3, 4, 1, List.of(6, 52));
            // measured on 2 cores: EKF 0.2 s per epoch at 57 inputs, 10 s at 329 (P update), LM 0.3 s per step
            case WALKTHROUGH -> new OptimiserPlan(plan, 4, 3, 20, 40, 4, List.of(6, 52));   // ≈ 6 min; 8 with a third drop-one
            case FULL -> new OptimiserPlan(plan, 1, 10, 30, 200, 15, List.of(6, 5, 13, 25, 8, 52));
        };
    }

    public static OptimiserPlan current() { return of(StudyPlan.current()); }

    public Profile profile() { return plan.profile(); }

    /** The thesis's data with the 329 matrix at this plan's stride. */
    public DataSpec data() { return DataSpec.thesis329(profile()).withStride(stride); }

    /** Seeds 1..{@link #seeds()}. */
    public long[] seedList() {
        long[] s = new long[seeds];
        for (int i = 0; i < seeds; i++) s[i] = i + 1;
        return s;
    }

    /** The plan's Adam training (the thesis's, shortened below {@code full}). */
    public TrainingConfig adam() { return plan.training(); }

    /** n2p2's Kalman filter for {@code epochs} epochs; early stopping as the plan's (the best validation epoch is returned). */
    public TrainingConfig ekf(int epochs) {
        return plan.training().toBuilder().optimiser(KalmanFilter.N2P2).maxEpochs(epochs).build();
    }

    public TrainingConfig ekf() { return ekf(ekfEpochs); }

    public TrainingConfig lm() {
        return plan.training().toBuilder().optimiser(LevenbergMarquardt.DEFAULTS).maxEpochs(lmEpochs).build();
    }

    /** The thesis's network on this plan's data with a given training. */
    public ModelSpec.Template template(TrainingConfig training) {
        return ModelSpec.Template.thesis(data(), training);
    }

    /**
     * The 57-set A under Adam, the filter and LM, tagged {@code optimiser} ({@code Adam}, {@code EKF}, {@code LM}),
     * without seeds (add them with {@link Study#withSeeds}).
     */
    public Study optimisers() {
        List<ModelSpec> specs = new ArrayList<>();
        specs.add(template(adam()).model("57-A Adam", ThesisStudies.fiftySeven('A'), java.util.Map.of("optimiser", "Adam")));
        specs.add(template(ekf()).model("57-A EKF", ThesisStudies.fiftySeven('A'), java.util.Map.of("optimiser", "EKF")));
        specs.add(template(lm()).model("57-A LM", ThesisStudies.fiftySeven('A'), java.util.Map.of("optimiser", "LM")));
        return Study.of("optimisers on 57-A", specs);
    }

    /** The selection studies' template under Adam or, with {@code ekf}, under the filter for {@link #selectionEpochs}. */
    public ModelSpec.Template selection(boolean ekf) {
        return template(ekf ? ekf(selectionEpochs) : adam());
    }

    /** 22 vs 57 vs 329 ({@link ThesisStudies#featureCounts}), every seed. */
    public Study featureCounts(boolean ekf) {
        return ThesisStudies.featureCounts(selection(ekf)).withSeeds(seedList());
    }

    /** The 201 / 68 / 60 groups of section 4.1, every seed. */
    public Study groups(boolean ekf) {
        return ThesisStudies.groups(selection(ekf), ThesisStudies.Group.G2_RS0, ThesisStudies.Group.G2_SHIFTED, ThesisStudies.Group.G5)
                .withSeeds(seedList());
    }

    /** The 57-set A and the drop-ones at {@link #dropPositions}, every seed. */
    public Study dropOnes(boolean ekf) {
        return ThesisStudies.dropOne(selection(ekf), "57-A", ThesisStudies.fiftySeven('A'),
                dropPositions.stream().mapToInt(Integer::intValue).toArray()).withSeeds(seedList());
    }

    /**
     * The table of notebook 13: each chapter-4 conclusion as the thesis drew it (from one Adam training each), decided
     * on the kit's data under Adam and under the filter, from the results of {@link #featureCounts}, {@link #groups}
     * and {@link #dropOnes} under each.
     */
    public static List<VerdictComparison> compare(StudyResults adamCounts, StudyResults ekfCounts, StudyResults adamGroups, StudyResults ekfGroups,
                                                  StudyResults adamDrops, StudyResults ekfDrops) {
        List<VerdictComparison> out = new ArrayList<>();
        out.addAll(VerdictComparison.pair("holds (tables 3.3, 4.1; one training each)", ChapterFourClaims.featureCounts(adamCounts),
                ChapterFourClaims.featureCounts(ekfCounts)));
        out.addAll(VerdictComparison.pair("holds (section 4.1; one training each)", ChapterFourClaims.groups(adamGroups),
                ChapterFourClaims.groups(ekfGroups)));
        Verdict a = ChapterFourClaims.dropOne(adamDrops), e = ChapterFourClaims.dropOne(ekfDrops);
        out.add(new VerdictComparison("holds (table D.1: the best drop-one did not repeat when retrained)", a, e));
        return out;
    }

    /**
     * Trains, and throws away, a few epochs of each optimiser on the 57-set A (one thread), so that the timed learning
     * curves of a fresh JVM do not charge the JIT compiler's warm-up to whichever optimiser runs first. Nothing is
     * stored; the data are loaded (or read from the cache) as the studies would.
     */
    public void warmUp(StudyRunner runner) {
        var none = io.github.hdnnpkit.model.EarlyStopping.NONE;
        for (TrainingConfig t : List.of(adam().toBuilder().maxEpochs(5).earlyStopping(none).build(), ekf(1), lm().toBuilder().maxEpochs(2).build())) {
            ModelSpec s = template(t).model("warm-up", ThesisStudies.fiftySeven('A'));
            new io.github.hdnnpkit.model.Trainer(t.withThreads(1)).train(s.layout(), runner.data(s.data()).trainingData(s));
        }
    }

    /** One sentence for the notebook: what this profile trains. */
    public String describe() {
        String data = switch (profile()) {
            case SMOKE -> "the committed fixture";
            case WALKTHROUGH -> "every " + stride + "th snapshot of the 21 series (1050 of the 4200 configurations)";
            case FULL -> "all 4200 configurations of the 21 series";
        };
        TrainingConfig a = adam();
        return String.format(Locale.ROOT, "%s profile: %s, %d seeds per model; Adam at most %d epochs (lr %.0e, %s, batch %d); "
                        + "EKF (n2p2's defaults) %d epochs on 57-A and %d in the selection studies; LM %d steps; drop-ones at positions %s of 57-A",
                profile(), data, seeds, a.maxEpochs(), a.learningRate(), a.schedule().describe(), a.batchSize(), ekfEpochs, selectionEpochs,
                lmEpochs, dropPositions);
    }
}
