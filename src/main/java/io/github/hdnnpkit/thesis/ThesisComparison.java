package io.github.hdnnpkit.thesis;

import io.github.hdnnpkit.model.TrainingResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Objects;

/**
 * The thesis's published losses beside the kit's, in one table and one definition: Keras's MSE of the configuration
 * energies (eV² per configuration), that divided by the atoms per configuration ("per atom", the thesis's column),
 * and the RMSE of the energy per atom in meV/atom for the field. A published row has no test split; its RMSE is
 * derived from its validation MSE ({@code 1000·sqrt(MSE)/atoms}, exact when every configuration has the same number
 * of atoms, as the thesis's 256-atom cells do).
 *
 * <pre>{@code
 * Show.table(ThesisComparison.table("Table 4.1 beside the kit",
 *         List.of(ThesisComparison.Row.published("57-10-10-1", 0.14539, 0.14478),
 *                 ThesisComparison.Row.of("kit, seed 1", result))));
 * }</pre>
 */
public final class ThesisComparison {
    /** Atoms per configuration in the thesis's data. */
    public static final int THESIS_ATOMS = 256;

    private ThesisComparison() {
    }

    /**
     * One row. Losses in eV² per configuration (Keras's MSE); NaN where a figure does not exist (a published row has
     * no test part).
     */
    public record Row(String source, String model, double trainLoss, double validationLoss, double testLoss, double atoms,
                      double validationRmseMeVPerAtom, double testRmseMeVPerAtom, double testMaeMeVPerAtom) {
        public Row {
            Objects.requireNonNull(source);
            Objects.requireNonNull(model);
            if (!(atoms > 0)) throw new IllegalArgumentException("atoms per configuration must be positive, got " + atoms);
        }

        /** A row of one of the thesis's tables: its train and validation MSE as printed (256 atoms). */
        public static Row published(String model, double trainLoss, double validationLoss) {
            return new Row("thesis", model, trainLoss, validationLoss, Double.NaN, THESIS_ATOMS,
                    rmseFromMse(validationLoss, THESIS_ATOMS), Double.NaN, Double.NaN);
        }

        /** A kit training: best-epoch losses, and the returned model's errors on validation and test. */
        public static Row of(String source, TrainingResult r) {
            return of(source, r.provenance().layout(), r.bestTrainLoss(), r.validation(), r.test(), r.meanAtomsPerConfiguration());
        }

        /** A kit model from its errors on validation and test (e.g. a study's summary). */
        public static Row of(String source, String model, double trainLoss, TrainingResult.Errors validation, TrainingResult.Errors test,
                             double atoms) {
            return new Row(source, model, trainLoss, validation.mse(), test.mse(), atoms, validation.rmseMeVPerAtom(),
                    test.rmseMeVPerAtom(), test.maeMeVPerAtom());
        }
    }

    /** RMSE of the energy per atom (meV/atom) of configurations with {@code atoms} atoms each whose energy MSE is {@code mse} eV². */
    public static double rmseFromMse(double mse, double atoms) {
        return 1000 * Math.sqrt(mse) / atoms;
    }


    /** The rows as a table: the thesis's columns (loss, loss per atom) first, then RMSE/MAE in meV/atom. */
    public static Table table(String title, List<Row> rows) {
        StringColumn source = StringColumn.create("source"), model = StringColumn.create("model");
        DoubleColumn train = DoubleColumn.create("train_loss (eV²)"), val = DoubleColumn.create("val_loss (eV²)"),
                valAtom = DoubleColumn.create("val_loss/atom"), test = DoubleColumn.create("test_loss (eV²)"),
                testAtom = DoubleColumn.create("test_loss/atom"), valRmse = DoubleColumn.create("val RMSE (meV/atom)"),
                testRmse = DoubleColumn.create("test RMSE (meV/atom)"), testMae = DoubleColumn.create("test MAE (meV/atom)");
        for (Row r : rows) {
            source.append(r.source());
            model.append(r.model());
            train.append(io.github.hdnnpkit.util.Rounding.thesis(r.trainLoss()));
            val.append(io.github.hdnnpkit.util.Rounding.thesis(r.validationLoss()));
            valAtom.append(io.github.hdnnpkit.util.Rounding.thesis(r.validationLoss() / r.atoms()));
            test.append(io.github.hdnnpkit.util.Rounding.thesis(r.testLoss()));
            testAtom.append(io.github.hdnnpkit.util.Rounding.thesis(r.testLoss() / r.atoms()));
            valRmse.append(io.github.hdnnpkit.util.Rounding.thesis(r.validationRmseMeVPerAtom()));
            testRmse.append(io.github.hdnnpkit.util.Rounding.thesis(r.testRmseMeVPerAtom()));
            testMae.append(io.github.hdnnpkit.util.Rounding.thesis(r.testMaeMeVPerAtom()));
        }
        return Table.create(title, source, model, train, val, valAtom, test, testAtom, valRmse, testRmse, testMae);
    }
}
