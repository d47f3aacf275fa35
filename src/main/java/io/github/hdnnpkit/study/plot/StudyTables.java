package io.github.hdnnpkit.study.plot;

import io.github.hdnnpkit.stats.ConfidenceInterval;
import io.github.hdnnpkit.stats.Holm;
import io.github.hdnnpkit.stats.NoiseFloor;
import io.github.hdnnpkit.stats.TwoSampleTest;
import io.github.hdnnpkit.study.Metric;
import io.github.hdnnpkit.study.StudyResult;
import io.github.hdnnpkit.study.StudyResults;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;

/** Study results as the tables the notebooks show: per-group summaries over seeds, noise floors and Holm families. */
public final class StudyTables {
    private StudyTables() {
    }

    /**
     * One row per group (e.g. per feature subset), over its seeds: n, the thesis's columns as means (validation loss
     * per configuration and per atom, Keras's MSE), the test loss, and the test RMSE in meV/atom with its sd and 95 %
     * confidence interval, the best epoch and the time per epoch.
     */
    public static Table summary(StudyResults results, String groupBy) {
        // grouped by the feature count, the group column would clash with the "features" column
        StringColumn group = StringColumn.create(groupBy.equals("features") ? "by features" : groupBy);
        IntColumn n = IntColumn.create("seeds"), features = IntColumn.create("features");
        DoubleColumn val = DoubleColumn.create("val_loss (eV²)"), valAtom = DoubleColumn.create("val_loss/atom"),
                test = DoubleColumn.create("test_loss (eV²)"), testAtom = DoubleColumn.create("test_loss/atom"),
                rmse = DoubleColumn.create("test RMSE (meV/atom)"), sd = DoubleColumn.create("sd"),
                lo = DoubleColumn.create("95% CI low"), hi = DoubleColumn.create("95% CI high"),
                best = DoubleColumn.create("best epoch"), spe = DoubleColumn.create("s/epoch");
        results.groups(groupBy).forEach((k, es) -> {
            List<StudyResult> rs = es.stream().map(StudyResults.Entry::result).toList();
            group.append(k);
            n.append(rs.size());
            features.append(es.get(0).spec().features().size());
            val.append(io.github.hdnnpkit.util.Rounding.thesis(mean(rs, Metric.VAL_LOSS)));
            valAtom.append(io.github.hdnnpkit.util.Rounding.thesis(mean(rs, Metric.VAL_LOSS_PER_ATOM)));
            test.append(io.github.hdnnpkit.util.Rounding.thesis(mean(rs, Metric.TEST_LOSS)));
            testAtom.append(io.github.hdnnpkit.util.Rounding.thesis(mean(rs, Metric.TEST_LOSS_PER_ATOM)));
            double[] r = rs.stream().mapToDouble(Metric.TEST_RMSE::of).toArray();
            rmse.append(round(mean(r), 4));
            if (r.length >= 2) {
                ConfidenceInterval ci = ConfidenceInterval.mean(r, 0.95);
                sd.append(round(NoiseFloor.of(r).sd(), 4));
                lo.append(round(ci.lower(), 4));
                hi.append(round(ci.upper(), 4));
            } else {
                sd.appendMissing();
                lo.appendMissing();
                hi.appendMissing();
            }
            best.append(round(mean(rs, Metric.BEST_EPOCH), 1));
            spe.append(round(mean(rs, Metric.SECONDS_PER_EPOCH), 4));
        });
        return Table.create("summary over seeds by " + groupBy, group, features, n, val, valAtom, test, testAtom, rmse, sd, lo, hi, best, spe);
    }

