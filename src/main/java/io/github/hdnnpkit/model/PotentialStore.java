package io.github.hdnnpkit.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.io.N2p2InputNn;
import io.github.hdnnpkit.util.Staging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Saves and loads a {@link Hdnnp} as one self-describing folder:
 * <pre>
 *   potential.json   format, layout, activations, element, descriptor set, feature ids, preconditioning statistics,
 *                    target normalisation, metadata, and the description of the weights file (count, order, SHA-256)
 *   weights.f32      the flat float32 parameters, little-endian, in {@link Layout}'s order
 * </pre>
 * Doubles are written in their shortest round-trip form and the weights as raw bits, so a loaded potential predicts
 * bit-identically. The folder is written under a temporary name and moved into place; an existing potential is
 * replaced only once the new one is complete.
 */
public final class PotentialStore {
    public static final String FORMAT = "hdnnp-kit-potential";
    public static final int VERSION = 1;
    public static final String JSON = "potential.json";
    public static final String WEIGHTS = "weights.f32";
    /** The symmetry functions of the inputs, as n2p2 {@code symfunction_short} lines in input order. */
    public static final String FUNCTIONS = "symmetry-functions.nn";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    private PotentialStore() {
    }

    public static Path save(Hdnnp model, Path folder) throws IOException {
        Path target = folder.toAbsolutePath();
        Path tmp = Staging.createDirectory(target);   // a killed writer's staging folder is removed here
        try {
            byte[] weights = weightBytes(model.parameters());
            Files.write(tmp.resolve(WEIGHTS), weights);
            if (model.functions().isPresent()) N2p2InputNn.write(tmp.resolve(FUNCTIONS), model.functions().get());
            Files.writeString(tmp.resolve(JSON), GSON.toJson(describe(model, sha256(weights))), StandardCharsets.UTF_8);
            replace(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        return target;
    }

    /** Moves the complete new folder into place, keeping the old one until the move has succeeded. */
    static void replace(Path tmp, Path target) throws IOException {
        Path backup = null;
        if (Files.exists(target)) {
            backup = Staging.backupPath(target);   // put back by Staging.sweep if this process dies before the move
            Files.move(target, backup);
        }
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (IOException e) {
            if (backup != null) Files.move(backup, target);
            throw e;
        }
        if (backup != null) deleteTree(backup);
    }

    static JsonObject describe(Hdnnp m, String sha) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", VERSION);
        o.addProperty("element", m.element());
        o.addProperty("layout", m.layout().notation());
        o.addProperty("hidden_activation", m.layout().hidden().label());
        o.addProperty("output_activation", m.layout().output().label());
        o.addProperty("descriptor_set", m.descriptorSet());
        o.add("feature_ids", strings(m.featureIds()));
        if (m.functions().isPresent()) {
            o.addProperty("symmetry_functions_file", FUNCTIONS);
            o.addProperty("convention", m.convention().orElseThrow().toString());
        }
        Preconditioner p = m.preconditioner();
        JsonObject pre = new JsonObject();
        pre.addProperty("method", p.method().thesisName());
        pre.addProperty("formula", "y = smin + factor * (G - centre); constant features map to 0");
        pre.addProperty("smin", p.sMin());
        pre.addProperty("smax", p.sMax());
        int k = p.features();
        double[] min = new double[k], max = new double[k], mean = new double[k], sigma = new double[k];
        for (int j = 0; j < k; j++) { min[j] = p.min(j); max[j] = p.max(j); mean[j] = p.mean(j); sigma[j] = p.sigma(j); }
        pre.add("min", doubles(min));
        pre.add("max", doubles(max));
        pre.add("mean", doubles(mean));
        pre.add("sigma", doubles(sigma));
        pre.add("constant_features", strings(p.constantFeatures()));
        o.add("preconditioning", pre);
        JsonObject norm = new JsonObject();
        norm.addProperty("reference_energy_per_atom_eV", m.normalisation().referencePerAtom());
        norm.addProperty("scale_eV", m.normalisation().scale());
        norm.addProperty("formula", "E = scale * sum_i y_i + N * reference");
        o.add("target_normalisation", norm);
        JsonObject w = new JsonObject();
        w.addProperty("file", WEIGHTS);
        w.addProperty("dtype", "float32");
        w.addProperty("byte_order", "little-endian");
        w.addProperty("count", m.layout().parameterCount());
        w.addProperty("order", "for each layer l = 1..L: W[o][i] row by row (o: neuron of layer l, i: neuron of layer l-1), then b[o]");
        w.addProperty("sha256", sha);
        o.add("weights", w);
        JsonObject meta = new JsonObject();
        m.metadata().forEach(meta::addProperty);
        o.add("metadata", meta);
        return o;
    }

    public static Hdnnp load(Path folder) throws IOException {
        Path json = folder.resolve(JSON);
        if (!Files.isRegularFile(json)) throw new IOException(folder + " is not a saved potential: " + JSON + " is missing");
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(json + ": not valid JSON: " + e.getMessage(), e);
        }
        try {
            String format = o.get("format").getAsString();
            if (!FORMAT.equals(format)) throw new IOException(json + ": format '" + format + "', expected " + FORMAT);
            int version = o.get("version").getAsInt();
            if (version > VERSION) throw new IOException(json + ": format version " + version + " is newer than this kit reads (" + VERSION + ")");
            Layout layout = Layout.parse(o.get("layout").getAsString(), Activation.parse(o.get("hidden_activation").getAsString()));
            List<String> ids = stringList(o.getAsJsonArray("feature_ids"));
            JsonObject pre = o.getAsJsonObject("preconditioning");
            Preconditioner p = new Preconditioner(Preconditioner.Method.parse(pre.get("method").getAsString()),
                    pre.get("smin").getAsDouble(), pre.get("smax").getAsDouble(), ids,
                    doubleArray(pre, "min"), doubleArray(pre, "max"), doubleArray(pre, "mean"), doubleArray(pre, "sigma"));
            JsonObject norm = o.getAsJsonObject("target_normalisation");
            TargetNormalisation tn = new TargetNormalisation(norm.get("reference_energy_per_atom_eV").getAsDouble(), norm.get("scale_eV").getAsDouble());
            JsonObject w = o.getAsJsonObject("weights");
            Path wf = folder.resolve(w.get("file").getAsString());
            byte[] bytes = Files.readAllBytes(wf);
            int count = w.get("count").getAsInt();
            if (count != layout.parameterCount())
                throw new IOException(json + ": " + count + " weights declared, layout " + layout + " has " + layout.parameterCount());
            if (bytes.length != 4L * count) throw new IOException(wf + ": " + bytes.length + " bytes, expected " + 4L * count);
            String sha = sha256(bytes);
            if (!sha.equals(w.get("sha256").getAsString())) throw new IOException(wf + ": checksum mismatch (file corrupt or edited)");
            float[] params = new float[count];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(params);
            Map<String, String> meta = new LinkedHashMap<>();
            if (o.has("metadata")) for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("metadata").entrySet())
                meta.put(e.getKey(), e.getValue().getAsString());
            SymmetryFunctionSet functions = null;
            Convention convention = null;
            if (o.has("symmetry_functions_file")) {
                SymmetryFunctionSet read = N2p2InputNn.read(folder.resolve(o.get("symmetry_functions_file").getAsString()),
                        o.get("descriptor_set").getAsString());
                functions = SymmetryFunctionSet.withIds(read.name(), read.functions(), ids);
                convention = Convention.parse(o.get("convention").getAsString());
            }
            return new Hdnnp(layout, params, p, tn, o.get("descriptor_set").getAsString(), o.get("element").getAsString(), meta,
                    functions, convention);
        } catch (NullPointerException | IllegalStateException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new IOException(json + ": missing or invalid entry: " + e.getMessage(), e);
        }
    }

    static byte[] weightBytes(float[] p) {
        ByteBuffer b = ByteBuffer.allocate(4 * p.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(p);
        return b.array();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonArray strings(List<String> s) {
        JsonArray a = new JsonArray();
        s.forEach(a::add);
        return a;
    }

    private static JsonArray doubles(double[] d) {
        JsonArray a = new JsonArray();
        for (double x : d) a.add(x);
        return a;
    }

    private static List<String> stringList(JsonArray a) {
        List<String> s = new ArrayList<>();
        a.forEach(e -> s.add(e.getAsString()));
        return s;
    }

    private static double[] doubleArray(JsonObject o, String key) {
        JsonArray a = o.getAsJsonArray(key);
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).getAsDouble();
        return d;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
