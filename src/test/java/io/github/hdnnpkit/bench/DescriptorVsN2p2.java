package io.github.hdnnpkit.bench;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.io.N2p2InputData;
import io.github.hdnnpkit.io.N2p2InputNn;
import io.github.hdnnpkit.io.StructureFiles;
import io.github.hdnnpkit.structure.Configuration;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Helpers of {@code src/bench/descriptors-vs-n2p2.sh} (not a unit test):
 * <ul>
 * <li>{@code input STRUCTURES N OUT/input.data} — the first N configurations of a structure file as n2p2's
 * {@code input.data}, the one file both programs then read;</li>
 * <li>{@code evaluate input.data input.nn THREADS REPEATS} — the kit's evaluation alone (no reading, no writing) of
 * every configuration, in one JVM: the first (cold: interpreter and JIT, as in a whole-process run) and the median
 * of the following warm repeats, seconds.</li>
 * </ul>
 */
public final class DescriptorVsN2p2 {
    public static void main(String[] args) {
        switch (args[0]) {
            case "input" -> {
                List<Configuration> all = StructureFiles.read(Path.of(args[1]));
                int n = Integer.parseInt(args[2]);
                if (all.size() < n) throw new IllegalArgumentException(args[1] + " has " + all.size() + " configurations, fewer than " + n);
                N2p2InputData.write(Path.of(args[3]), all.subList(0, n));
            }
            case "evaluate" -> {
                List<Configuration> data = N2p2InputData.read(Path.of(args[1]));
                DescriptorCalculator calc = new DescriptorCalculator(N2p2InputNn.read(Path.of(args[2])), Convention.N2P2,
                        Integer.parseInt(args[3]));
                int repeats = Integer.parseInt(args[4]);
                double[] s = new double[repeats + 1];
                for (int r = 0; r <= repeats; r++) {
                    long t0 = System.nanoTime();
                    calc.compute(data);
                    s[r] = (System.nanoTime() - t0) / 1e9;
                }
                double cold = s[0];
                double[] warm = Arrays.copyOfRange(s, 1, s.length);
                Arrays.sort(warm);
                System.out.printf(Locale.ROOT, "kit evaluation: cold %.3f s, warm median %.3f s (%d configurations, %d threads)%n",
                        cold, warm[warm.length / 2], data.size(), calc.threads());
            }
            default -> throw new IllegalArgumentException("usage: input STRUCTURES N OUT | evaluate DATA NN THREADS REPEATS");
        }
    }

    private DescriptorVsN2p2() {
    }

}
