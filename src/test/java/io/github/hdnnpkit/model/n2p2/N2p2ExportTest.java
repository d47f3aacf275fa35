package io.github.hdnnpkit.model.n2p2;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Synthetic;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The exported files, evaluated by an independent reader written here from n2p2's documented format (and not from
 * the exporter), reproduce the kit's energies.
 */
class N2p2ExportTest {

    /** Functions in a deliberately unsorted order: angular before radial, eta descending. */
    static List<N2p2SymmetryFunction> functions() {
        return List.of(
                N2p2SymmetryFunction.angular(9, "Al", 0.4, -1, 4, 4.4, 0),
                N2p2SymmetryFunction.radial("Al", 1.85, 2.05, 6.8),
                N2p2SymmetryFunction.radial("Al", 0.5, 0, 6.8),
                N2p2SymmetryFunction.angular(9, "Al", 0.0013, 1, 1, 4.4, 0),
                N2p2SymmetryFunction.radial("Al", 1.85, 0.05, 6.8),
                N2p2SymmetryFunction.angular(9, "Al", 0.4, 1, 4, 4.4, 0),
                N2p2SymmetryFunction.radial("Al", 0.0013, 0, 6.8));
    }

    static TrainingData data(boolean withConstantFeature) {
        int[] atoms = Synthetic.atoms(40, 5, 30, 3);
        DescriptorMatrix d = Synthetic.random(atoms, 7, 4, 0.0, 5.0);
        if (withConstantFeature) {
            float[] v = d.rawValues().clone();
            for (int r = 0; r < d.rows(); r++) v[r * 7 + 3] = 2.5f;
            d = new DescriptorMatrix(v, d.atomOffsets(), d.featureIds());
        }
        return new TrainingData(d, Synthetic.energies(d), Split.byConfiguration(40, 0.8, 101), "synthetic", "test-7");
    }

    // ---- the independent reader/evaluator -------------------------------------------------------------------

    private record Sf(String line, int type, double eta, double rs, double rc, double lambda, double zeta, int fileIndex) {
    }

