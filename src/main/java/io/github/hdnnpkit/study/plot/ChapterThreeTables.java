package io.github.hdnnpkit.study.plot;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.study.DataSpec;
import io.github.hdnnpkit.study.Metric;
import io.github.hdnnpkit.study.ModelSpec;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyData;
import io.github.hdnnpkit.study.StudyResult;
import io.github.hdnnpkit.study.StudyResults;
import io.github.hdnnpkit.study.StudyRunner;
import io.github.hdnnpkit.thesis.ThesisComparison;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of notebooks 04, 05 and 12: table 3.1's columns for the thesis and the kit side by side (time per
 * epoch, losses per configuration and per atom, last and best epoch, plus the test RMSE), convergence per batch
 * size (figure B.1), and table 3.2's description of the data beside the kit's data sets.
 */
public final class ChapterThreeTables {
    private ChapterThreeTables() {
    }

    /**
     * One published row of a chapter-3 table; NaN where the thesis gives no number.
     *
     * @param secondsPerEpoch wall time of one epoch on the thesis's machine
     * @param trainLoss       Keras's MSE (eV² per configuration), the running mean over the best epoch's batches
     * @param validationLoss  Keras's MSE on the validation part at the best epoch
     * @param maxEpoch        the last epoch
     * @param minimaEpoch     the best epoch
     */
    public record Published(double secondsPerEpoch, double trainLoss, double validationLoss, double maxEpoch, double minimaEpoch) {
    }

