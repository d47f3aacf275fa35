package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.model.TrainingData;

/**
 * A method that ranks the descriptor columns of a data set. It may look at the training configurations (and, to
 * decide when to stop training, the validation ones) of the data's split, never at the test configurations, so a
 * model retrained on its top k is still judged on unseen data.
 *
 * <pre>{@code
 * Selection s = new Cur(Cur.Options.defaults()).select(data);
 * List<String> top10 = s.top(10);
 * }</pre>
 */
public interface FeatureSelector {
    /** Short name recorded in the selection, e.g. {@code cur}. */
    String name();

    Selection select(TrainingData data);
}