    /** Energies of every configuration from the three files, following n2p2's documentation. */
    static double[] evaluate(Path dir, DescriptorMatrix raw) throws IOException {
        List<Sf> sfs = new ArrayList<>();
        String scaling = null, acts = null;
        double smin = 0, smax = 1, meanEnergy = 0, convEnergy = 1, atomEnergy = 0;
        boolean center = false, scale = false, sigma = false;
        int[] nodes = null;
        for (String line : Files.readAllLines(dir.resolve("input.nn"))) {
            String l = line.contains("#") ? line.substring(0, line.indexOf('#')).trim() : line.trim();
            if (l.isEmpty()) continue;
            String[] t = l.split("\\s+");
            switch (t[0]) {
                case "symfunction_short" -> {
                    int type = Integer.parseInt(t[2]);
                    if (type == 2) sfs.add(new Sf(l, 2, Double.parseDouble(t[4]), Double.parseDouble(t[5]), Double.parseDouble(t[6]), 0, 0, sfs.size()));
                    else sfs.add(new Sf(l, type, Double.parseDouble(t[5]), t.length > 9 ? Double.parseDouble(t[9]) : 0, Double.parseDouble(t[8]),
                            Double.parseDouble(t[6]), Double.parseDouble(t[7]), sfs.size()));
                }
                case "global_nodes_short" -> nodes = Arrays.stream(t).skip(1).mapToInt(Integer::parseInt).toArray();
                case "global_activation_short" -> acts = l;
                case "scale_symmetry_functions" -> scale = true;
                case "center_symmetry_functions" -> center = true;
                case "scale_symmetry_functions_sigma" -> sigma = true;
                case "scale_min_short" -> smin = Double.parseDouble(t[1]);
                case "scale_max_short" -> smax = Double.parseDouble(t[1]);
                case "mean_energy" -> meanEnergy = Double.parseDouble(t[1]);
                case "conv_energy" -> convEnergy = Double.parseDouble(t[1]);
                case "atom_energy" -> atomEnergy = Double.parseDouble(t[2]);   // single element: "atom_energy Al <eV>"
                default -> { }
            }
        }
        // n2p2 sorts: type, rc, eta, rs, zeta, lambda (single element)
        List<Sf> sorted = new ArrayList<>(sfs);
        sorted.sort(Comparator.comparingInt(Sf::type).thenComparingDouble(Sf::rc).thenComparingDouble(Sf::eta)
                .thenComparingDouble(Sf::rs).thenComparingDouble(Sf::zeta).thenComparingDouble(Sf::lambda));
        List<double[]> stats = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("scaling.data"))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] t = line.trim().split("\\s+");
            stats.add(new double[]{Double.parseDouble(t[2]), Double.parseDouble(t[3]), Double.parseDouble(t[4]), Double.parseDouble(t[5])});
        }
        List<Double> w = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("weights.013.data"))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            w.add(Double.parseDouble(line.trim().split("\\s+")[0]));
        }
        int nin = sorted.size();
        int[] sizes = new int[nodes.length + 2];
        sizes[0] = nin;
        System.arraycopy(nodes, 0, sizes, 1, nodes.length);
        sizes[sizes.length - 1] = 1;
        assertEquals("global_activation_short" + " t".repeat(nodes.length) + " l", acts.replaceAll("\\s+", " "), "this evaluator knows tanh only");
        // n2p2 connection order: per layer, for each source neuron j the weights to all target neurons k, then biases
        double[][][] weights = new double[sizes.length][][];
        double[][] bias = new double[sizes.length][];
        int c = 0;
        for (int l = 1; l < sizes.length; l++) {
            weights[l] = new double[sizes[l]][sizes[l - 1]];
            bias[l] = new double[sizes[l]];
            for (int j = 0; j < sizes[l - 1]; j++) for (int k = 0; k < sizes[l]; k++) weights[l][k][j] = w.get(c++);
            for (int k = 0; k < sizes[l]; k++) bias[l][k] = w.get(c++);
        }
        assertEquals(w.size(), c);
        // the file's i-th line is feature i of the model (we wrote them in model order, the comment names its id)
        double[] e = new double[raw.configurations()];
        for (int conf = 0; conf < e.length; conf++) {
            double sum = 0;
            for (int r = raw.firstAtom(conf); r < raw.firstAtom(conf) + raw.atomsIn(conf); r++) {
                double[] h = new double[nin];
                for (int i = 0; i < nin; i++) {
                    double g = raw.get(r, sorted.get(i).fileIndex());
                    double[] s = stats.get(i);   // Gmin Gmax Gmean Gsigma
                    if (scale && !center) h[i] = smin + (smax - smin) * (g - s[0]) / (s[1] - s[0]);
                    else if (scale) h[i] = smin + (smax - smin) * (g - s[2]) / (s[1] - s[0]);
                    else if (center) h[i] = g - s[2];
                    else if (sigma) h[i] = smin + (smax - smin) * (g - s[2]) / s[3];
                    else h[i] = g;
                }
                for (int l = 1; l < sizes.length; l++) {
                    double[] z = new double[sizes[l]];
                    for (int k = 0; k < sizes[l]; k++) {
                        double a = bias[l][k];
                        for (int j = 0; j < sizes[l - 1]; j++) a += weights[l][k][j] * h[j];
                        z[k] = l == sizes.length - 1 ? a : Math.tanh(a);
                    }
                    h = z;
                }
                sum += h[0];
            }
            // n2p2 Prediction::predict: toPhysicalUnits, then addEnergyOffset
            e[conf] = sum / convEnergy + raw.atomsIn(conf) * meanEnergy + raw.atomsIn(conf) * atomEnergy;
        }
        return e;
    }

    // ---- tests ------------------------------------------------------------------------------------------------

    private static Hdnnp train(TrainingData data, Preconditioner.Method method) {
        return new Trainer(TrainingConfig.defaults().withMaxEpochs(20).withBatchSize(8).withLearningRate(3e-3).withPreconditioning(method))
                .train(Layout.parse("7-6-5-1"), data).potential();
    }

    @Test
    void exportReproducesTheKitsEnergies(@TempDir Path tmp) throws IOException {
        for (Preconditioner.Method method : Preconditioner.Method.values()) {
            TrainingData data = data(true);
            Hdnnp model = train(data, method);
            if (method != Preconditioner.Method.SHIFT && method != Preconditioner.Method.NONE)
                assertEquals(List.of("G2_004"), model.preconditioner().constantFeatures());
            Path dir = tmp.resolve(method.name());
            N2p2Export.write(model, functions(), Convention.N2P2, dir);
            double[] kit = model.predict(data.descriptors());
            double[] n2p2 = evaluate(dir, data.descriptors());
            for (int c = 0; c < kit.length; c++)
                assertEquals(kit[c], n2p2[c], 1e-5 * data.descriptors().atomsIn(c), method + " configuration " + c);
        }
    }

    @Test
    void scalingRowsFollowN2p2sSortedOrder(@TempDir Path tmp) throws IOException {
        TrainingData data = data(false);
        Hdnnp model = train(data, Preconditioner.Method.SCALE);
        N2p2Export.write(model, functions(), Convention.N2P2, tmp);
        List<String> rows = Files.readAllLines(tmp.resolve("scaling.data")).stream().filter(l -> !l.startsWith("#")).toList();
        // sorted order: radial (rc 6.8) by eta then rs: f6 (eta .0013), f2 (.5), f4 (1.85, rs .05), f1 (1.85, rs 2.05); angular: f3, f5(λ1), f0(λ-1)...
        int[] expected = {6, 2, 4, 1, 3, 0, 5};
        assertArrayEquals(expected, N2p2SymmetryFunction.n2p2Order(functions()));
        for (int i = 0; i < expected.length; i++) {
            String[] t = rows.get(i).trim().split("\\s+");
            assertEquals(i + 1, Integer.parseInt(t[1]));
            assertEquals(model.preconditioner().min(expected[i]), Double.parseDouble(t[2]), 0.0, "row " + (i + 1));
        }
    }

    @Test
    void readsAnExportedPotentialBack(@TempDir Path tmp) throws IOException {
        TrainingData data = data(false);
        Hdnnp model = train(data, Preconditioner.Method.SCALE);
        N2p2Export.write(model, functions(), Convention.N2P2, tmp);
        N2p2Potential back = N2p2Potential.read(tmp);
        int[] order = N2p2SymmetryFunction.n2p2Order(functions());
        assertEquals(functions().get(order[0]), back.functions().get(0));
        DescriptorMatrix sortedColumns = data.descriptors().selectFeatures(order);
        DescriptorMatrix renamed = new DescriptorMatrix(sortedColumns.rawValues(), sortedColumns.atomOffsets(), back.model().featureIds());
        double[] a = model.predict(data.descriptors()), b = back.model().predict(renamed);
        for (int c = 0; c < a.length; c++) assertEquals(a[c], b[c], 1e-6 * Math.abs(a[c]));
    }

    @Test
    void parsesN2p2Lines() {
        N2p2SymmetryFunction g5 = N2p2SymmetryFunction.parse("symfunction_short Al 9 Al Al 0.0013 -1 4 4.4");
        assertEquals(9, g5.type());
        assertEquals(-1, g5.lambda());
        assertEquals(4, g5.zeta());
        assertEquals(4.4, g5.rc());
        assertEquals(0.0, g5.rs());
        assertEquals(0.5, N2p2SymmetryFunction.parse("symfunction_short Al 3 Al Al 0.1 1 2 4.4 0.5").rs());
        N2p2SymmetryFunction g2 = N2p2SymmetryFunction.parse("symfunction_short Al 2 Al 1.85 0.05 6.8");
        assertEquals(g2, N2p2SymmetryFunction.parse(g2.line()));
        assertEquals(g5, N2p2SymmetryFunction.parse(g5.line()));
        assertThrows(IllegalArgumentException.class, () -> N2p2SymmetryFunction.parse("symfunction_short Al 2 Al 1.85 6.8"));
    }

    @Test
    void leakyReluCannotBeExported(@TempDir Path tmp) {
        TrainingData data = data(false);
        Hdnnp model = new Trainer(TrainingConfig.defaults().withMaxEpochs(1))
                .train(Layout.parse("7-3-1", io.github.hdnnpkit.model.Activation.LEAKY_RELU), data).potential();
        assertThrows(IllegalArgumentException.class, () -> N2p2Export.write(model, functions(), Convention.N2P2, tmp));
    }
}
