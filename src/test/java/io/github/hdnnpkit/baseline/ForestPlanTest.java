package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.notebook.Figures;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ForestPlanTest {
    @Test
    void profilesScaleTheRunsAndTheHdnnpSharesTheSplit() {
        ForestPlan smoke = ForestPlan.forProfile(Profile.SMOKE);
        assertEquals(20, smoke.options().maxDepth());
        assertTrue(smoke.options().trees() < ForestPlan.forProfile(Profile.FULL).options().trees());
        assertEquals(0, ForestPlan.forProfile(Profile.FULL).atomsPerConfiguration());

        ForestData data = SyntheticForestData.knownFunction(30, 8, 3, 21);
        Split split = Split.thesis(data.configurations());
        ForestPlan plan = new ForestPlan(Profile.SMOKE, smoke.options(), 4, 5, "3-4-1", Progress.NONE);
        ForestResult atoms = plan.fit(data, split, ForestSetup.thesisAtoms());
        assertEquals(4 * split.train().length, atoms.trainRows());       // the plan's atoms per configuration
        ForestResult k950 = plan.fit950K(data, split);
        assertEquals("950K", k950.setup().onlySeries());
        assertTrue(k950.provenance().validationConfigurations() < split.validation().length);
        assertTrue(k950.provenance().validationConfigurations() >= 2);
        for (int c : k950.test().configurations()) assertEquals("950K", data.series(c));

        TrainingResult hdnnp = plan.hdnnp(data, split);
        var table = ForestTables.withHdnnp(List.of(atoms), hdnnp);
        assertEquals(2, table.rowCount());
        // the HDNNP is judged by its test errors, on the forests' test configurations
        assertEquals(ForestTables.round(hdnnp.test().rmseMeVPerAtom(), 3), table.doubleColumn("test_RMSE_meV/atom").get(1), 0.0);
        assertEquals(ForestTables.round(hdnnp.validation().rmseMeVPerAtom(), 3), table.doubleColumn("val_RMSE_meV/atom").get(1), 0.0);
        assertEquals(split.test().length, table.intColumn("test_configurations").get(0));
        assertEquals(split.test().length, table.intColumn("test_configurations").get(1));
        assertTrue(Figures.png(ForestCharts.comparison(List.of(atoms), hdnnp)).length > 1000);
        // too few 950 K configurations in the shared split: the series is split on its own, and its test part holds
        // configurations the HDNNP trained or validated on, so the two cannot be set side by side
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForestTables.withHdnnp(List.of(atoms, k950), hdnnp));
        assertTrue(e.getMessage().contains("not in the HDNNP's"), e.getMessage());

        ForestResult forces = plan.fit(data, split, ForestSetup.thesisForces());
        ForestResult configs = plan.fit(data, split, ForestSetup.configurations());
        String html = ForestReport.conclusion(atoms, forces, k950, configs, null, hdnnp);
        assertTrue(html.contains("Measured verdict</b> (test)") && html.contains("HDNNP"), html);
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "HDNNP reaches %.2f meV/atom", hdnnp.test().rmseMeVPerAtom())), html);
        assertFalse(html.contains("validation RMSE."), html);
        assertFalse(html.contains("NaN meV"), html);
        // a one-configuration test part has no spread: said in words, not as NaN % or R² -Infinity
        if (k950.test().size() == 1) assertTrue(html.contains("no spread to compare"), html);
        assertFalse(html.contains("Infinity") || html.contains("NaN %"), html);
    }
}
