package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.stats.TestResult;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SeededForceRunsTest {
    static SeededForceRuns runs(String name, long[] seeds, double... forceRmse) {
        List<ForceMetrics> m = new java.util.ArrayList<>();
        for (double f : forceRmse) m.add(new ForceMetrics(10, 1.0 + f, 0.5, f, 7680));
        return new SeededForceRuns(name, seeds, m);
    }

    /** Differences −1, −0.5, −1.5: t = −1/(0.5/√3) = −2√3, df 2, P(T ≤ t) = ½ + t/(2√(2 + t²)) = ½ − √3/√14. */
    @Test
    void thePairedTestOverSeedsIsTheHandComputedOne() {
        long[] seeds = {1, 2, 3};
        TestResult r = SeededForceRuns.pairedForceTest(runs("with", seeds, 1, 2, 3), runs("without", seeds, 2, 2.5, 4.5));
        assertEquals(-2 * Math.sqrt(3), r.statistic(), 1e-12);
        assertEquals(2, r.df(), 1e-12);
        assertEquals(0.5 - Math.sqrt(3) / Math.sqrt(14), r.pValue(), 1e-10);
    }

    @Test
    void theTableHasARowPerRunAndTheMeanAndSpreadPerRecipe() {
        Table t = SeededForceRuns.table("t", List.of(runs("a", new long[]{1, 2}, 0.1, 0.3), runs("b", new long[]{1}, 0.2)));
        assertEquals(5, t.rowCount());
        assertEquals("mean", t.stringColumn("seed").get(2));
        assertEquals(0.2, t.doubleColumn("force_rmse_eV_A").get(2), 1e-12);
        assertEquals(0.14, t.doubleColumn("force_rmse_eV_A").get(3), 1e-12, "sd √0.02 to two digits");
    }

    @Test
    void differentSeedsOrOneSeedCannotBePaired() {
        assertThrows(IllegalArgumentException.class, () -> SeededForceRuns.pairedForceTest(runs("a", new long[]{1, 2}, 1, 2), runs("b", new long[]{1, 3}, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> SeededForceRuns.pairedForceTest(runs("a", new long[]{1}, 1), runs("b", new long[]{1}, 1)));
        assertThrows(IllegalArgumentException.class, () -> new SeededForceRuns("c", new long[]{1, 2}, List.of()));
    }
}
