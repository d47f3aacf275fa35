package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Layout;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SameDiff graph of the HDNNP; see {@link Dl4jBackend}.
 *
 * <p>Speed notes (profiled on ND4J 1.0.0-M2.1, one thread; figures in {@code src/bench/RESULTS.md}): the time went
 * into fresh native memory, not arithmetic. {@code SameDiff.fit} opens a new training session per call, and SameDiff
 * sessions hand most activations and gradients of a step out as new off-heap arrays, zero-filled page by page and
 * freed only by the GC. So: one {@code calculateGradientsAndOutputs} per batch (the batch loss comes from the same
 * forward pass; Adam is then applied with ND4J's own {@link GradientUpdater}, exactly as {@code fit} applies it), a
 * {@link Dl4jArrayPool} in the sessions that reuses a step's arrays at the next step, and placeholder arrays
 * allocated once per batch shape and refilled in place.
 */
final class Dl4jEngine implements Engine {
    private static final int PREDICT_CHUNK = 64;
    private final Layout layout;
    private final SameDiff sd;
    private final LearningRate rate = new LearningRate();
    private final List<String> parameterNames = new ArrayList<>();
    private final Map<String, GradientUpdater<?>> updaters = new HashMap<>();
    /** Adam's state per parameter array: a [1, 2n] view, first half m, second half v, each in the array's c order. */
    private final Map<String, INDArray> updaterStates = new HashMap<>();
    private int iteration;
    private boolean gradientsBuilt;
    /** Placeholder arrays by shape, refilled in place (a run sees two or three batch shapes). */
    private final Map<String, INDArray> buffers = new HashMap<>();

    /** The learning rate of the current step, read by ND4J's Adam at every step. */
    private static final class LearningRate implements ISchedule {
        private final double[] value = {1e-3};

        @Override public double valueAt(int iteration, int epoch) { return value[0]; }

        @Override public ISchedule clone() { return this; }   // shared on purpose: the trainer sets it per step
    }

    Dl4jEngine(Layout layout, float[] parameters, AdamSettings adam) {
        if (parameters.length != layout.parameterCount())
            throw new IllegalArgumentException(parameters.length + " parameters for layout " + layout + ", expected " + layout.parameterCount());
        this.layout = layout;
        sd = SameDiff.create();
        // a batch of B configurations is laid out as B blocks of n rows, n = the largest atom count in the batch;
        // rows past a configuration's own atoms are zero and masked out (mask 0), so they add exactly nothing to the
        // energies or the gradients. With equal atom counts (the usual case) the mask is all ones.
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, layout.inputs());
        SDVariable mask = sd.placeHolder("mask", DataType.FLOAT, -1, -1);
        SDVariable t = sd.placeHolder("t", DataType.FLOAT, -1);
        SDVariable h = x;
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l);
            SDVariable w = sd.var("W" + l, Nd4j.create(DataType.FLOAT, nin, nout));
            SDVariable b = sd.var("b" + l, Nd4j.create(DataType.FLOAT, 1, nout));
            parameterNames.add("W" + l);
            parameterNames.add("b" + l);
            h = activate(h.mmul(w).add(b), layout.activation(l));
        }
        // E_c = Σ_i mask[c,i] E_{c,i}: a reshape of the atomic outputs to [B, n] and a row sum. (A one-hot [B, rows]
        // matrix product or ND4J's segment_sum cost more, the latter more than the whole dense forward pass.)
        SDVariable energy = h.reshape(sd.shape(mask)).mul(mask).sum(1).rename("E");
        SDVariable diff = energy.sub(t);
        SDVariable loss = diff.mul(diff).mean().mul(0.5).rename("loss");
        sd.setLossVariables(loss);
        Adam updater = Adam.builder().learningRateSchedule(rate).beta1(adam.beta1()).beta2(adam.beta2()).epsilon(adam.epsilon()).build();
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(updater)
                .dataSetFeatureMapping("x", "mask").dataSetLabelMapping("t").build());
        setParameters(parameters);
        // Adam's state per parameter array, set up the way SameDiff.fit's initializeTraining does it
        for (String name : parameterNames) {
            INDArray p = sd.getVariable(name).getArr();
            INDArray state = Nd4j.createUninitialized(p.dataType(), 1, updater.stateSize(p.length()));
            GradientUpdater<?> u = updater.instantiate(state, true);
            u.setStateViewArray(state, p.shape(), p.ordering(), true);
            updaters.put(name, u);
            updaterStates.put(name, state);
        }
    }

    private SDVariable activate(SDVariable z, Activation f) {
        return switch (f) {
            case TANH -> sd.math().tanh(z);
            case SIGMOID -> sd.nn().sigmoid(z);
            case RELU -> sd.nn().relu(z, 0);
            case LEAKY_RELU -> sd.nn().leakyRelu(z, Activation.LEAKY_ALPHA);
            case SOFTPLUS -> sd.nn().softplus(z);
            case LINEAR -> z;
        };
    }

    /** Row-major preconditioned rows, as the graph's {@code x} placeholder wants them. */
    static final class Dl4jData implements Prepared {
        final float[] x;
        final int[] offsets;
        final float[] targets;
        final int features;

        Dl4jData(float[] x, int[] offsets, float[] targets, int features) {
            this.x = x;
            this.offsets = offsets;
            this.targets = targets;
            this.features = features;
        }

        @Override public int configurations() { return offsets.length - 1; }
    }

    @Override
    public Layout layout() { return layout; }

    @Override
    public String backendName() { return "dl4j-samediff"; }

    @Override
    public Prepared prepare(DescriptorMatrix d, float[] targets) {
        if (d.features() != layout.inputs())
            throw new IllegalArgumentException("descriptors have " + d.features() + " features, the layout " + layout + " expects " + layout.inputs());
        if (targets != null && targets.length != d.configurations())
            throw new IllegalArgumentException(targets.length + " targets for " + d.configurations() + " configurations");
        return new Dl4jData(d.rawValues(), d.atomOffsets(), targets == null ? null : targets.clone(), d.features());
    }

    /** A placeholder array of the given shape, reused between batches of the same shape. */
    private INDArray buffer(String name, long... shape) {
        String key = name + java.util.Arrays.toString(shape);
        INDArray a = buffers.get(key);
        if (a == null) {
            if (buffers.size() > 12) buffers.clear();    // unusual: many different batch shapes
            a = Nd4j.create(DataType.FLOAT, shape);
            buffers.put(key, a);
        }
        return a;
    }

    /**
     * The placeholders for the given configurations: their rows in blocks of n = the largest atom count among them
     * (padding rows zero), the mask of real atoms and, if the data has targets, the targets.
     */
    private Map<String, INDArray> placeholders(Dl4jData d, int[] configs) {
        int b = configs.length, n = 0;
        for (int c : configs) n = Math.max(n, d.offsets[c + 1] - d.offsets[c]);
        int f = d.features;
        INDArray x = buffer("x", (long) b * n, f), mask = buffer("mask", b, n);
        FloatBuffer xb = x.data().asNioFloat(), mb = mask.data().asNioFloat();
        for (int i = 0; i < b; i++) {
            int c = configs[i], k = d.offsets[c + 1] - d.offsets[c];
            xb.position(i * n * f);
            xb.put(d.x, d.offsets[c] * f, k * f);
            for (int r = k * f; r < n * f; r++) xb.put(0f);
        }
        for (int i = 0; i < b; i++) {
            int k = d.offsets[configs[i] + 1] - d.offsets[configs[i]];
            mb.position(i * n);
            for (int r = 0; r < n; r++) mb.put(r < k ? 1f : 0f);
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("x", x);
        ph.put("mask", mask);
        if (d.targets != null) {
            INDArray t = buffer("t", b);
            FloatBuffer tb = t.data().asNioFloat();
            for (int i = 0; i < b; i++) tb.put(i, d.targets[configs[i]]);
            ph.put("t", t);
        }
        return ph;
    }

    @Override
    public double trainStep(Prepared data, int[] configurations, double learningRate) {
        Dl4jData d = (Dl4jData) data;
        if (d.targets == null) throw new IllegalStateException("data prepared without targets cannot be trained on");
        Map<String, INDArray> ph = placeholders(d, configurations);
        rate.value[0] = learningRate;
        OutAndGrad[] result = new OutAndGrad[1];
        Runnable step = () -> result[0] = sd.calculateGradientsAndOutputs(ph, List.of("loss"), parameterNames);
        if (!gradientsBuilt) {
            quietly(step);     // ND4J prints "Added differentiated op ..." when it builds the gradient function
            gradientsBuilt = true;
        } else {
            step.run();
        }
        // the loss of this forward pass is the batch loss before the step, as the Java back-end reports it
        double loss = result[0].getOutputs().get("loss").getDouble(0);
        Dl4jArrayPool pool = Dl4jArrayPool.of(sd.getFunction("grad"));
        Map<String, INDArray> gradients = result[0].getGradients();
        // Adam as SameDiff.fit applies it (TrainingSession): the updater turns the gradient into the step in place
        for (String name : parameterNames) {
            INDArray g = gradients.get(name);
            updaters.get(name).applyUpdater(g, iteration, 0);
            sd.getVariable(name).getArr().subi(g);
        }
        iteration++;
        if (pool != null) pool.recycle();     // the step's arrays (gradients included) are not used any more
        return loss;
    }

    private static void quietly(Runnable r) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
    }

    @Override
    public double[] energies(Prepared data) {
        Dl4jData d = (Dl4jData) data;
        int nc = d.configurations();
        double[] out = new double[nc];
        Dl4jData noTargets = d.targets == null ? d : new Dl4jData(d.x, d.offsets, null, d.features);
        for (int from = 0; from < nc; from += PREDICT_CHUNK) {
            int to = Math.min(nc, from + PREDICT_CHUNK);
            int[] configs = new int[to - from];
            for (int i = 0; i < configs.length; i++) configs[i] = from + i;
            INDArray e = sd.output(placeholders(noTargets, configs), "E").get("E");
            for (int i = 0; i < configs.length; i++) out[from + i] = e.getDouble(i);
            Dl4jArrayPool pool = Dl4jArrayPool.of(sd);
            if (pool != null) pool.recycle();
        }
        return out;
    }

    @Override
    public float[] parameters() {
        float[] p = new float[layout.parameterCount()];
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l), wo = layout.weightOffset(l), bo = layout.biasOffset(l);
            float[] w = sd.getVariable("W" + l).getArr().dup('c').data().asFloat();   // [nin][nout]
            float[] b = sd.getVariable("b" + l).getArr().dup('c').data().asFloat();
            for (int i = 0; i < nin; i++)
                for (int o = 0; o < nout; o++) p[wo + o * nin + i] = w[i * nout + o];
            System.arraycopy(b, 0, p, bo, nout);
        }
        return p;
    }

    @Override
    public void setParameters(float[] p) {
        if (p.length != layout.parameterCount()) throw new IllegalArgumentException(p.length + " parameters, expected " + layout.parameterCount());
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l), wo = layout.weightOffset(l), bo = layout.biasOffset(l);
            float[] w = new float[nin * nout];
            for (int i = 0; i < nin; i++)
                for (int o = 0; o < nout; o++) w[i * nout + o] = p[wo + o * nin + i];
            float[] b = new float[nout];
            System.arraycopy(p, bo, b, 0, nout);
            sd.getVariable("W" + l).getArr().assign(Nd4j.create(w, new long[]{nin, nout}, DataType.FLOAT));
            sd.getVariable("b" + l).getArr().assign(Nd4j.create(b, new long[]{1, nout}, DataType.FLOAT));
        }
    }

    @Override
    public OptimizerState optimizerState() {
        int n = layout.parameterCount();
        float[] m = new float[n], v = new float[n];
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l), wo = layout.weightOffset(l), bo = layout.biasOffset(l);
            float[] w = updaterStates.get("W" + l).dup('c').data().asFloat();   // m then v, each [nin][nout]
            float[] b = updaterStates.get("b" + l).dup('c').data().asFloat();   // m then v, each [nout]
            int half = nin * nout;
            for (int i = 0; i < nin; i++)
                for (int o = 0; o < nout; o++) {
                    m[wo + o * nin + i] = w[i * nout + o];
                    v[wo + o * nin + i] = w[half + i * nout + o];
                }
            for (int o = 0; o < nout; o++) {
                m[bo + o] = b[o];
                v[bo + o] = b[nout + o];
            }
        }
        return new OptimizerState(m, v, iteration);
    }

    @Override
    public void setOptimizerState(OptimizerState s) {
        int n = layout.parameterCount();
        float[] m = s.m(), v = s.v();
        if (m.length != n) throw new IllegalArgumentException("optimizer state for " + m.length + " parameters, expected " + n);
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l), wo = layout.weightOffset(l), bo = layout.biasOffset(l);
            int half = nin * nout;
            float[] w = new float[2 * half];
            for (int i = 0; i < nin; i++)
                for (int o = 0; o < nout; o++) {
                    w[i * nout + o] = m[wo + o * nin + i];
                    w[half + i * nout + o] = v[wo + o * nin + i];
                }
            float[] b = new float[2 * nout];
            for (int o = 0; o < nout; o++) {
                b[o] = m[bo + o];
                b[nout + o] = v[bo + o];
            }
            // assign in place: the updaters hold views of these arrays
            updaterStates.get("W" + l).assign(Nd4j.create(w, new long[]{1, 2L * half}, DataType.FLOAT));
            updaterStates.get("b" + l).assign(Nd4j.create(b, new long[]{1, 2L * nout}, DataType.FLOAT));
        }
        iteration = Math.toIntExact(s.iteration());
    }

    @Override
    public void close() {
        // SameDiff M2.1 has no close(); its arrays are freed with the engine
    }
}
