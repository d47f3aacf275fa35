package io.github.hdnnpkit.study;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.model.LearningRateSchedule;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.backend.AdamSettings;
import io.github.hdnnpkit.model.backend.BackendType;
import io.github.hdnnpkit.model.optim.Adam;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.model.optim.LevenbergMarquardt;
import io.github.hdnnpkit.model.optim.Optimiser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON form of specifications (and their parts), the one format of study files, result files and cluster jobs.
 * Field names are snake_case; every field is written, so a stored specification says exactly what was trained.
 */
public final class StudyJson {
    static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private StudyJson() {
    }

    /** What the hash covers: data, features, network, training (without the thread count) and split, keys sorted. */
    static String canonical(ModelSpec s) {
        JsonObject o = new JsonObject();
        o.add("data", data(s.data()));
        o.add("features", strings(s.features()));
        o.add("hidden", ints(s.hidden()));
        o.addProperty("activation", s.activation().label());
        JsonObject t = training(s.training());
        t.remove("threads");
        // Adam's parameters are the training's own fields: without this an Adam specification would hash differently
        // from the same specification stored before optimisers were types
        if (s.training().optimiser() instanceof Adam) t.remove("optimizer");
        o.add("training", t);
        o.add("split", split(s.split()));
        return COMPACT.toJson(sorted(o));
    }

    public static JsonObject spec(ModelSpec s) {
        JsonObject o = new JsonObject();
        o.addProperty("name", s.name());
        o.addProperty("subset", s.subset());
        o.add("data", data(s.data()));
        o.add("features", strings(s.features()));
        o.add("hidden", ints(s.hidden()));
        o.addProperty("activation", s.activation().label());
        o.add("training", training(s.training()));
        o.add("split", split(s.split()));
        JsonObject tags = new JsonObject();
        s.tags().forEach(tags::addProperty);
        o.add("tags", tags);
        return o;
    }

