package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Parallel;
import io.github.hdnnpkit.util.Progress;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Computes the descriptors of configurations for one {@link SymmetryFunctionSet} in one {@link Convention}: per
 * configuration in double precision (for exchange with n2p2), for a whole data set as a float32
 * {@link DescriptorMatrix} in parallel on all cores, and the analytic gradients dG/dr for forces.
 *
 * <p>Every configuration is checked first ({@link SetEvaluator#check}): an element the set has no functions centred
 * on, or two atoms closer than {@link #minimumDistance()}, is a {@link io.github.hdnnpkit.structure.ConfigurationException}
 * naming the configuration and atoms, never a row of zeros or NaN.
 *
 * <p>Immutable and thread-safe. The default convention is {@link Convention#N2P2} (pairs j &lt; k), the one whose
 * values n2p2 reproduces.
 */
public final class DescriptorCalculator {
    private final SetEvaluator evaluator;
    private final int threads;

    public DescriptorCalculator(SymmetryFunctionSet set, Convention convention, int threads) {
        this(new SetEvaluator(set, convention), threads);
    }

    private DescriptorCalculator(SetEvaluator evaluator, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1: " + threads);
        this.evaluator = evaluator;
        this.threads = threads;
    }

    /** On all available cores. */
    public DescriptorCalculator(SymmetryFunctionSet set, Convention convention) {
        this(set, convention, Runtime.getRuntime().availableProcessors());
    }

    /** n2p2 convention, all cores. */
    public DescriptorCalculator(SymmetryFunctionSet set) {
        this(set, Convention.N2P2);
    }

    public DescriptorCalculator withThreads(int n) {
        return new DescriptorCalculator(evaluator, n);
    }

    /**
     * A calculator that rejects atoms closer than {@code angstrom} (default
     * {@link SetEvaluator#DEFAULT_MINIMUM_DISTANCE}, 0.1 Å), e.g. {@code calc.withMinimumDistance(0.5)}.
     */
    public DescriptorCalculator withMinimumDistance(double angstrom) {
        return new DescriptorCalculator(new SetEvaluator(set(), convention(), angstrom), threads);
    }

    /** Atoms closer than this (Å) are an error. */
    public double minimumDistance() { return evaluator.minimumDistance(); }

    public SymmetryFunctionSet set() { return evaluator.set(); }

    public Convention convention() { return evaluator.convention(); }

    public int threads() { return threads; }

    /** The values of one configuration, one row per atom, in double precision. */
    public double[][] compute(Configuration c) {
        return evaluator.evaluateRows(c);
    }

    /** The values of one configuration flat (atom-major), in double precision. */
    public double[] computeFlat(Configuration c) {
        return evaluator.evaluate(c);
    }

    /**
     * The descriptor matrix of a data set, configurations in parallel. Progress is reported per configuration;
     * when the cancellation token fires, the remaining work is abandoned and {@link CancellationException} thrown
     * (a partial descriptor matrix would be silently wrong downstream).
     */
    public DescriptorMatrix compute(List<Configuration> configurations, Progress progress, Cancellation cancellation) {
        Objects.requireNonNull(progress);
        Objects.requireNonNull(cancellation);
        int nc = configurations.size();
        int nf = set().size();
        int[] offsets = new int[nc + 1];
        for (int c = 0; c < nc; c++) offsets[c + 1] = Math.addExact(offsets[c], configurations.get(c).size());
        long total = (long) offsets[nc] * nf;
        if (total > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException(total + " values do not fit one float array; split the data set");
        float[] values = new float[(int) total];
        progress.start("descriptors " + set().name() + " (" + convention() + ")", nc);
        AtomicLong done = new AtomicLong();
        forEach(configurations.size(), c -> {
            double[] v = evaluator.evaluate(configurations.get(c));
            int base = offsets[c] * nf;
            for (int from = 0; from < v.length; from += 512) narrow(v, from, Math.min(v.length, from + 512), values, base);
            progress.update(done.incrementAndGet(), null);
        }, cancellation);
        progress.finish(nc + " configurations, " + offsets[nc] + " atoms, " + nf + " functions");
        return new DescriptorMatrix(values, offsets, set().ids());
    }

    /**
     * values[base + k] = (float) v[k] for k in [from, to): in slices, so that the copy is compiled early also in a JVM
     * without on-stack replacement (the descriptor command's), where one loop over a configuration stayed interpreted.
     */
    private static void narrow(double[] v, int from, int to, float[] values, int base) {
        for (int k = from; k < to; k++) values[base + k] = (float) v[k];
    }

    /** Same as {@link #compute(List, Progress, Cancellation)} without progress or time budget. */
    public DescriptorMatrix compute(List<Configuration> configurations) {
        return compute(configurations, Progress.NONE, Cancellation.none());
    }

    /**
     * Streams exact double values: configurations are computed in parallel in batches, and {@code sink} receives
     * (configuration, rows) in input order, on the calling thread.
     */
    public void computeInOrder(Iterator<Configuration> configurations, BiConsumer<Configuration, double[][]> sink,
                               Progress progress, Cancellation cancellation) {
        int batch = Math.max(1, threads * 4);
        progress.start("descriptors " + set().name() + " (" + convention() + ")", -1);
        long done = 0;
        ExecutorService pool = pool();
        try {
            while (configurations.hasNext()) {
                List<Configuration> cs = new ArrayList<>(batch);
                while (cs.size() < batch && configurations.hasNext()) cs.add(configurations.next());
                List<Future<double[][]>> fs = new ArrayList<>();
                for (Configuration c : cs) fs.add(pool.submit(() -> {
                    if (cancellation.isCancelled()) throw new CancellationException("descriptor computation cancelled");
                    return evaluator.evaluateRows(c);
                }));
                for (int k = 0; k < cs.size(); k++) {
                    sink.accept(cs.get(k), get(fs.get(k)));
                    progress.update(++done, null);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        progress.finish(done + " configurations");
    }

    /**
     * The analytic gradients at one atom: {@code g[f][3a + x]} = dG_f(atom)/d r_{a,x} for every atom a of the
     * configuration (periodic images of an atom add up on that atom), from the literal formulas.
     */
    public double[][] gradient(Configuration c, int atom) {
        Objects.checkIndex(atom, c.size());
        NeighbourList nl = NeighbourList.of(c, evaluator.maxCutoff());
        evaluator.check(c, nl);
        double[][] g = new double[set().size()][3 * c.size()];
        for (int f = 0; f < set().size(); f++) set().function(f).evaluate(c, nl, atom, convention(), g[f]);
        return g;
    }

    private interface Task {
        void run(int index);
    }

    private void forEach(int n, Task task, Cancellation cancellation) {
        if (threads == 1 || n <= 1) {
            for (int c = 0; c < n; c++) {
                if (cancellation.isCancelled()) throw new CancellationException("descriptor computation cancelled");
                task.run(c);
            }
            return;
        }
        ExecutorService pool = pool();
        try {
            AtomicLong next = new AtomicLong();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) fs.add(pool.submit(() -> {
                long c;
                while ((c = next.getAndIncrement()) < n) {
                    if (cancellation.isCancelled()) throw new CancellationException("descriptor computation cancelled");
                    task.run((int) c);
                }
                return null;
            }));
            for (Future<?> f : fs) get(f);
        } finally {
            pool.shutdownNow();
        }
    }

    private ExecutorService pool() {
        return Parallel.daemonPool(threads, "descriptors");
    }

    private static <T> T get(Future<T> f) {
        return Parallel.await(f);
    }

    @Override
    public String toString() {
        return "DescriptorCalculator[" + set() + ", " + convention() + ", " + threads + " threads]";
    }
}
