package io.github.hdnnpkit.model;

import java.util.Locale;

/**
 * Activation functions of the atomic network (section 2.4.1, figure 2.5). Derivatives are written in terms of the
 * activation's output {@code y = f(x)} where possible, because back-propagation keeps outputs, not inputs.
 */
public enum Activation {
    /** Hyperbolic tangent, R onto (-1, 1): the thesis's default and n2p2's {@code t}. */
    TANH("tanh", "t"),
    /** Logistic function, R onto (0, 1): n2p2's {@code s}. */
    SIGMOID("sigmoid", "s"),
    /** max(0, x): n2p2's {@code r}. */
    RELU("relu", "r"),
    /** x for x ≥ 0, α x otherwise, with the thesis's α = 0.3. Not available in n2p2. */
    LEAKY_RELU("leakyrelu", null),
    /** ln(1 + e^x): n2p2's {@code p}. */
    SOFTPLUS("softplus", "p"),
    /** Identity, used on the output neuron: n2p2's {@code l}. */
    LINEAR("linear", "l");

    /** The negative slope of {@link #LEAKY_RELU}, as in the thesis's figure 2.5. */
    public static final double LEAKY_ALPHA = 0.3;

    private final String label;
    private final String n2p2Code;

    Activation(String label, String n2p2Code) {
        this.label = label;
        this.n2p2Code = n2p2Code;
    }

    public String label() { return label; }

    /** The one-letter code of n2p2's {@code global_activation_short}, or null if n2p2 has no such activation. */
    public String n2p2Code() { return n2p2Code; }

    public double apply(double x) {
        return switch (this) {
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-x));
            case RELU -> x > 0 ? x : 0.0;
            case LEAKY_RELU -> x >= 0 ? x : LEAKY_ALPHA * x;
            case SOFTPLUS -> x > 30 ? x : Math.log1p(Math.exp(x));
            case LINEAR -> x;
        };
    }

    /** f'(x) from the output y = f(x). */
    public double derivativeFromOutput(double y) {
        return switch (this) {
            case TANH -> 1.0 - y * y;
            case SIGMOID -> y * (1.0 - y);
            case RELU -> y > 0 ? 1.0 : 0.0;
            case LEAKY_RELU -> y >= 0 ? 1.0 : LEAKY_ALPHA;
            case SOFTPLUS -> -Math.expm1(-y);        // sigmoid(x) = 1 - exp(-softplus(x))
            case LINEAR -> 1.0;
        };
    }

    /** f'(x) from the input x. */
    public double derivative(double x) {
        return derivativeFromOutput(apply(x));
    }

    /** Parses a label ({@code tanh}, {@code relu}, {@code leakyrelu}...), an enum name or an n2p2 code. */
    public static Activation parse(String s) {
        String t = s.trim();
        for (Activation a : values()) if (a.n2p2Code != null && a.n2p2Code.equals(t)) return a;
        String l = t.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (Activation a : values()) if (a.label.equals(l) || a.name().toLowerCase(Locale.ROOT).replace("_", "").equals(l)) return a;
        if (l.equals("logistic")) return SIGMOID;
        if (l.equals("identity")) return LINEAR;
        throw new IllegalArgumentException("unknown activation '" + s + "'; expected tanh, sigmoid, relu, leakyrelu, softplus or linear");
    }

    @Override
    public String toString() { return label; }
}
