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

        TrainingResult hdnnp = plan.hdnnp(data, split);
        var table = ForestTables.withHdnnp(List.of(atoms, k950), hdnnp);
        assertEquals(3, table.rowCount());
        assertTrue(Figures.png(ForestCharts.comparison(List.of(atoms, k950), hdnnp)).length > 1000);

        ForestResult forces = plan.fit(data, split, ForestSetup.thesisForces());
        ForestResult configs = plan.fit(data, split, ForestSetup.configurations());
        String html = ForestReport.conclusion(atoms, forces, k950, configs, null, hdnnp);
        assertTrue(html.contains("Measured verdict") && html.contains("HDNNP"), html);
        assertFalse(html.contains("NaN meV"), html);
    }
}
