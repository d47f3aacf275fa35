package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TrainingConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model of a study: which data, which features (stable ids of the data's descriptor set, in input order), the
 * hidden layers, the training hyper-parameters (with the seed) and the split. It is the unit of work of a study: a
 * plain value, serialisable ({@link StudyJson}), free of shared state, so a local runner or a cluster job trains it
 * the same way. Its {@link #hash()} covers everything that changes the trained model and nothing else (not the
 * name, the label or the tags), so a result found under it is reused by any study that asks for the same model.
 *
 * @param name     a readable name, unique within a study (e.g. {@code evenly-57 seed 3})
 * @param data     the data and descriptor set
 * @param subset   a label of the feature subset, for tables and grouping (e.g. {@code thesis-57A}, {@code -G2_041})
 * @param features feature ids of {@code data.descriptorSet()}, in input order, without repeats
 * @param hidden   neurons per hidden layer (the thesis's 10, 10)
 * @param activation hidden activation (the thesis's tanh)
 * @param training hyper-parameters, seed included ({@code threads} is ignored: a study trains each model on one core)
 * @param split    how train, validation and test are drawn
 * @param tags     further fields to group results by (e.g. {@code k=57}, {@code group=G5}, {@code dropped=G2_041})
 */
public record ModelSpec(String name, DataSpec data, String subset, List<String> features, List<Integer> hidden, Activation activation,
                        TrainingConfig training, SplitSpec split, Map<String, String> tags) {
    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(subset, "subset");
        features = List.copyOf(features);
        if (features.isEmpty()) throw new IllegalArgumentException("model " + name + " has no features");
        if (new LinkedHashSet<>(features).size() != features.size())
            throw new IllegalArgumentException("model " + name + " lists a feature twice: " + features);
        hidden = List.copyOf(hidden);
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("model " + name + ": hidden layer sizes must be ≥ 1, got " + hidden);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(split, "split");
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The network: inputs = number of features, then the hidden layers, one linear output. */
    public Layout layout() {
        int[] h = hidden.stream().mapToInt(Integer::intValue).toArray();
        return Layout.of(features.size(), h).withHidden(activation);
    }

    public long seed() { return training.seed(); }

    /** SHA-256 (hex) of the canonical JSON of what determines the trained model. */
    public String hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(StudyJson.canonical(this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same model with another seed (initial weights and batch order); the name gets {@code " seed N"}. */
    public ModelSpec withSeed(long seed) {
        String base = name.replaceAll(" seed -?\\d+$", "");
        Map<String, String> t = new LinkedHashMap<>(tags);
        return new ModelSpec(base + " seed " + seed, data, subset, features, hidden, activation, training.withSeed(seed), split, t);
    }

    public ModelSpec withTraining(TrainingConfig t) { return new ModelSpec(name, data, subset, features, hidden, activation, t, split, tags); }

    public ModelSpec withSplit(SplitSpec s) { return new ModelSpec(name, data, subset, features, hidden, activation, training, s, tags); }

    public ModelSpec withName(String n) { return new ModelSpec(n, data, subset, features, hidden, activation, training, split, tags); }

    public ModelSpec withTag(String key, String value) {
        Map<String, String> t = new LinkedHashMap<>(tags);
        t.put(key, value);
        return new ModelSpec(name, data, subset, features, hidden, activation, training, split, t);
    }

    /** Everything but the features: the settings a study's models share. */
    public record Template(DataSpec data, List<Integer> hidden, Activation activation, TrainingConfig training, SplitSpec split) {
        public Template {
            Objects.requireNonNull(data);
            hidden = List.copyOf(hidden);
            Objects.requireNonNull(activation);
            Objects.requireNonNull(training);
            Objects.requireNonNull(split);
        }

        /** The thesis's model around any feature subset: two hidden layers of 10, tanh, the default split. */
        public static Template thesis(DataSpec data, TrainingConfig training) {
            return new Template(data, List.of(10, 10), Activation.TANH, training, SplitSpec.thesis());
        }

        public Template withHidden(Integer... h) { return new Template(data, List.of(h), activation, training, split); }

        public Template withTraining(TrainingConfig t) { return new Template(data, hidden, activation, t, split); }

        public Template withSplit(SplitSpec s) { return new Template(data, hidden, activation, training, s); }

        /** A model of this template with the given features; the name defaults to the subset label. */
        public ModelSpec model(String subset, List<String> features, Map<String, String> tags) {
            return new ModelSpec(subset, data, subset, features, hidden, activation, training, split, tags);
        }

        public ModelSpec model(String subset, List<String> features) {
            return model(subset, features, Map.of());
        }
    }
}
