package io.github.hdnnpkit.model.n2p2;

import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TargetNormalisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a single-element n2p2 potential ({@code input.nn}, {@code scaling.data}, {@code weights.NNN.data}) back into
 * an {@link Hdnnp}. The model's inputs are n2p2's sorted symmetry functions; {@link #functions()} says which
 * function each input is, and the feature ids are {@code n2p2_001...} in that order unless a caller renames them.
 * Energies are n2p2's physical ones: the normalisation ({@code mean_energy}, {@code conv_energy}) is undone and the
 * {@code atom_energy} offset added per atom, as n2p2's {@code Prediction::predict} does.
 */
public record N2p2Potential(Hdnnp model, List<N2p2SymmetryFunction> functions) {

    public static N2p2Potential read(Path dir) throws IOException {
        Path inputNn = dir.resolve("input.nn");
        List<String> lines = Files.readAllLines(inputNn, StandardCharsets.UTF_8);
        Map<String, String> kw = new LinkedHashMap<>();
        List<N2p2SymmetryFunction> sf = new ArrayList<>();
        List<Integer> atomEnergyLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int hash = l.indexOf('#');
            if (hash >= 0) l = l.substring(0, hash);
            l = l.trim();
            if (l.isEmpty()) continue;
            String[] t = l.split("\\s+", 2);
            if (t[0].equals("symfunction_short")) {
                try {
                    sf.add(N2p2SymmetryFunction.parse(l));
                } catch (IllegalArgumentException e) {
                    throw new IOException(inputNn + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            } else if (t[0].equals("atom_energy")) {
                atomEnergyLines.add(i);
            } else {
                kw.put(t[0], t.length > 1 ? t[1].trim() : "");
            }
        }
        String elements = require(kw, "elements", inputNn);
        if (!"1".equals(kw.getOrDefault("number_of_elements", "1")) || elements.split("\\s+").length != 1)
            throw new IOException(inputNn + ": only single-element potentials are supported, found elements " + elements);
        String element = elements.trim();
        if (sf.isEmpty()) throw new IOException(inputNn + ": no symfunction_short lines");
        int hiddenLayers = Integer.parseInt(require(kw, "global_hidden_layers_short", inputNn));
        String[] nodes = require(kw, "global_nodes_short", inputNn).split("\\s+");
        String[] act = require(kw, "global_activation_short", inputNn).split("\\s+");
        if (nodes.length != hiddenLayers || act.length != hiddenLayers + 1)
            throw new IOException(inputNn + ": global_nodes_short / global_activation_short do not match global_hidden_layers_short " + hiddenLayers);
        Activation hidden = Activation.parse(act[0]);
        for (int l = 1; l < hiddenLayers; l++)
            if (Activation.parse(act[l]) != hidden) throw new IOException(inputNn + ": the kit needs one activation for all hidden layers");
        if (Activation.parse(act[hiddenLayers]) != Activation.LINEAR) throw new IOException(inputNn + ": the output activation must be linear (l)");
        int[] sizes = new int[hiddenLayers + 2];
        sizes[0] = sf.size();
        for (int l = 0; l < hiddenLayers; l++) sizes[l + 1] = Integer.parseInt(nodes[l]);
        sizes[sizes.length - 1] = 1;
        Layout layout = new Layout(sizes, hidden, Activation.LINEAR);

        // n2p2 numbers inputs in its sorted order
        int[] order = N2p2SymmetryFunction.n2p2Order(sf);
        List<N2p2SymmetryFunction> sorted = new ArrayList<>();
        for (int i : order) sorted.add(sf.get(i));

        Preconditioner.Method method;
        boolean scale = kw.containsKey("scale_symmetry_functions"), center = kw.containsKey("center_symmetry_functions");
        if (scale && !center) method = Preconditioner.Method.SCALE;
        else if (!scale && center) method = Preconditioner.Method.SHIFT;
        else if (scale) method = Preconditioner.Method.SCALE_AND_SHIFT;
        else if (kw.containsKey("scale_symmetry_functions_sigma")) method = Preconditioner.Method.STANDARDISE;
        else method = Preconditioner.Method.NONE;
        double sMin = Double.parseDouble(kw.getOrDefault("scale_min_short", "0.0"));
        double sMax = Double.parseDouble(kw.getOrDefault("scale_max_short", "1.0"));

        Path scaling = dir.resolve("scaling.data");
        int k = sf.size();
        double[] min = new double[k], max = new double[k], mean = new double[k], sigma = new double[k];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < k; i++) ids.add(String.format(Locale.ROOT, "n2p2_%03d", i + 1));
        if (Files.exists(scaling)) {
            List<String> sl = Files.readAllLines(scaling, StandardCharsets.UTF_8);
            int row = 0;
            for (int i = 0; i < sl.size() && row < k; i++) {
                String l = sl.get(i).trim();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String[] t = l.split("\\s+");
                if (t.length < 5) throw new IOException(scaling + " line " + (i + 1) + ": expected element index Gmin Gmax Gmean [Gsigma]");
                if (Integer.parseInt(t[1]) != row + 1) throw new IOException(scaling + " line " + (i + 1) + ": function index " + t[1] + ", expected " + (row + 1));
                min[row] = num(t[2]);
                max[row] = num(t[3]);
                mean[row] = num(t[4]);
                sigma[row] = t.length > 5 ? num(t[5]) : 0.0;
                row++;
            }
            if (row != k) throw new IOException(scaling + ": " + row + " scaling lines for " + k + " symmetry functions");
        } else if (method != Preconditioner.Method.NONE) {
            throw new IOException(scaling + " is missing but input.nn asks for symmetry function scaling");
        }
        Preconditioner pre = new Preconditioner(method, sMin, sMax, ids, min, max, mean, sigma);

        int z = N2p2Export.atomicNumber(element);
        Path wf = dir.resolve(String.format(Locale.ROOT, "weights.%03d.data", z));
        List<Double> values = new ArrayList<>();
        List<String> wl = Files.readAllLines(wf, StandardCharsets.UTF_8);
        for (int i = 0; i < wl.size(); i++) {
            String l = wl.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            try {
                values.add(num(l.split("\\s+")[0]));
            } catch (NumberFormatException e) {
                throw new IOException(wf + " line " + (i + 1) + ": not a number: " + l);
            }
        }
        if (values.size() != layout.parameterCount())
            throw new IOException(wf + ": " + values.size() + " connections, layout " + layout + " needs " + layout.parameterCount());
        float[] p = new float[layout.parameterCount()];
        int c = 0;
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l), wo = layout.weightOffset(l), bo = layout.biasOffset(l);
            for (int j = 0; j < nin; j++)
                for (int o = 0; o < nout; o++) p[wo + o * nin + j] = (float) (double) values.get(c++);
            for (int o = 0; o < nout; o++) p[bo + o] = (float) (double) values.get(c++);
        }
        TargetNormalisation norm = TargetNormalisation.IDENTITY;
        if (kw.containsKey("mean_energy") && kw.containsKey("conv_energy")) {
            if (kw.containsKey("conv_length") && num(kw.get("conv_length")) != 1.0)
                throw new IOException(inputNn + ": conv_length " + kw.get("conv_length") + " ≠ 1 is not supported");
            norm = new TargetNormalisation(num(kw.get("mean_energy")), 1.0 / num(kw.get("conv_energy")));
        }
        // n2p2 (Mode::addEnergyOffset) adds N_e · atom_energy_e to the physical energy, after undoing the normalisation
        double offset = atomEnergy(lines, atomEnergyLines, element, inputNn);
        if (offset != 0) norm = new TargetNormalisation(norm.referencePerAtom() + offset, norm.scale());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", "n2p2 potential " + dir.toAbsolutePath());
        Hdnnp model = new Hdnnp(layout, p, pre, norm, "n2p2:" + dir.getFileName(), element, meta);
        return new N2p2Potential(model, List.copyOf(sorted));
    }

    /** The {@code atom_energy <element> <eV>} offset of the potential's element (0 without one). */
    private static double atomEnergy(List<String> lines, List<Integer> at, String element, Path file) throws IOException {
        Double offset = null;
        for (int i : at) {
            String l = lines.get(i);
            if (l.indexOf('#') >= 0) l = l.substring(0, l.indexOf('#'));
            String[] t = l.trim().split("\\s+");
            if (t.length != 3) throw new IOException(file + " line " + (i + 1) + ": expected 'atom_energy <element> <energy in eV>', got '" + l.trim() + "'");
            if (!t[1].equals(element))
                throw new IOException(file + " line " + (i + 1) + ": atom_energy for " + t[1] + " in a potential of " + element);
            if (offset != null) throw new IOException(file + " line " + (i + 1) + ": a second atom_energy for " + element);
            try {
                offset = num(t[2]);
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (i + 1) + ": atom_energy '" + t[2] + "' is not a number");
            }
            if (!Double.isFinite(offset)) throw new IOException(file + " line " + (i + 1) + ": atom_energy " + t[2] + " is not finite");
        }
        return offset == null ? 0.0 : offset;
    }

    private static double num(String s) {
        return Double.parseDouble(s.replace('d', 'e').replace('D', 'E'));
    }

    private static String require(Map<String, String> kw, String key, Path file) throws IOException {
        String v = kw.get(key);
        if (v == null) throw new IOException(file + ": keyword " + key + " is missing");
        return v;
    }
}
