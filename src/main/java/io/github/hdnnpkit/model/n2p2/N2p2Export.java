package io.github.hdnnpkit.model.n2p2;

import io.github.hdnnpkit.descriptors.AngularSymmetryFunction;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.CutoffFunction;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.io.N2p2InputNn;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.util.StagedOutputs;
import io.github.hdnnpkit.util.Versions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a trained {@link Hdnnp} as an n2p2 potential ({@code input.nn}, {@code scaling.data},
 * {@code weights.NNN.data}), so it runs in n2p2's tools and in LAMMPS through {@code pair_style hdnnp}.
 *
 * <p>Conventions followed (n2p2 v2.x sources, {@code Mode::setupSymmetryFunctionScaling}, {@code SymFnc::scale},
 * {@code NeuralNetwork::setConnections}, {@code Structure} normalisation):
 * <ul>
 *   <li>n2p2 sorts the symmetry functions ({@link N2p2SymmetryFunction#N2P2_ORDER}); the rows of {@code scaling.data}
 *       and the input columns of the first weight layer are written in that sorted order;</li>
 *   <li>{@code scaling.data}: one line per function, {@code element-index function-index Gmin Gmax Gmean Gsigma};</li>
 *   <li>weights file: one value per line, layer by layer, for each neuron j of the previous layer the weights to
 *       every neuron k of the layer ({@code a}-lines), then the layer's biases ({@code b}-lines);</li>
 *   <li>the kit's preconditioning maps onto n2p2's scaling keywords: scale → {@code scale_symmetry_functions},
 *       shift → {@code center_symmetry_functions}, scale and shift → both, stand → {@code scale_symmetry_functions_sigma};
 *       {@code scale_min_short}/{@code scale_max_short} carry the target interval;</li>
 *   <li>the target normalisation becomes {@code mean_energy} (eV/atom), {@code conv_energy} (1/scale) and
 *       {@code conv_length 1.0}: n2p2's physical energy is {@code E_internal / conv_energy + N · mean_energy};</li>
 *   <li>a feature that was constant on the training split (the kit maps it to 0) is written with a unit range and
 *       zero first-layer weights, which reproduces the kit's output and keeps n2p2 from dividing by zero.</li>
 * </ul>
 */
public final class N2p2Export {
    private N2p2Export() {
    }

    /**
     * Writes the three files into {@code dir}, in the convention the model was trained in ({@link Hdnnp#convention()}):
     * a thesis-convention model's angular inputs are twice n2p2's, so its factor 2 is folded into the export.
     *
     * @param functions the n2p2 description of each model input, in the model's input order
     * @return the weights file
     * @throws IllegalArgumentException when the model does not know its convention (use
     *                                  {@link #write(Hdnnp, List, Convention, Path)}) or the functions are not its own
     */
    public static Path write(Hdnnp model, List<N2p2SymmetryFunction> functions, Path dir) throws IOException {
        Convention convention = model.convention().orElseThrow(() -> new IllegalArgumentException(
                "the model does not know the convention its descriptors were computed in (n2p2: angular sums over j < k, "
                        + "thesis: over all j ≠ k, twice as large); pass it: N2p2Export.write(model, functions, Convention.N2P2, dir)"));
        return write(model, functions, convention, dir);
    }

    /**
     * Writes the three files into {@code dir} for a model whose inputs were computed in {@code convention}; angular
     * functions (types 3 and 9) of a thesis-convention model are converted as in {@link #write(Hdnnp, Path)}.
     */
    public static Path write(Hdnnp model, List<N2p2SymmetryFunction> functions, Convention convention, Path dir) throws IOException {
        if (model.convention().isPresent() && model.convention().get() != convention)
            throw new IllegalArgumentException("the model was trained in the " + model.convention().get() + " convention, not " + convention);
        if (model.functions().isPresent()) {
            SymmetryFunctionSet own = model.functions().get();
            for (int j = 0; j < Math.min(own.size(), functions.size()); j++) {
                N2p2SymmetryFunction mine = N2p2SymmetryFunction.parse(N2p2InputNn.line(own.function(j)));
                if (!mine.equals(functions.get(j)))
                    throw new IllegalArgumentException("input " + (j + 1) + " of the model is " + mine.line() + ", not " + functions.get(j).line());
            }
            if (own.size() == functions.size()) return write(model, dir);   // its own functions: also their cutoff type
        }
        double[] factor = new double[functions.size()];
        for (int j = 0; j < factor.length; j++) factor[j] = functions.get(j).type() == 2 ? 1.0 : convention.angularFactor();
        return write(model, functions, factor, "cutoff_type 1 0.0", dir);
    }

    /**
     * Writes the potential of a model that knows its symmetry functions ({@link Hdnnp#withDescriptors}). Descriptors
     * computed in the thesis convention (angular sums over all j ≠ k, twice n2p2's) are converted: the angular
     * scaling statistics are halved, and where the preconditioning is not scale-free the first-layer weights doubled,
     * so n2p2 computing its own j &lt; k values reproduces the kit's energies.
     */
    public static Path write(Hdnnp model, Path dir) throws IOException {
        SymmetryFunctionSet set = model.functions().orElseThrow(() -> new IllegalArgumentException(
                "the model does not know its symmetry functions; pass them explicitly"));
        Convention convention = model.convention().orElseThrow();
        List<N2p2SymmetryFunction> f = new ArrayList<>();
        double[] factor = new double[set.size()];
        for (int j = 0; j < set.size(); j++) {
            f.add(N2p2SymmetryFunction.parse(N2p2InputNn.line(set.function(j))));
            factor[j] = set.function(j) instanceof AngularSymmetryFunction ? convention.angularFactor() : 1.0;
        }
        CutoffFunction kind = set.function(0).cutoff();
        for (int j = 1; j < set.size(); j++)
            if (!set.function(j).cutoff().withRc(1.0).equals(kind.withRc(1.0)))
                throw new IllegalArgumentException("n2p2 has one cutoff type per potential; the model's functions mix several");
        String cutoff = "cutoff_type " + kind.n2p2Type() + " " + kind.n2p2Alpha();
        return write(model, f, factor, cutoff, dir);
    }

    /** All three texts are made first and then written as a set ({@link StagedOutputs#replaceFiles}). */
    private static Path write(Hdnnp model, List<N2p2SymmetryFunction> functions, double[] kitPerN2p2, String cutoffLine, Path dir) throws IOException {
        Layout layout = model.layout();
        if (functions.size() != layout.inputs())
            throw new IllegalArgumentException(functions.size() + " symmetry functions for a network with " + layout.inputs() + " inputs");
        if (layout.layers() < 2) throw new IllegalArgumentException("n2p2 needs at least one hidden layer; layout " + layout + " has none");
        if (layout.hidden().n2p2Code() == null)
            throw new IllegalArgumentException("n2p2 has no " + layout.hidden() + " activation; export needs tanh, sigmoid, relu or softplus");
        for (N2p2SymmetryFunction f : functions)
            if (!f.centralElement().equals(model.element()) || !f.e1().equals(model.element()) || (f.e2() != null && !f.e2().equals(model.element())))
                throw new IllegalArgumentException("function " + f.line() + " does not belong to a single-element " + model.element() + " potential");
        int z = atomicNumber(model.element());
        int[] order = N2p2SymmetryFunction.n2p2Order(functions);
        Preconditioner pre = model.preconditioner();
        String weights = String.format(Locale.ROOT, "weights.%03d.data", z);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("input.nn", inputNn(model, functions, cutoffLine));
        files.put("scaling.data", scalingData(pre, order, kitPerN2p2));
        files.put(weights, weightsData(model, order, kitPerN2p2));
        StagedOutputs.replaceFiles(dir, files);
        return dir.resolve(weights);
    }

    static String inputNn(Hdnnp model, List<N2p2SymmetryFunction> functions, String cutoffLine) {
        Layout layout = model.layout();
        StringBuilder b = new StringBuilder();
        b.append("# n2p2 settings written by hdnnp-kit ").append(Versions.kit()).append('\n');
        b.append("# layout ").append(layout.notation()).append(", descriptor set ").append(model.descriptorSet()).append('\n');
        b.append("number_of_elements 1\n");
        b.append("elements ").append(model.element()).append('\n');
        b.append(cutoffLine).append('\n');       // 1 0.0: the cosine cutoff of eq. 2.1, no inner cutoff
        Preconditioner pre = model.preconditioner();
        switch (pre.method()) {
            case SCALE -> b.append("scale_symmetry_functions\n");
            case SHIFT -> b.append("center_symmetry_functions\n");
            case SCALE_AND_SHIFT -> b.append("scale_symmetry_functions\ncenter_symmetry_functions\n");
            case STANDARDISE -> b.append("scale_symmetry_functions_sigma\n");
            case NONE -> { }
        }
        if (pre.method() != Preconditioner.Method.NONE && pre.method() != Preconditioner.Method.SHIFT)
            b.append("scale_min_short ").append(pre.sMin()).append('\n').append("scale_max_short ").append(pre.sMax()).append('\n');
        b.append("global_hidden_layers_short ").append(layout.layers() - 1).append('\n');
        b.append("global_nodes_short");
        for (int l = 1; l < layout.layers(); l++) b.append(' ').append(layout.size(l));
        b.append('\n');
        b.append("global_activation_short");
        for (int l = 1; l <= layout.layers(); l++) b.append(' ').append(layout.activation(l).n2p2Code());
        b.append('\n');
        if (!model.normalisation().isIdentity()) {
            b.append("mean_energy ").append(model.normalisation().referencePerAtom()).append('\n');
            b.append("conv_energy ").append(1.0 / model.normalisation().scale()).append('\n');
            b.append("conv_length 1.0\n");
        }
        b.append("# symmetry functions in the kit's input order (n2p2 sorts them; scaling.data and the weights follow n2p2's order)\n");
        b.append("# kit feature ids, in the order of the lines below:");
        for (int j = 0; j < functions.size(); j++) b.append(j % 12 == 0 ? "\n#  " : " ").append(model.featureIds().get(j));
        b.append('\n');
        for (N2p2SymmetryFunction f : functions) b.append(f.line()).append('\n');   // no inline comments: plain n2p2 lines
        return b.toString();
    }

    static String scalingData(Preconditioner pre, int[] order, double[] kitPerN2p2) {
        StringBuilder b = new StringBuilder();
        b.append("# symmetry function scaling statistics written by hdnnp-kit (training split only)\n");
        b.append("# element  index  Gmin  Gmax  Gmean  Gsigma   (index in n2p2's sorted order)\n");
        for (int i = 0; i < order.length; i++) {
            int j = order[i];
            double c = kitPerN2p2[j];     // statistics in n2p2's units of this function
            double min = pre.min(j) / c, max = pre.max(j) / c, mean = pre.mean(j) / c, sigma = pre.sigma(j) / c;
            if (pre.isConstant(j)) {      // weights are zeroed: any finite scaling gives the kit's zero contribution
                max = min + 1.0;
                sigma = 1.0;
                mean = min;
            }
            b.append(String.format(Locale.ROOT, "%4d %5d %s %s %s %s%n", 1, i + 1, e(min), e(max), e(mean), e(sigma)));
        }
        return b.toString();
    }

    static String weightsData(Hdnnp model, int[] order, double[] kitPerN2p2) {
        Layout layout = model.layout();
        float[] p = model.parameters();
        Preconditioner pre = model.preconditioner();
        // centring and no scaling are not scale-free: n2p2's input is then kit's input / c, so the weight takes c
        boolean scaleFree = pre.method() != Preconditioner.Method.SHIFT && pre.method() != Preconditioner.Method.NONE;
        StringBuilder b = new StringBuilder();
        b.append("# n2p2 neural network connections (weights and biases) written by hdnnp-kit\n");
        b.append("# connection t index l_s n_s l_e n_e\n");
        int count = 0;
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l), wo = layout.weightOffset(l), bo = layout.biasOffset(l);
            for (int j = 0; j < nin; j++) {
                int src = l == 1 ? order[j] : j;
                for (int k = 0; k < nout; k++) {
                    double w = l == 1 && pre.isConstant(src) ? 0.0 : p[wo + k * nin + src];
                    if (l == 1 && !scaleFree) w *= kitPerN2p2[src];
                    b.append(String.format(Locale.ROOT, "%s a %9d %5d %5d %5d %5d%n", e(w), ++count, l - 1, j + 1, l, k + 1));
                }
            }
            for (int k = 0; k < nout; k++)
                b.append(String.format(Locale.ROOT, "%s b %9d %5d %5d%n", e(p[bo + k]), ++count, l, k + 1));
        }
        return b.toString();
    }

    /** %24.16E: 17 significant digits, enough for doubles to round-trip through atof. */
    static String e(double v) {
        return String.format(Locale.ROOT, "%24.16E", v);
    }

    private static final Map<String, Integer> Z = Map.ofEntries(Map.entry("H", 1), Map.entry("He", 2), Map.entry("Li", 3), Map.entry("C", 6),
            Map.entry("N", 7), Map.entry("O", 8), Map.entry("Na", 11), Map.entry("Mg", 12), Map.entry("Al", 13), Map.entry("Si", 14),
            Map.entry("Ti", 22), Map.entry("Fe", 26), Map.entry("Ni", 28), Map.entry("Cu", 29), Map.entry("Zn", 30), Map.entry("Ag", 47),
            Map.entry("Au", 79));

    public static int atomicNumber(String element) {
        Integer z = Z.get(element);
        if (z == null) throw new IllegalArgumentException("atomic number of '" + element + "' unknown to the n2p2 export");
        return z;
    }
}