    /**
     * {@link #summary} of several studies of the same groups under different trainings (e.g. {@code Adam} and
     * {@code EKF}) in one table, with a first column naming the training.
     */
    public static Table summaries(String trainingColumn, Map<String, StudyResults> byTraining, String groupBy) {
        if (byTraining.isEmpty()) throw new IllegalArgumentException("no studies to summarise");
        Table out = null;
        for (var e : byTraining.entrySet()) {
            Table t = summary(e.getValue(), groupBy);
            String[] label = new String[t.rowCount()];
            java.util.Arrays.fill(label, e.getKey());
            t.insertColumn(0, StringColumn.create(trainingColumn, label));
            if (out == null) out = t.copy();
            else out.append(t);
        }
        return out.setName("summary over seeds by " + trainingColumn + " and " + groupBy);
    }

    /**
     * Every group against the reference group, Welch's two-sided t-test on a metric over seeds, Holm-corrected as one
     * family (figure 4.6).
     */
    public static Holm holm(StudyResults results, Metric metric, String groupBy, String reference, double alpha) {
        Map<String, double[]> groups = results.values(metric, groupBy);
        return Holm.againstReference(reference, groups, TwoSampleTest::welch, alpha);
    }

    /**
     * The noise floor of a study: the group with the lowest mean of the metric, and its seed-to-seed spread. A
     * difference between two groups smaller than about this sd cannot be told from the seeds' noise.
     */
    public static String bestNoiseFloor(StudyResults results, Metric metric, String groupBy) {
        Map<String, double[]> g = results.values(metric, groupBy);
        String best = Holm.lowestMean(g);
        return "best " + groupBy + " " + best + " — " + metric.label() + ": " + (g.get(best).length >= 2 ? NoiseFloor.of(g.get(best)).toString()
                : g.get(best)[0] + " (one seed: no spread)");
    }

    /** The seed-to-seed spread of one group: mean ± sd of a metric and the 95 % CI of its mean. */
    public static NoiseFloor noiseFloor(StudyResults results, Metric metric, String groupBy, String group) {
        double[] v = results.values(metric, groupBy).get(group);
        if (v == null) throw new IllegalArgumentException("no group '" + group + "' in " + results.values(metric, groupBy).keySet());
        return NoiseFloor.of(v);
    }

    /**
     * The thesis's published losses beside the kit's, group by group (one thesis row, then the kit's mean over seeds),
     * in one definition: Keras's MSE per configuration, that per atom, and the RMSE in meV/atom.
     *
     * @param published group key → {train_loss, val_loss} as printed (see {@link io.github.hdnnpkit.thesis.PublishedResults#losses})
     */
    public static Table besideThesis(String title, StudyResults results, String groupBy, Map<String, double[]> published) {
        List<io.github.hdnnpkit.thesis.ThesisComparison.Row> rows = new java.util.ArrayList<>();
        results.groups(groupBy).forEach((k, es) -> {
            double[] p = published.get(k);
            String model = es.get(0).spec().layout().notation();
            if (p != null) rows.add(io.github.hdnnpkit.thesis.ThesisComparison.Row.published(groupBy + " " + k + ": " + model, p[0], p[1]));
            List<StudyResult> rs = es.stream().map(StudyResults.Entry::result).toList();
            rows.add(new io.github.hdnnpkit.thesis.ThesisComparison.Row("kit, mean of " + rs.size() + " seeds", groupBy + " " + k + ": " + model,
                    mean(rs, Metric.TRAIN_LOSS), mean(rs, Metric.VAL_LOSS), mean(rs, Metric.TEST_LOSS), rs.stream().mapToDouble(StudyResult::meanAtoms).average().orElse(1),
                    mean(rs, Metric.VAL_RMSE), mean(rs, Metric.TEST_RMSE), mean(rs, Metric.TEST_MAE)));
        });
        return io.github.hdnnpkit.thesis.ThesisComparison.table(title, rows);
    }

    private static double mean(List<StudyResult> rs, Metric m) {
        return rs.stream().mapToDouble(m::of).average().orElse(Double.NaN);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }


    static double round(double v, int digits) {
        if (!Double.isFinite(v)) return v;
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
