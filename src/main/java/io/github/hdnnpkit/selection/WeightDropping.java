package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.stats.RankStability;
import io.github.hdnnpkit.study.ModelSpec;
import io.github.hdnnpkit.study.Study;
import io.github.hdnnpkit.study.StudyResult;
import io.github.hdnnpkit.study.StudyResults;
import io.github.hdnnpkit.study.StudyRunner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 4.4's weight-based dropping, measured: train a set with several seeds, rank its features by the norm of
 * their first-layer weight column (a feature whose weights are small contributes little to any hidden neuron),
 * drop the weakest, retrain, and repeat. Every round also measures how far the seeds agree on the ranking
 * (Spearman's ρ, Kendall's τ, overlap of the weakest-k sets): the thesis found the ranking "inconsistent throughout
 * multiple simulations", which these numbers quantify.
 *
 * <p>Norms are only comparable between features on one scale, so the ranking assumes the preconditioning the
 * thesis uses (each feature scaled to [−1, 1] on the training split).
 */
public final class WeightDropping {
    private WeightDropping() {
    }

    /**
     * @param seeds        trainings per round
     * @param dropPerRound features removed after each round
     * @param rounds       rounds of dropping
     */
    public record Options(int seeds, int dropPerRound, int rounds) {
        public Options {
            if (seeds < 2) throw new IllegalArgumentException("rank stability needs ≥ 2 seeds, got " + seeds);
            if (dropPerRound < 1 || rounds < 1) throw new IllegalArgumentException("dropPerRound and rounds must be ≥ 1");
        }
    }

    /**
     * One round: the features trained, the mean norm per feature (descending), the seeds' agreement on the ranking of
     * the weakest {@code dropPerRound}, and what was dropped after it.
     */
    public record Round(int round, List<String> features, StudyResults results, Map<String, Double> meanNorms, RankStability stability,
                        List<String> dropped) {
    }

    public static List<Round> run(StudyRunner runner, ModelSpec.Template template, String label, List<String> start, Options o) {
        List<String> current = new ArrayList<>(start);
        List<Round> out = new ArrayList<>();
        for (int r = 1; r <= o.rounds() + 1 && current.size() > o.dropPerRound(); r++) {
            Study s = Study.of(label + " weights r" + r, List.of(template.model(label + " w" + r + " (" + current.size() + ")", current,
                    Map.of("round", Integer.toString(r), "k", Integer.toString(current.size()))))).withSeeds(o.seeds());
            StudyResults res = runner.run(s);
            Map<String, Map<String, Double>> perSeed = normsPerSeed(res);
            Map<String, Double> mean = meanNorms(perSeed);
            RankStability stab = RankStability.ofScores(perSeed, Math.min(o.dropPerRound(), current.size()));
            List<String> weakest = new ArrayList<>(mean.keySet());
            java.util.Collections.reverse(weakest);
            List<String> drop = r <= o.rounds() ? List.copyOf(weakest.subList(0, o.dropPerRound())) : List.of();
            out.add(new Round(r, List.copyOf(current), res, mean, stab, drop));
            current.removeAll(drop);
        }
        return out;
    }

    /** Seed → feature → first-layer weight norm, from a study's results. */
    public static Map<String, Map<String, Double>> normsPerSeed(StudyResults results) {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        for (StudyResults.Entry e : results.entries()) m.put("seed " + e.spec().seed(), e.result().featureWeightNorms());
        return m;
    }

    /** Mean norm per feature over the runs, sorted from strongest to weakest. */
    public static Map<String, Double> meanNorms(Map<String, Map<String, Double>> perRun) {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (Map<String, Double> run : perRun.values()) run.forEach((k, v) -> sum.merge(k, v, Double::sum));
        Map<String, Double> out = new LinkedHashMap<>();
        sum.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> out.put(e.getKey(), e.getValue() / perRun.size()));
        return out;
    }

    /** The ranking of one result's features from strongest to weakest norm. */
    public static List<String> ranking(StudyResult r) {
        return r.featureWeightNorms().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).toList();
    }
}
