package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import io.github.hdnnpkit.util.Versions;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.common.tree.AbstractCARTTrainer;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.dataset.DatasetView;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.math.la.SparseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTJointRegressionTrainer;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Random Forest baseline of section 3.4 and appendix C, on Tribuo: every tree is Tribuo's CART trainer
 * ({@link CARTRegressionTrainer}, or {@link CARTJointRegressionTrainer} for the three force outputs) trained on
 * Tribuo's bootstrap {@link DatasetView} of one shared training set, with its own seed, and the trees are averaged by
 * Tribuo's {@link AveragingCombiner} in a {@link WeightedEnsembleModel} — what Tribuo's {@code RandomForestTrainer}
 * does, with the per-tree seeds recorded and the trees trained on {@link ForestOptions#threads()} threads (Tribuo
 * 4.3.2's bagging trainer is sequential).
 *
 * <p>A run takes the data, the shared configuration {@link Split} (the HDNNP's) and a {@link ForestSetup}, and returns
 * an immutable {@link ForestResult}.
 */
public final class RandomForestBaseline {
    /** Training-part evaluation is cut to about this many rows (whole configurations, evenly strided). */
    static final int MAX_TRAIN_EVALUATION_ROWS = 100_000;
    /** Training rows routed through the trees for the impurity-decrease importance. */
    static final int IMPURITY_ROWS = 20_000;
    /** Validation rows shuffled per input for the permutation importance. */
    static final int PERMUTATION_ROWS = 3_000;
    /** Rows of each part kept for per-row test–predict plots. */
    static final int PLOT_ROWS = 20_000;
    private static final int CHUNK = 2_048;

    private final ForestOptions options;

    public RandomForestBaseline(ForestOptions options) {
        this.options = options;
    }

    /** The thesis's forest ({@link ForestOptions#thesis()}). */
    public static RandomForestBaseline thesis() {
        return new RandomForestBaseline(ForestOptions.thesis());
    }

    public ForestOptions options() { return options; }

    public ForestResult fit(ForestData data, Split split, ForestSetup setup) {
        return fit(data, split, setup, Progress.NONE, Cancellation.none());
    }

    /**
     * Trains a forest on the training configurations of the split and evaluates it on all three parts: training,
     * validation (which the permutation importance uses) and test (which nothing in the fit sees).
     *
     * @param cancel checked before every tree: a cancelled run returns the forest of the trees trained so far
     */
    public ForestResult fit(ForestData data, Split split, ForestSetup setup, Progress progress, Cancellation cancel) {
        ForestMode mode = setup.mode();
        if (mode.forces() && !data.hasForces())
            throw new IllegalArgumentException("the force model needs forces; data set " + data.dataId() + " has none");
        if (mode == ForestMode.ATOMIC_ENERGIES && !data.hasAtomicEnergies())
            throw new IllegalArgumentException("the atomic-energies mode needs per-atom energies; data set " + data.dataId()
                    + " has none (ab initio data never has them)");
        int[] trainC = restrict(split.train(), data, setup.onlySeries());
        int[] validC = restrict(split.validation(), data, setup.onlySeries());
        int[] testC = restrict(split.test(), data, setup.onlySeries());
        for (int[] part : List.of(trainC, validC, testC))
            for (int c : part)
                if (c < 0 || c >= data.configurations())
                    throw new IllegalArgumentException("the split names configuration " + c + "; data set " + data.dataId()
                            + " has " + data.configurations());
        if (trainC.length == 0 || validC.length == 0 || testC.length == 0)
            throw new IllegalArgumentException("the split leaves " + trainC.length + " training, " + validC.length
                    + " validation and " + testC.length + " test configurations"
                    + (setup.onlySeries() == null ? "" : " of series " + setup.onlySeries())
                    + "; a forest is judged on held-out test configurations, so every part needs at least one");

        Units train = units(data, setup, trainC, true);
        ForestEncoding encoding = ForestEncoding.fit(data, setup, options.bins(), trainC, mode.atomRows() ? train.rows : null);
        List<String> outputs = outputNames(mode);
        double[] offsets = new double[outputs.size()];
        for (int i = 0; i < train.size(); i++)
            for (int o = 0; o < offsets.length; o++) offsets[o] += target(data, mode, train.configs[i], train.rows[i], o);
        for (int o = 0; o < offsets.length; o++) offsets[o] /= train.size();

        long t0 = System.nanoTime();
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(data.dataId() + " | " + data.descriptorSet() + " | " + setup.label(), factory), factory);
        String[] outputArray = outputs.toArray(String[]::new);
        for (int i = 0; i < train.size(); i++)
            dataset.add(encoding.example(train.configs[i], train.rows[i], regressor(outputArray, data, mode, train.configs[i], train.rows[i], offsets)));
        double datasetSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        long[] treeSeeds = treeSeeds(options);
        List<Model<Regressor>> trees = trainTrees(dataset, outputs.size() > 1, treeSeeds, progress, cancel);
        WeightedEnsembleModel<Regressor> forest = WeightedEnsembleModel.createEnsembleFromExistingModels(
                "random-forest", trees, new AveragingCombiner());
        double trainSeconds = (System.nanoTime() - t1) / 1e9;

        long t2 = System.nanoTime();
        Units trainEval = thin(units(data, setup, trainC, false), data);
        Units validEval = units(data, setup, validC, false);
        Units testEval = units(data, setup, testC, false);
        double[][] trainPred = predict(forest, encoding, trainEval, outputArray, offsets);
        double[][] validPred = predict(forest, encoding, validEval, outputArray, offsets);
        double[][] testPred = predict(forest, encoding, testEval, outputArray, offsets);
        double predictSeconds = (System.nanoTime() - t2) / 1e9;

        ForestResult.Evaluation trainPart = evaluate(data, mode, train, trainEval, trainPred, outputs);
        ForestResult.Evaluation validPart = evaluate(data, mode, train, validEval, validPred, outputs);
        ForestResult.Evaluation testPart = evaluate(data, mode, train, testEval, testPred, outputs);

        progress.start("importance", 0);
        // permutation importance ranks inputs for a choice (chapter 4's selections): validation rows, never test
        List<ForestMetrics.Importance> importance = importance(data, mode, forest, dataset, encoding, validEval, outputArray, offsets);
        progress.finish(null);

        String trainer = treeTrainer(outputs.size() > 1, options.seed()).toString().replaceAll(",seed=-?\\d+", "");
        ForestProvenance provenance = new ForestProvenance(data.dataId(), data.descriptorSet(),
                data.descriptors().featureIds(), encoding.continuousNames(), encoding.categoricalGroups(),
                Arrays.stream(encoding.binsPerColumn()).boxed().toList(), split.seed(), split.scheme().name(),
                trainC.length, validC.length, testC.length,
                Arrays.stream(treeSeeds, 0, trees.size()).boxed().toList(), Arrays.stream(offsets).boxed().toList(),
                trainer, Versions.all(), OffsetDateTime.now().toString());
        return new ForestResult(setup, options, provenance, train.size(), trees.size(), datasetSeconds, trainSeconds,
                predictSeconds, trainPart, validPart, testPart, importance);
    }

    /** The figures of one part from its rows' predictions; {@code train} are the rows the forest was fitted on. */
    static ForestResult.Evaluation evaluate(ForestData data, ForestMode mode, Units train, Units u, double[][] pred,
                                            List<String> outputs) {
        int[] configs = Arrays.stream(u.configs).distinct().sorted().toArray();
        ForestPredictions.Rows rows = rowSample(data, mode, u, pred, outputs);
        if (mode.forces()) return new ForestResult.Evaluation(configs, null, null, forceMetrics(data, u, pred), null, rows);
        ForestPredictions.Energies p = perConfiguration(data, mode, u, pred[0]);
        return new ForestResult.Evaluation(configs, energyMetrics(data, mode, u, pred[0], p),
                collapse(data, mode, train, u, pred[0], p), null, p, rows);
    }

    // ---------------------------------------------------------------- rows and targets

    /** Rows as (configuration, matrix row) pairs; matrix row -1 for configuration rows. */
    record Units(int[] configs, int[] rows) {
        int size() { return configs.length; }
    }

    static int[] restrict(int[] configurations, ForestData data, String series) {
        if (series == null) return configurations;
        return Arrays.stream(configurations).filter(c -> data.series(c).equals(series)).toArray();
    }

    /**
     * The rows of some configurations: the configurations themselves, or their atoms (all, or the set-up's
     * subsample; the sum over atoms of the atomic-energies mode always takes every atom when evaluating).
     */
    static Units units(ForestData data, ForestSetup setup, int[] configurations, boolean training) {
        ForestMode mode = setup.mode();
        if (!mode.atomRows()) return new Units(configurations.clone(), filled(configurations.length, -1));
        int k = setup.atomsPerConfiguration();
        boolean thin = k > 0 && (training || mode != ForestMode.ATOMIC_ENERGIES);
        int total = 0;
        for (int c : configurations) total += thin ? Math.min(k, data.atomsIn(c)) : data.atomsIn(c);
        int[] cs = new int[total], rs = new int[total];
        int i = 0;
        for (int c : configurations) {
            int n = data.atomsIn(c), first = data.firstAtom(c);
            int[] pick = thin && k < n ? pick(n, k, setup.subsampleSeed() * 1_000_003L + c) : null;
            int m = pick == null ? n : k;
            for (int a = 0; a < m; a++) {
                cs[i] = c;
                rs[i++] = first + (pick == null ? a : pick[a]);
            }
        }
        return new Units(cs, rs);
    }

    /** k distinct atoms of n, ascending, drawn with the seed (partial Fisher–Yates). */
    static int[] pick(int n, int k, long seed) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i]; idx[i] = idx[j]; idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, k);
        Arrays.sort(out);
        return out;
    }

    /** Keeps whole configurations, evenly strided, so that about {@link #MAX_TRAIN_EVALUATION_ROWS} rows remain. */
    static Units thin(Units u, ForestData data) {
        if (u.size() <= MAX_TRAIN_EVALUATION_ROWS) return u;
        int stride = (int) Math.ceil(u.size() / (double) MAX_TRAIN_EVALUATION_ROWS);
        List<Integer> keep = new ArrayList<>();
        int configIndex = -1, last = Integer.MIN_VALUE;
        for (int i = 0; i < u.size(); i++) {
            if (u.configs[i] != last) { configIndex++; last = u.configs[i]; }
            if (configIndex % stride == 0) keep.add(i);
        }
        int[] cs = new int[keep.size()], rs = new int[keep.size()];
        for (int i = 0; i < cs.length; i++) { cs[i] = u.configs[keep.get(i)]; rs[i] = u.rows[keep.get(i)]; }
        return new Units(cs, rs);
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    static List<String> outputNames(ForestMode mode) {
        return switch (mode) {
            case THESIS_ATOMS, CONFIGURATIONS -> List.of("E/N");
            case ATOMIC_ENERGIES -> List.of("e_i");
            case THESIS_FORCES -> List.of("Fx", "Fy", "Fz");
        };
    }

    static double target(ForestData data, ForestMode mode, int c, int row, int output) {
        return switch (mode) {
            case THESIS_ATOMS, CONFIGURATIONS -> data.energyPerAtom(c);
            case ATOMIC_ENERGIES -> data.atomicEnergy(row);
            case THESIS_FORCES -> data.force(row, output);
        };
    }

    private static Regressor regressor(String[] outputs, ForestData data, ForestMode mode, int c, int row, double[] offsets) {
        if (outputs.length == 1) return new Regressor(outputs[0], target(data, mode, c, row, 0) - offsets[0]);
        double[] v = new double[outputs.length];
        for (int o = 0; o < v.length; o++) v[o] = target(data, mode, c, row, o) - offsets[o];
        return new Regressor(outputs, v);
    }

    // ---------------------------------------------------------------- training

    static long[] treeSeeds(ForestOptions options) {
        SplittableRandom rng = new SplittableRandom(options.seed());
        long[] s = new long[options.trees()];
        for (int k = 0; k < s.length; k++) s[k] = rng.nextLong();
        return s;
    }

    private AbstractCARTTrainer<Regressor> treeTrainer(boolean multiOutput, long seed) {
        if (multiOutput && options.jointOutputs())
            return new CARTJointRegressionTrainer(options.maxDepth(), options.minChildWeight(), 0f,
                    options.featureFraction(), false, new MeanSquaredError(), false, seed);
        return new CARTRegressionTrainer(options.maxDepth(), options.minChildWeight(), 0f, options.featureFraction(),
                false, new MeanSquaredError(), seed);
    }

    private List<Model<Regressor>> trainTrees(MutableDataset<Regressor> dataset, boolean multiOutput, long[] seeds,
                                              Progress progress, Cancellation cancel) {
        ImmutableFeatureMap features = dataset.getFeatureIDMap();
        ImmutableOutputInfo<Regressor> outputs = dataset.getOutputIDInfo();
        int n = dataset.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        // every tree sees a view of the one training set with the same feature and output domains
        Dataset<Regressor> whole = new DatasetView<>(dataset, all, features, outputs, "all-rows");
        @SuppressWarnings("unchecked")
        Model<Regressor>[] trees = new Model[seeds.length];
        AtomicInteger done = new AtomicInteger();
        progress.start("random forest: " + seeds.length + " trees on " + n + " rows", seeds.length);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "forest-tree");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < seeds.length; k++) {
                int tree = k;
                futures.add(pool.submit(() -> {
                    if (cancel.isCancelled()) return;
                    Dataset<Regressor> bag = options.bootstrap()
                            ? DatasetView.createBootstrapView(dataset, n, seeds[tree], features, outputs) : whole;
                    trees[tree] = treeTrainer(multiOutput, seeds[tree]).train(bag);
                    progress.update(done.incrementAndGet(), null);
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the forest", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training a tree failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Model<Regressor>> out = new ArrayList<>();
        for (Model<Regressor> m : trees) {
            if (m == null) break;                      // keep a prefix, so the seeds recorded match the trees kept
            out.add(m);
        }
        progress.finish(out.size() + " trees");
        if (out.isEmpty()) throw new IllegalStateException("cancelled before the first tree was trained");
        return out;
    }

    // ---------------------------------------------------------------- prediction

    private double[][] predict(Model<Regressor> model, ForestEncoding encoding, Units u, String[] outputs, double[] offsets) {
        int n = u.size();
        double[][] out = new double[outputs.length][n];
        int chunks = (n + CHUNK - 1) / CHUNK;
        Runnable[] work = new Runnable[chunks];
        for (int ch = 0; ch < chunks; ch++) {
            int from = ch * CHUNK, to = Math.min(n, from + CHUNK);
            work[ch] = () -> {
                List<Example<Regressor>> batch = new ArrayList<>(to - from);
                Regressor unknown = RegressionFactory.UNKNOWN_MULTIPLE_REGRESSOR;
                for (int i = from; i < to; i++) batch.add(encoding.example(u.configs[i], u.rows[i], unknown));
                List<Prediction<Regressor>> ps = model.predict(batch);
                for (int i = from; i < to; i++) fill(ps.get(i - from).getOutput(), outputs, offsets, out, i);
            };
        }
        runAll(work);
        return out;
    }

    private static void fill(Regressor r, String[] outputs, double[] offsets, double[][] out, int i) {
        String[] names = r.getNames();
        double[] values = r.getValues();
        for (int d = 0; d < names.length; d++) {
            int o = indexOf(outputs, names[d]);
            out[o][i] = values[d] + offsets[o];
        }
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) if (a[i].equals(s)) return i;
        throw new IllegalStateException("the forest predicted an unknown output " + s);
    }

    private void runAll(Runnable[] work) {
        if (options.threads() == 1 || work.length == 1) {
            for (Runnable r : work) r.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "forest-predict");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Runnable r : work) fs.add(pool.submit(r));
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while predicting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("prediction failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- energy figures

    static ForestPredictions.Energies perConfiguration(ForestData data, ForestMode mode, Units u, double[] rowPred) {
        Map<Integer, double[]> acc = new LinkedHashMap<>();   // config -> {sum, count}
        for (int i = 0; i < u.size(); i++) {
            double[] a = acc.computeIfAbsent(u.configs[i], k -> new double[2]);
            a[0] += rowPred[i];
            a[1] += 1;
        }
        int n = acc.size(), j = 0;
        int[] cs = new int[n];
        String[] series = new String[n];
        double[] ref = new double[n], pred = new double[n];
        for (Map.Entry<Integer, double[]> e : acc.entrySet()) {
            int c = e.getKey();
            cs[j] = c;
            series[j] = data.series(c);
            ref[j] = data.energyPerAtom(c);
            double[] a = e.getValue();
            pred[j] = switch (mode) {
                case THESIS_ATOMS, CONFIGURATIONS -> a[0] / a[1];
                case ATOMIC_ENERGIES -> a[0] / data.atomsIn(c);    // every atom was predicted: E = Σ e_i
                case THESIS_FORCES -> throw new IllegalStateException();
            };
            j++;
        }
        return new ForestPredictions.Energies(cs, series, ref, pred);
    }

    static ForestMetrics.Energy energyMetrics(ForestData data, ForestMode mode, Units u, double[] rowPred, ForestPredictions.Energies p) {
        double mseRow = 0;
        for (int i = 0; i < u.size(); i++) {
            double d = rowPred[i] - target(data, mode, u.configs[i], u.rows[i], 0);
            mseRow += d * d;
        }
        mseRow /= u.size();
        double[] ref = p.reference(), pred = p.predicted();
        int[] cs = p.configurations();
        double se = 0, ae = 0, seTotal = 0, atoms = 0;
        for (int j = 0; j < ref.length; j++) {
            double d = pred[j] - ref[j];
            se += d * d;
            ae += Math.abs(d);
            double dt = d * data.atomsIn(cs[j]);
            seTotal += dt * dt;
            atoms += data.atomsIn(cs[j]);
        }
        int n = ref.length;
        return new ForestMetrics.Energy(n, u.size(), mseRow, 1000 * Math.sqrt(se / n), 1000 * ae / n, seTotal / n,
                seTotal / atoms, r2(ref, pred), std(pred) / std(ref));
    }

    /** The collapse diagnostics of one evaluated part; the target's variances are those of the training rows. */
    static ForestMetrics.Collapse collapse(ForestData data, ForestMode mode, Units train, Units evaluated, double[] rowPred,
                                           ForestPredictions.Energies p) {
        double within = Double.NaN, between, predWithin = Double.NaN;
        if (mode.atomRows()) {
            double[] y = new double[train.size()];
            for (int i = 0; i < y.length; i++) y[i] = target(data, mode, train.configs[i], train.rows[i], 0);
            double[] wb = withinBetween(train.configs, y);
            within = wb[0];
            between = wb[1];
            predWithin = withinBetween(evaluated.configs, rowPred)[0];
        } else {
            between = variance(p.reference());
        }
        double[] ref = p.reference(), pred = p.predicted();
        String[] series = p.series();
        double[] dy = deviationsFromGroupMeans(series, ref), dp = deviationsFromGroupMeans(series, pred);
        double syy = 0, spp = 0, sres = 0;
        for (int j = 0; j < dy.length; j++) {
            syy += dy[j] * dy[j];
            spp += dp[j] * dp[j];
            sres += (dy[j] - dp[j]) * (dy[j] - dp[j]);
        }
        return new ForestMetrics.Collapse(within, between, predWithin, std(pred) / std(ref), r2(ref, pred),
                Math.sqrt(spp / syy), correlation(dy, dp), 1 - sres / syy);
    }

    /**
     * {within-group variance, between-group variance} of values grouped by key, weighted per value. Each group is
     * shifted by its first value before averaging, so a constant group gives exactly 0, not rounding noise.
     */
    static double[] withinBetween(int[] groups, double[] v) {
        Map<Integer, double[]> acc = new HashMap<>();   // group -> {first value, sum of (v - first), count}
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            int idx = i;
            double[] a = acc.computeIfAbsent(groups[i], k -> new double[]{v[idx], 0, 0});
            a[1] += v[i] - a[0];
            a[2]++;
            total += v[i];
        }
        double mean = total / v.length, within = 0, between = 0;
        for (int i = 0; i < v.length; i++) {
            double[] a = acc.get(groups[i]);
            double d = (v[i] - a[0]) - a[1] / a[2];
            within += d * d;
        }
        for (double[] a : acc.values()) {
            double d = a[0] + a[1] / a[2] - mean;
            between += a[2] * d * d;
        }
        return new double[]{within / v.length, between / v.length};
    }

    static double[] deviationsFromGroupMeans(String[] groups, double[] v) {
        Map<String, double[]> acc = new HashMap<>();
        for (int i = 0; i < v.length; i++) {
            double[] a = acc.computeIfAbsent(groups[i], k -> new double[2]);
            a[0] += v[i];
            a[1]++;
        }
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double[] a = acc.get(groups[i]);
            d[i] = v[i] - a[0] / a[1];
        }
        return d;
    }

    // ---------------------------------------------------------------- force figures

    static ForestMetrics.Forces forceMetrics(ForestData data, Units u, double[][] pred) {
        String[] names = {"Fx", "Fy", "Fz"};
        List<ForestMetrics.Component> comps = new ArrayList<>();
        double seAll = 0, sqAll = 0, sumAll = 0;
        int n = u.size();
        for (int k = 0; k < 3; k++) {
            double[] ref = new double[n];
            double se = 0, sq = 0;
            for (int i = 0; i < n; i++) {
                ref[i] = data.force(u.rows[i], k);
                double d = pred[k][i] - ref[i];
                se += d * d;
                sq += ref[i] * ref[i];
                sumAll += ref[i];
            }
            seAll += se;
            sqAll += sq;
            comps.add(new ForestMetrics.Component(names[k], se / n, Math.sqrt(se / n), r2(ref, pred[k]),
                    correlation(ref, pred[k]), std(pred[k]) / std(ref), Math.sqrt(sq / n)));
        }
        return new ForestMetrics.Forces(n, comps, Math.sqrt(seAll / (3.0 * n)), Math.sqrt(sqAll / (3.0 * n)), sumAll / (3.0 * n));
    }

    // ---------------------------------------------------------------- plots

    static ForestPredictions.Rows rowSample(ForestData data, ForestMode mode, Units u, double[][] pred, List<String> outputs) {
        int stride = Math.max(1, (int) Math.ceil(u.size() / (double) PLOT_ROWS));
        int m = (u.size() + stride - 1) / stride;
        double[][] ref = new double[outputs.size()][m], p = new double[outputs.size()][m];
        for (int o = 0; o < outputs.size(); o++)
            for (int i = 0, j = 0; i < u.size(); i += stride, j++) {
                ref[o][j] = target(data, mode, u.configs[i], u.rows[i], o);
                p[o][j] = pred[o][i];
            }
        return new ForestPredictions.Rows(outputs, ref, p);
    }

    // ---------------------------------------------------------------- importance

    private List<ForestMetrics.Importance> importance(ForestData data, ForestMode mode, EnsembleModel<Regressor> forest,
                                                      MutableDataset<Regressor> dataset, ForestEncoding encoding,
                                                      Units valid, String[] outputs, double[] offsets) {
        Map<String, double[]> impurity = impurityDecrease(forest, dataset);
        Map<String, Double> permutation = permutationIncrease(data, mode, forest, encoding, valid, outputs, offsets);
        List<String> inputs = new ArrayList<>(encoding.continuousNames());
        inputs.addAll(encoding.categoricalGroups());
        double total = impurity.values().stream().mapToDouble(a -> a[0]).sum();
        List<ForestMetrics.Importance> out = new ArrayList<>();
        for (String in : inputs) {
            double[] a = impurity.getOrDefault(in, new double[2]);
            out.add(new ForestMetrics.Importance(in, descriptorOf(in), total > 0 ? a[0] / total : 0, (int) a[1],
                    permutation.getOrDefault(in, 0.0)));
        }
        out.sort(ForestResult::byImportance);
        return out;
    }

    static String descriptorOf(String input) {
        if ((input.startsWith("mean(") || input.startsWith("var(")) && input.endsWith(")"))
            return input.substring(input.indexOf('(') + 1, input.length() - 1);
        return input;
    }

    /**
     * Mean decrease in impurity per input: training rows are routed through every tree, each split node's squared
     * error decrease (its rows' SSE minus its children's) is credited to the split's input. Tribuo's trees keep
     * impurities but not node sizes, so the rows are routed again.
     *
     * @return input -> {SSE decrease summed over trees, split-node count}
     */
    private static Map<String, double[]> impurityDecrease(EnsembleModel<Regressor> forest, MutableDataset<Regressor> dataset) {
        int n = dataset.size();
        int stride = Math.max(1, (int) Math.ceil(n / (double) IMPURITY_ROWS));
        ImmutableFeatureMap fmap = forest.getFeatureIDMap();
        List<SparseVector> vectors = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        List<String[]> targetNames = new ArrayList<>();   // Regressor dimension names, sorted the same on every row
        for (int i = 0; i < n; i += stride) {
            Example<Regressor> e = dataset.getExample(i);
            vectors.add(SparseVector.createSparseVector(e, fmap, false));
            targets.add(e.getOutput().getValues());
            targetNames.add(e.getOutput().getNames());
        }
        Map<String, double[]> acc = new HashMap<>();
        for (Model<Regressor> member : forest.getModels()) {
            Map<String, Node<Regressor>> roots = new LinkedHashMap<>();
            if (member instanceof IndependentRegressionTreeModel irt) roots.putAll(irt.getRoots());
            else roots.put(null, ((TreeModel<Regressor>) member).getRoot());   // joint tree: all outputs
            for (Map.Entry<String, Node<Regressor>> root : roots.entrySet()) {
                // the outputs this root predicts: one for an independent tree, all for a joint tree
                String[] names0 = targetNames.get(0);
                int[] dims = root.getKey() == null ? java.util.stream.IntStream.range(0, names0.length).toArray()
                        : new int[]{indexOf(names0, root.getKey())};
                Map<Node<Regressor>, double[]> stats = new IdentityHashMap<>();   // node -> {count, (sum, sum of squares) per output}
                for (int i = 0; i < vectors.size(); i++) {
                    double[] t = targets.get(i);
                    Node<Regressor> node = root.getValue();
                    while (true) {
                        double[] s = stats.computeIfAbsent(node, k -> new double[1 + 2 * dims.length]);
                        s[0]++;
                        for (int d = 0; d < dims.length; d++) {
                            double v = t[dims[d]];
                            s[1 + 2 * d] += v;
                            s[2 + 2 * d] += v * v;
                        }
                        if (node.isLeaf()) break;
                        node = node.getNextNode(vectors.get(i));
                    }
                }
                // credit every split node reachable from the root
                List<Node<Regressor>> stack = new ArrayList<>(List.of(root.getValue()));
                while (!stack.isEmpty()) {
                    Node<Regressor> node = stack.remove(stack.size() - 1);
                    if (node.isLeaf()) continue;
                    SplitNode<Regressor> sn = (SplitNode<Regressor>) node;
                    String input = ForestEncoding.inputOf(fmap.get(sn.getFeatureID()).getName());
                    double[] a = acc.computeIfAbsent(input, k -> new double[2]);
                    a[0] += sse(stats.get(sn)) - sse(stats.get(sn.getLessThanOrEqual())) - sse(stats.get(sn.getGreaterThan()));
                    a[1]++;
                    stack.add(sn.getLessThanOrEqual());
                    stack.add(sn.getGreaterThan());
                }
            }
        }
        return acc;
    }

    /** Sum over outputs of the squared deviations from the node mean, from {count, (sum, sum of squares) per output}. */
    private static double sse(double[] s) {
        if (s == null || s[0] == 0) return 0;
        double total = 0;
        for (int d = 1; d < s.length; d += 2) total += Math.max(0, s[d + 1] - s[d] * s[d] / s[0]);
        return total;
    }

    /**
     * Permutation importance: the validation MSE of the row target (summed over outputs) after shuffling one input
     * among up to {@link #PERMUTATION_ROWS} validation rows, minus the MSE without shuffling. Categorical groups are
     * shuffled as a whole (a row takes another row's category).
     */
    private Map<String, Double> permutationIncrease(ForestData data, ForestMode mode, Model<Regressor> forest,
                                                    ForestEncoding encoding, Units valid, String[] outputs, double[] offsets) {
        int stride = Math.max(1, (int) Math.ceil(valid.size() / (double) PERMUTATION_ROWS));
        int m = (valid.size() + stride - 1) / stride;
        double[][] x = new double[m][];
        String[][] cats = new String[m][];
        double[][] y = new double[outputs.length][m];
        for (int i = 0, j = 0; i < valid.size(); i += stride, j++) {
            x[j] = encoding.encoded(valid.configs[i], valid.rows[i]);
            cats[j] = encoding.categories(valid.configs[i]);
            for (int o = 0; o < outputs.length; o++) y[o][j] = target(data, mode, valid.configs[i], valid.rows[i], o);
        }
        double base = mse(forest, encoding, x, cats, y, outputs, offsets);
        Map<String, Double> out = new HashMap<>();
        SplittableRandom rng = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
        List<String> cont = encoding.continuousNames();
        for (int col = 0; col < cont.size(); col++) {
            int[] perm = permutation(m, rng);
            double[][] xp = new double[m][];
            for (int j = 0; j < m; j++) {
                xp[j] = x[j].clone();
                xp[j][col] = x[perm[j]][col];
            }
            out.put(cont.get(col), mse(forest, encoding, xp, cats, y, outputs, offsets) - base);
        }
        List<String> groups = encoding.categoricalGroups();
        for (int g = 0; g < groups.size(); g++) {
            int[] perm = permutation(m, rng);
            String[][] cp = new String[m][];
            for (int j = 0; j < m; j++) {
                cp[j] = cats[j].clone();
                cp[j][g] = cats[perm[j]][g];
            }
            out.put(groups.get(g), mse(forest, encoding, x, cp, y, outputs, offsets) - base);
        }
        return out;
    }

    private double mse(Model<Regressor> forest, ForestEncoding encoding, double[][] x, String[][] cats, double[][] y,
                       String[] outputs, double[] offsets) {
        int m = x.length;
        double[][] pred = new double[outputs.length][m];
        int chunks = (m + CHUNK - 1) / CHUNK;
        Runnable[] work = new Runnable[chunks];
        for (int ch = 0; ch < chunks; ch++) {
            int from = ch * CHUNK, to = Math.min(m, from + CHUNK);
            work[ch] = () -> {
                List<Example<Regressor>> batch = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) batch.add(encoding.example(x[i], cats[i], RegressionFactory.UNKNOWN_MULTIPLE_REGRESSOR));
                List<Prediction<Regressor>> ps = forest.predict(batch);
                for (int i = from; i < to; i++) fill(ps.get(i - from).getOutput(), outputs, offsets, pred, i);
            };
        }
        runAll(work);
        double s = 0;
        for (int o = 0; o < outputs.length; o++)
            for (int i = 0; i < m; i++) {
                double d = pred[o][i] - y[o][i];
                s += d * d;
            }
        return s / m;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }

    // ---------------------------------------------------------------- statistics

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static double variance(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / v.length;
    }

    static double std(double[] v) {
        return Math.sqrt(variance(v));
    }

    /** Coefficient of determination; NaN when the references do not vary (one configuration), where it is undefined. */
    static double r2(double[] ref, double[] pred) {
        double m = mean(ref), sst = 0, sse = 0;
        for (int i = 0; i < ref.length; i++) {
            sst += (ref[i] - m) * (ref[i] - m);
            sse += (ref[i] - pred[i]) * (ref[i] - pred[i]);
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }

    static double correlation(double[] a, double[] b) {
        double ma = mean(a), mb = mean(b), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
