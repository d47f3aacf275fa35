package io.github.hdnnpkit.model;

/**
 * Watches a training epoch by epoch with the errors of the held-out test part at that epoch — for learning curves
 * that compare optimisers on the split a model is judged on. The trainer computes these errors only when a monitor
 * is set, after the epoch's clock has stopped (so {@link EpochRecord#seconds()} stays the training's own time), and
 * nothing the trainer decides (early stopping, the best epoch, the schedule) depends on them.
 */
@FunctionalInterface
public interface EpochMonitor {
    /**
     * @param record the epoch's record, as in the history
     * @param test   the test part's errors with the weights after this epoch (not necessarily the returned ones)
     */
    void epoch(EpochRecord record, TrainingResult.Errors test);
}
