package io.github.hdnnpkit.model.backend;

/**
 * Adam's constants (section 2.4.1; Kingma and Ba). The learning rate is passed per step because schedules change it.
 * Both back-ends use the update of Keras/TensorFlow and ND4J:
 * {@code w -= lr * sqrt(1 - β2^t) / (1 - β1^t) * m / (sqrt(v) + ε)}.
 */
public record AdamSettings(double beta1, double beta2, double epsilon) {
    public static final AdamSettings THESIS = new AdamSettings(0.9, 0.999, 1e-8);

    public AdamSettings {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0))
            throw new IllegalArgumentException("Adam needs 0 ≤ β1, β2 < 1 and ε > 0, got " + beta1 + ", " + beta2 + ", " + epsilon);
    }
}
