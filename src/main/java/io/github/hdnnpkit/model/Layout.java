package io.github.hdnnpkit.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The shape of the atomic network in the thesis's notation (section 2.5): {@code 57-10-10-1} is 57 inputs, two hidden
 * layers of 10 neurons and one output; {@code 57-20-100-20-1} has three hidden layers. Hidden layers share one
 * activation (tanh by default); the output neuron is linear, since it is an energy.
 *
 * <p>The network's parameters live in one flat array: for each layer, its weight matrix row by row (one row per
 * neuron of the layer, one column per neuron of the layer before: {@code W[o][i]}), then its biases.
 *
 * @param sizes      neurons per layer, inputs first, output last (which must be 1)
 * @param hidden     activation of every hidden layer
 * @param output     activation of the output neuron
 */
public record Layout(int[] sizes, Activation hidden, Activation output) {

    public Layout {
        Objects.requireNonNull(sizes);
        Objects.requireNonNull(hidden);
        Objects.requireNonNull(output);
        if (sizes.length < 2) throw new IllegalArgumentException("a layout needs at least inputs and an output, got " + Arrays.toString(sizes));
        for (int s : sizes) if (s < 1) throw new IllegalArgumentException("every layer needs at least one neuron: " + Arrays.toString(sizes));
        if (sizes[sizes.length - 1] != 1)
            throw new IllegalArgumentException("the atomic network has one output (the atomic energy), got " + sizes[sizes.length - 1]);
        if (output != Activation.LINEAR)
            throw new IllegalArgumentException("the output neuron is an energy and must be linear, got " + output);
        sizes = sizes.clone();
    }

    /** Parses {@code 57-10-10-1} (tanh hidden layers, linear output). */
    public static Layout parse(String notation) {
        return parse(notation, Activation.TANH);
    }

    /** Parses {@code 57-10-10-1} with the given hidden activation. */
    public static Layout parse(String notation, Activation hidden) {
        String[] parts = notation.trim().split("-");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("layout '" + notation + "': '" + parts[i] + "' is not a neuron count; expected e.g. 57-10-10-1");
            }
        }
        return new Layout(sizes, hidden, Activation.LINEAR);
    }

    /** {@code inputs-h1-...-1} with tanh hidden layers. */
    public static Layout of(int inputs, int... hidden) {
        int[] s = new int[hidden.length + 2];
        s[0] = inputs;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = 1;
        return new Layout(s, Activation.TANH, Activation.LINEAR);
    }

    public Layout withHidden(Activation a) { return new Layout(sizes, a, output); }

    /** The same hidden layers on a different number of inputs (e.g. after selecting features). */
    public Layout withInputs(int inputs) {
        int[] s = sizes.clone();
        s[0] = inputs;
        return new Layout(s, hidden, output);
    }

    @Override
    public int[] sizes() { return sizes.clone(); }

    public int inputs() { return sizes[0]; }

    /** Number of weight layers (connections between consecutive layers). */
    public int layers() { return sizes.length - 1; }

    /** Neurons in layer {@code l} (0 = inputs). */
    public int size(int l) { return sizes[l]; }

    /** Widest layer, for work buffers. */
    public int maxWidth() { return Arrays.stream(sizes).max().orElse(1); }

    /** Activation applied after weight layer {@code l} (1-based: 1 .. layers()). */
    public Activation activation(int l) { return l == layers() ? output : hidden; }

    /** Offset in the flat parameter array of weight layer {@code l}'s weights (1-based). */
    public int weightOffset(int l) {
        int o = 0;
        for (int k = 1; k < l; k++) o += sizes[k] * (sizes[k - 1] + 1);
        return o;
    }

    /** Offset of weight layer {@code l}'s biases. */
    public int biasOffset(int l) { return weightOffset(l) + sizes[l] * sizes[l - 1]; }

    public int parameterCount() { return weightOffset(layers() + 1); }

    /** The thesis notation, e.g. {@code 57-10-10-1}. */
    public String notation() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) b.append(i == 0 ? "" : "-").append(sizes[i]);
        return b.toString();
    }

    @Override
    public String toString() {
        return notation() + (hidden == Activation.TANH && output == Activation.LINEAR ? "" : " (" + hidden + "/" + output + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && Arrays.equals(sizes, l.sizes) && hidden == l.hidden && output == l.output;
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(sizes) + hidden.hashCode() * 7 + output.hashCode(); }
}
