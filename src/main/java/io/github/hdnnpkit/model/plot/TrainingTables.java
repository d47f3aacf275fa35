package io.github.hdnnpkit.model.plot;

import io.github.hdnnpkit.model.TrainingResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/** Trainings as tables in the layout of the thesis's tables 3.1 and 4.1. */
public final class TrainingTables {
    private TrainingTables() {
    }

    /**
     * One row per training: time per epoch, structure, best train/validation loss per configuration and per atom
     * (Keras's MSE in eV², as the thesis's tables), the last ("max") and best ("minima") epochs, the held-out test
     * loss, and the energy RMSE/MAE in meV/atom (test RMSE is the figure to judge a model by).
     */
    public static Table summary(List<TrainingResult> results) {
        Table t = Table.create("trainings",
                DoubleColumn.create("s_per_epoch"), StringColumn.create("structure"),
                DoubleColumn.create("train_loss"), DoubleColumn.create("val_loss"),
                DoubleColumn.create("train_loss_atom"), DoubleColumn.create("val_loss_atom"),
                IntColumn.create("max_epoch"), IntColumn.create("minima_epoch"),
                DoubleColumn.create("test_loss"), DoubleColumn.create("test_loss_atom"),
                DoubleColumn.create("train_rmse_meV_atom"), DoubleColumn.create("val_rmse_meV_atom"),
                DoubleColumn.create("test_rmse_meV_atom"), DoubleColumn.create("test_mae_meV_atom"),
                StringColumn.create("stop"));
        for (TrainingResult r : results) {
            t.doubleColumn("s_per_epoch").append(io.github.hdnnpkit.util.Rounding.thesis(r.secondsPerEpoch()));
            t.stringColumn("structure").append(r.provenance().layout());
            t.doubleColumn("train_loss").append(io.github.hdnnpkit.util.Rounding.thesis(r.bestTrainLoss()));
            t.doubleColumn("val_loss").append(io.github.hdnnpkit.util.Rounding.thesis(r.bestValidationLoss()));
            t.doubleColumn("train_loss_atom").append(io.github.hdnnpkit.util.Rounding.thesis(r.bestTrainLossPerAtom()));
            t.doubleColumn("val_loss_atom").append(io.github.hdnnpkit.util.Rounding.thesis(r.bestValidationLossPerAtom()));
            t.intColumn("max_epoch").append(r.lastEpoch());
            t.intColumn("minima_epoch").append(r.bestEpoch());
            t.doubleColumn("test_loss").append(io.github.hdnnpkit.util.Rounding.thesis(r.test().mse()));
            t.doubleColumn("test_loss_atom").append(io.github.hdnnpkit.util.Rounding.thesis(r.test().msePerAtom()));
            t.doubleColumn("train_rmse_meV_atom").append(io.github.hdnnpkit.util.Rounding.thesis(r.train().rmseMeVPerAtom()));
            t.doubleColumn("val_rmse_meV_atom").append(io.github.hdnnpkit.util.Rounding.thesis(r.validation().rmseMeVPerAtom()));
            t.doubleColumn("test_rmse_meV_atom").append(io.github.hdnnpkit.util.Rounding.thesis(r.test().rmseMeVPerAtom()));
            t.doubleColumn("test_mae_meV_atom").append(io.github.hdnnpkit.util.Rounding.thesis(r.test().maeMeVPerAtom()));
            t.stringColumn("stop").append(r.stopReason().name().toLowerCase());
        }
        return t;
    }


    public static Table summary(TrainingResult r) {
        return summary(List.of(r));
    }
}
