package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.util.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * The Java back-end's engine. A batch is processed configuration by configuration: forward through the hidden layers,
 * the energy as the sum over atoms, the residual, and back-propagation right away — one configuration's activations
 * stay in cache. With several threads the batch is cut into fixed contiguous chunks and the per-thread gradients are
 * added in thread order, so results are deterministic for a given thread count.
 */
final class JavaEngine implements Engine {
    private final Layout layout;
    private final int[] sizes;
    private final int layers, parameterCount;
    private final float[] params, m, v;
    private long iteration;
    private final AdamSettings adam;
    private final int threads;
    private final Kernels k;
    private final String name;
    private final Workspace[] workspaces;
    private final ExecutorService pool;
    // optional LassoNet skip term θ (one weight per input) with its own Adam moments, and a step after each update
    private float[] skip, skipM, skipV, skipGrad;
    private ProximalStep proximal;

    JavaEngine(Layout layout, float[] parameters, AdamSettings adam, int threads, Kernels kernels, String name) {
        if (parameters.length != layout.parameterCount())
            throw new IllegalArgumentException(parameters.length + " parameters for layout " + layout + ", expected " + layout.parameterCount());
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        this.layout = layout;
        this.sizes = layout.sizes();
        this.layers = layout.layers();
        this.parameterCount = layout.parameterCount();
        this.params = parameters.clone();
        this.m = new float[parameterCount];
        this.v = new float[parameterCount];
        this.adam = adam;
        this.threads = threads;
        this.k = kernels;
        this.name = name;
        this.workspaces = new Workspace[threads];
        for (int t = 0; t < threads; t++) workspaces[t] = new Workspace();
        this.pool = threads > 1 ? Parallel.daemonPool(threads - 1, "hdnnp-java-engine") : null;
    }

    /**
     * Descriptors stored per configuration in the kernels' blocked layout ({@code [atom block][feature][atom in
     * block]}, zero-padded to whole blocks; see {@link Kernels}), plus targets.
     */
    static final class JavaData implements Prepared {
        final float[] x;
        final int[] offsets, xOffsets;
        final float[] targets;
        final int features, maxAtoms, block;

        JavaData(float[] x, int[] offsets, int[] xOffsets, float[] targets, int features, int maxAtoms, int block) {
            this.x = x;
            this.offsets = offsets;
            this.xOffsets = xOffsets;
            this.targets = targets;
            this.features = features;
            this.maxAtoms = maxAtoms;
            this.block = block;
        }

        @Override
        public int configurations() { return offsets.length - 1; }
    }

    private final class Workspace {
        float[][] act = new float[layers][];
        float[][] delta = new float[layers][];
        float[] grad = new float[parameterCount];
        float[] gradLanes = new float[parameterCount * k.lanes()];     // the kernels' per-lane partial sums
        float[] sums = new float[layout.maxWidth()];
        float[] inputSums = new float[sizes[0]];
        float[] skipGrad = new float[sizes[0]];
        int capacity = -1;
        double loss;

        void ensure(int n) {
            int padded = k.blocks(n) * k.block();
            if (padded <= capacity) return;
            for (int l = 1; l < layers; l++) {
                act[l] = new float[sizes[l] * padded];
                delta[l] = new float[sizes[l] * padded];
            }
            capacity = padded;
        }
    }

    @Override
    public Layout layout() { return layout; }

    @Override
    public String backendName() { return name; }

    @Override
    public Prepared prepare(DescriptorMatrix d, float[] targets) {
        if (d.features() != sizes[0])
            throw new IllegalArgumentException("descriptors have " + d.features() + " features, the layout " + layout + " expects " + sizes[0]);
        if (targets != null && targets.length != d.configurations())
            throw new IllegalArgumentException(targets.length + " targets for " + d.configurations() + " configurations");
        int f = d.features(), nc = d.configurations(), bw = k.block();
        float[] src = d.rawValues();
        int[] off = d.atomOffsets();
        int[] xOff = new int[nc + 1];
        long total = 0;
        int maxAtoms = 0;
        for (int c = 0; c < nc; c++) {
            int n = off[c + 1] - off[c];
            maxAtoms = Math.max(maxAtoms, n);
            total += (long) k.blocks(n) * bw * f;
            if (total > Integer.MAX_VALUE - 16)
                throw new IllegalArgumentException("descriptors of " + nc + " configurations × " + f + " features do not fit one Java array "
                        + "(at configuration " + c + "); train on fewer configurations at a time");
            xOff[c + 1] = (int) total;
        }
        float[] x = new float[(int) total];
        for (int c = 0; c < nc; c++) {
            int first = off[c], n = off[c + 1] - first, base = xOff[c];
            for (int a = 0; a < n; a++) {
                int row = (first + a) * f, col = base + (a / bw) * f * bw + a % bw;
                for (int j = 0; j < f; j++) x[col + j * bw] = src[row + j];
            }
        }
        return new JavaData(x, off, xOff, targets == null ? null : targets.clone(), f, maxAtoms, bw);
    }

