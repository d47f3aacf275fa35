package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Layout;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** SameDiff graph of the HDNNP; see {@link Dl4jBackend}. */
final class Dl4jEngine implements Engine {
    private static final int PREDICT_CHUNK = 64;
    private final Layout layout;
    private final SameDiff sd;
    private final LearningRate rate = new LearningRate();
    private boolean trainedOnce;

    /** The learning rate of the current epoch, read by ND4J's Adam at every step. */
    private static final class LearningRate implements ISchedule {
        private final double[] value = {1e-3};

        @Override public double valueAt(int iteration, int epoch) { return value[0]; }

        @Override public ISchedule clone() { return this; }   // shared on purpose: the trainer sets it per epoch
    }

    Dl4jEngine(Layout layout, float[] parameters, AdamSettings adam) {
        if (parameters.length != layout.parameterCount())
            throw new IllegalArgumentException(parameters.length + " parameters for layout " + layout + ", expected " + layout.parameterCount());
        this.layout = layout;
        sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, layout.inputs());
        SDVariable seg = sd.placeHolder("seg", DataType.INT, -1);
        SDVariable t = sd.placeHolder("t", DataType.FLOAT, -1);
        SDVariable h = x;
        for (int l = 1; l <= layout.layers(); l++) {
            int nin = layout.size(l - 1), nout = layout.size(l);
            SDVariable w = sd.var("W" + l, Nd4j.create(DataType.FLOAT, nin, nout));
            SDVariable b = sd.var("b" + l, Nd4j.create(DataType.FLOAT, 1, nout));
            h = activate(h.mmul(w).add(b), layout.activation(l));
        }
        SDVariable atomic = h.reshape(-1);
        SDVariable energy = sd.segmentSum("E", atomic, seg);
        SDVariable diff = energy.sub(t);
        SDVariable loss = diff.mul(diff).mean().mul(0.5).rename("loss");
        sd.setLossVariables(loss);
        sd.setTrainingConfig(new TrainingConfig.Builder()
                .updater(Adam.builder().learningRateSchedule(rate).beta1(adam.beta1()).beta2(adam.beta2()).epsilon(adam.epsilon()).build())
                .dataSetFeatureMapping("x", "seg").dataSetLabelMapping("t").build());
        setParameters(parameters);
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

    /** Gathers the rows of the given configurations and their segment ids 0..B-1. */
    private INDArray[] gather(Dl4jData d, int[] configs) {
        int rows = 0;
        for (int c : configs) rows += d.offsets[c + 1] - d.offsets[c];
        float[] x = new float[rows * d.features];
        int[] seg = new int[rows];
        int r = 0;
        for (int i = 0; i < configs.length; i++) {
            int c = configs[i], n = d.offsets[c + 1] - d.offsets[c];
            System.arraycopy(d.x, d.offsets[c] * d.features, x, r * d.features, n * d.features);
            java.util.Arrays.fill(seg, r, r + n, i);
            r += n;
        }
        return new INDArray[]{Nd4j.create(x, new long[]{rows, d.features}, DataType.FLOAT), Nd4j.createFromArray(seg)};
    }

    @Override
    public double trainStep(Prepared data, int[] configurations, double learningRate) {
        Dl4jData d = (Dl4jData) data;
        if (d.targets == null) throw new IllegalStateException("data prepared without targets cannot be trained on");
        INDArray[] in = gather(d, configurations);
        float[] t = new float[configurations.length];
        for (int i = 0; i < t.length; i++) t[i] = d.targets[configurations[i]];
        INDArray target = Nd4j.createFromArray(t);
        rate.value[0] = learningRate;
        MultiDataSet mds = new MultiDataSet(new INDArray[]{in[0], in[1]}, new INDArray[]{target});
        // the batch loss before the step, as the Java back-end reports it. SameDiff M2.1's fit() does not hand its
        // own forward-pass loss to listeners without an extra evaluation, so this costs one more forward pass.
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("x", in[0]);
        ph.put("seg", in[1]);
        ph.put("t", target);
        double loss = sd.output(ph, "loss").get("loss").getDouble(0);
        if (!trainedOnce) {
            quietly(() -> sd.fit(mds));     // ND4J prints "Added differentiated op ..." on the first fit
            trainedOnce = true;
        } else {
            sd.fit(mds);
        }
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
        for (int from = 0; from < nc; from += PREDICT_CHUNK) {
            int to = Math.min(nc, from + PREDICT_CHUNK);
            int[] configs = new int[to - from];
            for (int i = 0; i < configs.length; i++) configs[i] = from + i;
            INDArray[] in = gather(d, configs);
            Map<String, INDArray> ph = new HashMap<>();
            ph.put("x", in[0]);
            ph.put("seg", in[1]);
            INDArray e = sd.output(ph, "E").get("E");
            for (int i = 0; i < configs.length; i++) out[from + i] = e.getDouble(i);
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
        throw new UnsupportedOperationException("the DL4J back-end checkpoints weights only; a resumed run restarts Adam's moments");
    }

    @Override
    public void setOptimizerState(OptimizerState state) {
        throw new UnsupportedOperationException("the DL4J back-end checkpoints weights only");
    }

    @Override
    public void close() {
        // SameDiff M2.1 has no close(); its arrays are freed with the engine
    }
}
