package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Layout;

/**
 * The atomic network evaluated in double precision with the derivatives forces need: the input gradient ∂E_i/∂x_i
 * (forces are its contraction with ∂x/∂r) and, for force training, the parameter gradient of
 * {@code α·E_i + u_i·∇_x E_i} — the derivative of a directional input derivative with respect to the weights, a
 * second-order pass: a tangent (forward-mode) sweep along u_i, then one reverse sweep through both the values and
 * the tangents, which needs the activations' second derivatives.
 *
 * <p>Parameters in {@link Layout}'s flat order. Not thread-safe: one instance per thread (they are cheap).
 */
public final class AtomicNetwork {
    private final Layout layout;
    private final double[] p;
    private final int layers, inputs;
    private final int[] sizes;

    public AtomicNetwork(Layout layout, double[] parameters) {
        if (parameters.length != layout.parameterCount())
            throw new IllegalArgumentException(parameters.length + " parameters for layout " + layout + ", expected " + layout.parameterCount());
        this.layout = layout;
        this.p = parameters;   // shared on purpose: a trainer updates them in place
        this.layers = layout.layers();
        this.sizes = layout.sizes();
        this.inputs = sizes[0];
    }

    /** A network on float parameters (a trained {@link io.github.hdnnpkit.model.Hdnnp}'s), widened to double. */
    public static AtomicNetwork of(Layout layout, float[] parameters) {
        double[] d = new double[parameters.length];
        for (int k = 0; k < d.length; k++) d[k] = parameters[k];
        return new AtomicNetwork(layout, d);
    }

    public Layout layout() { return layout; }

    /** The activations of one forward pass over n atoms, kept for the derivative passes. */
    public final class Pass {
        final int atoms;
        final double[] x;            // inputs, (atom, feature)
        final double[][] h, dh;      // per layer 1..L: outputs and σ'(z), (atom, neuron)
        final double[] energies;

        Pass(double[] x, int atoms) {
            this.atoms = atoms;
            this.x = x;
            this.h = new double[layers + 1][];
            this.dh = new double[layers + 1][];
            for (int l = 1; l <= layers; l++) {
                h[l] = new double[atoms * sizes[l]];
                dh[l] = new double[atoms * sizes[l]];
            }
            this.energies = new double[atoms];
        }

        /** The atomic outputs E_i (network units). */
        public double[] energies() { return energies.clone(); }

        /** Σ_i E_i. */
        public double energy() {
            double s = 0;
            for (double e : energies) s += e;
            return s;
        }
    }

    /** Forward pass: x holds n rows of (preconditioned) inputs. */
    public Pass forward(double[] x, int atoms) {
        if (x.length != atoms * inputs) throw new IllegalArgumentException(x.length + " inputs for " + atoms + " atoms × " + inputs);
        Pass s = new Pass(x, atoms);
        for (int a = 0; a < atoms; a++) {
            for (int l = 1; l <= layers; l++) {
                int nin = sizes[l - 1], nout = sizes[l], wo = layout.weightOffset(l), bo = layout.biasOffset(l);
                double[] in = l == 1 ? x : s.h[l - 1];
                int io = a * nin, oo = a * nout;
                Activation act = layout.activation(l);
                for (int o = 0; o < nout; o++) {
                    double z = p[bo + o];
                    int w = wo + o * nin;
                    for (int i = 0; i < nin; i++) z += p[w + i] * in[io + i];
                    double y = act.apply(z);
                    s.h[l][oo + o] = y;
                    s.dh[l][oo + o] = act.derivativeFromOutput(y);
                }
            }
            s.energies[a] = s.h[layers][a];
        }
        return s;
    }

    /** ∂E_i/∂x_i for every atom, (atom, feature). */
    public double[] inputGradient(Pass s) {
        double[] g = new double[s.atoms * inputs];
        double[] delta = new double[layout.maxWidth()], next = new double[layout.maxWidth()];
        for (int a = 0; a < s.atoms; a++) {
            delta[0] = 1.0;   // linear output
            for (int l = layers; l >= 1; l--) {
                int nin = sizes[l - 1], nout = sizes[l], wo = layout.weightOffset(l);
                java.util.Arrays.fill(next, 0, nin, 0.0);
                for (int o = 0; o < nout; o++) {
                    double d = delta[o];
                    int w = wo + o * nin;
                    for (int i = 0; i < nin; i++) next[i] += p[w + i] * d;
                }
                if (l > 1) {
                    int ho = a * nin;
                    for (int i = 0; i < nin; i++) delta[i] = next[i] * s.dh[l - 1][ho + i];
                } else {
                    System.arraycopy(next, 0, g, a * inputs, inputs);
                }
            }
        }
        return g;
    }

