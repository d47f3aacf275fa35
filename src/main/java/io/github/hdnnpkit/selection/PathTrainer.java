package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.Initialisation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TargetNormalisation;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.model.backend.AdamSettings;
import io.github.hdnnpkit.model.backend.Backend;
import io.github.hdnnpkit.model.backend.Engine;
import io.github.hdnnpkit.model.backend.ProximalStep;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The training loop both penalised paths share: data preconditioned (scaled to [−1, 1]) and targets normalised on
 * the training configurations, as {@link io.github.hdnnpkit.model.Trainer} does; a dense fit with early stopping;
 * then λ raised with warm starts, a proximal step after every Adam step. Only the training and validation
 * configurations are used.
 */
final class PathTrainer {
    /** What differs between the methods: the skip term, the proximal step and what "a feature is in" means. */
    interface Penalty {
        boolean skip();

        /** Called once after the dense fit (e.g. adaptive weights from its columns). */
        default void afterDense(float[] parameters, float[] skip, Layout layout) {
        }

        ProximalStep step(double lambda, Layout layout);

        /** The feature's size in the model; 0 means it is out. */
        double magnitude(float[] parameters, float[] skip, Layout layout, int feature);
    }

    private PathTrainer() {
    }

    static PenaltyPath run(String method, TrainingData data, PathOptions o, Penalty penalty, Map<String, String> hyperParameters,
                           Progress progress, Cancellation cancellation) {
        DescriptorMatrix raw = data.descriptors();
        List<String> ids = raw.featureIds();
        int p = ids.size();
        int[] train = data.split().train(), val = data.split().validation();
        double[] energies = data.energies();
        int[] atoms = new int[raw.configurations()];
        for (int c = 0; c < atoms.length; c++) atoms[c] = raw.atomsIn(c);
        Preconditioner pre = Preconditioner.fit(Preconditioner.Method.SCALE, raw, train);
        TargetNormalisation norm = TargetNormalisation.fit(energies, atoms, train);
        double scale2 = norm.scale() * norm.scale();
        float[] t = new float[train.length];
        for (int i = 0; i < train.length; i++) t[i] = (float) norm.toNetwork(energies[train[i]], atoms[train[i]]);

        Layout layout = Layout.of(p, o.hidden().stream().mapToInt(Integer::intValue).toArray());
        try (Engine engine = Backend.named("java").open(layout, Initialisation.glorotUniform(layout, o.seed()), AdamSettings.THESIS, o.threads())) {
            if (penalty.skip()) engine.setSkip(new float[p]);
            Engine.Prepared trainData = engine.prepare(pre.apply(raw, train), t);
            Engine.Prepared valData = engine.prepare(pre.apply(raw, val), null);
            SplittableRandom rng = new SplittableRandom(o.seed());
            int[] order = new int[train.length];
            List<PenaltyPath.Point> points = new ArrayList<>();
            List<double[]> magnitudes = new ArrayList<>();

            // dense fit: no penalty, early stopping on the validation loss, best weights back
            progress.start(method + ": dense fit, then the λ path", o.maxLambdas() + 1L);
            double best = Double.POSITIVE_INFINITY, lastTrain = Double.NaN;
            float[] bestParams = engine.parameters(), bestSkip = engine.skip();
            int wait = 0, epochs = 0;
            for (int e = 1; e <= o.denseEpochs() && wait < o.densePatience(); e++) {
                lastTrain = epoch(engine, trainData, order, rng, o) * scale2;
                double v = mse(engine, valData, energies, atoms, val, norm);
                epochs = e;
                if (v < best) {
                    best = v;
                    bestParams = engine.parameters();
                    bestSkip = engine.skip();
                    wait = 0;
                } else wait++;
                if (cancellation.isCancelled()) break;
            }
            engine.setParameters(bestParams);
            if (bestSkip != null) engine.setSkip(bestSkip);
            penalty.afterDense(engine.parameters(), engine.skip(), layout);
            double[] mag = magnitudes(engine, penalty, layout, p);
            points.add(new PenaltyPath.Point(0, epochs, lastTrain, best, selected(ids, mag), false));
            magnitudes.add(mag);
            progress.update(1, String.format(Locale.ROOT, "dense fit: %d epochs, val_loss %.5g", epochs, best));

            double lambda = o.lambdaStart();
            boolean searching = true;
            for (int step = 0; step < o.maxLambdas() && !cancellation.isCancelled(); step++) {
                engine.setProximal(penalty.step(lambda, layout));
                double tr = Double.NaN;
                for (int e = 0; e < o.epochsPerLambda(); e++) tr = epoch(engine, trainData, order, rng, o) * scale2;
                double v = mse(engine, valData, energies, atoms, val, norm);
                mag = magnitudes(engine, penalty, layout, p);
                List<String> sel = selected(ids, mag);
                boolean stillSearching = searching && sel.size() == countOf(points.get(points.size() - 1));
                points.add(new PenaltyPath.Point(lambda, o.epochsPerLambda(), tr, v, sel, stillSearching));
                magnitudes.add(mag);
                progress.update(step + 2, String.format(Locale.ROOT, "λ %.4g: %d features, val_loss %.5g", lambda, sel.size(), v));
                if (sel.isEmpty()) break;
                if (searching && !stillSearching) searching = false;
                lambda *= searching ? PathOptions.SEARCH_FACTOR : o.multiplier();
            }
            engine.setProximal(null);
            PenaltyPath.Point last = points.get(points.size() - 1);
            progress.finish(String.format(Locale.ROOT, "%s: %d λ values, %d features left at λ %.4g", method, points.size() - 1, last.count(), last.lambda()));
            Map<String, String> hp = new LinkedHashMap<>(hyperParameters);
            hp.putAll(o.asMap());
            Selection s = ranking(method, ids, points, magnitudes, hp, data.dataId() + " [" + data.descriptorSet() + ", training + validation part]", o.seed());
            return new PenaltyPath(method, ids, points, s);
        }
    }

