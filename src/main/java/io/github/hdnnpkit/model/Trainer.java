package io.github.hdnnpkit.model;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.backend.Backend;
import io.github.hdnnpkit.model.backend.Engine;
import io.github.hdnnpkit.model.backend.OptimizerState;
import io.github.hdnnpkit.model.optim.Adam;
import io.github.hdnnpkit.model.optim.DampedGaussNewton;
import io.github.hdnnpkit.model.optim.ExtendedKalmanFilter;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.model.optim.LevenbergMarquardt;
import io.github.hdnnpkit.model.optim.SecondOrderState;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import io.github.hdnnpkit.util.Versions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains an {@link Hdnnp} as in section 2.5: preconditioning and target normalisation fitted on the training split,
 * then epochs of the configuration's {@link io.github.hdnnpkit.model.optim.Optimiser} — Adam on mini-batches with a
 * learning-rate schedule (the thesis's), the extended Kalman filter with one update per configuration in shuffled
 * order, or one Levenberg–Marquardt step on the whole training split — and early stopping on the validation loss that
 * returns the best weights. The history's rate column is Adam's learning rate, the filter's η or LM's damping λ. Reports each epoch to a {@link Progress}, checks a {@link Cancellation} after each epoch (and
 * then returns the best model so far), and can checkpoint every N epochs so that running the same training again
 * with the same checkpoint folder resumes where it stopped.
 *
 * <pre>{@code
 * TrainingResult r = new Trainer(TrainingConfig.defaults().withMaxEpochs(500))
 *         .progress(bar).cancellation(Cancellation.withBudget(Duration.ofMinutes(5)))
 *         .train(Layout.parse("57-10-10-1"), data);
 * }</pre>
 */
public final class Trainer {
    private final TrainingConfig config;
    private Progress progress = Progress.NONE;
    private Cancellation cancellation = Cancellation.none();
    private Backend backend;
    private float[] initialParameters;
    private Path checkpointDir;
    private int checkpointEvery;
    private EpochMonitor monitor;

    public Trainer(TrainingConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    public TrainingConfig config() { return config; }

    public Trainer progress(Progress p) { this.progress = Objects.requireNonNull(p); return this; }

    public Trainer cancellation(Cancellation c) { this.cancellation = Objects.requireNonNull(c); return this; }

    /** Uses this back-end instead of the one named in the configuration. */
    public Trainer backend(Backend b) { this.backend = b; return this; }

    /** Starts from these parameters instead of the seeded Glorot initialisation (e.g. to compare back-ends). */
    public Trainer initialParameters(float[] p) { this.initialParameters = p.clone(); return this; }

    /** Reports every epoch with the test part's errors at that epoch (costs one forward pass over the test part per epoch). */
    public Trainer monitor(EpochMonitor m) { this.monitor = Objects.requireNonNull(m); return this; }

    /** Writes a checkpoint to {@code dir} every {@code everyEpochs} epochs and resumes from it if one is there. */
    public Trainer checkpoints(Path dir, int everyEpochs) {
        if (everyEpochs < 1) throw new IllegalArgumentException("checkpoint interval must be ≥ 1 epoch");
        this.checkpointDir = dir;
        this.checkpointEvery = everyEpochs;
        return this;
    }

    /** Trains a network of the given layout; the layout's input count must equal the number of descriptor columns. */
    public TrainingResult train(Layout layout, TrainingData data) {
        long t0 = System.nanoTime();
        DescriptorMatrix raw = data.descriptors();
        if (layout.inputs() != raw.features())
            throw new IllegalArgumentException("layout " + layout + " has " + layout.inputs() + " inputs but the descriptors have " + raw.features() + " features");
        // the test part is evaluated once, after training: no epoch, early stop or schedule decision sees it
        int[] train = data.split().train(), val = data.split().validation(), test = data.split().test();
        double[] energies = data.energies();
        int[] atoms = new int[raw.configurations()];
        for (int c = 0; c < atoms.length; c++) atoms[c] = raw.atomsIn(c);

        Preconditioner pre = Preconditioner.fit(config.preconditioning(), raw, train);
        TargetNormalisation norm = config.normaliseTargets() ? TargetNormalisation.fit(energies, atoms, train) : TargetNormalisation.IDENTITY;
        double scale2 = norm.scale() * norm.scale();

        Backend be = backend != null ? backend : config.backend().open();
        float[] init = initialParameters != null ? initialParameters : Initialisation.glorotUniform(layout, config.seed());
        if (init.length != layout.parameterCount()) throw new IllegalArgumentException("initial parameters do not fit layout " + layout);

        try (Engine engine = be.open(layout, init, config.adam(), config.threads())) {
            Engine.Prepared trainData = engine.prepare(pre.apply(raw, train), targets(energies, atoms, train, norm));
            Engine.Prepared valData = engine.prepare(pre.apply(raw, val), targets(energies, atoms, val, norm));
            Engine.Prepared watchedTest = monitor == null ? null : engine.prepare(pre.apply(raw, test), null);

            List<EpochRecord> history = new ArrayList<>();
            double bestVal = Double.POSITIVE_INFINITY;
            int bestEpoch = 0, wait = 0, startEpoch = 1;
            float[] bestParams = engine.parameters();
            String fingerprint = fingerprint(layout, data, pre);
            float[] trainTargets = targets(energies, atoms, train, norm);
            Stepper stepper = stepper(engine, trainData, trainTargets);
            try {
                if (checkpointDir != null) {
                    Checkpoint cp = Checkpoint.read(checkpointDir, fingerprint);
                    if (cp != null) {
                        engine.setParameters(cp.params);
                        if (cp.optimizer != null) engine.setOptimizerState(cp.optimizer);
                        if (cp.secondOrder != null) stepper.restore(cp.secondOrder);
                        else if (!(config.optimiser() instanceof Adam))
                            throw new IllegalStateException("checkpoint " + checkpointDir + " has no " + config.optimiser().name() + " state; use another checkpoint folder or delete it");
                        history.addAll(cp.history);
                        bestVal = cp.bestVal;
                        bestEpoch = cp.bestEpoch;
                        wait = cp.patienceUsed;
                        bestParams = cp.bestParams;
                        startEpoch = cp.epoch + 1;
                    }
                }

                TrainingResult.StopReason reason = TrainingResult.StopReason.MAX_EPOCHS;
                boolean stopped = startEpoch > config.maxEpochs() || (config.earlyStopping().enabled() && wait >= config.earlyStopping().patience());
                if (stopped && startEpoch <= config.maxEpochs()) reason = TrainingResult.StopReason.EARLY_STOPPING;
                progress.start("training " + layout.notation() + " on " + train.length + " configurations", config.maxEpochs());
                int nTrain = train.length;
                int[] order = new int[nTrain];
                double epochSeconds = 0;
                for (int epoch = startEpoch; epoch <= config.maxEpochs() && !stopped; epoch++) {
                    long e0 = System.nanoTime();
                    for (int i = 0; i < nTrain; i++) order[i] = i;
                    if (config.shuffle()) shuffle(order, epochSeed(config.seed(), epoch));
                    // the history holds Keras's MSE (eV², per configuration), the thesis's tables' quantity
                    double trainLoss = stepper.epoch(epoch, order) * scale2;
                    double lr = stepper.rate();
                    double valLoss = mse(engine.energies(valData), energies, atoms, val, norm);
                    double sec = (System.nanoTime() - e0) * 1e-9;
                    epochSeconds += sec;
                    EpochRecord record = new EpochRecord(epoch, trainLoss, valLoss, lr, sec);
                    history.add(record);
                    if (monitor != null)
                        monitor.epoch(record, predictions(test, atoms, energies, toEnergies(engine.energies(watchedTest), atoms, test, norm)).errors());
                    if (!Double.isFinite(trainLoss) || !Double.isFinite(valLoss))
                        throw new IllegalStateException("training diverged at epoch " + epoch + " (loss " + trainLoss + ", val_loss " + valLoss
                                + "); " + (config.optimiser() instanceof Adam ? "lower the learning rate" : "lower the optimiser's step (ekf: eta0/eta_max; lm: a larger damping)"));
                    if (valLoss < bestVal - config.earlyStopping().minDelta()) {
                        bestVal = valLoss;
                        bestEpoch = epoch;
                        wait = 0;
                        bestParams = engine.parameters();
                    } else {
                        wait++;
                        if (config.earlyStopping().enabled() && wait >= config.earlyStopping().patience()) {
                            stopped = true;
                            reason = TrainingResult.StopReason.EARLY_STOPPING;
                        }
                    }
                    int done = epoch - startEpoch + 1;
                    double eta = epochSeconds / done * (config.maxEpochs() - epoch);
                    progress.update(epoch, String.format(Locale.ROOT, "epoch %d/%d  loss %.5g  val_loss %.5g  %s %.3g  best %d  ETA ≤ %s",
                            epoch, config.maxEpochs(), trainLoss, valLoss, stepper.rateName(), lr, bestEpoch, duration(eta)));
                    if (checkpointDir != null && (epoch % checkpointEvery == 0 || stopped))
                        new Checkpoint(epoch, engine.parameters(), bestParams, config.optimiser() instanceof Adam ? engine.optimizerState() : null,
                                stepper.state(), history, bestVal, bestEpoch, wait)
                                .write(checkpointDir, fingerprint);
                    if (!stopped && cancellation.isCancelled()) {
                        stopped = true;
                        reason = TrainingResult.StopReason.CANCELLED;
                    }
                }
                if (history.isEmpty()) throw new IllegalStateException("no epoch was trained");
                int lastEpoch = history.get(history.size() - 1).epoch();
                if (!config.earlyStopping().restoreBest()) {
                    bestParams = engine.parameters();
                    bestEpoch = lastEpoch;
                }
                engine.setParameters(bestParams);
                double[] trainPred = toEnergies(engine.energies(trainData), atoms, train, norm);
                double[] valPred = toEnergies(engine.energies(valData), atoms, val, norm);
                double[] testPred = toEnergies(engine.energies(engine.prepare(pre.apply(raw, test), null)), atoms, test, norm);
                TrainingResult.Predictions tp = predictions(train, atoms, energies, trainPred);
                TrainingResult.Predictions vp = predictions(val, atoms, energies, valPred);
                TrainingResult.Predictions sp = predictions(test, atoms, energies, testPred);
                progress.finish(String.format(Locale.ROOT, "best epoch %d of %d (%s): val_loss %.5g, val RMSE %.3f, test RMSE %.3f meV/atom",
                        bestEpoch, lastEpoch, reason.name().toLowerCase(Locale.ROOT), bestVal, vp.errors().rmseMeVPerAtom(), sp.errors().rmseMeVPerAtom()));

                double meanAtoms = 0;
                for (int a : atoms) meanAtoms += a;
                meanAtoms /= atoms.length;
                Map<String, Object> hp = config.asMap();
                hp.put("backend", engine.backendName());
                TrainingResult.Provenance prov = new TrainingResult.Provenance(data.dataId(), data.descriptorSet(), raw.featureIds(), layout.notation(),
                        hp, config.seed(), data.split().seed(), engine.backendName(), Versions.all(), pre.constantFeatures());
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("data_id", data.dataId());
                meta.put("backend", engine.backendName());
                meta.put("seed", Long.toString(config.seed()));
                meta.put("split_seed", Long.toString(data.split().seed()));
                meta.put("best_epoch", Integer.toString(bestEpoch));
                meta.put("hyper_parameters", hp.toString());
                meta.put("kit_version", Versions.kit());
                Hdnnp model = new Hdnnp(layout, bestParams, pre, norm, data.descriptorSet(), "Al", meta);
                if (data.functions() != null) model = model.withDescriptors(data.functions(), data.convention());
                return new TrainingResult(history, bestEpoch, lastEpoch, reason, (System.nanoTime() - t0) * 1e-9, meanAtoms,
                        tp.errors(), vp.errors(), sp.errors(), tp, vp, sp, model, prov);
            } finally {
                stepper.close();
            }
        }
    }

    /** One epoch of the configured optimiser on the engine's live parameters. */
    private interface Stepper extends AutoCloseable {
        /** Trains one epoch in this order of the training configurations; returns their mean squared error before their updates, network units. */
        double epoch(int epoch, int[] order);

        /** Adam's learning rate, the filter's η or LM's λ after the epoch. */
        double rate();

        String rateName();

        /** What a checkpoint needs beyond the parameters (null for Adam, whose moments are the engine's). */
        SecondOrderState state();

        void restore(SecondOrderState s);

        @Override
        default void close() { }
    }

    private Stepper stepper(Engine engine, Engine.Prepared trainData, float[] targets) {
        int nTrain = targets.length;
        if (config.optimiser() instanceof KalmanFilter kf) {
            ExtendedKalmanFilter f = new ExtendedKalmanFilter(kf, toDouble(engine.parameters()), nTrain, config.threads());
            float[] jac = new float[f.size()], w = new float[f.size()];
            return new Stepper() {
                public double epoch(int epoch, int[] order) {
                    double sum = 0;
                    for (int c : order) {
                        double xi = targets[c] - engine.energyAndJacobian(trainData, c, jac);
                        sum += xi * xi;
                        f.update(jac, xi);
                        f.weightsInto(w);
                        engine.setParameters(w);
                    }
                    return sum / order.length;
                }
                public double rate() { return f.eta(); }
                public String rateName() { return "eta"; }
                public SecondOrderState state() { return f.state(); }
                public void restore(SecondOrderState s) { f.restore(s); }
                public void close() { f.close(); }
            };
        }
        if (config.optimiser() instanceof LevenbergMarquardt lm) {
            DampedGaussNewton g = new DampedGaussNewton(lm, toDouble(engine.parameters()), config.threads());
            return new Stepper() {
                public double epoch(int epoch, int[] order) { return g.step(engine, trainData, targets); }
                public double rate() { return g.damping(); }
                public String rateName() { return "lambda"; }
                public SecondOrderState state() { return g.state(); }
                public void restore(SecondOrderState s) { g.restore(s); }
                public void close() { g.close(); }
            };
        }
        return new Stepper() {
            double lr;
            public double epoch(int epoch, int[] order) {
                lr = config.schedule().rate(config.learningRate(), epoch);
                double lossSum = 0;
                for (int from = 0; from < order.length; from += config.batchSize()) {
                    int to = Math.min(order.length, from + config.batchSize());
                    int[] batch = java.util.Arrays.copyOfRange(order, from, to);
                    lossSum += engine.trainStep(trainData, batch, lr) * batch.length;
                }
                // the engines minimise eq. 2.6 (½·MSE)
                return 2 * lossSum / order.length;
            }
            public double rate() { return lr; }
            public String rateName() { return "lr"; }
            public SecondOrderState state() { return null; }
            public void restore(SecondOrderState s) { throw new IllegalStateException("Adam keeps no second-order state"); }
        };
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    static float[] targets(double[] energies, int[] atoms, int[] configs, TargetNormalisation norm) {
        float[] t = new float[configs.length];
        for (int i = 0; i < configs.length; i++) t[i] = (float) norm.toNetwork(energies[configs[i]], atoms[configs[i]]);
        return t;
    }

    private static double[] toEnergies(double[] net, int[] atoms, int[] configs, TargetNormalisation norm) {
        double[] e = new double[net.length];
        for (int i = 0; i < net.length; i++) e[i] = norm.toEnergy(net[i], atoms[configs[i]]);
        return e;
    }

    /** Keras's {@code mean_squared_error} over configurations, eV² (eq. 2.6 without its ½). */
    private static double mse(double[] net, double[] energies, int[] atoms, int[] configs, TargetNormalisation norm) {
        double s = 0;
        for (int i = 0; i < configs.length; i++) {
            double d = norm.toEnergy(net[i], atoms[configs[i]]) - energies[configs[i]];
            s += d * d;
        }
        return s / configs.length;
    }

    private static TrainingResult.Predictions predictions(int[] configs, int[] atoms, double[] energies, double[] pred) {
        int[] n = new int[configs.length];
        double[] ref = new double[configs.length];
        for (int i = 0; i < configs.length; i++) {
            n[i] = atoms[configs[i]];
            ref[i] = energies[configs[i]];
        }
        return new TrainingResult.Predictions(configs, n, ref, pred);
    }

    /** The shuffling seed of one epoch: independent of earlier epochs, so a resumed run shuffles as the original. */
    static long epochSeed(long seed, int epoch) {
        return seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L;
    }

    static void shuffle(int[] a, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    private String fingerprint(Layout layout, TrainingData data, Preconditioner pre) {
        Map<String, Object> hp = config.asMap();
        // an Adam checkpoint written before optimisers were types stays valid
        if (config.optimiser() instanceof Adam) hp.remove("optimizer");
        return layout.notation() + "|" + layout.hidden() + "|" + hp + "|" + data.dataId() + "|" + data.descriptorSet() + "|"
                + pre.featureIds().hashCode() + "|" + data.split().hashCode() + "|" + data.descriptors().rows();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }

    /** Training state on disk: JSON for the bookkeeping, raw float32 for parameters and Adam moments. */
    private record Checkpoint(int epoch, float[] params, float[] bestParams, OptimizerState optimizer, SecondOrderState secondOrder, List<EpochRecord> history,
                              double bestVal, int bestEpoch, int patienceUsed) {

        void write(Path dir, String fingerprint) {
            try {
                Path abs = dir.toAbsolutePath();
                Path tmp = io.github.hdnnpkit.util.Staging.createDirectory(abs);   // a killed run's is removed next time
                JsonObject o = new JsonObject();
                o.addProperty("fingerprint", fingerprint);
                o.addProperty("epoch", epoch);
                o.addProperty("best_val_loss", bestVal);
                o.addProperty("best_epoch", bestEpoch);
                o.addProperty("wait", patienceUsed);
                o.addProperty("adam_iteration", optimizer == null ? -1 : optimizer.iteration());
                JsonArray h = new JsonArray();
                for (EpochRecord e : history) {
                    JsonArray r = new JsonArray();
                    r.add(e.epoch()); r.add(e.trainLoss()); r.add(e.validationLoss()); r.add(e.learningRate()); r.add(e.seconds());
                    h.add(r);
                }
                o.add("history", h);
                Files.write(tmp.resolve("params.f32"), PotentialStore.weightBytes(params));
                Files.write(tmp.resolve("best.f32"), PotentialStore.weightBytes(bestParams));
                if (optimizer != null) {
                    Files.write(tmp.resolve("adam_m.f32"), PotentialStore.weightBytes(optimizer.m()));
                    Files.write(tmp.resolve("adam_v.f32"), PotentialStore.weightBytes(optimizer.v()));
                }
                if (secondOrder != null) {
                    JsonArray sc = new JsonArray();
                    for (double v : secondOrder.scalars()) sc.add(v);
                    o.add("second_order_scalars", sc);
                    Files.write(tmp.resolve("weights.f64"), doubleBytes(secondOrder.weights()));
                    if (secondOrder.covariance() != null) Files.write(tmp.resolve("covariance.f64"), doubleBytes(secondOrder.covariance()));
                }
                Files.writeString(tmp.resolve("checkpoint.json"), new Gson().toJson(o), StandardCharsets.UTF_8);
                PotentialStore.replace(tmp, abs);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write checkpoint " + dir + ": " + e.getMessage(), e);
            }
        }

        static Checkpoint read(Path dir, String fingerprint) {
            Path json = dir.resolve("checkpoint.json");
            if (!Files.isRegularFile(json)) return null;
            try {
                JsonObject o = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
                if (!fingerprint.equals(o.get("fingerprint").getAsString()))
                    throw new IllegalStateException("checkpoint " + dir + " belongs to a different training (data, layout or hyper-parameters differ);"
                            + " use another checkpoint folder or delete it");
                List<EpochRecord> h = new ArrayList<>();
                for (var e : o.getAsJsonArray("history")) {
                    JsonArray r = e.getAsJsonArray();
                    h.add(new EpochRecord(r.get(0).getAsInt(), r.get(1).getAsDouble(), r.get(2).getAsDouble(), r.get(3).getAsDouble(), r.get(4).getAsDouble()));
                }
                long it = o.get("adam_iteration").getAsLong();
                OptimizerState os = it < 0 ? null : new OptimizerState(floats(dir.resolve("adam_m.f32")), floats(dir.resolve("adam_v.f32")), it);
                SecondOrderState so = null;
                if (o.has("second_order_scalars")) {
                    JsonArray sc = o.getAsJsonArray("second_order_scalars");
                    double[] scalars = new double[sc.size()];
                    for (int i = 0; i < scalars.length; i++) scalars[i] = sc.get(i).getAsDouble();
                    Path cov = dir.resolve("covariance.f64");
                    so = new SecondOrderState(doubles(dir.resolve("weights.f64")), Files.exists(cov) ? doubles(cov) : null, scalars);
                }
                return new Checkpoint(o.get("epoch").getAsInt(), floats(dir.resolve("params.f32")), floats(dir.resolve("best.f32")), os, so, h,
                        o.get("best_val_loss").getAsDouble(), o.get("best_epoch").getAsInt(), o.get("wait").getAsInt());
            } catch (IOException | RuntimeException e) {
                if (e instanceof IllegalStateException ise && ise.getMessage() != null && ise.getMessage().startsWith("checkpoint")) throw ise;
                throw new IllegalStateException("checkpoint " + dir + " is unreadable: " + e.getMessage(), e);
            }
        }

        /** Little-endian float64, bit-exact (the filter's state must resume exactly). */
        private static byte[] doubleBytes(double[] d) {
            ByteBuffer b = ByteBuffer.allocate(d.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(d);
            return b.array();
        }

        private static double[] doubles(Path p) throws IOException {
            byte[] b = Files.readAllBytes(p);
            double[] d = new double[b.length / 8];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(d);
            return d;
        }

        private static float[] floats(Path p) throws IOException {
            byte[] b = Files.readAllBytes(p);
            float[] f = new float[b.length / 4];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
            return f;
        }
    }
}
