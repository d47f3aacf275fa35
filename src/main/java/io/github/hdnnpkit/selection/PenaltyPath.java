package io.github.hdnnpkit.selection;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The regularisation path of a sparsity-penalised network ({@link LassoNet}, {@link GroupLasso}): for every λ the
 * losses of the penalised model (without the penalty), which features it still uses, and how many; plus the ranking
 * this path implies (a feature's score is the λ at which it left the model for good).
 *
 * @param method   the method's name
 * @param features the feature ids, in input order
 * @param points   the dense fit (λ = 0) first, then every λ in the order trained (warm starts)
 */
public record PenaltyPath(String method, List<String> features, List<Point> points, Selection selection) {
    public PenaltyPath {
        Objects.requireNonNull(method);
        features = List.copyOf(features);
        points = List.copyOf(points);
        Objects.requireNonNull(selection);
    }

    /**
     * One λ of the path.
     *
     * @param lambda         the penalty's weight (0 for the dense fit)
     * @param epochs         epochs trained at this λ (warm-started from the previous λ)
     * @param trainLoss      mean batch loss of the last epoch, Keras's MSE of configuration energies (eV²), penalty excluded
     * @param validationLoss MSE of the validation configurations' energies (eV²)
     * @param selected       the features still in the model, in input order
     * @param search         true while λ was still being raised to the point where the first feature drops
     */
    public record Point(double lambda, int epochs, double trainLoss, double validationLoss, List<String> selected, boolean search) {
        public Point {
            selected = List.copyOf(selected);
        }

        public int count() { return selected.size(); }
    }

    /** Every point with λ, number of features, the losses and whether it was part of the search for the start. */
    public Table table() {
        DoubleColumn lambda = DoubleColumn.create("lambda"), train = DoubleColumn.create("train_loss (eV²)"), val = DoubleColumn.create("val_loss (eV²)");
        IntColumn count = IntColumn.create("features"), epochs = IntColumn.create("epochs");
        BooleanColumn search = BooleanColumn.create("search");
        StringColumn left = StringColumn.create("left at this λ");
        List<String> previous = features;
        for (Point p : points) {
            lambda.append(p.lambda());
            count.append(p.count());
            epochs.append(p.epochs());
            train.append(p.trainLoss());
            val.append(p.validationLoss());
            search.append(p.search());
            List<String> gone = new ArrayList<>(previous);
            gone.removeAll(p.selected());
            left.append(gone.size() <= 6 ? String.join(" ", gone) : gone.size() + " features");
            previous = p.selected();
        }
        return Table.create(method + " path", lambda, count, epochs, train, val, search, left);
    }

    /** The point with the fewest features that still holds at least {@code k} (the last such point of the path). */
    public Point atLeast(int k) {
        Point best = null;
        for (Point p : points) if (p.count() >= k) best = p;
        if (best == null) throw new IllegalArgumentException("no point of the path keeps " + k + " features");
        return best;
    }
}
