package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.TrainingResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made study results: every figure is chosen by the test, none comes from a training. */
public final class ChapterThreeFixtures {
    private ChapterThreeFixtures() {
    }

    /** One run's figures. */
    public record Run(double testRmse, double secondsPerEpoch, int bestEpoch, int lastEpoch, TrainingResult.StopReason stop,
                      double trainLoss, double validationLoss, double[] validationHistory) {
        public static Run rmse(double testRmse) {
            return new Run(testRmse, 0.01, 50, 100, TrainingResult.StopReason.EARLY_STOPPING, 0.3, 0.3, new double[]{1, 0.5, 0.3});
        }

        public Run withTime(double s) { return new Run(testRmse, s, bestEpoch, lastEpoch, stop, trainLoss, validationLoss, validationHistory); }

        public Run withEpochs(int best, int last, TrainingResult.StopReason r) {
            return new Run(testRmse, secondsPerEpoch, best, last, r, trainLoss, validationLoss, validationHistory);
        }

        public Run withLosses(double train, double val) { return new Run(testRmse, secondsPerEpoch, bestEpoch, lastEpoch, stop, train, val, validationHistory); }
    }

    /** A result of {@code spec} with these figures; test MSE is set consistently with the RMSE for 256-atom configurations. */
    public static StudyResult result(ModelSpec spec, Run r) {
        double mse = Math.pow(r.testRmse() * 256 / 1000, 2);
        TrainingResult.Errors test = new TrainingResult.Errors(r.testRmse(), r.testRmse() * 0.8, mse, mse / 256);
        TrainingResult.Errors val = new TrainingResult.Errors(1000 * Math.sqrt(r.validationLoss()) / 256, 0, r.validationLoss(), r.validationLoss() / 256);
        TrainingResult.Errors train = new TrainingResult.Errors(1000 * Math.sqrt(r.trainLoss()) / 256, 0, r.trainLoss(), r.trainLoss() / 256);
        double[] vh = r.validationHistory();
        return new StudyResult(spec.hash(), spec, "fp", train, val, test, r.trainLoss(), r.validationLoss(), r.bestEpoch(), r.lastEpoch(), r.stop(),
                r.secondsPerEpoch() * r.lastEpoch(), r.secondsPerEpoch(), 256, vh, vh, Map.of(), "java", Map.of(), "2024-01-01T00:00:00Z");
    }

    /** Results of a study whose i-th specification gets {@code runs.get(i)}. */
    public static StudyResults results(Study study, List<Run> runs) {
        if (runs.size() != study.size()) throw new IllegalArgumentException(runs.size() + " runs for " + study.size() + " specifications");
        Map<String, StudyResult> m = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) m.put(study.specs().get(i).hash(), result(study.specs().get(i), runs.get(i)));
        return new StudyResults(study, m);
    }
}
