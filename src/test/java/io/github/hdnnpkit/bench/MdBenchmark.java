package io.github.hdnnpkit.bench;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.md.Ensemble;
import io.github.hdnnpkit.md.ForceField;
import io.github.hdnnpkit.md.HdnnpForceField;
import io.github.hdnnpkit.md.LennardJones;
import io.github.hdnnpkit.md.MdProtocol;
import io.github.hdnnpkit.md.MdSegment;
import io.github.hdnnpkit.md.MdState;
import io.github.hdnnpkit.md.MdTrajectory;
import io.github.hdnnpkit.md.MolecularDynamics;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TargetNormalisation;
import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * MD speed of the kit's engine for 256 atoms, NVE, 1 fs, one thread: Lennard-Jones argon (4×4×4 fcc, r_c = 8.5 Å)
 * and an HDNNP 57-10-10-1 on set A (random weights: the cost does not depend on their values) on a 1500 K aluminium
 * liquid of the fixture. Usage: {@code MdBenchmark [steps]}; prints one JSON line per force field.
 */
public final class MdBenchmark {
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Configuration ar = Crystals.displaced(Crystals.fcc("Ar", 5.26, 4, 4, 4), 0.05, 1);
        Configuration al = ExtendedXyz.read(Workspace.fixture().resolve("1500K.extxyz.gz")).get(0);
        run("LJ argon", LennardJones.argon(LennardJones.Truncation.SHIFTED), ar, 90, steps);
        run("HDNNP 57-10-10-1", new HdnnpForceField(randomPotential(al)), al, 1500, steps / 4);
    }

    private static void run(String name, ForceField ff, Configuration c, double t, int steps) {
        MdState s = MdState.maxwellBoltzmann(c, t, 1);
        MolecularDynamics md = new MolecularDynamics(ff);
        md.run(s, MdProtocol.of(1, new MdSegment(Ensemble.nve(), Math.max(10, steps / 5), 0), 1), Progress.NONE, Cancellation.none()); // warm-up
        MdTrajectory tr = md.run(s, MdProtocol.of(1, new MdSegment(Ensemble.nve(), steps, 0), 1), Progress.NONE, Cancellation.none());
        System.out.printf(Locale.ROOT, "{\"bench\":\"md\",\"forceField\":\"%s\",\"atoms\":%d,\"steps\":%d,\"seconds\":%.3f,\"stepsPerSecond\":%.2f}%n",
                name, c.size(), steps, tr.seconds(), tr.stepsPerSecond());
    }

    /** A 57-10-10-1 on set A with random weights, preconditioned on {@code al}: a smooth potential of realistic cost. */
    public static Hdnnp randomPotential(Configuration al) {
        SymmetryFunctionSet set = ThesisSets.fiftySeven('A');
        DescriptorMatrix m = new DescriptorCalculator(set, Convention.THESIS, 1).compute(List.of(al));
        Preconditioner pre = Preconditioner.fit(Preconditioner.Method.SCALE, m, new int[]{0});
        Layout layout = Layout.parse(set.size() + "-10-10-1");
        SplittableRandom r = new SplittableRandom(7);
        float[] p = new float[layout.parameterCount()];
        for (int k = 0; k < p.length; k++) p[k] = (float) (r.nextGaussian() * 0.3);
        return new Hdnnp(layout, p, pre, new TargetNormalisation(-3.0, 0.05), set.name(), "Al", Map.of(), set, Convention.THESIS);
    }
}