    /**
     * The rows of a {@link io.github.hdnnpkit.thesis.PublishedResults} table by a key column, reading
     * {@code s_per_epoch}, {@code train_loss}, {@code val_loss}, {@code max_epoch}, {@code minima_epoch} where present.
     */
    public static Map<String, Published> published(Table t, String keyColumn) {
        Map<String, Published> m = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++)
            m.putIfAbsent(t.column(keyColumn).getString(r), new Published(num(t, "s_per_epoch", r), num(t, "train_loss", r),
                    num(t, "val_loss", r), num(t, "max_epoch", r), num(t, "minima_epoch", r)));
        return m;
    }

    private static double num(Table t, String column, int row) {
        if (!t.columnNames().contains(column)) return Double.NaN;
        Object v = t.column(column).get(row);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /**
     * Table 3.1's columns, a thesis row (where {@code published} has the group) then the kit's mean over seeds, per
     * group: time per epoch, train and validation loss per configuration (Keras's MSE, eV²) and per atom (/ atoms per
     * configuration: 256 for the thesis and the kit), the last and the best epoch, and the kit's test loss and test
     * RMSE (meV/atom) with its sd over seeds — the thesis had no test part.
     */
    public static Table besideThesis(String title, StudyResults results, String groupBy, Map<String, Published> published) {
        StringColumn source = StringColumn.create("source"), model = StringColumn.create(groupBy);
        DoubleColumn spe = DoubleColumn.create("s/epoch"), train = DoubleColumn.create("train_loss (eV²)"),
                val = DoubleColumn.create("val_loss (eV²)"), trainAtom = DoubleColumn.create("train_loss/atom"),
                valAtom = DoubleColumn.create("val_loss/atom"), maxEpoch = DoubleColumn.create("max epoch"),
                minEpoch = DoubleColumn.create("minima epoch"), test = DoubleColumn.create("test_loss (eV²)"),
                rmse = DoubleColumn.create("test RMSE (meV/atom)"), sd = DoubleColumn.create("sd over seeds");
        results.groups(groupBy).forEach((k, es) -> {
            Published p = published.get(k);
            if (p != null) {
                source.append("thesis");
                model.append(k);
                spe.append(p.secondsPerEpoch());
                train.append(sig(p.trainLoss()));
                val.append(sig(p.validationLoss()));
                trainAtom.append(sig(p.trainLoss() / ThesisComparison.THESIS_ATOMS));
                valAtom.append(sig(p.validationLoss() / ThesisComparison.THESIS_ATOMS));
                maxEpoch.append(p.maxEpoch());
                minEpoch.append(p.minimaEpoch());
                test.appendMissing();
                rmse.appendMissing();
                sd.appendMissing();
            }
            List<StudyResult> rs = es.stream().map(StudyResults.Entry::result).toList();
            source.append("kit, mean of " + rs.size() + " seed" + (rs.size() == 1 ? "" : "s"));
            model.append(k);
            spe.append(sig(mean(rs, Metric.SECONDS_PER_EPOCH)));
            train.append(sig(mean(rs, Metric.TRAIN_LOSS)));
            val.append(sig(mean(rs, Metric.VAL_LOSS)));
            trainAtom.append(sig(mean(rs, Metric.TRAIN_LOSS_PER_ATOM)));
            valAtom.append(sig(mean(rs, Metric.VAL_LOSS_PER_ATOM)));
            maxEpoch.append(round(mean(rs, Metric.LAST_EPOCH), 1));
            minEpoch.append(round(mean(rs, Metric.BEST_EPOCH), 1));
            test.append(sig(mean(rs, Metric.TEST_LOSS)));
            double[] r = rs.stream().mapToDouble(Metric.TEST_RMSE::of).toArray();
            rmse.append(round(Arrays.stream(r).average().orElse(Double.NaN), 4));
            if (r.length >= 2) sd.append(round(sd(r), 4));
            else sd.appendMissing();
        });
        return Table.create(title, source, model, spe, train, val, trainAtom, valAtom, maxEpoch, minEpoch, test, rmse, sd);
    }

    /**
     * How each group converged, over its seeds (figure B.1): the best epoch (mean and sd), the last epoch, how many
     * runs ended at the epoch cap without early stopping (their best epoch is a lower bound of convergence), time
     * per epoch, wall time, wall time to the best epoch, the best validation loss and the test RMSE.
     */
    public static Table convergence(StudyResults results, String groupBy) {
        StringColumn group = StringColumn.create(groupBy);
        IntColumn seeds = IntColumn.create("seeds"), capped = IntColumn.create("runs at the epoch cap");
        DoubleColumn best = DoubleColumn.create("best epoch"), bestSd = DoubleColumn.create("best epoch sd"),
                last = DoubleColumn.create("last epoch"), spe = DoubleColumn.create("s/epoch"), wall = DoubleColumn.create("wall time (s)"),
                toBest = DoubleColumn.create("s to best epoch"), val = DoubleColumn.create("val_loss (eV²)"),
                valAtom = DoubleColumn.create("val_loss/atom"), rmse = DoubleColumn.create("test RMSE (meV/atom)"),
                sd = DoubleColumn.create("test RMSE sd");
        results.groups(groupBy).forEach((k, es) -> {
            List<StudyResult> rs = es.stream().map(StudyResults.Entry::result).toList();
            group.append(k);
            seeds.append(rs.size());
            capped.append((int) rs.stream().filter(r -> r.stopReason() == TrainingResult.StopReason.MAX_EPOCHS).count());
            double[] b = rs.stream().mapToDouble(Metric.BEST_EPOCH::of).toArray();
            best.append(round(Arrays.stream(b).average().orElse(Double.NaN), 1));
            if (b.length >= 2) bestSd.append(round(sd(b), 1));
            else bestSd.appendMissing();
            last.append(round(mean(rs, Metric.LAST_EPOCH), 1));
            spe.append(sig(mean(rs, Metric.SECONDS_PER_EPOCH)));
            wall.append(sig(mean(rs, Metric.WALL_SECONDS)));
            toBest.append(sig(rs.stream().mapToDouble(r -> r.secondsPerEpoch() * r.bestEpoch()).average().orElse(Double.NaN)));
            val.append(sig(mean(rs, Metric.VAL_LOSS)));
            valAtom.append(sig(mean(rs, Metric.VAL_LOSS_PER_ATOM)));
            double[] r = rs.stream().mapToDouble(Metric.TEST_RMSE::of).toArray();
            rmse.append(round(Arrays.stream(r).average().orElse(Double.NaN), 4));
            if (r.length >= 2) sd.append(round(sd(r), 4));
            else sd.appendMissing();
        });
        return Table.create("convergence over seeds by " + groupBy, group, seeds, best, bestSd, last, capped, spe, wall, toBest, val, valAtom, rmse, sd);
    }

    /**
     * Table 3.2 (the thesis's data before and after its revision) followed by every data set the study trains on:
     * series, files per series, configurations per series and in all, and the kit's train / validation / test sizes
     * under the study's split. The thesis's reduced set was 80:20 without a test part; its split sizes are not given.
     */
    public static Table dataDescription(StudyRunner runner, Study study) {
        StringColumn source = StringColumn.create("data");
        IntColumn series = IntColumn.create("series (temperatures)"), files = IntColumn.create("files per series"),
                perSeries = IntColumn.create("configurations per series"), total = IntColumn.create("configurations"),
                train = IntColumn.create("train"), val = IntColumn.create("validation"), test = IntColumn.create("test");
        Object[][] thesis = {{"thesis: extended data", 22, 5, 1000, 22000}, {"thesis: after revision", 21, 1, 200, 4200}};
        for (Object[] row : thesis) {
            source.append((String) row[0]);
            series.append((Integer) row[1]);
            files.append((Integer) row[2]);
            perSeries.append((Integer) row[3]);
            total.append((Integer) row[4]);
            train.appendMissing();
            val.appendMissing();
            test.appendMissing();
        }
        Set<DataSpec> seen = new HashSet<>();
        for (ModelSpec s : study.specs()) {
            if (!seen.add(s.data())) continue;
            StudyData d = runner.data(s.data());
            String[] ser = d.series();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String x : ser) counts.merge(x, 1, Integer::sum);
            int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            Split split = s.split().resolve(ser);
            source.append("kit: " + s.data().source() + (s.data().stride() > 1 ? ", every " + s.data().stride() + ". snapshot" : ", every snapshot")
                    + (min == max ? "" : " (" + min + "–" + max + " per series)"));
            series.append(counts.size());
            files.append(1);
            perSeries.append(max);
            total.append(ser.length);
            train.append(split.train().length);
            val.append(split.validation().length);
            test.append(split.test().length);
        }
        return Table.create("Table 3.2 beside the kit's data", source, series, files, perSeries, total, train, val, test);
    }

    /**
     * The G2 of two sets side by side, in input order (figure 3.9 in numbers): ids, r_s and η of each, and the
     * distance between the centres. Both sets must have the same number of G2.
     */
    public static Table matchedG2(SymmetryFunctionSet a, SymmetryFunctionSet b) {
        List<Integer> ga = g2Columns(a), gb = g2Columns(b);
        if (ga.size() != gb.size()) throw new IllegalArgumentException(a.name() + " has " + ga.size() + " G2, " + b.name() + " " + gb.size());
        StringColumn ia = StringColumn.create(a.name() + " id"), ib = StringColumn.create(b.name() + " id");
        DoubleColumn ra = DoubleColumn.create(a.name() + " r_s (Å)"), ea = DoubleColumn.create(a.name() + " η (Å⁻²)"),
                rb = DoubleColumn.create(b.name() + " r_s (Å)"), eb = DoubleColumn.create(b.name() + " η (Å⁻²)"),
                d = DoubleColumn.create("|Δr_s| (Å)");
        for (int k = 0; k < ga.size(); k++) {
            RadialG2 x = (RadialG2) a.function(ga.get(k)), y = (RadialG2) b.function(gb.get(k));
            ia.append(a.id(ga.get(k)));
            ra.append(x.rs());
            ea.append(x.eta());
            ib.append(b.id(gb.get(k)));
            rb.append(y.rs());
            eb.append(y.eta());
            d.append(round(Math.abs(x.rs() - y.rs()), 6));
        }
        return Table.create("G2 of " + a.name() + " and " + b.name(), ia, ra, ea, ib, rb, eb, d);
    }

    private static List<Integer> g2Columns(SymmetryFunctionSet s) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int k = 0; k < s.size(); k++) if (s.function(k) instanceof RadialG2) out.add(k);
        return out;
    }

    private static double mean(List<StudyResult> rs, Metric m) {
        return rs.stream().mapToDouble(m::of).average().orElse(Double.NaN);
    }

    private static double sd(double[] x) {
        double m = Arrays.stream(x).average().orElse(Double.NaN), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }

    static double sig(double v) {
        return io.github.hdnnpkit.util.Rounding.thesis(v);
    }

    static double round(double v, int digits) {
        return StudyTables.round(v, digits);
    }
}