    /**
     * Adds ∂/∂θ Σ_i [α·E_i + u_i·∇_x E_i] to {@code gradient}; u is (atom, feature) or null for α·∂E/∂θ only.
     */
    public void accumulateParameterGradient(Pass s, double alpha, double[] u, double[] gradient) {
        if (gradient.length != p.length) throw new IllegalArgumentException("gradient has " + gradient.length + " entries, expected " + p.length);
        if (u != null && u.length != s.atoms * inputs) throw new IllegalArgumentException(u.length + " tangent values for " + s.atoms + " atoms");
        int width = layout.maxWidth();
        double[][] hd = new double[layers + 1][], zd = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            hd[l] = new double[sizes[l]];
            zd[l] = new double[sizes[l]];
        }
        double[] zb = new double[width], zdb = new double[width], hb = new double[width], hdb = new double[width];
        for (int a = 0; a < s.atoms; a++) {
            boolean tangent = u != null;
            if (tangent) {
                System.arraycopy(u, a * inputs, hd[0], 0, inputs);
                for (int l = 1; l <= layers; l++) {          // ż_l = W_l ḣ_{l−1}, ḣ_l = σ'(z_l) ż_l
                    int nin = sizes[l - 1], nout = sizes[l], wo = layout.weightOffset(l), ho = a * nout;
                    for (int o = 0; o < nout; o++) {
                        double z = 0;
                        int w = wo + o * nin;
                        for (int i = 0; i < nin; i++) z += p[w + i] * hd[l - 1][i];
                        zd[l][o] = z;
                        hd[l][o] = s.dh[l][ho + o] * z;
                    }
                }
            }
            zb[0] = alpha;             // adjoint of the output z_L (linear: E = z_L)
            zdb[0] = tangent ? 1.0 : 0.0;   // adjoint of ż_L (= u·∇E)
            for (int l = layers; l >= 1; l--) {
                int nin = sizes[l - 1], nout = sizes[l], wo = layout.weightOffset(l), bo = layout.biasOffset(l);
                double[] in = l == 1 ? s.x : s.h[l - 1];
                int io = a * nin;
                for (int o = 0; o < nout; o++) {
                    double b1 = zb[o], b2 = zdb[o];
                    int w = wo + o * nin;
                    if (tangent) for (int i = 0; i < nin; i++) gradient[w + i] += b1 * in[io + i] + b2 * hd[l - 1][i];
                    else for (int i = 0; i < nin; i++) gradient[w + i] += b1 * in[io + i];
                    gradient[bo + o] += b1;
                }
                if (l == 1) break;
                java.util.Arrays.fill(hb, 0, nin, 0.0);
                java.util.Arrays.fill(hdb, 0, nin, 0.0);
                for (int o = 0; o < nout; o++) {
                    int w = wo + o * nin;
                    double b1 = zb[o], b2 = zdb[o];
                    for (int i = 0; i < nin; i++) {
                        hb[i] += p[w + i] * b1;
                        hdb[i] += p[w + i] * b2;
                    }
                }
                Activation act = layout.activation(l - 1);
                for (int i = 0; i < nin; i++) {
                    double y = s.h[l - 1][io + i], d1 = s.dh[l - 1][io + i];
                    zb[i] = hb[i] * d1 + (tangent ? hdb[i] * secondDerivativeFromOutput(act, y) * zd[l - 1][i] : 0);
                    zdb[i] = hdb[i] * d1;
                }
            }
        }
    }

    /** σ''(x) from the output y = σ(x). */
    static double secondDerivativeFromOutput(Activation a, double y) {
        return switch (a) {
            case TANH -> -2 * y * (1 - y * y);
            case SIGMOID -> y * (1 - y) * (1 - 2 * y);
            case SOFTPLUS -> {
                double s = -Math.expm1(-y);   // σ'(x) = logistic(x) = 1 − e^(−softplus(x))
                yield s * (1 - s);
            }
            case RELU, LEAKY_RELU, LINEAR -> 0.0;
        };
    }
}
