package io.github.hdnnpkit.model.n2p2;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.AngularG4;
import io.github.hdnnpkit.descriptors.AngularG5;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.CosineCutoff;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.io.N2p2InputNn;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A model trained in the thesis convention (angular sums over all j ≠ k) exports so that n2p2, computing its own
 * j &lt; k values, gives the kit's energies — checked with the independent evaluator of {@link N2p2ExportTest} — and
 * the rows of {@code scaling.data} come in n2p2 v2.3.0's order, written down here by hand.
 */
class N2p2ExportConventionTest {

    /** A small mixed set in a deliberately shuffled order: G2 with two cutoffs, G4 (type 3) and G5 (type 9). */
    static SymmetryFunctionSet mixed() {
        List<SymmetryFunction> f = List.of(
                /* 0 */ new AngularG5("Al", 0.01, 2, 1, new CosineCutoff(5.0)),
                /* 1 */ new RadialG2("Al", "Al", 0.5, 0.0, new CosineCutoff(6.0)),
                /* 2 */ new AngularG4("Al", 0.01, 1, -1, new CosineCutoff(5.0)),
                /* 3 */ new RadialG2("Al", "Al", 0.05, 0.0, new CosineCutoff(6.0)),
                /* 4 */ new AngularG5("Al", 0.01, 1, -1, new CosineCutoff(5.0)),
                /* 5 */ new RadialG2("Al", "Al", 0.5, 1.5, new CosineCutoff(5.0)),
                /* 6 */ new AngularG5("Al", 0.002, 4, 1, new CosineCutoff(6.0)),
                /* 7 */ new AngularG4("Al", 0.01, 1, 1, new CosineCutoff(5.0)),
                /* 8 */ new AngularG5("Al", 0.01, 1, 1, new CosineCutoff(5.0)),
                /* 9 */ new RadialG2("Al", "Al", 0.5, 0.0, new CosineCutoff(5.0)));
        return SymmetryFunctionSet.of("mixed-10", f);
    }

    /**
     * n2p2 v2.3.0 sorts each element's functions with {@code SymFnc*::operator<} ({@code Element::sortSymmetryFunctions}):
     * central element, type, cutoff type, cutoff alpha, rc, eta, rs, then (angular) zeta, lambda, e1, e2. By hand:
     * type 2 — rc 5: eta 0.5 rs 0 (9), eta 0.5 rs 1.5 (5); rc 6: eta 0.05 (3), eta 0.5 (1);
     * type 3 — zeta 1 lambda -1 (2), zeta 1 lambda 1 (7);
     * type 9 — rc 5: zeta 1 lambda -1 (4), zeta 1 lambda 1 (8), zeta 2 (0); rc 6: (6).
     */
    static final int[] N2P2_ORDER_BY_HAND = {9, 5, 3, 1, 2, 7, 4, 8, 0, 6};

    private static Hdnnp trainThesis(SymmetryFunctionSet set, List<Configuration> cs, Preconditioner.Method method) {
        DescriptorMatrix d = new DescriptorCalculator(set, Convention.THESIS, 1).compute(cs);
        double[] e = cs.stream().mapToDouble(Configuration::energy).toArray();
        TrainingData data = new TrainingData(d, e, Split.byConfiguration(cs.size(), 0.8, 101), "fcc-test", set.name(), set, Convention.THESIS);
        return new Trainer(TrainingConfig.defaults().withMaxEpochs(8).withBatchSize(4).withPreconditioning(method))
                .train(Layout.parse(set.size() + "-6-1"), data).potential();
    }

    private static List<N2p2SymmetryFunction> n2p2Lines(SymmetryFunctionSet set) {
        return set.functions().stream().map(f -> N2p2SymmetryFunction.parse(N2p2InputNn.line(f))).toList();
    }

    /** The same network without its symmetry functions (as from a descriptor CSV): the convention is then unknown. */
    private static Hdnnp withoutFunctions(Hdnnp m) {
        return new Hdnnp(m.layout(), m.parameters(), m.preconditioner(), m.normalisation(), m.descriptorSet(), m.element(), m.metadata());
    }

    @Test
    void thesisConventionExportGivesTheKitsEnergiesAndN2p2sOrder(@TempDir Path tmp) throws IOException {
        SymmetryFunctionSet set = mixed();
        List<Configuration> cs = PotentialFromPositionsTest.structures(16, 5);
        List<Configuration> fresh = PotentialFromPositionsTest.structures(4, 77);
        DescriptorMatrix n2p2Values = new DescriptorCalculator(set, Convention.N2P2, 1).compute(fresh);
        for (Preconditioner.Method method : List.of(Preconditioner.Method.SCALE, Preconditioner.Method.STANDARDISE, Preconditioner.Method.SHIFT,
                Preconditioner.Method.NONE)) {
            Hdnnp model = trainThesis(set, cs, method);
            double[] kit = model.predict(fresh);
            Path known = tmp.resolve(method + "-known"), explicit = tmp.resolve(method + "-explicit");
            N2p2Export.write(model, n2p2Lines(set), known);                                  // the model knows its convention
            N2p2Export.write(withoutFunctions(model), n2p2Lines(set), Convention.THESIS, explicit);   // told explicitly
            for (Path dir : List.of(known, explicit)) {
                double[] n2p2 = N2p2ExportTest.evaluate(dir, n2p2Values);
                for (int c = 0; c < kit.length; c++)
                    assertEquals(kit[c], n2p2[c], 1e-5 * fresh.get(c).size(), method + " " + dir.getFileName() + " configuration " + c);
                List<String> rows = Files.readAllLines(dir.resolve("scaling.data")).stream().filter(l -> !l.startsWith("#")).toList();
                assertEquals(N2P2_ORDER_BY_HAND.length, rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    int j = N2P2_ORDER_BY_HAND[i];
                    double n2p2Units = set.function(j).isAngular() ? 2.0 : 1.0;   // thesis values are twice n2p2's
                    String[] t = rows.get(i).trim().split("\\s+");
                    assertEquals(i + 1, Integer.parseInt(t[1]));
                    assertEquals(model.preconditioner().min(j) / n2p2Units, Double.parseDouble(t[2]), 0.0, method + " row " + (i + 1));
                    assertEquals(model.preconditioner().max(j) / n2p2Units, Double.parseDouble(t[3]), 0.0, method + " row " + (i + 1));
                }
            }
        }
    }

