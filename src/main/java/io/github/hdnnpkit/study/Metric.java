package io.github.hdnnpkit.study;

import java.util.function.ToDoubleFunction;

/** A figure of a stored result, by name, for tables, grouping and tests. Losses are Keras's MSE (eV² per configuration). */
public enum Metric {
    TEST_RMSE("test_rmse_meV_atom", "test RMSE (meV/atom)", r -> r.test().rmseMeVPerAtom()),
    TEST_MAE("test_mae_meV_atom", "test MAE (meV/atom)", r -> r.test().maeMeVPerAtom()),
    TEST_LOSS("test_loss", "test loss (eV²)", r -> r.test().mse()),
    TEST_LOSS_PER_ATOM("test_loss_atom", "test loss per atom (eV²)", r -> r.test().msePerAtom()),
    VAL_LOSS("val_loss", "validation loss (eV²)", StudyResult::bestValidationLoss),
    VAL_LOSS_PER_ATOM("val_loss_atom", "validation loss per atom (eV²)", r -> r.bestValidationLoss() / r.meanAtoms()),
    VAL_RMSE("val_rmse_meV_atom", "validation RMSE (meV/atom)", r -> r.validation().rmseMeVPerAtom()),
    TRAIN_LOSS("train_loss", "train loss (eV²)", StudyResult::bestTrainLoss),
    TRAIN_LOSS_PER_ATOM("train_loss_atom", "train loss per atom (eV²)", r -> r.bestTrainLoss() / r.meanAtoms()),
    TRAIN_RMSE("train_rmse_meV_atom", "train RMSE (meV/atom)", r -> r.train().rmseMeVPerAtom()),
    BEST_EPOCH("minima_epoch", "best epoch (number)", r -> r.bestEpoch()),
    LAST_EPOCH("max_epoch", "last epoch (number)", r -> r.lastEpoch()),
    SECONDS_PER_EPOCH("s_per_epoch", "s per epoch", StudyResult::secondsPerEpoch),
    WALL_SECONDS("wall_s", "wall time (s)", StudyResult::wallSeconds);

    private final String column;
    private final String label;
    private final ToDoubleFunction<StudyResult> f;

    Metric(String column, String label, ToDoubleFunction<StudyResult> f) {
        this.column = column;
        this.label = label;
        this.f = f;
    }

    /** Column name in {@link StudyResults#table()}. */
    public String column() { return column; }

    /** Axis label with units. */
    public String label() { return label; }

    public double of(StudyResult r) { return f.applyAsDouble(r); }
}
