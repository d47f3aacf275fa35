package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.model.LearningRateSchedule;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.notebook.Workspace;

import java.util.Locale;

/**
 * How large the chapter-3/4 studies are in each profile, in one place so every notebook states the same reduction:
 * {@code smoke} (CI: the fixture, a few epochs, two seeds — every code path, no conclusions), {@code walkthrough}
 * (the main job: every 2nd snapshot of each series, a shortened training with a faster step schedule, 5 seeds),
 * {@code full} (the thesis's scale: all 4200 configurations, up to 3000 epochs with the thesis's early stopping and
 * step schedule, 10 seeds). All studies share one result store per profile, so a model that two notebooks need is
 * trained once.
 *
 * @param stride   every {@code stride}-th snapshot of each series
 * @param seeds    repetitions of every specification
 * @param training hyper-parameters of every model (the thesis's, shortened below {@code full})
 */
public record StudyPlan(Profile profile, int stride, int seeds, TrainingConfig training) {

    public static StudyPlan of(Profile profile) {
        TrainingConfig thesis = TrainingConfig.defaults();
        return switch (profile) {
            case SMOKE -> new StudyPlan(profile, 1, 2, thesis.withMaxEpochs(4).withEarlyStopping(EarlyStopping.NONE));
            case WALKTHROUGH -> new StudyPlan(profile, 2, 5, thesis.withMaxEpochs(150).withLearningRate(3e-3)
                    .withSchedule(new LearningRateSchedule.StepDrop(0.5, 50, 1e-5)));
            case FULL -> new StudyPlan(profile, 1, 10, thesis.withMaxEpochs(3000).withSchedule(LearningRateSchedule.thesisStep()));
        };
    }

    public static StudyPlan current() { return of(Profile.current()); }

    /** The thesis's data with the full 329 matrix, reduced by the stride. */
    public DataSpec data329() {
        return DataSpec.thesis329(profile).withStride(stride);
    }

    /** The data with another descriptor set (chapter 3's {@code thesis-22}). */
    public DataSpec data(String descriptorSet) {
        return DataSpec.thesis(profile, descriptorSet).withStride(stride);
    }

    /** The thesis's model (10-10, tanh, 10 % test then 80:20) on the 329 matrix. */
    public ModelSpec.Template template() {
        return ModelSpec.Template.thesis(data329(), training);
    }

    /** Seeds 1..{@link #seeds()}. */
    public long[] seedList() {
        long[] s = new long[seeds];
        for (int i = 0; i < seeds; i++) s[i] = i + 1;
        return s;
    }

    /** The shared result store of this profile: {@code build/studies/<profile>}. */
    public ResultStore store() {
        return new ResultStore(Workspace.build().resolve("studies").resolve(profile.toString()));
    }

    /** A runner on the shared store with every core. */
    public StudyRunner runner() {
        return new StudyRunner(store());
    }

    /** One sentence for a notebook: what this profile trains. */
    public String describe() {
        String data = switch (profile) {
            case SMOKE -> "the committed fixture (5 snapshots per series)";
            case WALKTHROUGH -> "every " + stride + "nd snapshot of the 21 series (2100 of the 4200 configurations)";
            case FULL -> "all 4200 configurations of the 21 series";
        };
        return String.format(Locale.ROOT, "%s profile: %s, at most %d epochs (Adam, lr %.0e, %s, early stopping %s), %d seeds per model",
                profile, data, training.maxEpochs(), training.learningRate(), training.schedule().describe(),
                training.earlyStopping().enabled() ? "patience " + training.earlyStopping().patience() : "off", seeds);
    }
}
