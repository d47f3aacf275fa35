package io.github.hdnnpkit.model;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one HDNNP training produced (section 2.5, tables 3.1/4.1, figures 2.4, 2.7, 2.8): the loss history, the best
 * ("minima") and last ("max") epochs, wall time, the energy errors of the returned (best) model, predictions against
 * references, the trained potential and the provenance of the run. Immutable.
 *
 * <p>Losses are what the thesis's tables show: Keras's {@code mean_squared_error} of the configuration energies, in eV²
 * per configuration (eq. 2.6 without its ½); "per atom" divides by the mean number of atoms per configuration, as the
 * thesis's tables do (0.3788 per configuration = 0.001480 per atom for 256 atoms). RMSE and MAE are of the energy per
 * atom, in meV/atom, the field's usual figure.
 *
 * <p>Three parts are reported: train, validation (which chose the best epoch, so it is not an unbiased estimate) and
 * test (which nothing in the training saw): judge a model by {@link #test()}.
 */
public record TrainingResult(List<EpochRecord> epochs, int bestEpoch, int lastEpoch, StopReason stopReason, double wallSeconds,
                             double meanAtomsPerConfiguration, Errors train, Errors validation, Errors test,
                             Predictions trainPredictions, Predictions validationPredictions, Predictions testPredictions,
                             Hdnnp potential, Provenance provenance) {

    /** Why the training ended. */
    public enum StopReason { MAX_EPOCHS, EARLY_STOPPING, CANCELLED }

    /**
     * Energy errors of one part of the split for the returned model.
     *
     * @param rmseMeVPerAtom RMSE of the energy per atom, meV/atom
     * @param maeMeVPerAtom  MAE of the energy per atom, meV/atom
     * @param mse            Keras's MSE of the configuration energies, eV² per configuration (the thesis's "loss")
     * @param msePerAtom     {@code mse} divided by the mean atom count (the thesis's "per atom" column)
     */
    public record Errors(double rmseMeVPerAtom, double maeMeVPerAtom, double mse, double msePerAtom) {
    }

    /** Per-configuration reference and predicted energies (eV) and atom counts, for test–predict plots. */
    public record Predictions(int[] configurations, int[] atoms, double[] reference, double[] predicted) {
        public Predictions {
            configurations = configurations.clone();
            atoms = atoms.clone();
            reference = reference.clone();
            predicted = predicted.clone();
        }

        @Override public int[] configurations() { return configurations.clone(); }

        @Override public int[] atoms() { return atoms.clone(); }

        @Override public double[] reference() { return reference.clone(); }

        @Override public double[] predicted() { return predicted.clone(); }

        /** Errors of these predictions. */
        public Errors errors() {
            double se = 0, ae = 0, sq = 0, atomSum = 0;
            for (int i = 0; i < reference.length; i++) {
                double d = predicted[i] - reference[i];
                sq += d * d;
                atomSum += atoms[i];
                double pa = d / atoms[i];
                se += pa * pa;
                ae += Math.abs(pa);
            }
            int n = reference.length;
            return new Errors(1000 * Math.sqrt(se / n), 1000 * ae / n, sq / n, sq / n / (atomSum / n));
        }
    }

    /**
     * Where a result came from.
     *
     * @param dataId          id of the data set (file name and checksum, or generator settings)
     * @param descriptorSet   name of the descriptor set
     * @param features        ids of the features used, in input order
     * @param layout          thesis notation
     * @param hyperParameters {@link TrainingConfig#asMap()}
     * @param seed            the training seed
     * @param splitSeed       the seed of the train/validation/test split
     * @param backend         the back-end that trained
     * @param versions        kit, Java and library versions
     * @param constantFeatures features constant on the training split (mapped to 0 by the preconditioner)
     */
    public record Provenance(String dataId, String descriptorSet, List<String> features, String layout,
                             Map<String, Object> hyperParameters, long seed, long splitSeed, String backend,
                             Map<String, String> versions, List<String> constantFeatures) {
        public Provenance {
            features = List.copyOf(features);
            hyperParameters = Map.copyOf(hyperParameters);
            versions = Map.copyOf(versions);
            constantFeatures = List.copyOf(constantFeatures);
        }
    }

    public TrainingResult {
        epochs = List.copyOf(epochs);
        Objects.requireNonNull(stopReason);
        Objects.requireNonNull(potential);
        Objects.requireNonNull(provenance);
    }

    /** The epoch record of the best (returned) epoch. */
    public EpochRecord best() {
        return epochs.stream().filter(e -> e.epoch() == bestEpoch).findFirst().orElseThrow();
    }

    /** Best train loss per configuration (the thesis's "For whole configuration train_loss"). */
    public double bestTrainLoss() { return best().trainLoss(); }

    public double bestValidationLoss() { return best().validationLoss(); }

    public double bestTrainLossPerAtom() { return best().trainLoss() / meanAtomsPerConfiguration; }

    public double bestValidationLossPerAtom() { return best().validationLoss() / meanAtomsPerConfiguration; }

    /** Mean wall time of an epoch, seconds. */
    public double secondsPerEpoch() {
        return epochs.stream().mapToDouble(EpochRecord::seconds).average().orElse(0);
    }

    /** The run as JSON: summary, errors, provenance, loss history, predictions. */
    public JsonObject toJsonObject() {
        JsonObject o = new JsonObject();
        o.addProperty("layout", provenance.layout());
        o.addProperty("descriptor_set", provenance.descriptorSet());
        o.addProperty("features", provenance.features().size());
        o.addProperty("best_epoch", bestEpoch);
        o.addProperty("last_epoch", lastEpoch);
        o.addProperty("stop_reason", stopReason.name().toLowerCase());
        o.addProperty("wall_seconds", wallSeconds);
        o.addProperty("seconds_per_epoch", secondsPerEpoch());
        o.addProperty("loss_definition", "Keras mean_squared_error of configuration energies, eV^2 per configuration; _per_atom = / mean atoms");
        o.addProperty("train_loss", bestTrainLoss());
        o.addProperty("val_loss", bestValidationLoss());
        o.addProperty("train_loss_per_atom", bestTrainLossPerAtom());
        o.addProperty("val_loss_per_atom", bestValidationLossPerAtom());
        o.addProperty("train_rmse_meV_per_atom", train.rmseMeVPerAtom());
        o.addProperty("train_mae_meV_per_atom", train.maeMeVPerAtom());
        o.addProperty("val_rmse_meV_per_atom", validation.rmseMeVPerAtom());
        o.addProperty("val_mae_meV_per_atom", validation.maeMeVPerAtom());
        o.addProperty("test_loss", test.mse());
        o.addProperty("test_loss_per_atom", test.msePerAtom());
        o.addProperty("test_rmse_meV_per_atom", test.rmseMeVPerAtom());
        o.addProperty("test_mae_meV_per_atom", test.maeMeVPerAtom());
        o.addProperty("test_configurations", testPredictions.configurations.length);
        o.addProperty("mean_atoms_per_configuration", meanAtomsPerConfiguration);
        JsonObject p = new JsonObject();
        p.addProperty("data_id", provenance.dataId());
        p.addProperty("descriptor_set", provenance.descriptorSet());
        JsonArray f = new JsonArray();
        provenance.features().forEach(f::add);
        p.add("feature_ids", f);
        JsonArray cf = new JsonArray();
        provenance.constantFeatures().forEach(cf::add);
        p.add("constant_features", cf);
        p.addProperty("layout", provenance.layout());
        JsonObject hp = new JsonObject();
        new java.util.TreeMap<>(provenance.hyperParameters()).forEach((k, v) -> {
            if (v instanceof Number n) hp.addProperty(k, n);
            else if (v instanceof Boolean b) hp.addProperty(k, b);
            else hp.addProperty(k, String.valueOf(v));
        });
        p.add("hyper_parameters", hp);
        p.addProperty("seed", provenance.seed());
        p.addProperty("split_seed", provenance.splitSeed());
        p.addProperty("backend", provenance.backend());
        JsonObject v = new JsonObject();
        provenance.versions().forEach(v::addProperty);
        p.add("versions", v);
        o.add("provenance", p);
        JsonArray h = new JsonArray();
        for (EpochRecord e : epochs) {
            JsonObject r = new JsonObject();
            r.addProperty("epoch", e.epoch());
            r.addProperty("loss", e.trainLoss());
            r.addProperty("val_loss", e.validationLoss());
            r.addProperty("learning_rate", e.learningRate());
            r.addProperty("seconds", e.seconds());
            h.add(r);
        }
        o.add("history", h);
        o.add("train_predictions", predictionsJson(trainPredictions));
        o.add("validation_predictions", predictionsJson(validationPredictions));
        o.add("test_predictions", predictionsJson(testPredictions));
        return o;
    }

    /** The short summary (no history, no predictions), as printed by {@code hdnnp train}. */
    public JsonObject summaryJson() {
        JsonObject o = toJsonObject();
        o.remove("history");
        o.remove("train_predictions");
        o.remove("validation_predictions");
        o.remove("test_predictions");
        return o;
    }

    public String toJson() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJsonObject());
    }

    /** Writes {@link #toJson()} to a file (temp file, then move). */
    public Path writeJson(Path file) throws IOException {
        String json = toJson();
        return io.github.hdnnpkit.util.Staging.write(file, tmp -> Files.writeString(tmp, json, StandardCharsets.UTF_8));
    }

    private static JsonObject predictionsJson(Predictions p) {
        JsonObject o = new JsonObject();
        JsonArray c = new JsonArray(), n = new JsonArray(), r = new JsonArray(), q = new JsonArray();
        for (int i = 0; i < p.configurations.length; i++) {
            c.add(p.configurations[i]);
            n.add(p.atoms[i]);
            r.add(p.reference[i]);
            q.add(p.predicted[i]);
        }
        o.add("configuration", c);
        o.add("atoms", n);
        o.add("reference_eV", r);
        o.add("predicted_eV", q);
        return o;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "TrainingResult[%s, best epoch %d of %d (%s), val loss %.5g eV² (%.3g per atom), val RMSE %.3f, test RMSE %.3f meV/atom, %.1f s]",
                provenance.layout(), bestEpoch, lastEpoch, stopReason.name().toLowerCase(), bestValidationLoss(), bestValidationLossPerAtom(),
                validation.rmseMeVPerAtom(), test.rmseMeVPerAtom(), wallSeconds);
    }
}
