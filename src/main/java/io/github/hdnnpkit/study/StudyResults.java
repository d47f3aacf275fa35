package io.github.hdnnpkit.study;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The results of a study, in the study's order: one row per specification, as a Tablesaw table with every
 * specification field and every figure (validation <b>and</b> test, in the thesis's loss units and in meV/atom), and
 * as groups of values for the statistics.
 */
public final class StudyResults {
    private final Study study;
    private final Map<String, StudyResult> byHash;

    StudyResults(Study study, Map<String, StudyResult> byHash) {
        this.study = Objects.requireNonNull(study);
        this.byHash = Map.copyOf(byHash);
    }

    public Study study() { return study; }

    /** True when every specification has a result. */
    public boolean complete() { return study.specs().stream().allMatch(s -> byHash.containsKey(s.hash())); }

    /** Specifications without a result (cancelled or failed). */
    public List<ModelSpec> missing() { return study.specs().stream().filter(s -> !byHash.containsKey(s.hash())).toList(); }

    public Optional<StudyResult> of(ModelSpec spec) { return Optional.ofNullable(byHash.get(spec.hash())); }

    /** The result of the specification with this name. */
    public StudyResult named(String name) {
        for (ModelSpec s : study.specs())
            if (s.name().equals(name)) return of(s).orElseThrow(() -> new IllegalStateException("model " + name + " has no result yet"));
        throw new IllegalArgumentException("study " + study.name() + " has no model named " + name);
    }

    /** One entry per specification with a result, in study order (with the specification as the study named it). */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (ModelSpec s : study.specs()) {
            StudyResult r = byHash.get(s.hash());
            if (r != null) out.add(new Entry(s, r));
        }
        return out;
    }

    /** A specification (as named in this study) and its result. */
    public record Entry(ModelSpec spec, StudyResult result) {
        /** The value of a grouping key: {@code subset}, {@code features}, {@code layout}, {@code seed}, {@code split} or a tag. */
        public String key(String field) {
            return switch (field) {
                case "subset" -> spec.subset();
                case "name" -> spec.name();
                case "features" -> Integer.toString(spec.features().size());
                case "layout" -> spec.layout().notation();
                case "seed" -> Long.toString(spec.seed());
                case "split" -> spec.split().describe();
                case "batch_size" -> Integer.toString(spec.training().batchSize());
                case "train_fraction" -> Double.toString(spec.split().trainFraction());
                default -> {
                    String v = spec.tags().get(field);
                    if (v == null) throw new IllegalArgumentException("model " + spec.name() + " has no field or tag '" + field + "'");
                    yield v;
                }
            };
        }
    }

    /** Values of a metric grouped by a field or tag, groups in first-appearance order. */
    public Map<String, double[]> values(Metric metric, String groupBy) {
        return group(groupBy, e -> metric.of(e.result()));
    }

    /** The entries grouped by a field or tag. */
    public Map<String, List<Entry>> groups(String groupBy) {
        Map<String, List<Entry>> m = new LinkedHashMap<>();
        for (Entry e : entries()) m.computeIfAbsent(e.key(groupBy), k -> new ArrayList<>()).add(e);
        return m;
    }

    private Map<String, double[]> group(String groupBy, Function<Entry, Double> f) {
        Map<String, double[]> out = new LinkedHashMap<>();
        groups(groupBy).forEach((k, es) -> out.put(k, es.stream().mapToDouble(f::apply).toArray()));
        return out;
    }

    /** One row per specification: its fields, tags and every figure. */
    public Table table() {
        List<Entry> es = entries();
        Set<String> tagNames = new LinkedHashSet<>();
        es.forEach(e -> tagNames.addAll(e.spec().tags().keySet()));
        StringColumn name = StringColumn.create("name"), subset = StringColumn.create("subset"), layout = StringColumn.create("structure"),
                split = StringColumn.create("split"), stop = StringColumn.create("stop"), hash = StringColumn.create("hash");
        IntColumn features = IntColumn.create("features"), batch = IntColumn.create("batch_size"), maxEpochs = IntColumn.create("max_epochs");
        DoubleColumn lr = DoubleColumn.create("learning_rate");
        IntColumn seed = IntColumn.create("seed");
        List<StringColumn> tags = new ArrayList<>();
        for (String t : tagNames) if (!t.equals("seed")) tags.add(StringColumn.create(t));
        List<DoubleColumn> metrics = new ArrayList<>();
        for (Metric m : Metric.values()) metrics.add(DoubleColumn.create(m.column()));
        for (Entry e : es) {
            ModelSpec s = e.spec();
            name.append(s.name());
            subset.append(s.subset());
            features.append(s.features().size());
            layout.append(s.layout().notation());
            seed.append((int) s.seed());
            split.append(s.split().describe());
            batch.append(s.training().batchSize());
            maxEpochs.append(s.training().maxEpochs());
            lr.append(s.training().learningRate());
            for (StringColumn c : tags) c.append(s.tags().getOrDefault(c.name(), ""));
            for (int i = 0; i < metrics.size(); i++) metrics.get(i).append(Metric.values()[i].of(e.result()));
            stop.append(e.result().stopReason().name().toLowerCase(java.util.Locale.ROOT));
            hash.append(e.result().hash().substring(0, 12));
        }
        Table t = Table.create("study " + study.name(), name, subset, features, layout, seed);
        tags.forEach(t::addColumns);
        t.addColumns(split, batch, maxEpochs, lr);
        metrics.forEach(t::addColumns);
        t.addColumns(stop, hash);
        return t;
    }

    public int size() { return entries().size(); }
}
