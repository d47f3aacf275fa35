package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.io.N2p2InputData;
import io.github.hdnnpkit.io.N2p2InputNn;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run that {@code environment/kit setup} records the class-data sharing archive from
 * ({@code -XX:ArchiveClassesAtExit}): {@code hdnnp descriptors} end to end on a 4-atom cell — an n2p2
 * {@code input.data} with the thesis-329 set from an {@code input.nn} into {@code .npy}, and extended XYZ with the
 * named set into CSV — so that the classes, lambdas and method-handle forms of a real descriptor run are mapped from
 * the archive at start instead of being loaded, verified and spun anew (the archive of {@code --help} alone left
 * about half of a 1-configuration run's start-up to do).
 *
 * <p>Run it with {@code -Xint}: on JDK 17, methods that were queued for JIT compilation when the archive was dumped
 * are never compiled again in the runs that map it (measured: a 200-configuration run took 47–100 s instead of 3–7 s,
 * the evaluator's loops interpreted throughout), and an interpreted training run queues nothing.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("hdnnp-cds-");
        try {
            Configuration cell = Crystals.fcc("Al", Crystals.AL_A0, 1, 1, 1);
            double[] pos = cell.positions().clone();
            for (int i = 0; i < pos.length; i++) pos[i] += 0.01 * ((i * 7) % 5 - 2);   // off the lattice sites
            Configuration c = cell.toBuilder().atoms(cell.species(), pos).energy(-13.4)
                    .forces(new double[pos.length]).build();
            Path data = dir.resolve("input.data"), xyz = dir.resolve("md.extxyz"), nn = dir.resolve("input.nn");
            N2p2InputData.write(data, List.of(c, c));
            ExtendedXyz.write(xyz, List.of(c, c));
            N2p2InputNn.write(nn, ThesisSets.byName("thesis-329"));
            int code = run("descriptors", "--structures", data.toString(), "--set", nn.toString(),
                    "--out", dir.resolve("g.npy").toString(), "--threads", "2", "--quiet");
            code |= run("descriptors", "--structures", xyz.toString(), "--set", "thesis-329",
                    "--out", dir.resolve("g.csv").toString(), "--threads", "2");
            code |= run("descriptors", "--help");
            if (code != 0) throw new IllegalStateException("a training run of hdnnp descriptors failed (exit " + code + ")");
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static int run(String... args) {
        return HdnnpCommand.commandLine(args).execute(args);
    }
}