    /** The energy of configuration c; leaves the hidden activations in the workspace. */
    private double forward(JavaData d, int c, Workspace w) {
        if (d.block != k.block()) throw new IllegalArgumentException("data prepared by an engine with other kernels");
        int n = d.offsets[c + 1] - d.offsets[c], xo = d.xOffsets[c], blocks = k.blocks(n);
        w.ensure(n);
        Activation hidden = layout.hidden();
        for (int l = 1; l < layers; l++) {
            float[] in = l == 1 ? d.x : w.act[l - 1];
            k.forward(params, layout.weightOffset(l), layout.biasOffset(l), sizes[l - 1], sizes[l], in, l == 1 ? xo : 0, w.act[l], blocks, hidden);
        }
        // linear output neuron: E = n b + Σ_k W_k Σ_a h_k(a), no per-atom outputs needed
        int last = layers, nk = sizes[last - 1];
        if (last == 1) k.rowSums(d.x, xo, d.features, n, w.sums);
        else k.rowSums(w.act[last - 1], 0, nk, n, w.sums);
        int wo = layout.weightOffset(last);
        double e = (double) n * params[layout.biasOffset(last)];
        for (int j = 0; j < nk; j++) e += (double) params[wo + j] * w.sums[j];
        if (skip != null) {
            // the skip term per atom summed over atoms: θᵀ Σ_a G(a)
            k.rowSums(d.x, xo, d.features, n, w.inputSums);
            for (int j = 0; j < d.features; j++) e += (double) skip[j] * w.inputSums[j];
        }
        return e;
    }

    /**
     * Forward and backward for configuration c: adds {@code g dE/dθ} to the workspace gradient, g = (E - t)/B — the
     * output layer's terms to {@code w.grad}, the hidden layers' to the lane buffer {@code w.gradLanes} (folded into
     * {@code w.grad} by {@link Kernels#foldLanes} after the batch).
     */
    private void train(JavaData d, int c, float batch, Workspace w) {
        double e = forward(d, c, w);
        double r = e - d.targets[c];
        w.loss += r * r;
        float g = (float) (r / batch);
        int n = d.offsets[c + 1] - d.offsets[c], xo = d.xOffsets[c], blocks = k.blocks(n);
        int last = layers, nk = sizes[last - 1], wo = layout.weightOffset(last);
        for (int j = 0; j < nk; j++) w.grad[wo + j] += g * w.sums[j];
        w.grad[layout.biasOffset(last)] += g * n;
        if (skip != null) for (int j = 0; j < d.features; j++) w.skipGrad[j] += g * w.inputSums[j];
        if (last == 1) return;
        Activation hidden = layout.hidden();
        k.outputDelta(params, wo, nk, g, w.act[last - 1], w.delta[last - 1], n, hidden);
        for (int l = last - 1; l >= 1; l--) {
            float[] in = l == 1 ? d.x : w.act[l - 1];
            k.accumulateGradient(w.delta[l], sizes[l], in, l == 1 ? xo : 0, sizes[l - 1], blocks, w.gradLanes, layout.weightOffset(l), layout.biasOffset(l));
            if (l > 1)
                k.backpropagate(params, layout.weightOffset(l), sizes[l - 1], sizes[l], w.delta[l], w.act[l - 1], w.delta[l - 1], blocks, hidden);
        }
    }

