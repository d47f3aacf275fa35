package io.github.hdnnpkit.bench;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorDerivatives;
import io.github.hdnnpkit.descriptors.SetDerivativeEvaluator;
import io.github.hdnnpkit.descriptors.SetEvaluator;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Descriptor derivatives on 256-atom aluminium cells of the generated data: time per configuration of the values
 * alone ({@link SetEvaluator}) and of values + derivatives ({@link SetDerivativeEvaluator}), one thread, median of
 * repeats after a warm-up, and the memory the derivatives of one configuration take. Not a unit test.
 *
 * <p>Arguments: [data folder] [repeats].
 */
public final class ForceBenchmark {
    static List<SymmetryFunctionSet> sets() {
        String only = System.getProperty("sets", "A,329");
        List<SymmetryFunctionSet> all = new java.util.ArrayList<>();
        for (String s : only.split(","))
            switch (s) {
                case "A" -> all.add(ThesisSets.fiftySeven('A'));
                case "A-radial" -> all.add(ThesisSets.fiftySeven('A').radialOnly());
                case "A-angular" -> all.add(ThesisSets.fiftySeven('A').angularOnly());
                case "329" -> all.add(ThesisSets.thesis329());
                default -> throw new IllegalArgumentException("unknown set " + s);
            }
        return all;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/main/data/generated");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (String series : List.of("300K", "1500K")) {
            Configuration c = ExtendedXyz.read(dir.resolve(series + ".extxyz.gz")).get(0);
            for (SymmetryFunctionSet set : sets()) {
                SetEvaluator values = new SetEvaluator(set, Convention.THESIS);
                SetDerivativeEvaluator derivatives = new SetDerivativeEvaluator(values);
                NeighbourList nl = NeighbourList.of(c, set.maxCutoff());
                double[] tv = new double[repeats], td = new double[repeats];
                long bytes = 0;
                for (int w = 0; w < 5; w++) { values.evaluate(c, nl); derivatives.evaluate(c, nl); }
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    values.evaluate(c, nl);
                    long t1 = System.nanoTime();
                    DescriptorDerivatives d = derivatives.evaluate(c, nl);
                    long t2 = System.nanoTime();
                    tv[r] = (t1 - t0) / 1e6;
                    td[r] = (t2 - t1) / 1e6;
                    bytes = d.bytes();
                }
                Arrays.sort(tv);
                Arrays.sort(td);
                System.out.printf(Locale.ROOT, "%-6s %-11s %3d functions, %6d neighbour entries: values %7.1f ms, values+derivatives %7.1f ms (×%.1f), derivatives %6.1f MB/configuration, %6.1f GB for 4200%n",
                        series, set.name(), set.size(), nl.size(), tv[repeats / 2], td[repeats / 2], td[repeats / 2] / tv[repeats / 2],
                        bytes / 1e6, bytes * 4200 / 1e9);
            }
        }
    }
}