    @Test
    void aModelOfUnknownConventionNeedsItSaid(@TempDir Path tmp) {
        Hdnnp model = withoutFunctions(trainThesis(mixed(), PotentialFromPositionsTest.structures(8, 5), Preconditioner.Method.SCALE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> N2p2Export.write(model, n2p2Lines(mixed()), tmp.resolve("x")));
        assertTrue(e.getMessage().contains("convention"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void theFunctionsMustBeTheModelsOwn(@TempDir Path tmp) throws IOException {
        Hdnnp model = trainThesis(mixed(), PotentialFromPositionsTest.structures(8, 5), Preconditioner.Method.SCALE);
        List<N2p2SymmetryFunction> swapped = new java.util.ArrayList<>(n2p2Lines(mixed()));
        java.util.Collections.swap(swapped, 1, 3);
        assertThrows(IllegalArgumentException.class, () -> N2p2Export.write(model, swapped, tmp.resolve("x")));
        assertThrows(IllegalArgumentException.class, () -> N2p2Export.write(model, n2p2Lines(mixed()), Convention.N2P2, tmp.resolve("x")));
    }

    /** n2p2 adds N · atom_energy to the physical energy (Prediction::predict → Mode::addEnergyOffset). */
    @Test
    void readHonoursAtomEnergy(@TempDir Path tmp) throws IOException {
        SymmetryFunctionSet set = mixed();
        Hdnnp model = trainThesis(set, PotentialFromPositionsTest.structures(16, 5), Preconditioner.Method.SCALE);
        N2p2Export.write(model, tmp);
        Files.writeString(tmp.resolve("input.nn"), "atom_energy Al -1.25   # eV per Al atom\n", StandardOpenOption.APPEND);

        List<Configuration> fresh = PotentialFromPositionsTest.structures(3, 78);
        DescriptorMatrix n2p2Values = new DescriptorCalculator(set, Convention.N2P2, 1).compute(fresh);
        double[] independent = N2p2ExportTest.evaluate(tmp, n2p2Values);
        double[] kit = model.predict(fresh);
        N2p2Potential back = N2p2Potential.read(tmp);
        // the read model's inputs are n2p2's sorted functions, fed with n2p2's own values
        DescriptorMatrix sorted = n2p2Values.selectFeatures(N2P2_ORDER_BY_HAND);
        double[] read = back.model().predict(new DescriptorMatrix(sorted.rawValues(), sorted.atomOffsets(), back.model().featureIds()));
        for (int c = 0; c < fresh.size(); c++) {
            assertEquals(kit[c] - 1.25 * 32, independent[c], 1e-5 * 32, "independent evaluator, configuration " + c);
            assertEquals(kit[c] - 1.25 * 32, read[c], 1e-4 * 32, "N2p2Potential.read, configuration " + c);
        }
    }

    @Test
    void aBadAtomEnergyLineIsAnErrorNamingTheLine(@TempDir Path tmp) throws IOException {
        Hdnnp model = trainThesis(mixed(), PotentialFromPositionsTest.structures(8, 5), Preconditioner.Method.SCALE);
        N2p2Export.write(model, tmp);
        int lines = Files.readAllLines(tmp.resolve("input.nn")).size();
        Files.writeString(tmp.resolve("input.nn"), "atom_energy Cu -1.25\n", StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> N2p2Potential.read(tmp));
        assertTrue(e.getMessage().contains("line " + (lines + 1)) && e.getMessage().contains("Cu"), e.getMessage());
    }

    /** The set is replaced together: when one file cannot be replaced, the others keep their old content. */
    @Test
    void theFileSetIsWrittenAsASet(@TempDir Path tmp) throws IOException {
        Hdnnp model = trainThesis(mixed(), PotentialFromPositionsTest.structures(8, 5), Preconditioner.Method.SCALE);
        Files.createDirectories(tmp.resolve("weights.013.data").resolve("in-the-way"));
        Files.writeString(tmp.resolve("input.nn"), "old\n");
        Files.writeString(tmp.resolve("scaling.data"), "old\n");
        assertThrows(IOException.class, () -> N2p2Export.write(model, tmp));
        assertEquals("old\n", Files.readString(tmp.resolve("input.nn")));
        assertEquals("old\n", Files.readString(tmp.resolve("scaling.data")));
        try (var s = Files.list(tmp)) {
            assertEquals(3, s.count(), "no temporary files left behind");
        }
    }
}