    /**
     * Forward and backward for configuration c with seed 1: writes {@code dE_c/dθ} into {@code jac} from {@code at}
     * and returns E_c. The same kernels as {@link #train} with g = 1 and the output zeroed first.
     */
    private double jacobian(JavaData d, int c, Workspace w, float[] jac, int at) {
        double e = forward(d, c, w);
        int n = d.offsets[c + 1] - d.offsets[c], xo = d.xOffsets[c], blocks = k.blocks(n);
        int last = layers, nk = sizes[last - 1], wo = layout.weightOffset(last);
        // the hidden layers' terms go through the lane buffer like train's, folded once (same kernels, same bits)
        java.util.Arrays.fill(w.grad, 0f);
        java.util.Arrays.fill(w.gradLanes, 0f);
        for (int j = 0; j < nk; j++) w.grad[wo + j] = w.sums[j];
        w.grad[layout.biasOffset(last)] = n;
        if (last > 1) {
            Activation hidden = layout.hidden();
            k.outputDelta(params, wo, nk, 1f, w.act[last - 1], w.delta[last - 1], n, hidden);
            for (int l = last - 1; l >= 1; l--) {
                float[] in = l == 1 ? d.x : w.act[l - 1];
                k.accumulateGradient(w.delta[l], sizes[l], in, l == 1 ? xo : 0, sizes[l - 1], blocks, w.gradLanes, layout.weightOffset(l), layout.biasOffset(l));
                if (l > 1)
                    k.backpropagate(params, layout.weightOffset(l), sizes[l - 1], sizes[l], w.delta[l], w.act[l - 1], w.delta[l - 1], blocks, hidden);
            }
            k.foldLanes(w.gradLanes, w.grad, parameterCount);
        }
        System.arraycopy(w.grad, 0, jac, at, parameterCount);
        return e;
    }

    private void requireNoSkip() {
        if (skip != null) throw new IllegalStateException("the Jacobian covers the network's weights only; remove the skip term first");
    }

    @Override
    public double energyAndJacobian(Prepared data, int configuration, float[] jac) {
        requireNoSkip();
        if (jac.length < parameterCount) throw new IllegalArgumentException("Jacobian buffer of " + jac.length + ", expected " + parameterCount);
        return jacobian((JavaData) data, configuration, workspaces[0], jac, 0);
    }

