package io.github.hdnnpkit.model;

/**
 * Keras's {@code EarlyStopping} on the validation loss (section 2.4.1): an epoch improves only if its validation loss
 * is below the best so far by more than {@code minDelta}; training stops after {@code patience} epochs without
 * improvement and, with {@code restoreBest}, returns the weights of the best epoch.
 *
 * @param minDelta in the monitored loss's units, Keras's MSE of the validation energies (eV² per configuration), thesis 1e-5
 * @param patience epochs, thesis 50; 0 disables early stopping
 */
public record EarlyStopping(double minDelta, int patience, boolean restoreBest) {
    public static final EarlyStopping THESIS = new EarlyStopping(1e-5, 50, true);
    public static final EarlyStopping NONE = new EarlyStopping(0, 0, true);

    public EarlyStopping {
        if (!(minDelta >= 0)) throw new IllegalArgumentException("min_delta must be ≥ 0, got " + minDelta);
        if (patience < 0) throw new IllegalArgumentException("patience must be ≥ 0, got " + patience);
    }

    public boolean enabled() { return patience > 0; }
}
