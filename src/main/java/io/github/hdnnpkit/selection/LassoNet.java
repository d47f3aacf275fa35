package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.model.backend.ProximalStep;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * LassoNet (Lemhadri et al., JMLR 22(127), 2021) for the HDNNP: the shared atomic network plus a linear skip term per
 * atom, {@code E = Σ_i [NN(G_i) + θᵀG_i]}, trained with Adam on eq. 2.6 plus {@code λ‖θ‖₁}; after every Adam step
 * {@link HierProx} on each feature's (θ_j, W_j) with hierarchy coefficient M keeps {@code ‖W_j‖∞ ≤ M|θ_j|}, so a
 * feature leaves the network exactly when its linear weight reaches zero. The path of λ ({@link PathOptions}) ends
 * when no feature is left; a feature's importance is the λ at which it left.
 *
 * <p>Runs on the Java back-end (the skip term and the step after each update are engine hooks). The DL4J back-end
 * has neither: its SameDiff graph would need the skip layer, and its updater runs inside the graph, so a proximal
 * step after each update would copy every parameter out and back per batch; it is not offered.
 *
 * <pre>{@code
 * PenaltyPath path = new LassoNet(LassoNet.Options.defaults().withPath(p -> p.withMultiplier(1.5))).path(data);
 * List<String> top10 = path.selection().top(10);
 * }</pre>
 */
public final class LassoNet implements FeatureSelector {
    /**
     * @param m    the hierarchy coefficient M (LassoNet's default 10)
     * @param path the network, Adam and the λ schedule
     */
    public record Options(double m, PathOptions path) {
        public Options {
            if (!(m > 0) || !Double.isFinite(m)) throw new IllegalArgumentException("the hierarchy coefficient M must be positive, got " + m);
            Objects.requireNonNull(path);
        }

        public static Options defaults() { return new Options(10, PathOptions.defaults()); }

        public Options withM(double v) { return new Options(v, path); }

        public Options withPath(PathOptions p) { return new Options(m, p); }

        public Options withPath(java.util.function.UnaryOperator<PathOptions> f) { return new Options(m, f.apply(path)); }
    }

    private final Options options;
    private Progress progress = Progress.NONE;
    private Cancellation cancellation = Cancellation.none();

    public LassoNet(Options options) {
        this.options = Objects.requireNonNull(options);
    }

    public LassoNet progress(Progress p) { this.progress = Objects.requireNonNull(p); return this; }

    public LassoNet cancellation(Cancellation c) { this.cancellation = Objects.requireNonNull(c); return this; }

    public Options options() { return options; }

    @Override
    public String name() { return "lassonet"; }

    @Override
    public Selection select(TrainingData data) { return path(data).selection(); }

    /** Trains the whole path on the data's training part (validation for the dense fit's early stopping and the losses). */
    public PenaltyPath path(TrainingData data) {
        double m = options.m();
        PathTrainer.Penalty penalty = new PathTrainer.Penalty() {
            @Override
            public boolean skip() { return true; }

            @Override
            public ProximalStep step(double lambda, Layout layout) {
                int nin = layout.inputs(), nout = layout.size(1), wo = layout.weightOffset(1);
                double[] scratch = new double[nout];
                return (params, skip, lr) -> {
                    for (int j = 0; j < nin; j++) HierProx.apply(skip, j, params, wo + j, nin, nout, lambda * lr, m, scratch);
                };
            }

            @Override
            public double magnitude(float[] params, float[] skip, Layout layout, int j) {
                return Math.abs(skip[j]);
            }
        };
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("M", Double.toString(m));
        return PathTrainer.run(name(), data, options.path(), penalty, hp, progress, cancellation);
    }
}
