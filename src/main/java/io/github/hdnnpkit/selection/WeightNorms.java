package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.study.StudyResults;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 4's weight-based ranking (section 4.4) as a {@link Selection}: the norm of each feature's first-layer
 * weight column, averaged over the runs of a study (e.g. the all-329 model trained with several seeds), strongest
 * first. See {@link WeightDropping} for how far the seeds agree on it.
 */
public final class WeightNorms {
    private WeightNorms() {
    }

    public static Selection of(StudyResults results) {
        if (results.entries().isEmpty()) throw new IllegalArgumentException("study " + results.study().name() + " has no results to rank by");
        Map<String, Double> mean = WeightDropping.meanNorms(WeightDropping.normsPerSeed(results));
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("runs", Integer.toString(results.entries().size()));
        hp.put("layout", results.entries().get(0).spec().layout().notation());
        var first = results.entries().get(0).spec();
        return Selection.byScore("weight-norm", mean, "mean ‖W1[:, j]‖ over the runs", hp,
                first.data().source() + " stride " + first.data().stride() + " [" + first.data().descriptorSet() + ", training part]", 0);
    }
}
