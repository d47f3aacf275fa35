package io.github.hdnnpkit.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named list of model specifications: the unit a notebook, the command line or a cluster job runs. Two
 * specifications of one study never have the same name; two with the same {@link ModelSpec#hash()} are one model
 * trained once.
 */
public record Study(String name, List<ModelSpec> specs) {
    public Study {
        Objects.requireNonNull(name);
        specs = List.copyOf(specs);
        Set<String> names = new HashSet<>();
        for (ModelSpec s : specs)
            if (!names.add(s.name())) throw new IllegalArgumentException("study " + name + " has two models named '" + s.name() + "'");
    }

    public static Study of(String name, List<ModelSpec> specs) {
        return new Study(name, specs);
    }

    /** Every specification once per seed (names get {@code " seed N"}, a {@code seed} tag is added). */
    public Study withSeeds(long... seeds) {
        if (seeds.length == 0) throw new IllegalArgumentException("give at least one seed");
        List<ModelSpec> out = new ArrayList<>();
        for (ModelSpec s : specs)
            for (long seed : seeds) out.add(s.withSeed(seed).withTag("seed", Long.toString(seed)));
        return new Study(name, out);
    }

    /** Seeds {@code 1..n}. */
    public Study withSeeds(int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) s[i] = i + 1;
        return withSeeds(s);
    }

    /** This study's models followed by another's (names must stay unique). */
    public Study plus(Study other) {
        List<ModelSpec> all = new ArrayList<>(specs);
        all.addAll(other.specs);
        return new Study(name + " + " + other.name, all);
    }

    /** The distinct models (by hash), in first-appearance order. */
    public Map<String, ModelSpec> byHash() {
        Map<String, ModelSpec> m = new LinkedHashMap<>();
        for (ModelSpec s : specs) m.putIfAbsent(s.hash(), s);
        return m;
    }

    public int size() { return specs.size(); }
}