    public static ModelSpec spec(JsonObject o) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (o.has("tags")) o.getAsJsonObject("tags").entrySet().forEach(e -> tags.put(e.getKey(), e.getValue().getAsString()));
        List<Integer> hidden = new ArrayList<>();
        o.getAsJsonArray("hidden").forEach(e -> hidden.add(e.getAsInt()));
        return new ModelSpec(req(o, "name").getAsString(), data(req(o, "data").getAsJsonObject()),
                o.has("subset") ? o.get("subset").getAsString() : req(o, "name").getAsString(), stringList(req(o, "features").getAsJsonArray()),
                hidden, o.has("activation") ? Activation.parse(o.get("activation").getAsString()) : Activation.TANH,
                training(req(o, "training").getAsJsonObject()), split(req(o, "split").getAsJsonObject()), tags);
    }

    public static JsonObject data(DataSpec d) {
        JsonObject o = new JsonObject();
        o.addProperty("source", d.source());
        o.add("without", strings(d.without()));
        o.addProperty("stride", d.stride());
        o.addProperty("descriptor_set", d.descriptorSet());
        o.addProperty("convention", d.convention().name().toLowerCase(Locale.ROOT));
        return o;
    }

    public static DataSpec data(JsonObject o) {
        return new DataSpec(req(o, "source").getAsString(), o.has("without") ? stringList(o.getAsJsonArray("without")) : List.of("1000K"),
                (int) num(o, "stride", 1),
                o.has("descriptor_set") ? o.get("descriptor_set").getAsString() : "thesis-329",
                o.has("convention") ? Convention.valueOf(o.get("convention").getAsString().toUpperCase(Locale.ROOT)) : Convention.THESIS);
    }

    public static JsonObject split(SplitSpec s) {
        JsonObject o = new JsonObject();
        o.addProperty("scheme", s.scheme().name().toLowerCase(Locale.ROOT));
        o.addProperty("test_fraction", s.testFraction());
        o.addProperty("train_fraction", s.trainFraction());
        o.addProperty("seed", s.seed());
        o.addProperty("block_length", s.blockLength());
        o.add("test_series", strings(s.testSeries()));
        return o;
    }

    public static SplitSpec split(JsonObject o) {
        SplitSpec d = SplitSpec.thesis();
        return new SplitSpec(o.has("scheme") ? Split.Scheme.valueOf(o.get("scheme").getAsString().toUpperCase(Locale.ROOT)) : d.scheme(),
                num(o, "test_fraction", d.testFraction()), num(o, "train_fraction", d.trainFraction()), integer(o, "seed", d.seed()),
                (int) num(o, "block_length", 0), o.has("test_series") ? stringList(o.getAsJsonArray("test_series")) : List.of());
    }

    public static JsonObject training(TrainingConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("max_epochs", c.maxEpochs());
        o.addProperty("batch_size", c.batchSize());
        o.addProperty("shuffle", c.shuffle());
        o.addProperty("learning_rate", c.learningRate());
        o.addProperty("adam_beta1", c.adam().beta1());
        o.addProperty("adam_beta2", c.adam().beta2());
        o.addProperty("adam_epsilon", c.adam().epsilon());
        JsonObject sch = new JsonObject();
        LearningRateSchedule schedule = c.schedule();
        if (schedule instanceof LearningRateSchedule.StepDrop st) {
            sch.addProperty("type", "step");
            sch.addProperty("drop_rate", st.dropRate());
            sch.addProperty("epochs_drop", st.epochsDrop());
            sch.addProperty("min_learning_rate", st.minLearningRate());
        } else if (schedule instanceof LearningRateSchedule.Exponential ex) {
            sch.addProperty("type", "exponential");
            sch.addProperty("k_exp", ex.kExp());
        } else {
            sch.addProperty("type", "constant");
        }
        o.add("schedule", sch);
        o.addProperty("early_stopping_min_delta", c.earlyStopping().minDelta());
        o.addProperty("early_stopping_patience", c.earlyStopping().patience());
        o.addProperty("restore_best_weights", c.earlyStopping().restoreBest());
        o.addProperty("preconditioning", c.preconditioning().name().toLowerCase(Locale.ROOT));
        o.addProperty("normalise_targets", c.normaliseTargets());
        o.addProperty("seed", c.seed());
        o.addProperty("backend", c.backend().label());
        o.addProperty("threads", c.threads());
        o.add("optimizer", optimiser(c.optimiser()));
        return o;
    }

    /** {@code {"type": "ekf", "epsilon": 0.01, ...}}: the name and every parameter. */
    public static JsonObject optimiser(Optimiser opt) {
        JsonObject o = new JsonObject();
        o.addProperty("type", opt.name());
        opt.parameters().forEach((k, v) -> {
            if (v instanceof Number n) o.addProperty(k, n);
            else o.addProperty(k, String.valueOf(v));
        });
        return o;
    }

    /**
     * An optimiser from {@code "ekf"} or {@code {"type": "ekf", "q0": 0.001}}; parameters not named take the type's
     * defaults, an unknown parameter is an error.
     */
    public static Optimiser optimiser(JsonElement e) {
        if (e.isJsonPrimitive()) return Optimiser.parse(e.getAsString());
        if (!e.isJsonObject()) throw new IllegalArgumentException("optimizer must be a name (adam, ekf, lm) or an object with a type, got " + e);
        JsonObject o = e.getAsJsonObject();
        Optimiser d = Optimiser.parse(o.has("type") ? o.get("type").getAsString() : "adam");
        for (String k : o.keySet())
            if (!k.equals("type") && !d.parameters().containsKey(k))
                throw new IllegalArgumentException("optimizer " + d.name() + " has no parameter '" + k + "'; it has " + d.parameters().keySet());
        if (d instanceof KalmanFilter k)
            return new KalmanFilter(num(o, "epsilon", k.epsilon()), num(o, "q0", k.q0()), num(o, "q_tau", k.qTau()),
                    num(o, "q_min", k.qMin()), num(o, "eta0", k.eta0()), num(o, "eta_tau", k.etaTau()), num(o, "eta_max", k.etaMax()));
        if (d instanceof LevenbergMarquardt l)
            return new LevenbergMarquardt(num(o, "damping", l.damping()), num(o, "increase", l.increase()),
                    num(o, "decrease", l.decrease()), num(o, "min_damping", l.minDamping()), (int) integer(o, "max_tries", l.maxTries()));
        return d;
    }

    /** Missing fields take {@link TrainingConfig#defaults()}'s values, so a study file names only what it changes. */
    public static TrainingConfig training(JsonObject o) {
        TrainingConfig d = TrainingConfig.defaults();
        LearningRateSchedule schedule = d.schedule();
        if (o.has("schedule")) {
            JsonObject s = o.getAsJsonObject("schedule");
            String type = s.has("type") ? s.get("type").getAsString() : "constant";
            schedule = switch (type) {
                case "constant" -> LearningRateSchedule.constant();
                case "step" -> new LearningRateSchedule.StepDrop(num(s, "drop_rate", 0.5), (int) num(s, "epochs_drop", 100), num(s, "min_learning_rate", 1e-5));
                case "exponential" -> new LearningRateSchedule.Exponential(num(s, "k_exp", 1e-4));
                default -> throw new IllegalArgumentException("schedule type '" + type + "': expected constant, step or exponential");
            };
        }
        return d.toBuilder().maxEpochs((int) integer(o, "max_epochs", d.maxEpochs())).batchSize((int) integer(o, "batch_size", d.batchSize()))
                .shuffle(bool(o, "shuffle", d.shuffle())).learningRate(num(o, "learning_rate", d.learningRate()))
                .adam(new AdamSettings(num(o, "adam_beta1", d.adam().beta1()), num(o, "adam_beta2", d.adam().beta2()), num(o, "adam_epsilon", d.adam().epsilon())))
                .schedule(schedule)
                .earlyStopping(new EarlyStopping(num(o, "early_stopping_min_delta", d.earlyStopping().minDelta()), (int) num(o, "early_stopping_patience", d.earlyStopping().patience()),
                        bool(o, "restore_best_weights", d.earlyStopping().restoreBest())))
                .preconditioning(o.has("preconditioning") ? Preconditioner.Method.valueOf(o.get("preconditioning").getAsString().toUpperCase(Locale.ROOT)) : d.preconditioning())
                .normaliseTargets(bool(o, "normalise_targets", d.normaliseTargets())).seed(integer(o, "seed", d.seed()))
                .backend(o.has("backend") ? BackendType.parse(o.get("backend").getAsString()) : d.backend()).threads((int) num(o, "threads", 1))
                .optimiser(o.has("optimizer") ? optimiser(o.get("optimizer")) : d.optimiser())
                .build();
    }

    static JsonElement req(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException("missing field '" + key + "' in " + abbreviate(o));
        return e;
    }

    private static String abbreviate(JsonObject o) {
        String s = COMPACT.toJson(o);
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    static double num(JsonObject o, String key, double fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) return fallback;
        try {
            return e.getAsDouble();
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("field '" + key + "' must be a number, got " + e);
        }
    }

    /** A whole number (seeds need all 64 bits; {@code max_epochs: 5.5} is an error, not 5). */
    static long integer(JsonObject o, String key, long fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) return fallback;
        try {
            return new java.math.BigDecimal(e.getAsString()).longValueExact();
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("field '" + key + "' must be a whole number, got " + e);
        }
    }

    static boolean bool(JsonObject o, String key, boolean fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
    }

    static JsonArray strings(List<String> l) {
        JsonArray a = new JsonArray();
        l.forEach(a::add);
        return a;
    }

    static JsonArray ints(List<Integer> l) {
        JsonArray a = new JsonArray();
        l.forEach(a::add);
        return a;
    }

    static List<String> stringList(JsonArray a) {
        List<String> l = new ArrayList<>();
        a.forEach(e -> l.add(e.getAsString()));
        return l;
    }

    private static JsonElement sorted(JsonElement e) {
        if (e.isJsonObject()) {
            TreeMap<String, JsonElement> m = new TreeMap<>();
            e.getAsJsonObject().entrySet().forEach(x -> m.put(x.getKey(), sorted(x.getValue())));
            JsonObject o = new JsonObject();
            m.forEach(o::add);
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            e.getAsJsonArray().forEach(x -> a.add(sorted(x)));
            return a;
        }
        return e;
    }
}
