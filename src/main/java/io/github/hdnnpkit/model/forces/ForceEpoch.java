package io.github.hdnnpkit.model.forces;

/**
 * One epoch of {@link ForceTrainer}: the mean training loss terms over the epoch's batches (network units, before
 * each step) and the validation metrics after it.
 *
 * @param trainEnergyTerm mean (Δt/N)² over the training configurations
 * @param trainForceTerm  mean force-component MSE (network units), NaN when training on energies only
 * @param validation      energy and force errors on the validation split in physical units
 * @param validationLoss  the selection criterion, {@code (E_rmse/scale)² + w_F (F_rmse/scale)²}
 * @param seconds         wall time of the epoch including validation
 */
public record ForceEpoch(int epoch, double trainEnergyTerm, double trainForceTerm, ForceMetrics validation, double validationLoss, double seconds) {
}
