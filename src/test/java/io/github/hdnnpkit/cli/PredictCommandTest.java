package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TargetNormalisation;
import io.github.hdnnpkit.model.n2p2.PotentialFromPositionsTest;
import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** {@code hdnnp predict --forces}: one CSV row per atom with the potential's forces and the file's reference forces. */
class PredictCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesForcesPerAtomBesideTheEnergies() throws IOException {
        SymmetryFunctionSet set = ThesisSets.thesis22();
        List<Configuration> fit = PotentialFromPositionsTest.structures(3, 5);
        Preconditioner pre = Preconditioner.fit(Preconditioner.Method.SCALE, new DescriptorCalculator(set, Convention.THESIS, 1).compute(fit), new int[]{0, 1, 2});
        Layout layout = Layout.parse(set.size() + "-6-1");
        SplittableRandom r = new SplittableRandom(2);
        float[] p = new float[layout.parameterCount()];
        for (int k = 0; k < p.length; k++) p[k] = (float) r.nextGaussian(0, 0.3);
        Hdnnp model = new Hdnnp(layout, p, pre, new TargetNormalisation(-3.36, 0.05), set.name(), "Al", Map.of(), set, Convention.THESIS);
        Path saved = model.save(dir.resolve("pot"));

        List<Configuration> cs = PotentialFromPositionsTest.structures(2, 9);
        double[] ref = new double[3 * 32];
        for (int k = 0; k < ref.length; k++) ref[k] = 0.01 * k;
        cs = List.of(cs.get(0).toBuilder().forces(ref).build(), cs.get(1));
        Path xyz = dir.resolve("s.extxyz");
        ExtendedXyz.write(xyz, cs);
        Path forces = dir.resolve("f.csv"), energies = dir.resolve("e.csv");
        int code = HdnnpCommand.commandLine().execute("predict", "--model", saved.toString(), "--structures", xyz.toString(),
                "--out", energies.toString(), "--forces", forces.toString());
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(forces);
        assertEquals("structure,id,atom,element,fx_eV_per_A,fy_eV_per_A,fz_eV_per_A,reference_fx,reference_fy,reference_fz", lines.get(0));
        assertEquals(1 + 64, lines.size());
        Hdnnp back = Hdnnp.load(saved);
        for (int c = 0; c < 2; c++) {
            double[] expected = back.forces(ExtendedXyz.read(xyz).get(c));
            for (int a = 0; a < 32; a++) {
                String[] t = lines.get(1 + 32 * c + a).split(",", -1);
                assertEquals(Integer.toString(c), t[0]);
                assertEquals(Integer.toString(a), t[2]);
                assertEquals("Al", t[3]);
                for (int x = 0; x < 3; x++) assertEquals(expected[3 * a + x], Double.parseDouble(t[4 + x]), 0.0);
                for (int x = 0; x < 3; x++)
                    if (c == 0) assertEquals(ref[3 * a + x], Double.parseDouble(t[7 + x]), 1e-12);
                    else assertEquals("", t[7 + x]);
            }
        }
        assertEquals(3, Files.readAllLines(energies).size());
    }
}
