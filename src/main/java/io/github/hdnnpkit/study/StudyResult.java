package io.github.hdnnpkit.study;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.hdnnpkit.model.EpochRecord;
import io.github.hdnnpkit.model.TrainingResult;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a study keeps of one finished training: the specification, the errors of the returned (best-epoch) model on
 * train, validation and test, the loss history (for the thesis's curves and its box plots of the last epochs), the
 * first-layer weight norm of every feature (section 4.4's ranking), timing and provenance. Small enough for one JSON
 * file per model; the trained weights themselves are not kept.
 *
 * <p>Losses are Keras's MSE of the configuration energies in eV² per configuration, the thesis's quantity.
 *
 * @param hash            {@link ModelSpec#hash()} of {@code spec}
 * @param dataFingerprint fingerprint of the configurations trained on: a result of other data is stale
 */
public record StudyResult(String hash, ModelSpec spec, String dataFingerprint, TrainingResult.Errors train, TrainingResult.Errors validation,
                          TrainingResult.Errors test, double bestTrainLoss, double bestValidationLoss, int bestEpoch, int lastEpoch,
                          TrainingResult.StopReason stopReason, double wallSeconds, double secondsPerEpoch, double meanAtoms,
                          double[] trainLossHistory, double[] validationLossHistory, Map<String, Double> featureWeightNorms,
                          String backend, Map<String, String> versions, String finishedAt) {
    public StudyResult {
        Objects.requireNonNull(hash);
        Objects.requireNonNull(spec);
        trainLossHistory = trainLossHistory.clone();
        validationLossHistory = validationLossHistory.clone();
        featureWeightNorms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(featureWeightNorms));
        versions = Map.copyOf(versions);
    }

    static StudyResult of(ModelSpec spec, String dataFingerprint, TrainingResult r) {
        List<EpochRecord> h = r.epochs();
        double[] tl = h.stream().mapToDouble(EpochRecord::trainLoss).toArray();
        double[] vl = h.stream().mapToDouble(EpochRecord::validationLoss).toArray();
        return new StudyResult(spec.hash(), spec, dataFingerprint, r.train(), r.validation(), r.test(), r.bestTrainLoss(), r.bestValidationLoss(),
                r.bestEpoch(), r.lastEpoch(), r.stopReason(), r.wallSeconds(), r.secondsPerEpoch(), r.meanAtomsPerConfiguration(), tl, vl,
                r.potential().featureWeightNorms(), r.provenance().backend(), r.provenance().versions(), Instant.now().toString());
    }

    @Override public double[] trainLossHistory() { return trainLossHistory.clone(); }

    @Override public double[] validationLossHistory() { return validationLossHistory.clone(); }

    /** The validation losses of the last {@code n} epochs (figure 3.4's box plots). */
    public double[] lastValidationLosses(int n) {
        int from = Math.max(0, validationLossHistory.length - n);
        return java.util.Arrays.copyOfRange(validationLossHistory, from, validationLossHistory.length);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("hash", hash);
        o.add("spec", StudyJson.spec(spec));
        o.addProperty("data_fingerprint", dataFingerprint);
        o.add("train", errors(train));
        o.add("validation", errors(validation));
        o.add("test", errors(test));
        o.addProperty("best_train_loss", bestTrainLoss);
        o.addProperty("best_val_loss", bestValidationLoss);
        o.addProperty("best_epoch", bestEpoch);
        o.addProperty("last_epoch", lastEpoch);
        o.addProperty("stop_reason", stopReason.name());
        o.addProperty("wall_seconds", wallSeconds);
        o.addProperty("seconds_per_epoch", secondsPerEpoch);
        o.addProperty("mean_atoms", meanAtoms);
        o.add("train_loss_history", doubles(trainLossHistory));
        o.add("val_loss_history", doubles(validationLossHistory));
        JsonObject w = new JsonObject();
        featureWeightNorms.forEach(w::addProperty);
        o.add("feature_weight_norms", w);
        o.addProperty("backend", backend);
        JsonObject v = new JsonObject();
        new java.util.TreeMap<>(versions).forEach(v::addProperty);
        o.add("versions", v);
        o.addProperty("finished_at", finishedAt);
        o.addProperty("loss_definition", "Keras mean_squared_error of configuration energies, eV^2 per configuration");
        return o;
    }

    static StudyResult fromJson(JsonObject o) {
        Map<String, Double> w = new LinkedHashMap<>();
        o.getAsJsonObject("feature_weight_norms").entrySet().forEach(e -> w.put(e.getKey(), e.getValue().getAsDouble()));
        Map<String, String> v = new LinkedHashMap<>();
        o.getAsJsonObject("versions").entrySet().forEach(e -> v.put(e.getKey(), e.getValue().getAsString()));
        return new StudyResult(o.get("hash").getAsString(), StudyJson.spec(o.getAsJsonObject("spec")), o.get("data_fingerprint").getAsString(),
                errors(o.getAsJsonObject("train")), errors(o.getAsJsonObject("validation")), errors(o.getAsJsonObject("test")),
                o.get("best_train_loss").getAsDouble(), o.get("best_val_loss").getAsDouble(), o.get("best_epoch").getAsInt(),
                o.get("last_epoch").getAsInt(), TrainingResult.StopReason.valueOf(o.get("stop_reason").getAsString()),
                o.get("wall_seconds").getAsDouble(), o.get("seconds_per_epoch").getAsDouble(), o.get("mean_atoms").getAsDouble(),
                toDoubles(o.getAsJsonArray("train_loss_history")), toDoubles(o.getAsJsonArray("val_loss_history")), w,
                o.get("backend").getAsString(), v, o.get("finished_at").getAsString());
    }

    private static JsonObject errors(TrainingResult.Errors e) {
        JsonObject o = new JsonObject();
        o.addProperty("rmse_meV_per_atom", e.rmseMeVPerAtom());
        o.addProperty("mae_meV_per_atom", e.maeMeVPerAtom());
        o.addProperty("mse", e.mse());
        o.addProperty("mse_per_atom", e.msePerAtom());
        return o;
    }

    private static TrainingResult.Errors errors(JsonObject o) {
        return new TrainingResult.Errors(o.get("rmse_meV_per_atom").getAsDouble(), o.get("mae_meV_per_atom").getAsDouble(),
                o.get("mse").getAsDouble(), o.get("mse_per_atom").getAsDouble());
    }

    private static JsonArray doubles(double[] d) {
        JsonArray a = new JsonArray();
        for (double x : d) a.add(x);
        return a;
    }

    private static double[] toDoubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).getAsDouble();
        return d;
    }
}
