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
 * Group lasso on the first-layer weight columns of the atomic network: eq. 2.6 plus {@code λ Σ_j w_j ‖W_j‖₂}, where
 * W_j holds the weights leaving input j, so a whole column — the feature — goes to zero at once. After every Adam
 * step the group soft-threshold ({@link HierProx#groupSoftThreshold}) with threshold {@code lr·λ·w_j}. Plain group
 * lasso has {@code w_j = 1}; the adaptive group lasso (Wang and Leng 2008; for networks Dinh and Ho 2020) takes
 * {@code w_j = 1/‖W_j^dense‖₂^γ} from the first, unpenalised fit, so features the dense network already barely uses
 * are penalised more and strong ones less — which is what makes it select consistently where the plain one
 * over-shrinks. Ranking and λ path as in {@link LassoNet}.
 */
public final class GroupLasso implements FeatureSelector {
    /**
     * @param adaptive adaptive weights from the dense fit
     * @param gamma    their exponent γ (1 is the usual choice)
     * @param path     the network, Adam and the λ schedule
     */
    public record Options(boolean adaptive, double gamma, PathOptions path) {
        public Options {
            if (!(gamma > 0) || !Double.isFinite(gamma)) throw new IllegalArgumentException("γ must be positive, got " + gamma);
            Objects.requireNonNull(path);
        }

        public static Options plain() { return new Options(false, 1, PathOptions.defaults()); }

        public static Options adaptiveDefaults() { return new Options(true, 1, PathOptions.defaults()); }

        public Options withPath(PathOptions p) { return new Options(adaptive, gamma, p); }

        public Options withPath(java.util.function.UnaryOperator<PathOptions> f) { return new Options(adaptive, gamma, f.apply(path)); }
    }

    private final Options options;
    private Progress progress = Progress.NONE;
    private Cancellation cancellation = Cancellation.none();

    public GroupLasso(Options options) {
        this.options = Objects.requireNonNull(options);
    }

    public GroupLasso progress(Progress p) { this.progress = Objects.requireNonNull(p); return this; }

    public GroupLasso cancellation(Cancellation c) { this.cancellation = Objects.requireNonNull(c); return this; }

    public Options options() { return options; }

    @Override
    public String name() { return options.adaptive() ? "adaptive-group-lasso" : "group-lasso"; }

    @Override
    public Selection select(TrainingData data) { return path(data).selection(); }

    public PenaltyPath path(TrainingData data) {
        PathTrainer.Penalty penalty = new PathTrainer.Penalty() {
            double[] weights;

            @Override
            public boolean skip() { return false; }

            @Override
            public void afterDense(float[] params, float[] skip, Layout layout) {
                weights = new double[layout.inputs()];
                for (int j = 0; j < weights.length; j++) {
                    double n = PathTrainer.columnNorm(params, layout, j);
                    // a column the dense fit left at zero (a constant input) is out from the start
                    weights[j] = !options.adaptive() ? 1 : n > 0 ? Math.pow(n, -options.gamma()) : Double.POSITIVE_INFINITY;
                }
            }

            @Override
            public ProximalStep step(double lambda, Layout layout) {
                int nin = layout.inputs(), nout = layout.size(1), wo = layout.weightOffset(1);
                double[] w = weights.clone();
                return (params, skip, lr) -> {
                    for (int j = 0; j < nin; j++) {
                        double thr = lambda * lr * w[j];
                        HierProx.groupSoftThreshold(params, wo + j, nin, nout, Double.isFinite(thr) ? thr : Double.MAX_VALUE);
                    }
                };
            }

            @Override
            public double magnitude(float[] params, float[] skip, Layout layout, int j) {
                return PathTrainer.columnNorm(params, layout, j);
            }
        };
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("adaptive", Boolean.toString(options.adaptive()));
        if (options.adaptive()) hp.put("gamma", Double.toString(options.gamma()));
        return PathTrainer.run(name(), data, options.path(), penalty, hp, progress, cancellation);
    }
}