    @Override
    public double[] energiesAndJacobians(Prepared data, int[] configurations, float[] jac) {
        requireNoSkip();
        JavaData d = (JavaData) data;
        int b = configurations.length;
        if (jac.length < (long) b * parameterCount)
            throw new IllegalArgumentException("Jacobian buffer of " + jac.length + " for " + b + " × " + parameterCount);
        double[] e = new double[b];
        int chunks = Math.max(1, Math.min(threads, b));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < chunks; t++) {
            Workspace w = workspaces[t];
            int from = (int) ((long) b * t / chunks), to = (int) ((long) b * (t + 1) / chunks);
            tasks.add(() -> {
                for (int i = from; i < to; i++) e[i] = jacobian(d, configurations[i], w, jac, i * parameterCount);
                return null;
            });
        }
        run(tasks);
        return e;
    }

    /** Loss {@code 1/(2B) Σ r²} and its gradient for the given configurations, without updating anything. */
    double lossAndGradient(Prepared data, int[] configurations, float[] gradient) {
        JavaData d = (JavaData) data;
        if (d.targets == null) throw new IllegalStateException("data prepared without targets cannot be trained on");
        int b = configurations.length;
        if (b == 0) throw new IllegalArgumentException("empty batch");
        int chunks = Math.min(threads, b);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < chunks; t++) {
            Workspace w = workspaces[t];
            int from = (int) ((long) b * t / chunks), to = (int) ((long) b * (t + 1) / chunks);
            tasks.add(() -> {
                java.util.Arrays.fill(w.grad, 0f);
                java.util.Arrays.fill(w.gradLanes, 0f);
                java.util.Arrays.fill(w.skipGrad, 0f);
                w.loss = 0;
                for (int i = from; i < to; i++) train(d, configurations[i], b, w);
                k.foldLanes(w.gradLanes, w.grad, parameterCount);     // fixed order: the same bits on every run
                return null;
            });
        }
        run(tasks);
        double loss = 0;
        System.arraycopy(workspaces[0].grad, 0, gradient, 0, parameterCount);
        loss += workspaces[0].loss;
        for (int t = 1; t < chunks; t++) {
            float[] g = workspaces[t].grad;
            for (int p = 0; p < parameterCount; p++) gradient[p] += g[p];
            loss += workspaces[t].loss;
        }
        if (skip != null) {
            System.arraycopy(workspaces[0].skipGrad, 0, skipGrad, 0, skip.length);
            for (int t = 1; t < chunks; t++)
                for (int j = 0; j < skip.length; j++) skipGrad[j] += workspaces[t].skipGrad[j];
        }
        return loss / (2.0 * b);
    }

    /** The skip weights' gradient of the last {@link #lossAndGradient} call (tests), or null without a skip term. */
    float[] skipGradient() { return skipGrad == null ? null : skipGrad.clone(); }

    private float[] gradBuffer;

    @Override
    public double trainStep(Prepared data, int[] configurations, double learningRate) {
        if (gradBuffer == null) gradBuffer = new float[parameterCount];
        double loss = lossAndGradient(data, configurations, gradBuffer);
        adamUpdate(gradBuffer, learningRate);
        if (proximal != null) proximal.apply(params, skip, learningRate);
        return loss;
    }

    /** ND4J's / Keras's Adam step, in float like theirs. */
    private void adamUpdate(float[] g, double lr) {
        double b1 = adam.beta1(), b2 = adam.beta2();
        double b1t = Math.pow(b1, iteration + 1), b2t = Math.pow(b2, iteration + 1);
        float alpha = (float) (lr * Math.sqrt(1 - b2t) / (1 - b1t));
        float fb1 = (float) b1, fb2 = (float) b2, c1 = (float) (1 - b1), c2 = (float) (1 - b2), eps = (float) adam.epsilon();
        for (int p = 0; p < parameterCount; p++) {
            float gp = g[p];
            float mp = fb1 * m[p] + c1 * gp;
            float vp = fb2 * v[p] + c2 * gp * gp;
            m[p] = mp;
            v[p] = vp;
            params[p] -= alpha * mp / ((float) Math.sqrt(vp) + eps);
        }
        if (skip != null)
            for (int j = 0; j < skip.length; j++) {
                float gp = skipGrad[j];
                float mp = fb1 * skipM[j] + c1 * gp;
                float vp = fb2 * skipV[j] + c2 * gp * gp;
                skipM[j] = mp;
                skipV[j] = vp;
                skip[j] -= alpha * mp / ((float) Math.sqrt(vp) + eps);
            }
        iteration++;
    }

    @Override
    public double[] energies(Prepared data) {
        JavaData d = (JavaData) data;
        int nc = d.configurations();
        double[] out = new double[nc];
        int chunks = Math.max(1, Math.min(threads, nc));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < chunks; t++) {
            Workspace w = workspaces[t];
            int from = (int) ((long) nc * t / chunks), to = (int) ((long) nc * (t + 1) / chunks);
            tasks.add(() -> {
                for (int c = from; c < to; c++) out[c] = forward(d, c, w);
                return null;
            });
        }
        run(tasks);
        return out;
    }

    private void run(List<Callable<Void>> tasks) {
        Parallel.callAll(pool, tasks);
    }

    @Override
    public float[] parameters() { return params.clone(); }

    @Override
    public void setParameters(float[] p) {
        if (p.length != parameterCount) throw new IllegalArgumentException(p.length + " parameters, expected " + parameterCount);
        System.arraycopy(p, 0, params, 0, parameterCount);
    }

    @Override
    public void setSkip(float[] theta) {
        if (theta == null) {
            skip = skipM = skipV = skipGrad = null;
            return;
        }
        if (theta.length != sizes[0]) throw new IllegalArgumentException(theta.length + " skip weights, the layout " + layout + " has " + sizes[0] + " inputs");
        skip = theta.clone();
        skipM = new float[theta.length];
        skipV = new float[theta.length];
        skipGrad = new float[theta.length];
    }

    @Override
    public float[] skip() { return skip == null ? null : skip.clone(); }

    @Override
    public void setProximal(ProximalStep step) { this.proximal = step; }

    @Override
    public OptimizerState optimizerState() { return new OptimizerState(m, v, iteration); }

    @Override
    public void setOptimizerState(OptimizerState s) {
        if (s.m().length != parameterCount) throw new IllegalArgumentException("optimizer state for " + s.m().length + " parameters, expected " + parameterCount);
        System.arraycopy(s.m(), 0, m, 0, parameterCount);
        System.arraycopy(s.v(), 0, v, 0, parameterCount);
        iteration = s.iteration();
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
