package io.github.hdnnpkit.study;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.TrainingConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A study as a file, JSON or YAML (chosen by the suffix: {@code .json}, {@code .yaml}, {@code .yml}). YAML is read into
 * plain maps and lists and turned into the same JSON tree, so one code path reads both. Two forms:
 *
 * <p><b>Declared</b>, cheap to write: the settings the models share and one short entry per model.
 * <pre>{@code
 * name: evenly
 * data: {source: fixture, descriptor_set: thesis-22}      # as StudyJson.data
 * split: {train_fraction: 0.8}                            # as StudyJson.split (optional)
 * hidden: [10, 10]                                        # optional, the thesis's
 * activation: tanh                                        # optional
 * training: {max_epochs: 200, batch_size: 32}             # as StudyJson.training; the rest are the thesis defaults
 * seeds: 5                                                # or [1, 7, 9]; optional
 * models:
 *   - {name: all, features: all}
 *   - {name: even-8, features: "evenly:8", tags: {k: 8}}
 *   - {name: no-G2_001, features: "drop:all:G2_001", hidden: [5], training: {max_epochs: 50}}
 *   - {name: first, features: [G2_001, G2_002]}
 * }</pre>
 * Features are a list of ids of the data's descriptor set or an expression: {@code all}, {@code radial},
 * {@code angular}, {@code evenly:K} (K evenly spaced columns, section 4.2), {@code set:NAME} (a
 * {@link ThesisSets} set that must be a subset of the data's, e.g. {@code set:thesis-57A} of {@code thesis-329}) and
 * {@code drop:EXPR:ID[,ID]} (the expression's ids without some). A model's {@code training} and {@code split} name
 * only the fields it changes; {@code hidden} and {@code activation} replace the study's. With {@code seeds} every model
 * is trained once per seed (names get {@code " seed N"}, a {@code seed} tag is added).
 *
 * <p><b>Expanded</b>, what {@link #write} produces: {@code {"name": ..., "specs": [...]}} with every specification
 * in full ({@link StudyJson#spec(ModelSpec)}), so a study built in Java reaches the command line or a cluster
 * unchanged, with the same hashes.
 *
 * <p>Errors are {@link InputFormatException}s naming the file, the model and, for YAML, the line.
 */
public final class StudyFile {
    private static final Set<String> DECLARED_KEYS = Set.of("name", "description", "data", "split", "hidden", "activation", "training",
            "seeds", "models");
    private static final Set<String> EXPANDED_KEYS = Set.of("name", "description", "specs");
    private static final Set<String> MODEL_KEYS = Set.of("name", "subset", "features", "tags", "hidden", "activation", "training", "split");
    private static final Set<String> SCHEDULE_KEYS = Set.of("type", "drop_rate", "epochs_drop", "min_learning_rate", "k_exp");
    static final String EXPRESSIONS = "a list of ids, all, radial, angular, evenly:K, set:NAME or drop:EXPR:ID[,ID]";

    private StudyFile() {
    }

    /** Reads a study file (JSON or YAML by suffix). */
    public static Study read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, 0, "no such study file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read study file " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Parses the text of a study file; {@code file} gives the format (by suffix) and the name in messages. */
    public static Study parse(Path file, String text) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, Integer> lines = new HashMap<>();
        JsonElement root;
        if (n.endsWith(".json")) root = parseJson(file, text);
        else if (n.endsWith(".yaml") || n.endsWith(".yml")) root = parseYaml(file, text, lines);
        else throw new InputFormatException(file, 0, "a study file ends in .json, .yaml or .yml");
        if (root == null || !root.isJsonObject()) throw new InputFormatException(file, 1, "a study file is one object (name, data, models...), got "
                + (root == null || root.isJsonNull() ? "nothing" : root));
        return new Conversion(file, lines).study(root.getAsJsonObject());
    }

    /**
     * Writes the expanded form (one full specification per model) atomically; {@link #read} gives back the same
     * specifications with the same hashes.
     */
    public static Path write(Study study, Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
            throw new IllegalArgumentException("a study is written as JSON: " + file + " should end in .json");
        JsonObject o = toJson(study);
        TextFiles.writeAtomically(file, w -> {
            StudyJson.PRETTY.toJson(o, w);
            w.write('\n');
        });
        return file;
    }

    /** The expanded form: {@code {"name": ..., "specs": [every specification in full]}}. */
    public static JsonObject toJson(Study study) {
        JsonObject o = new JsonObject();
        o.addProperty("name", study.name());
        JsonArray specs = new JsonArray();
        study.specs().forEach(s -> specs.add(StudyJson.spec(s)));
        o.add("specs", specs);
        return o;
    }

    private static JsonElement parseJson(Path file, String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            // Gson's message carries "line L column C"
            String m = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(m);
            throw new InputFormatException(file, line.find() ? Long.parseLong(line.group(1)) : 0, "not valid JSON: " + m);
        }
    }

    /** YAML to the JSON tree; the lines of the top-level keys and of every model go to {@code lines}. */
    private static JsonElement parseYaml(Path file, String text, Map<String, Integer> lines) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Object doc = yaml.load(text);
            Node node = yaml.compose(new StringReader(text));
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
                    lines.put(k.getValue(), k.getStartMark().getLine() + 1);
                    if (t.getValueNode() instanceof SequenceNode seq)
                        for (int i = 0; i < seq.getValue().size(); i++)
                            lines.put(k.getValue() + "[" + i + "]", seq.getValue().get(i).getStartMark().getLine() + 1);
                }
            }
            return toJson(file, doc);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new InputFormatException(file, line, "not valid YAML: " + context + e.getProblem());
        } catch (YAMLException e) {
            throw new InputFormatException(file, 0, "not valid YAML: " + e.getMessage());
        }
    }

    private static JsonElement toJson(Path file, Object o) {
        if (o == null) return JsonNull.INSTANCE;
        if (o instanceof Map<?, ?> m) {
            JsonObject j = new JsonObject();
            m.forEach((k, v) -> j.add(String.valueOf(k), toJson(file, v)));
            return j;
        }
        if (o instanceof List<?> l) {
            JsonArray a = new JsonArray();
            l.forEach(v -> a.add(toJson(file, v)));
            return a;
        }
        if (o instanceof String s) return new JsonPrimitive(s);
        if (o instanceof Boolean b) return new JsonPrimitive(b);
        if (o instanceof Integer || o instanceof Long || o instanceof BigInteger || o instanceof Double) return new JsonPrimitive((Number) o);
        // timestamps, binary, sets: nothing a study file needs, and a silent conversion would hide a typo
        throw new InputFormatException(file, 0, "unexpected YAML value '" + o + "' (" + o.getClass().getSimpleName() + "); quote it if it is a string");
    }

    /** One file's conversion, with what is needed to say where a problem is. */
    private record Conversion(Path file, Map<String, Integer> lines) {
        InputFormatException error(String where, String problem) {
            return new InputFormatException(file, lines.getOrDefault(where, 0), problem);
        }

        /** Runs a conversion; any complaint of the record constructors or StudyJson is reported at {@code where}. */
        <T> T at(String where, String label, Supplier<T> f) {
            try {
                return f.get();
            } catch (InputFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw error(where, label + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            }
        }

        Study study(JsonObject root) {
            String name = string(root, "name", "study", null);
            if (root.has("specs")) return expanded(root, name);
            checkKeys(root, DECLARED_KEYS, "", "the study");
            if (!root.has("models")) throw error("", "a study file lists its 'models' (or, expanded, its 'specs')");
            JsonObject dataObject = object(root, "data", "data", true);
            checkData(dataObject, "data", "data");
            DataSpec data = at("data", "data", () -> StudyJson.data(dataObject));
            SymmetryFunctionSet set = descriptorSet(data, "data");
            JsonObject training = root.has("training") ? object(root, "training", "training", false) : new JsonObject();
            checkTraining(training, "training", "training");
            at("training", "training", () -> StudyJson.training(training));
            JsonObject split = root.has("split") ? object(root, "split", "split", false) : new JsonObject();
            checkSplit(split, "split", "split");
            at("split", "split", () -> StudyJson.split(split));
            List<Integer> hidden = root.has("hidden") ? hidden(root.get("hidden"), "hidden", "hidden") : List.of(10, 10);
            Activation activation = root.has("activation") ? activation(root, "activation", "activation") : Activation.TANH;

            JsonElement models = root.get("models");
            if (!models.isJsonArray() || models.getAsJsonArray().isEmpty())
                throw error("models", "'models' is a non-empty list of {name, features, tags}, got " + models);
            List<ModelSpec> specs = new ArrayList<>();
            JsonArray ms = models.getAsJsonArray();
            for (int i = 0; i < ms.size(); i++) specs.add(model(ms.get(i), i, data, set, training, split, hidden, activation));
            Study study = at("models", "models", () -> new Study(name, specs));
            return root.has("seeds") ? withSeeds(study, root.get("seeds")) : study;
        }

        private ModelSpec model(JsonElement e, int i, DataSpec data, SymmetryFunctionSet set, JsonObject training, JsonObject split,
                                List<Integer> studyHidden, Activation studyActivation) {
            String where = "models[" + i + "]";
            if (!e.isJsonObject()) throw error(where, where + ": a model is {name, features, tags}, got " + e);
            JsonObject m = e.getAsJsonObject();
            JsonElement nameElement = m.get("name");
            String label = nameElement != null && nameElement.isJsonPrimitive() ? "model '" + nameElement.getAsString() + "' (" + where + ")" : "model " + where;
            checkKeys(m, MODEL_KEYS, where, label);
            if (!m.has("features")) throw error(where, label + ": no 'features' (expected " + EXPRESSIONS + ")");
            JsonElement f = m.get("features");
            String expression = f.isJsonPrimitive() ? f.getAsString() : null;
            String name = m.has("name") ? string(m, "name", label, where) : expression;
            if (name == null) throw error(where, label + ": a model with a list of features needs a 'name'");
            String subset = m.has("subset") ? string(m, "subset", label, where) : name;
            List<String> features = at(where, label + ": features", () -> features(f, set));
            List<Integer> hidden = m.has("hidden") ? hidden(m.get("hidden"), where, label + ": hidden") : studyHidden;
            Activation activation = m.has("activation") ? activation(m, label, where) : studyActivation;
            JsonObject t = training.deepCopy();
            if (m.has("training")) {
                JsonObject own = object(m, "training", label + ": training", false);
                checkTraining(own, where, label + ": training");
                own.entrySet().forEach(x -> t.add(x.getKey(), x.getValue()));
            }
            JsonObject s = split.deepCopy();
            if (m.has("split")) {
                JsonObject own = object(m, "split", label + ": split", false);
                checkSplit(own, where, label + ": split");
                own.entrySet().forEach(x -> s.add(x.getKey(), x.getValue()));
            }
            Map<String, String> tags = m.has("tags") ? tags(m.get("tags"), where, label) : Map.of();
            TrainingConfig tc = at(where, label + ": training", () -> StudyJson.training(t));
            SplitSpec sp = at(where, label + ": split", () -> StudyJson.split(s));
            return at(where, label, () -> new ModelSpec(name, data, subset, features, hidden, activation, tc, sp, tags));
        }

        private Study expanded(JsonObject root, String name) {
            if (root.has("models")) throw error("specs", "a study file has either 'models' (declared) or 'specs' (expanded), not both");
            checkKeys(root, EXPANDED_KEYS, "", "an expanded study (specs; each specification carries its own settings)");
            JsonElement specs = root.get("specs");
            if (!specs.isJsonArray() || specs.getAsJsonArray().isEmpty()) throw error("specs", "'specs' is a non-empty list of specifications");
            JsonArray a = specs.getAsJsonArray();
            Set<String> known = StudyJson.spec(exampleSpec()).keySet();
            List<ModelSpec> out = new ArrayList<>();
            Map<DataSpec, SymmetryFunctionSet> sets = new HashMap<>();
            for (int i = 0; i < a.size(); i++) {
                String where = "specs[" + i + "]";
                if (!a.get(i).isJsonObject()) throw error(where, where + ": a specification is an object, got " + a.get(i));
                JsonObject o = a.get(i).getAsJsonObject();
                String label = o.has("name") && o.get("name").isJsonPrimitive() ? "specification '" + o.get("name").getAsString() + "' (" + where + ")" : where;
                checkKeys(o, known, where, label);
                for (String k : List.of("name", "data", "features", "hidden", "training", "split"))
                    if (!o.has(k)) throw error(where, label + ": missing '" + k + "' (an expanded specification lists every field)");
                checkData(object(o, "data", label + ": data", true), where, label + ": data");
                checkTraining(object(o, "training", label + ": training", true), where, label + ": training");
                checkSplit(object(o, "split", label + ": split", true), where, label + ": split");
                ModelSpec s = at(where, label, () -> StudyJson.spec(o));
                SymmetryFunctionSet set = sets.computeIfAbsent(s.data(), d -> descriptorSet(d, where));
                if (set != null) for (String id : s.features()) checkId(set, id, where, label);
                out.add(s);
            }
            return at("specs", "specs", () -> new Study(name, out));
        }

        private Study withSeeds(Study study, JsonElement seeds) {
            if (seeds.isJsonPrimitive() && seeds.getAsJsonPrimitive().isNumber()) {
                long n = integer(seeds, "seeds", "seeds");
                if (n < 1 || n > 10_000) throw error("seeds", "seeds: a count n (seeds 1..n) must be in 1..10000, got " + n);
                return study.withSeeds((int) n);
            }
            if (seeds.isJsonArray() && !seeds.getAsJsonArray().isEmpty()) {
                JsonArray a = seeds.getAsJsonArray();
                long[] s = new long[a.size()];
                Set<Long> seen = new LinkedHashSet<>();
                for (int i = 0; i < s.length; i++) {
                    s[i] = integer(a.get(i), "seeds", "seeds[" + i + "]");
                    if (!seen.add(s[i])) throw error("seeds", "seeds: " + s[i] + " is listed twice");
                }
                return study.withSeeds(s);
            }
            throw error("seeds", "seeds: expected a count n (seeds 1..n) or a list of integers, got " + seeds);
        }

        /** The ids a features entry stands for, checked against the data's descriptor set (when the kit knows it). */
        private List<String> features(JsonElement f, SymmetryFunctionSet set) {
            if (f.isJsonArray()) {
                List<String> ids = new ArrayList<>();
                for (JsonElement e : f.getAsJsonArray()) {
                    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
                        throw new IllegalArgumentException("ids are strings (e.g. G2_001), got " + e);
                    String id = e.getAsString().trim();
                    if (set != null && set.indexOf(id) < 0) throw new IllegalArgumentException(notInSet(set, id));
                    ids.add(id);
                }
                if (ids.isEmpty()) throw new IllegalArgumentException("the list of ids is empty");
                return ids;
            }
            if (!f.isJsonPrimitive() || !f.getAsJsonPrimitive().isString()) throw new IllegalArgumentException("expected " + EXPRESSIONS + ", got " + f);
            if (set == null) throw new IllegalArgumentException("'" + f.getAsString() + "' needs a descriptor set the kit knows (one of "
                    + String.join(", ", ThesisSets.NAMES) + "); with other data list the ids");
            return expression(f.getAsString().trim(), set);
        }

        private static List<String> expression(String e, SymmetryFunctionSet set) {
            switch (e) {
                case "all": return set.ids();
                case "radial": return nonEmpty(idsOf(set, set.radialColumns()), e, set);
                case "angular": return nonEmpty(idsOf(set, set.angularColumns()), e, set);
                default:
            }
            if (e.startsWith("evenly:")) {
                String k = e.substring("evenly:".length()).trim();
                if (!k.matches("\\d+")) throw new IllegalArgumentException("'" + e + "': evenly:K takes a whole number K, got '" + k + "'");
                int kk = Integer.parseInt(k);
                if (kk < 1 || kk > set.size())
                    throw new IllegalArgumentException("'" + e + "': " + set.name() + " has " + set.size() + " functions, K must be in 1.." + set.size());
                return idsOf(set, SymmetryFunctionSet.evenlySpacedColumns(set.size(), kk));
            }
            if (e.startsWith("set:")) {
                String name = e.substring("set:".length()).trim();
                SymmetryFunctionSet sub;
                try {
                    sub = ThesisSets.byName(name);
                } catch (IllegalArgumentException x) {
                    throw new IllegalArgumentException("'" + e + "': " + x.getMessage());
                }
                for (int i = 0; i < sub.size(); i++) {
                    String id = sub.id(i);
                    int c = set.indexOf(id);
                    if (c < 0) throw new IllegalArgumentException("'" + e + "' is not a subset of " + set.name() + ": " + notInSet(set, id));
                    // the same id in two sets need not be the same function (thesis-22's G2_002 is not the 329's)
                    if (!set.function(c).equals(sub.function(i)))
                        throw new IllegalArgumentException("'" + e + "' is not a subset of " + set.name() + ": its " + id + " (" + sub.function(i).name()
                                + ") is not " + set.name() + "'s " + id + " (" + set.function(c).name() + ")");
                }
                return sub.ids();
            }
            if (e.startsWith("drop:")) {
                String rest = e.substring("drop:".length());
                int c = rest.lastIndexOf(':');
                if (c <= 0 || c == rest.length() - 1)
                    throw new IllegalArgumentException("'" + e + "': expected drop:EXPR:ID[,ID], e.g. drop:all:G2_001,G5_003");
                List<String> from = expression(rest.substring(0, c).trim(), set);
                List<String> out = new ArrayList<>(from);
                for (String raw : rest.substring(c + 1).split(",")) {
                    String id = raw.trim();
                    if (!out.remove(id)) throw new IllegalArgumentException("'" + e + "': " + id + " is not among the " + from.size()
                            + " features of '" + rest.substring(0, c).trim() + "'");
                }
                if (out.isEmpty()) throw new IllegalArgumentException("'" + e + "' drops every feature");
                return out;
            }
            throw new IllegalArgumentException("unknown feature expression '" + e + "': expected " + EXPRESSIONS);
        }

        private static List<String> nonEmpty(List<String> ids, String e, SymmetryFunctionSet set) {
            if (ids.isEmpty()) throw new IllegalArgumentException("'" + e + "': " + set.name() + " has no " + e + " functions");
            return ids;
        }

        private static List<String> idsOf(SymmetryFunctionSet set, int[] columns) {
            List<String> ids = new ArrayList<>();
            for (int c : columns) ids.add(set.id(c));
            return ids;
        }

        private static String notInSet(SymmetryFunctionSet set, String id) {
            return "feature " + id + " is not in " + set.name() + " (its " + set.size() + " ids run " + set.id(0) + " … " + set.id(set.size() - 1) + ")";
        }

        private void checkId(SymmetryFunctionSet set, String id, String where, String label) {
            if (set.indexOf(id) < 0) throw error(where, label + ": " + notInSet(set, id));
        }

        /** The data's descriptor set, or null for in-memory data of a set the kit does not know. */
        private SymmetryFunctionSet descriptorSet(DataSpec data, String where) {
            try {
                return ThesisSets.byName(data.descriptorSet());
            } catch (IllegalArgumentException e) {
                if (data.inMemory()) return null;
                throw error(where, "data: " + e.getMessage());
            }
        }

        private void checkKeys(JsonObject o, Set<String> known, String where, String label) {
            for (String k : o.keySet())
                if (!known.contains(k))
                    throw error(where.isEmpty() ? k : where, label + ": unknown field '" + k + "'; expected " + String.join(", ", new java.util.TreeSet<>(known)));
        }

        private void checkData(JsonObject d, String where, String label) {
            checkKeys(d, StudyJson.data(DataSpec.memory("example", "example")).keySet(), where, label);
            checkEnum(d, "convention", Convention.values(), where, label);
        }

        private void checkSplit(JsonObject s, String where, String label) {
            checkKeys(s, StudyJson.split(SplitSpec.thesis()).keySet(), where, label);
            checkEnum(s, "scheme", java.util.Arrays.stream(Split.Scheme.values()).filter(x -> x != Split.Scheme.GIVEN).toArray(Enum[]::new), where, label);
        }

        /** StudyJson reads enums with valueOf; a wrong name gets a message with the choices instead. */
        private void checkEnum(JsonObject o, String key, Enum<?>[] values, String where, String label) {
            if (!o.has(key)) return;
            JsonElement e = o.get(key);
            List<String> names = java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
            if (!e.isJsonPrimitive() || !names.contains(e.getAsString().toLowerCase(Locale.ROOT)))
                throw error(where, label + ": " + key + " " + e + ": expected " + String.join(", ", names));
        }

        private void checkTraining(JsonObject t, String where, String label) {
            checkKeys(t, StudyJson.training(TrainingConfig.defaults()).keySet(), where, label);
            checkEnum(t, "preconditioning", Preconditioner.Method.values(), where, label);
            if (t.has("schedule")) {
                if (!t.get("schedule").isJsonObject()) throw error(where, label + ": schedule is {type: constant|step|exponential, ...}, got " + t.get("schedule"));
                checkKeys(t.getAsJsonObject("schedule"), SCHEDULE_KEYS, where, label + ": schedule");
            }
        }

        private JsonObject object(JsonObject o, String key, String label, boolean required) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                if (required) throw error(key, "missing '" + key + "'" + (key.equals("data") ? " (e.g. {source: fixture, descriptor_set: thesis-22})" : ""));
                return new JsonObject();
            }
            if (!e.isJsonObject()) throw error(key, label + ": expected an object of fields, got " + e);
            return e.getAsJsonObject();
        }

        private String string(JsonObject o, String key, String label, String where) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) throw error(where == null ? key : where, label + ": missing '" + key + "'");
            if (!e.isJsonPrimitive() || e.getAsString().isBlank()) throw error(where == null ? key : where, label + ": '" + key + "' is a non-empty text, got " + e);
            return e.getAsString().trim();
        }

        private long integer(JsonElement e, String where, String label) {
            try {
                if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                    java.math.BigDecimal d = e.getAsBigDecimal();
                    return d.longValueExact();
                }
            } catch (ArithmeticException | NumberFormatException ignored) {
                // reported below
            }
            throw error(where, label + ": expected an integer, got " + e);
        }

        private List<Integer> hidden(JsonElement e, String where, String label) {
            if (!e.isJsonArray()) throw error(where, label + ": expected a list of layer sizes such as [10, 10], got " + e);
            List<Integer> h = new ArrayList<>();
            for (JsonElement x : e.getAsJsonArray()) {
                long n = integer(x, where, label);
                if (n < 1 || n > 100_000) throw error(where, label + ": layer sizes are ≥ 1, got " + e);
                h.add((int) n);
            }
            return h;
        }

        private Activation activation(JsonObject o, String label, String where) {
            JsonElement e = o.get("activation");
            String s = e != null && e.isJsonPrimitive() ? e.getAsString() : String.valueOf(e);
            return at(where, label, () -> Activation.parse(s));
        }

        private Map<String, String> tags(JsonElement e, String where, String label) {
            if (!e.isJsonObject()) throw error(where, label + ": tags are {key: value, ...}, got " + e);
            Map<String, String> t = new LinkedHashMap<>();
            for (var x : e.getAsJsonObject().entrySet()) {
                if (!x.getValue().isJsonPrimitive()) throw error(where, label + ": tag '" + x.getKey() + "' must be a text or number, got " + x.getValue());
                t.put(x.getKey(), x.getValue().getAsString());
            }
            return t;
        }
    }

    /** A specification whose JSON form lists every field a specification has (for the check of unknown fields). */
    private static ModelSpec exampleSpec() {
        DataSpec d = DataSpec.memory("example", "example");
        return ModelSpec.Template.thesis(d, TrainingConfig.defaults()).model("example", List.of("G2_001"), Map.of());
    }
}
