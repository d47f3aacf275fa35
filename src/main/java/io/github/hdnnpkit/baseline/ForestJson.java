package io.github.hdnnpkit.baseline;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON export of forest results: the summary (set-up, options, provenance, timings, the figures of the train,
 * validation and test parts — a forest is judged on {@code test_*} — importance) and, on request, the
 * per-configuration predictions of each part. Non-finite numbers (a diagnostic that does not apply) are written as null.
 */
public final class ForestJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues().create();

    private ForestJson() {
    }

    public static String toJson(ForestResult r, boolean predictions) {
        return GSON.toJson(tree(r, predictions));
    }

    public static JsonObject tree(ForestResult r, boolean predictions) {
        JsonObject o = new JsonObject();
        o.addProperty("mode", r.mode().cliName());
        o.addProperty("setup_label", r.setup().label());
        o.add("setup", GSON.toJsonTree(r.setup()));
        o.add("options", GSON.toJsonTree(r.options()));
        o.add("provenance", GSON.toJsonTree(r.provenance()));
        o.addProperty("train_rows", r.trainRows());
        o.addProperty("trees_trained", r.treesTrained());
        o.addProperty("dataset_seconds", r.datasetSeconds());
        o.addProperty("train_seconds", r.trainSeconds());
        o.addProperty("predict_seconds", r.predictSeconds());
        o.addProperty("judged_on", "test");
        for (ForestResult.Part part : ForestResult.Part.values()) {
            ForestResult.Evaluation e = r.part(part);
            String key = part.name().toLowerCase(java.util.Locale.ROOT);
            o.addProperty(key + "_configurations", e.size());
            if (e.energy() != null) {
                o.add(key + "_energy", GSON.toJsonTree(e.energy()));
                o.add(key + "_collapse", GSON.toJsonTree(e.collapse()));
            }
            if (e.forces() != null) {
                JsonObject f = GSON.toJsonTree(e.forces()).getAsJsonObject();
                f.addProperty("rmse_over_zero_predictor", e.forces().rmseOverZeroPredictor());
                o.add(key + "_forces", f);
            }
        }
        JsonArray imp = new JsonArray();
        for (ForestMetrics.Importance i : r.importance()) imp.add(GSON.toJsonTree(i));
        o.add("importance", imp);
        if (predictions && r.predictsEnergy())
            for (ForestResult.Part part : ForestResult.Part.values())
                o.add(part.name().toLowerCase(java.util.Locale.ROOT) + "_predictions", GSON.toJsonTree(r.part(part).predictions()));
        return nullNonFinite(o).getAsJsonObject();
    }

    /** Writes the JSON atomically (temporary file, then move). */
    public static Path write(ForestResult r, boolean predictions, Path file) {
        try {
            String json = toJson(r, predictions);
            return io.github.hdnnpkit.util.Staging.write(file, tmp -> Files.writeString(tmp, json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonElement nullNonFinite(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject o = new JsonObject();
            for (var en : e.getAsJsonObject().entrySet()) o.add(en.getKey(), nullNonFinite(en.getValue()));
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            for (JsonElement x : e.getAsJsonArray()) a.add(nullNonFinite(x));
            return a;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (!Double.isFinite(d)) return com.google.gson.JsonNull.INSTANCE;
        }
        return e;
    }
}
