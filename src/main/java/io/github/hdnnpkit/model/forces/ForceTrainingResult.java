package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.model.Hdnnp;

import java.util.List;

/**
 * The outcome of {@link ForceTrainer#train}: the potential of the epoch with the lowest validation loss, every
 * epoch's record, and how long it took.
 *
 * @param bestEpoch 1-based epoch whose parameters the potential carries
 */
public record ForceTrainingResult(Hdnnp potential, List<ForceEpoch> history, int bestEpoch, double seconds) {
    public ForceTrainingResult {
        history = List.copyOf(history);
    }

    /** The validation metrics of the kept epoch. */
    public ForceMetrics validation() { return history.get(bestEpoch - 1).validation(); }
}
