package io.github.hdnnpkit.thesis;

import io.github.hdnnpkit.model.TrainingResult;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ThesisComparisonTest {
    @Test
    void publishedPerAtomColumnsAreTheConfigurationMseOver256() {
        // the interpretation the kit relies on, checked against the thesis's own printed columns (4–6 digits)
        Table t = PublishedResults.table41();
        for (int r = 0; r < t.rowCount(); r++) {
            double val = t.doubleColumn("val_loss").get(r), valAtom = t.doubleColumn("val_loss_atom").get(r);
            assertEquals(val / 256, valAtom, 6e-7, "table 4.1 row " + r);
        }
        Table t31 = PublishedResults.table31();
        for (int r = 0; r < t31.rowCount(); r++)
            assertEquals(t31.doubleColumn("train_loss").get(r) / 256, t31.doubleColumn("train_loss_atom").get(r), 6e-7, "table 3.1 row " + r);
    }

    @Test
    void kitAndPublishedRowsShowTheSameMseDefinition() {
        // hand-made: two 256-atom configurations, errors +0.256 eV and -0.512 eV (1 and 2 meV/atom)
        TrainingResult.Predictions p = new TrainingResult.Predictions(new int[]{0, 1}, new int[]{256, 256},
                new double[]{-870.0, -871.0}, new double[]{-870.0 + 0.256, -871.0 - 0.512});
        TrainingResult.Errors e = p.errors();
        double mse = (0.256 * 0.256 + 0.512 * 0.512) / 2;          // 0.16384 eV², Keras's MSE: no ½
        assertEquals(mse, e.mse(), 1e-12);
        assertEquals(mse / 256, e.msePerAtom(), 1e-15);
        assertEquals(Math.sqrt((1 + 4) / 2.0), e.rmseMeVPerAtom(), 1e-9);
        assertEquals(1.5, e.maeMeVPerAtom(), 1e-9);

        Table t = ThesisComparison.table("test", List.of(ThesisComparison.Row.published("57-10-10-1", 0.14539, 0.14478),
                ThesisComparison.Row.of("kit", "57-10-10-1", 0.2, e, e, 256)));
        assertEquals(0.14478, t.doubleColumn("val_loss (eV²)").get(0), 0);
        // tables print five significant digits, as the thesis does
        assertEquals(0.14478 / 256, t.doubleColumn("val_loss/atom").get(0), 1e-8);
        // the thesis's 0.14478 eV² per 256-atom configuration is 1.486 meV/atom
        assertEquals(1000 * Math.sqrt(0.14478) / 256, t.doubleColumn("val RMSE (meV/atom)").get(0), 1e-4);
        assertTrue(t.doubleColumn("test_loss (eV²)").isMissing(0), "the thesis had no test split");
        assertEquals(mse, t.doubleColumn("val_loss (eV²)").get(1), 1e-12);
        assertEquals(mse / 256, t.doubleColumn("test_loss/atom").get(1), 1e-15);
        // the derived RMSE of a published row and the kit's measured RMSE agree for equal-size configurations
        assertEquals(ThesisComparison.rmseFromMse(mse, 256), t.doubleColumn("test RMSE (meV/atom)").get(1), 1e-4);
    }
}
