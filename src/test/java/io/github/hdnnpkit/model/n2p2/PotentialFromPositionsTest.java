package io.github.hdnnpkit.model.n2p2;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Real symmetry functions end to end: train, predict from positions, save/load, export to n2p2 (thesis convention). */
public class PotentialFromPositionsTest {

    /** Displaced 2×2×2 FCC aluminium cells (32 atoms) with slightly different lattice constants. */
    public static List<Configuration> structures(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        List<Configuration> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double a = 4.05 * (0.98 + 0.05 * r.nextDouble());
            double[] p = new double[32 * 3];
            String[] s = new String[32];
            int k = 0;
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int l = 0; l < 2; l++) for (double[] b : basis) {
                p[3 * k] = a * (i + b[0]) + 0.15 * r.nextGaussian();
                p[3 * k + 1] = a * (j + b[1]) + 0.15 * r.nextGaussian();
                p[3 * k + 2] = a * (l + b[2]) + 0.15 * r.nextGaussian();
                s[k++] = "Al";
            }
            double energy = -3.36 * 32 + 40 * Math.pow(a / 4.05 - 1, 2) * 32 + 0.01 * r.nextGaussian() * 32;
            out.add(Configuration.builder().id("fcc" + c).lattice(Lattice.of(new double[]{2 * a, 0, 0}, new double[]{0, 2 * a, 0},
                    new double[]{0, 0, 2 * a})).atoms(s, p).energy(energy).build());
        }
        return out;
    }

    @Test
    void predictsFromPositionsSavesAndExportsInTheThesisConvention(@TempDir Path tmp) throws IOException {
        List<Configuration> cs = structures(20, 1);
        SymmetryFunctionSet set = ThesisSets.thesis22();
        DescriptorMatrix d = new DescriptorCalculator(set, Convention.THESIS, 1).compute(cs);
        double[] e = cs.stream().mapToDouble(Configuration::energy).toArray();
        TrainingData data = new TrainingData(d, e, Split.byConfiguration(cs.size(), 0.8, 101), "fcc-test", set.name(), set, Convention.THESIS);
        Hdnnp model = new Trainer(TrainingConfig.defaults().withMaxEpochs(10).withBatchSize(4))
                .train(Layout.parse(set.size() + "-8-6-1"), data).potential();
        assertTrue(model.functions().isPresent());

        List<Configuration> fresh = structures(4, 99);
        double[] fromPositions = model.predict(fresh);
        double[] fromMatrix = model.predict(new DescriptorCalculator(set, Convention.THESIS, 1).compute(fresh));
        assertArrayEquals(fromMatrix, fromPositions, 0.0);

        Hdnnp back = Hdnnp.load(model.save(tmp.resolve("pot")));
        assertEquals(Convention.THESIS, back.convention().orElseThrow());
        assertArrayEquals(fromPositions, back.predict(fresh), 0.0, "save → load → predict from positions is bit-identical");

        // n2p2 computes its own (j < k) values: the exported potential must reproduce the kit on them
        N2p2Export.write(model, tmp.resolve("n2p2"));
        DescriptorMatrix n2p2Values = new DescriptorCalculator(model.functions().get(), Convention.N2P2, 1).compute(fresh);
        double[] n2p2 = N2p2ExportTest.evaluate(tmp.resolve("n2p2"), n2p2Values);
        for (int c = 0; c < fresh.size(); c++) assertEquals(fromPositions[c], n2p2[c], 1e-5 * 32, "configuration " + c);
    }
}