    private static int countOf(PenaltyPath.Point p) { return p.count(); }

    /**
     * A feature's score is the λ of the first point after the last one that still had it (+∞ if it never left);
     * features that left together are ordered by their size at the last point that had them.
     */
    static Selection ranking(String method, List<String> ids, List<PenaltyPath.Point> points, List<double[]> magnitudes,
                             Map<String, String> hp, String dataId, long seed) {
        int p = ids.size();
        double[] leave = new double[p], size = new double[p];
        for (int j = 0; j < p; j++) {
            int lastIn = -1;
            for (int k = 0; k < points.size(); k++) if (magnitudes.get(k)[j] > 0) lastIn = k;
            leave[j] = lastIn < 0 ? 0 : lastIn == points.size() - 1 ? Double.POSITIVE_INFINITY : points.get(lastIn + 1).lambda();
            size[j] = lastIn < 0 ? 0 : magnitudes.get(lastIn)[j];
        }
        Integer[] idx = new Integer[p];
        for (int j = 0; j < p; j++) idx[j] = j;
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(j -> -leave[j]).thenComparingDouble(j -> -size[j]));
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int j : idx) scores.put(ids.get(j), leave[j]);
        return Selection.byScore(method, scores, "λ at which the feature left", hp, dataId, seed);
    }

    /** One shuffled epoch; returns the mean batch loss as Keras's MSE in network units (2 × eq. 2.6). */
    private static double epoch(Engine engine, Engine.Prepared data, int[] order, SplittableRandom rng, PathOptions o) {
        int n = order.length;
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int x = order[i]; order[i] = order[j]; order[j] = x;
        }
        double sum = 0;
        for (int from = 0; from < n; from += o.batchSize()) {
            int to = Math.min(n, from + o.batchSize());
            sum += engine.trainStep(data, Arrays.copyOfRange(order, from, to), o.learningRate()) * (to - from);
        }
        double loss = 2 * sum / n;
        if (!Double.isFinite(loss)) throw new IllegalStateException("the penalised training diverged (loss " + loss + "); lower the learning rate");
        return loss;
    }

    private static double mse(Engine engine, Engine.Prepared data, double[] energies, int[] atoms, int[] configs, TargetNormalisation norm) {
        double[] net = engine.energies(data);
        double s = 0;
        for (int i = 0; i < configs.length; i++) {
            double d = norm.toEnergy(net[i], atoms[configs[i]]) - energies[configs[i]];
            s += d * d;
        }
        return s / configs.length;
    }

    private static double[] magnitudes(Engine engine, Penalty penalty, Layout layout, int p) {
        float[] params = engine.parameters(), skip = engine.skip();
        double[] m = new double[p];
        for (int j = 0; j < p; j++) m[j] = penalty.magnitude(params, skip, layout, j);
        return m;
    }

    private static List<String> selected(List<String> ids, double[] magnitude) {
        List<String> s = new ArrayList<>();
        for (int j = 0; j < magnitude.length; j++) if (magnitude[j] > 0) s.add(ids.get(j));
        return s;
    }

    /** Euclidean norm of first-layer column j (the weights leaving input j). */
    static double columnNorm(float[] params, Layout layout, int j) {
        int nin = layout.inputs(), nout = layout.size(1), wo = layout.weightOffset(1);
        double s = 0;
        for (int o = 0; o < nout; o++) {
            double w = params[wo + o * nin + j];
            s += w * w;
        }
        return Math.sqrt(s);
    }
}
