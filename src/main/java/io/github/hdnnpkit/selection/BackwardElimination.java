package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.stats.Alternative;
import io.github.hdnnpkit.stats.TestResult;
import io.github.hdnnpkit.stats.TwoSampleTest;
import io.github.hdnnpkit.study.Metric;
import io.github.hdnnpkit.study.ModelSpec;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyResults;
import io.github.hdnnpkit.study.StudyRunner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sequential backward elimination (SBS, the method the thesis cites in chapter 4) with a decision the thesis asked
 * for but could not make with single runs: every candidate is trained with several seeds, and a feature is dropped
 * only when the set without it is <em>not significantly worse</em> than the set with it.
 *
 * <p>One round: the current set and every set with one feature removed are trained with {@code seeds} seeds each
 * (one study, so the runner uses every core and a rerun trains nothing). The removal with the lowest mean
 * validation loss is the candidate; Welch's one-sided t-test asks whether its loss is larger than the current set's.
 * If {@code p ≥ α} the feature goes and the next round starts; otherwise every removal hurts and the elimination
 * stops. Decisions use the validation loss only; the test split stays for judging the final set.
 */
public final class BackwardElimination {
    private BackwardElimination() {
    }

    /**
     * @param seeds       trainings per candidate set (≥ 2 for a t-test)
     * @param alpha       significance level of "removal hurts"
     * @param minFeatures stop at this many features
     * @param maxRounds   stop after this many removals
     * @param metric      what decides (the validation loss; a test metric here would leak the test split)
     */
    public record Options(int seeds, double alpha, int minFeatures, int maxRounds, Metric metric) {
        public Options {
            if (seeds < 2) throw new IllegalArgumentException("a significance test needs ≥ 2 seeds per set, got " + seeds);
            if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0,1), got " + alpha);
            if (minFeatures < 1) throw new IllegalArgumentException("minFeatures must be ≥ 1");
            if (maxRounds < 1) throw new IllegalArgumentException("maxRounds must be ≥ 1");
            Objects.requireNonNull(metric);
            if (metric.column().startsWith("test")) throw new IllegalArgumentException("elimination must not decide on the test split (" + metric + ")");
        }

        public static Options defaults() { return new Options(5, 0.05, 1, Integer.MAX_VALUE, Metric.VAL_LOSS); }

        public Options withSeeds(int n) { return new Options(n, alpha, minFeatures, maxRounds, metric); }

        public Options withMaxRounds(int n) { return new Options(seeds, alpha, minFeatures, n, metric); }

        public Options withMinFeatures(int n) { return new Options(seeds, alpha, n, maxRounds, metric); }

        public Options withAlpha(double a) { return new Options(seeds, a, minFeatures, maxRounds, metric); }
    }

    /**
     * One round: the set it started from, every removal's values, the best removal and its test against the set.
     *
     * @param removals metric values per removed feature (one per seed)
     * @param dropped  whether the candidate was dropped
     */
    public record Round(int round, List<String> features, double[] current, Map<String, double[]> removals, String candidate,
                        TestResult test, boolean dropped, StudyResults results) {
    }

    /** The kept features, the dropped ones in the order they went, and every round. */
    public record Outcome(List<String> kept, List<String> dropped, List<Round> rounds, String stopReason) {
    }

    public static Outcome run(StudyRunner runner, ModelSpec.Template template, String label, List<String> start, Options o) {
        List<String> current = new ArrayList<>(start);
        List<String> dropped = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        long[] seeds = new long[o.seeds()];
        for (int i = 0; i < seeds.length; i++) seeds[i] = i + 1;
        String stop = "reached " + o.minFeatures() + " features";
        for (int round = 1; current.size() > o.minFeatures(); round++) {
            if (round > o.maxRounds()) {
                stop = "reached " + o.maxRounds() + " rounds";
                break;
            }
            List<ModelSpec> specs = new ArrayList<>();
            specs.add(template.model(label + " r" + round, current, Map.of("round", Integer.toString(round), "removed", "none")));
            for (String f : current) {
                List<String> without = new ArrayList<>(current);
                without.remove(f);
                specs.add(template.model(label + " r" + round + " -" + f, without, Map.of("round", Integer.toString(round), "removed", f)));
            }
            StudyResults res = runner.run(Study.of(label + " round " + round, specs).withSeeds(seeds));
            Map<String, double[]> byRemoved = res.values(o.metric(), "removed");
            double[] base = byRemoved.get("none");
            Map<String, double[]> removals = new LinkedHashMap<>(byRemoved);
            removals.remove("none");
            String best = null;
            double bestMean = Double.POSITIVE_INFINITY;
            for (var e : removals.entrySet()) {
                double m = mean(e.getValue());
                if (m < bestMean) {
                    bestMean = m;
                    best = e.getKey();
                }
            }
            // H1: the loss without the candidate is larger than with it
            TestResult t = TwoSampleTest.welch(removals.get(best), base, Alternative.GREATER);
            boolean drop = !(t.pValue() < o.alpha());
            rounds.add(new Round(round, List.copyOf(current), base, removals, best, t, drop, res));
            if (!drop) {
                stop = "every removal significantly raises the " + o.metric().label() + " (best candidate " + best + ", p = "
                        + String.format(java.util.Locale.ROOT, "%.3g", t.pValue()) + ")";
                break;
            }
            current.remove(best);
            dropped.add(best);
        }
        return new Outcome(List.copyOf(current), List.copyOf(dropped), List.copyOf(rounds), stop);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }
}
