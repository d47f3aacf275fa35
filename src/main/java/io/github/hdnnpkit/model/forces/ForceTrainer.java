package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorDerivatives;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SetDerivativeEvaluator;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Initialisation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TargetNormalisation;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Parallel;
import io.github.hdnnpkit.util.Progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;

/**
 * Trains an HDNNP on energies and forces with Adam ({@link ForceLoss}) or n2p2's extended Kalman filter
 * ({@link KalmanForceUpdates}), as {@link ForceTrainingOptions} say, on the Java side in double precision.
 *
 * <p>Memory: the descriptor derivatives are recomputed for every configuration of every batch, never stored for the
 * data set (≈ 27 MB per 256-atom configuration with the 57-function set A, 110 GB for 4200); what stays resident is
 * the configurations themselves and the float descriptor matrix of the training split the preconditioner is fitted
 * on. With force weight 0 (energies only) no derivatives are computed and the stored descriptors are used.
 *
 * <p>Deterministic for a given seed and thread count: a batch is cut into fixed contiguous chunks and the chunks'
 * gradients are added in order.
 */
public final class ForceTrainer {
    private final ForceTrainingOptions options;
    private Progress progress = Progress.NONE;
    private Cancellation cancellation = Cancellation.none();

    public ForceTrainer(ForceTrainingOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    public ForceTrainer progress(Progress p) {
        this.progress = Objects.requireNonNull(p);
        return this;
    }

    /** Stops at the next batch when cancelled, with {@link CancellationException} (a half-trained model is not returned). */
    public ForceTrainer cancellation(Cancellation c) {
        this.cancellation = Objects.requireNonNull(c);
        return this;
    }

    public ForceTrainingOptions options() { return options; }

    /**
     * @param configurations every configuration the split refers to, each with a reference energy and forces
     * @param set            the symmetry functions of the inputs, in input order ({@code layout.inputs()} of them)
     */
    public ForceTrainingResult train(Layout layout, List<Configuration> configurations, Split split, SymmetryFunctionSet set, Convention convention) {
        long t0 = System.nanoTime();
        if (layout.inputs() != set.size())
            throw new IllegalArgumentException("layout " + layout + " has " + layout.inputs() + " inputs, the set " + set.name() + " " + set.size() + " functions");
        for (int[] part : new int[][]{split.train(), split.validation()}) {
            if (part.length == 0) throw new IllegalArgumentException("the split needs training and validation configurations: " + split);
            for (int c : part) {
                if (c < 0 || c >= configurations.size())
                    throw new IllegalArgumentException("split refers to configuration " + c + " of " + configurations.size());
                Configuration cf = configurations.get(c);
                if (!cf.hasEnergy() || !cf.hasForces())
                    throw new IllegalArgumentException("configuration " + c + " (" + cf.id() + ") needs a reference energy and forces for force training");
            }
        }
        String element = configurations.get(split.train()[0]).species(0);
        int[] train = split.train();
        List<Configuration> trainConfigs = new ArrayList<>(train.length);
        for (int c : train) trainConfigs.add(configurations.get(c));
        DescriptorMatrix trainDescriptors = new DescriptorCalculator(set, convention, options.threads())
                .compute(trainConfigs, progress, cancellation);
        int[] local = java.util.stream.IntStream.range(0, train.length).toArray();
        Preconditioner pre = Preconditioner.fit(options.preconditioning(), trainDescriptors, local);
        double[] energies = new double[configurations.size()];
        int[] atoms = new int[configurations.size()];
        for (int c = 0; c < energies.length; c++) {
            Configuration cf = configurations.get(c);
            energies[c] = cf.hasEnergy() ? cf.energy() : 0;
            atoms[c] = cf.size();
        }
        TargetNormalisation norm = TargetNormalisation.fit(energies, atoms, train);
        boolean forces = options.forceWeight() > 0;
        KalmanFilter kalman = options.optimiser() instanceof KalmanFilter kf ? kf : null;
        // Adam's force batches bring their own values with the derivatives; the filter's energy updates read the matrix
        if (forces && kalman == null) trainDescriptors = null;

        float[] init = Initialisation.glorotUniform(layout, options.seed());
        double[] p = new double[init.length];
        for (int k = 0; k < p.length; k++) p[k] = init[k];
        Adam adam = new Adam(p.length, options);
        int forceUpdates = forces && kalman != null ? (int) Math.round(options.forceEnergyRatio() * train.length) : 0;
        KalmanForceUpdates filter = kalman == null ? null : new KalmanForceUpdates(kalman, layout, p, pre, norm, options.forceWeight(),
                forceRms(trainConfigs), train.length + forceUpdates, options.threads());
        SetDerivativeEvaluator derivatives = new SetDerivativeEvaluator(set, convention);
        int threads = options.threads();
        ForceLoss[] losses = new ForceLoss[threads];
        double[][] grads = new double[threads][p.length];
        for (int t = 0; t < threads; t++) losses[t] = new ForceLoss(layout, p, pre, norm, options.forceWeight());
        ExecutorService pool = threads > 1 ? Parallel.daemonPool(threads - 1, "force-trainer") : null;   // the caller takes a share
        Map<String, String> meta = new LinkedHashMap<>(options.asMetadata());
        meta.put("force_training.configurations", train.length + " train, " + split.validation().length + " validation");
        List<ForceEpoch> history = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        Hdnnp best = null;
        SplittableRandom shuffle = new SplittableRandom(options.seed() ^ 0x5EED_F0CE5L);
        DescriptorMatrix rows = trainDescriptors;
        try {
            progress.start("force training " + layout + " (w_F = " + options.forceWeight() + ")", options.epochs());
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                long e0 = System.nanoTime();
                int[] order = local.clone();
                for (int i = order.length - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1), t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                double sumE = 0, sumF = 0;
                if (filter != null) {
                    double[] sums = kalmanEpoch(filter, order, trainConfigs, rows, derivatives, forceUpdates, shuffle, pool, epoch);
                    sumE = sums[0] * order.length;   // both reported per configuration below
                    sumF = sums[1] * order.length;
                }
                for (int from = 0; filter == null && from < order.length; from += options.batchSize()) {
                    if (cancellation.isCancelled()) throw new CancellationException("force training cancelled in epoch " + epoch);
                    int to = Math.min(order.length, from + options.batchSize()), b = to - from, chunks = Math.min(threads, b);
                    double[][] terms = new double[chunks][2];
                    List<Runnable> tasks = new ArrayList<>();
                    for (int t = 0; t < chunks; t++) {
                        int tt = t, lo = from + (int) ((long) b * t / chunks), hi = from + (int) ((long) b * (t + 1) / chunks);
                        tasks.add(() -> {
                            java.util.Arrays.fill(grads[tt], 0.0);
                            for (int i = lo; i < hi; i++) {
                                Configuration c = trainConfigs.get(order[i]);
                                ForceLoss.Terms term = forces
                                        ? losses[tt].accumulate(c, derivatives.evaluate(c), null, 1.0 / b, grads[tt])
                                        : losses[tt].accumulate(c, null, row(rows, order[i]), 1.0 / b, grads[tt]);
                                terms[tt][0] += term.energy();
                                terms[tt][1] += forces ? term.force() : 0;
                            }
                        });
                    }
                    run(pool, tasks);
                    for (int t = 1; t < chunks; t++) for (int k = 0; k < p.length; k++) grads[0][k] += grads[t][k];
                    for (int t = 0; t < chunks; t++) {
                        sumE += terms[t][0];
                        sumF += terms[t][1];
                    }
                    adam.step(p, grads[0], options.learningRate());
                }
                Hdnnp model = potential(layout, p, pre, norm, set, convention, element, meta);
                ForceMetrics val = metrics(model, configurations, split.validation(), pool, threads);
                double ve = val.energyRmseMeVPerAtom() / 1000 / norm.scale(), vf = val.forceRmse() / norm.scale();
                double vloss = ve * ve + options.forceWeight() * vf * vf;
                history.add(new ForceEpoch(epoch, sumE / order.length, forces ? sumF / order.length : Double.NaN, val, vloss,
                        (System.nanoTime() - e0) / 1e9));
                if (vloss < bestLoss) {
                    bestLoss = vloss;
                    bestEpoch = epoch;
                    best = model;
                }
                progress.update(epoch, val.toString());
            }
            progress.finish("best epoch " + bestEpoch + ": " + history.get(bestEpoch - 1).validation());
        } finally {
            if (pool != null) pool.shutdownNow();
            if (filter != null) filter.close();
        }
        Map<String, String> done = new LinkedHashMap<>();
        done.put("force_training.best_epoch", Integer.toString(bestEpoch));
        return new ForceTrainingResult(best.withMetadata(done), history, bestEpoch, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * One epoch of the Kalman filter: every training energy once and {@code forceUpdates} force components. The
     * shuffled order is cut into blocks, one per configuration whose derivatives are computed (the block's first, so
     * a random one); within a block its energy updates and that configuration's force components come in random
     * order. The derivatives of {@code threads} blocks are computed in parallel before their updates run.
     *
     * @return the mean squared energy error per atom (network units) and the mean squared force component error
     */
    private double[] kalmanEpoch(KalmanForceUpdates filter, int[] order, List<Configuration> configs, DescriptorMatrix rows,
                                 SetDerivativeEvaluator derivatives, int forceUpdates, SplittableRandom rng, ExecutorService pool, int epoch) {
        int n = order.length;
        int blocks = forceUpdates == 0 ? 1 : Math.min(n, (forceUpdates + options.componentsPerConfiguration() - 1) / options.componentsPerConfiguration());
        double sumE = 0, sumF = 0;
        int threads = options.threads();
        for (int first = 0; first < blocks; first += threads) {
            if (cancellation.isCancelled()) throw new CancellationException("force training cancelled in epoch " + epoch);
            int group = Math.min(threads, blocks - first);
            DescriptorDerivatives[] d = new DescriptorDerivatives[group];
            if (forceUpdates > 0) {
                List<Runnable> tasks = new ArrayList<>();
                for (int g = 0; g < group; g++) {
                    int gg = g, start = (int) ((long) n * (first + g) / blocks);
                    tasks.add(() -> d[gg] = derivatives.evaluate(configs.get(order[start])));
                }
                run(pool, tasks);
            }
            for (int g = 0; g < group; g++) {
                int b = first + g, start = (int) ((long) n * b / blocks), end = (int) ((long) n * (b + 1) / blocks);
                int components = (int) ((long) forceUpdates * (b + 1) / blocks - (long) forceUpdates * b / blocks);
                // tokens: ≥ 0 an energy update of order[token], −1 a force component of the block's configuration
                int[] tokens = new int[end - start + components];
                for (int i = start; i < end; i++) tokens[i - start] = order[i];
                java.util.Arrays.fill(tokens, end - start, tokens.length, -1);
                for (int i = tokens.length - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1), t = tokens[i];
                    tokens[i] = tokens[j];
                    tokens[j] = t;
                }
                Configuration fc = configs.get(order[start]);
                for (int t : tokens) {
                    if (t >= 0) {
                        int atoms = configs.get(t).size();
                        sumE += filter.energy(row(rows, t), atoms, configs.get(t).energy()) / ((double) atoms * atoms);
                    } else {
                        int a = rng.nextInt(fc.size()), axis = rng.nextInt(3);
                        sumF += filter.force(d[g], a, axis, fc.forces()[3 * a + axis]);
                    }
                }
            }
        }
        return new double[]{sumE / n, forceUpdates == 0 ? Double.NaN : sumF / forceUpdates};
    }

    /** σ_F: the RMS of the reference force components of the configurations, eV/Å. */
    static double forceRms(List<Configuration> configs) {
        double ss = 0;
        long k = 0;
        for (Configuration c : configs) {
            for (double f : c.forces()) ss += f * f;
            k += 3L * c.size();
        }
        return k == 0 ? 0 : Math.sqrt(ss / k);
    }

    private static double[] row(DescriptorMatrix m, int c) {
        int k = m.features(), first = m.firstAtom(c), n = m.atomsIn(c);
        float[] v = m.rawValues();
        double[] out = new double[n * k];
        for (int q = 0; q < out.length; q++) out[q] = v[first * k + q];
        return out;
    }

    private static Hdnnp potential(Layout layout, double[] p, Preconditioner pre, TargetNormalisation norm, SymmetryFunctionSet set,
                                   Convention convention, String element, Map<String, String> meta) {
        float[] f = new float[p.length];
        for (int k = 0; k < f.length; k++) f[k] = (float) p[k];
        return new Hdnnp(layout, f, pre, norm, set.name(), element, meta, set, convention);
    }

    /** {@link ForceMetrics#of} with the configurations spread over the pool. */
    static ForceMetrics metrics(Hdnnp model, List<Configuration> all, int[] indices, ExecutorService pool, int threads) {
        if (pool == null || threads == 1 || indices.length < 2) return ForceMetrics.of(model, all, indices);
        int chunks = Math.min(threads, indices.length);
        ForceMetrics[] parts = new ForceMetrics[chunks];
        List<Runnable> tasks = new ArrayList<>();
        for (int t = 0; t < chunks; t++) {
            int tt = t, lo = (int) ((long) indices.length * t / chunks), hi = (int) ((long) indices.length * (t + 1) / chunks);
            tasks.add(() -> parts[tt] = ForceMetrics.of(model, all, java.util.Arrays.copyOfRange(indices, lo, hi)));
        }
        run(pool, tasks);
        return ForceMetrics.combine(parts);
    }

    private static void run(ExecutorService pool, List<Runnable> tasks) {
        Parallel.runAll(pool, tasks);
    }

    /** Keras's / ND4J's Adam step in double: w −= lr·√(1−β2^t)/(1−β1^t) · m/(√v + ε). */
    private static final class Adam {
        final double[] m, v;
        final double b1, b2, eps;
        long t;

        Adam(int n, ForceTrainingOptions o) {
            m = new double[n];
            v = new double[n];
            b1 = o.adam().beta1();
            b2 = o.adam().beta2();
            eps = o.adam().epsilon();
        }

        void step(double[] p, double[] g, double lr) {
            t++;
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int k = 0; k < p.length; k++) {
                m[k] = b1 * m[k] + (1 - b1) * g[k];
                v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
                p[k] -= alpha * m[k] / (Math.sqrt(v[k]) + eps);
            }
        }
    }
}
