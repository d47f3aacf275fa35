package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.model.LearningRateSchedule;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.notebook.Profile;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How large notebooks 04, 05 and 12 (chapter 3, appendix B) are in each profile, on top of the shared
 * {@link StudyPlan} (data stride, epochs, seeds, one result store), so every reduction is stated in one place.
 *
 * <p>Every profile trains every fraction and batch size of the thesis with the plan's seeds, and every depth but in
 * the walkthrough, which leaves 40-40 out (its time budget; 30 and 50 stand for the wide side). What changes besides:
 * the data-reduction curve's strides (smoke: 2 and 1 of the fixture; otherwise 4, 2 and 1 of the generated set, i.e.
 * 1050, 2100 and 4200 configurations — the kit has no 22 000-configuration set to reduce from), and the batch study's
 * epochs: batch 4200 makes one update per epoch and needs many more epochs than batch 64, so below {@code full} the
 * batch study runs {@code batchEpochFactor} times the plan's epochs with the step schedule stretched by the same
 * factor (the same training for all three batch sizes: 4× in smoke, 2× in the walkthrough); {@code full} keeps the
 * thesis's 3000 epochs and schedule.
 *
 * @param depths           depths of the two hidden layers in the depth scan (table 3.1)
 * @param fractionDepths   structures (d, d) of the train-fraction study (figure 3.5)
 * @param trainFractions   train fractions of the rest after the test part
 * @param strides          strides of the data-reduction curve, largest (fewest configurations) first
 * @param batchSizes       figure B.1's batch sizes
 * @param batchEpochFactor the batch study's epochs (and schedule interval) relative to the plan's
 */
