package io.github.hdnnpkit.selection;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FeatureSelector} returns: every feature ranked from most to least important, each with the score the
 * method ranked it by, and where the ranking came from (method, hyper-parameters, data, seed) — in the spirit of
 * Tribuo's {@code SelectedFeatureSet}, so that a study asks for "the top k of method X" as a feature subset.
 *
 * @param method          short name, e.g. {@code lassonet}, {@code cur}
 * @param ranking         feature ids, most important first, each once
 * @param scores          the method's score per feature (higher = more important; for LassoNet the λ at which the
 *                        feature left the model), in ranking order
 * @param scoreName       what the score is, with units
 * @param hyperParameters the method's settings, as text
 * @param dataId          the data the ranking was computed on (and which part of it)
 * @param seed            the seed of the method's random steps (0 when it has none)
 */
public record Selection(String method, List<String> ranking, Map<String, Double> scores, String scoreName,
                        Map<String, String> hyperParameters, String dataId, long seed) {
    public Selection {
        Objects.requireNonNull(method, "method");
        ranking = List.copyOf(ranking);
        if (ranking.isEmpty()) throw new IllegalArgumentException("selection " + method + " ranks no features");
        if (new LinkedHashSet<>(ranking).size() != ranking.size())
            throw new IllegalArgumentException("selection " + method + " ranks a feature twice");
        Map<String, Double> s = new LinkedHashMap<>();
        for (String f : ranking) {
            Double v = scores.get(f);
            if (v == null) throw new IllegalArgumentException("selection " + method + " has no score for " + f);
            s.put(f, v);
        }
        if (scores.size() != ranking.size()) throw new IllegalArgumentException("selection " + method + " scores features it does not rank");
        scores = java.util.Collections.unmodifiableMap(s);
        scoreName = scoreName == null ? "score" : scoreName;
        hyperParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperParameters));
        dataId = dataId == null ? "unnamed" : dataId;
    }

    /** A selection ranked by descending score (ties keep the order of {@code scores}). */
    public static Selection byScore(String method, Map<String, Double> scores, String scoreName, Map<String, String> hyperParameters,
                                    String dataId, long seed) {
        List<String> r = new ArrayList<>(scores.keySet());
        List<String> original = List.copyOf(r);
        r.sort((a, b) -> {
            int c = Double.compare(scores.get(b), scores.get(a));
            return c != 0 ? c : Integer.compare(original.indexOf(a), original.indexOf(b));
        });
        return new Selection(method, r, scores, scoreName, hyperParameters, dataId, seed);
    }

    /** The {@code k} most important features, in ranking order. */
    public List<String> top(int k) {
        if (k < 1 || k > ranking.size())
            throw new IllegalArgumentException("selection " + method + " ranks " + ranking.size() + " features; cannot take the top " + k);
        return ranking.subList(0, k);
    }

    public int size() { return ranking.size(); }

    /** 1-based rank of a feature. */
    public int rankOf(String feature) {
        int i = ranking.indexOf(feature);
        if (i < 0) throw new IllegalArgumentException("selection " + method + " does not rank " + feature);
        return i + 1;
    }

    /** One line: method, settings, data and seed. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s on %s, seed %d (%d features ranked by %s)", method, hyperParameters, dataId, seed,
                ranking.size(), scoreName);
    }

    /** The ranking as a table: rank, feature, score. */
    public Table table() {
        IntColumn rank = IntColumn.create("rank");
        StringColumn feature = StringColumn.create("feature");
        DoubleColumn score = DoubleColumn.create(scoreName);
        for (int i = 0; i < ranking.size(); i++) {
            rank.append(i + 1);
            feature.append(ranking.get(i));
            score.append(scores.get(ranking.get(i)));
        }
        return Table.create(method + " ranking", rank, feature, score);
    }
}
