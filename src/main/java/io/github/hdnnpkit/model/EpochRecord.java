package io.github.hdnnpkit.model;

/**
 * One epoch of a training, losses as in eq. 2.6 in eV² per configuration ({@code 1/(2N) Σ (E - E*)²}).
 *
 * @param epoch          1-based
 * @param trainLoss      mean of the mini-batch losses during the epoch (what Keras reports as {@code loss})
 * @param validationLoss the validation loss after the epoch ({@code val_loss}), the early-stopping monitor
 * @param learningRate   the learning rate used in this epoch
 * @param seconds        wall time of the epoch
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double learningRate, double seconds) {
}