public record ChapterThreePlan(StudyPlan plan, List<Integer> depths, List<Integer> fractionDepths, List<Double> trainFractions,
                               List<Integer> strides, List<Integer> batchSizes, int batchEpochFactor) {
    public ChapterThreePlan {
        Objects.requireNonNull(plan);
        depths = List.copyOf(depths);
        fractionDepths = List.copyOf(fractionDepths);
        trainFractions = List.copyOf(trainFractions);
        strides = List.copyOf(strides);
        batchSizes = List.copyOf(batchSizes);
        if (batchEpochFactor < 1) throw new IllegalArgumentException("batch epoch factor must be ≥ 1, got " + batchEpochFactor);
    }

    public static ChapterThreePlan of(StudyPlan plan) {
        Profile p = plan.profile();
        List<Integer> strides = p == Profile.SMOKE ? List.of(2, 1) : List.of(4, 2, 1);
        // walkthrough: 40-40 left out of the depth scan (30 and 50 still stand for the wide side) and the batch study
        // at 2x the plan's epochs, so notebooks 04, 05 and 12 fit their 12 minutes on 2 cores (measured: 04 took 496 s
        // with every depth)
        List<Integer> depths = p == Profile.WALKTHROUGH ? List.of(5, 10, 15, 20, 30, 50) : ChapterThreeStudies.THESIS_DEPTHS;
        int batchFactor = switch (p) { case SMOKE -> 4; case WALKTHROUGH -> 2; case FULL -> 1; };
        return new ChapterThreePlan(plan, depths, ChapterThreeStudies.FRACTION_DEPTHS,
                ChapterThreeStudies.THESIS_TRAIN_FRACTIONS, strides, ChapterThreeStudies.THESIS_BATCH_SIZES, batchFactor);
    }

    public static ChapterThreePlan current() { return of(StudyPlan.current()); }

    public Profile profile() { return plan.profile(); }

    /** The thesis's network (10-10, tanh, 10 % test then 80:20) on the original 22 at the plan's stride. */
    public ModelSpec.Template original() {
        return ModelSpec.Template.thesis(plan.data(ChapterThreeStudies.ORIGINAL), plan.training());
    }

    /** The same on the 22 extracted from the 329. */
    public ModelSpec.Template extracted() {
        return ModelSpec.Template.thesis(plan.data(ChapterThreeStudies.EXTRACTED), plan.training());
    }

    /** Table 3.1: the depth scan with every seed. */
    public Study depthStudy() {
        return ChapterThreeStudies.depthScan(original(), ints(depths)).withSeeds(plan.seedList());
    }

    /** Figure 3.5: the train fractions with every seed. */
    public Study fractionStudy() {
        return ChapterThreeStudies.trainFractions(original(), ints(fractionDepths), trainFractions.stream().mapToDouble(Double::doubleValue).toArray())
                .withSeeds(plan.seedList());
    }

    /** Table 3.3 / figure 3.8: 12 and 22 features, original and extracted, with every seed. */
    public Study featureStudy() {
        return ChapterThreeStudies.featureCounts(original(), extracted()).withSeeds(plan.seedList());
    }

    /** Table 3.2 as a learning curve over the strides, with every seed (loads the data of each stride). */
    public Study dataStudy(StudyRunner runner) {
        return ChapterThreeStudies.dataReduction(original(), runner, ints(strides)).withSeeds(plan.seedList());
    }

    /** The batch study's training: the plan's with {@code batchEpochFactor} times the epochs and a stretched step schedule. */
    public TrainingConfig batchTraining() {
        TrainingConfig t = plan.training();
        if (batchEpochFactor == 1) return t;
        LearningRateSchedule s = t.schedule();
        if (s instanceof LearningRateSchedule.StepDrop d)
            s = new LearningRateSchedule.StepDrop(d.dropRate(), d.epochsDrop() * batchEpochFactor, d.minLearningRate());
        return t.withMaxEpochs(t.maxEpochs() * batchEpochFactor).withSchedule(s);
    }

    /** Figure B.1: the batch sizes with every seed. */
    public Study batchStudy() {
        return ChapterThreeStudies.batchSizes(original().withTraining(batchTraining()), ints(batchSizes)).withSeeds(plan.seedList());
    }

    /**
     * Trains, and throws away, a short 12-10-10-1 (batch 64) and 22-10-10-1 (full batch) on the original 22, so that
     * the first timed models of a fresh JVM are not slowed by the JIT compiler's warm-up: sections 3.1 and B compare
     * times per epoch, and without this the first structure or batch size trained would look slower than it is.
     * Nothing is stored; the data are loaded (or read from the cache) as the studies would.
     */
    public void warmUp(StudyRunner runner) {
        TrainingConfig t = plan.training().withMaxEpochs(profile().pick(2, 20, 20)).withEarlyStopping(EarlyStopping.NONE).withThreads(1);
        ModelSpec.Template o = original();
        List<ModelSpec> specs = List.of(o.withTraining(t).model("warm-up 12", ChapterThreeStudies.radial12(ChapterThreeStudies.ORIGINAL)),
                o.withTraining(t.withBatchSize(4200)).model("warm-up 22", ChapterThreeStudies.all22(ChapterThreeStudies.ORIGINAL)));
        for (ModelSpec s : specs) new Trainer(s.training()).train(s.layout(), runner.data(s.data()).trainingData(s));
    }

    /** One sentence per notebook on what this profile trains beyond {@link StudyPlan#describe()}. */
    public String describeDepths() {
        return String.format(Locale.ROOT, "depth scan: 12 G2, hidden layers (d, d) for d in %s, %d seeds each; train fractions %s for %s, %d seeds each",
                depths, plan.seeds(), trainFractions, fractionDepths.stream().map(d -> "(" + d + ", " + d + ")").toList(), plan.seeds());
    }

    public String describeData() {
        return String.format(Locale.ROOT, "12 and 22 features on the original and extracted descriptors, %d seeds each; data-reduction curve over "
                + "strides %s of %s (the kit's largest set is its 4200 generated configurations: the thesis's 22 000 are not available)",
                plan.seeds(), strides, profile() == Profile.SMOKE ? "the fixture" : "the generated set");
    }

    public String describeBatches() {
        TrainingConfig t = batchTraining();
        return String.format(Locale.ROOT, "batch sizes %s, %d seeds each, the same training for all: at most %d epochs, %s, early stopping %s%s",
                batchSizes, plan.seeds(), t.maxEpochs(), t.schedule().describe(),
                t.earlyStopping().enabled() ? "patience " + t.earlyStopping().patience() : "off",
                batchEpochFactor > 1 ? String.format(Locale.ROOT, " (%d× the plan's epochs and schedule interval, since one update per epoch "
                        + "of batch 4200 converges far more slowly than 64's; a run that ends at the cap has not converged)", batchEpochFactor) : "");
    }

    private static int[] ints(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "ChapterThreePlan[" + profile() + ", depths " + depths + ", strides " + strides + ", batches " + batchSizes
                + ", batch epochs ×" + batchEpochFactor + "]";
    }
}
