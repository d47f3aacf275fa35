package io.github.hdnnpkit.model;

/**
 * One epoch of a training, losses as Keras reports them and the thesis's tables show: the mean squared error of the
 * configuration energies in eV² per configuration ({@code 1/N Σ (E - E*)²}, eq. 2.6 without its ½).
 *
 * @param epoch          1-based
 * @param trainLoss      mean of the mini-batch losses during the epoch (what Keras reports as {@code loss})
 * @param validationLoss the validation loss after the epoch ({@code val_loss}), the early-stopping monitor
 * @param learningRate   the learning rate used in this epoch
 * @param seconds        wall time of the epoch
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double learningRate, double seconds) {
}
