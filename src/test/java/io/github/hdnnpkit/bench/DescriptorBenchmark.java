package io.github.hdnnpkit.bench;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.io.N2p2InputData;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.structure.NeighbourList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Descriptor throughput on 256-atom aluminium cells: configurations/s and atoms/s for thesis-329, its radial and
 * angular parts, on 1 and 2 threads; median of repeated timed batches after a warm-up. Not a unit test (surefire only
 * runs *Test classes); run it with {@code environment/bench-descriptors}.
 *
 * <p>Arguments: [reference input.data] [repeats] [batch size]. Two data sets: a solid (FCC 4×4×4, a0 = 4.045 Å,
 * Gaussian displacements σ = 0.1 Å, 16 seeds) and the liquid-like n2p2 reference configuration (17 Å box).
 */
public final class DescriptorBenchmark {
    public static void main(String[] args) throws Exception {
        Path reference = Path.of(args.length > 0 ? args[0] : "src/test/resources/n2p2-thesis329/input.data");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 16;

        List<Configuration> solid = new ArrayList<>();
        for (int s = 0; s < batch; s++) solid.add(Crystals.displaced(Crystals.fcc("Al", Crystals.AL_A0, 4, 4, 4), 0.1, s));
        List<Configuration> liquid = new ArrayList<>();
        if (Files.exists(reference)) {
            Configuration ref = N2p2InputData.read(reference).get(0);
            for (int s = 0; s < batch; s++) liquid.add(ref);
        }
        SymmetryFunctionSet full = ThesisSets.thesis329();
        SymmetryFunctionSet[] sets = {full, full.radialOnly(), full.angularOnly()};

        System.out.printf("machine: %d cores visible, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadAverage());
        System.out.printf("neighbours per atom (solid, 6.8 Å): %.1f%n",
                NeighbourList.of(solid.get(0), 6.8).size() / 256.0);
        // warm the JIT on every code path before the first measurement (the first set would otherwise pay for it)
        long warmAll = System.nanoTime() + 6_000_000_000L;
        while (System.nanoTime() < warmAll)
            for (SymmetryFunctionSet set : sets) new DescriptorCalculator(set, Convention.N2P2, 1).compute(solid.subList(0, 2));
        System.out.println("cfg/s and atoms/s: median wall-clock rate of " + repeats + " batches of " + batch
                + " configurations; cpu-cfg/s (1 thread only): the same from the thread's CPU time, robust to other load");
        System.out.printf("%-22s %-7s %7s %12s %12s %10s %12s%n", "set", "data", "threads", "cfg/s", "atoms/s", "ms/cfg", "cpu-cfg/s");
        for (SymmetryFunctionSet set : sets)
            for (String dataName : new String[]{"solid", "liquid"}) {
                List<Configuration> data = dataName.equals("solid") ? solid : liquid;
                if (data.isEmpty()) continue;
                double single = 0;
                for (int threads : new int[]{1, 2}) {
                    DescriptorCalculator calc = new DescriptorCalculator(set, Convention.N2P2, threads);
                    long warmEnd = System.nanoTime() + 1_500_000_000L;
                    while (System.nanoTime() < warmEnd) calc.compute(data);
                    double[] rates = new double[repeats], cpuRates = new double[repeats];
                    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                    for (int r = 0; r < repeats; r++) {
                        long c0 = mx.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        calc.compute(data);
                        rates[r] = data.size() / ((System.nanoTime() - t0) / 1e9);
                        cpuRates[r] = data.size() / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
                    }
                    Arrays.sort(rates);
                    Arrays.sort(cpuRates);
                    double median = rates[repeats / 2];
                    if (threads == 1) single = median;
                    System.out.printf("%-22s %-7s %7d %12.1f %12.0f %10.2f %12s%s%n", set.name(), dataName, threads, median,
                            median * 256, 1000 / median, threads == 1 ? String.format("%.1f", cpuRates[repeats / 2]) : "-",
                            threads == 1 ? "" : String.format("   (x%.2f vs 1 thread)", median / single));
                }
            }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
