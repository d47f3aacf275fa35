package io.github.hdnnpkit.model.plot;

import io.github.hdnnpkit.model.LearningCurve;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LearningCurveChartsTest {
    private static final LearningCurve SLOW = new LearningCurve("Adam", new int[]{1, 2, 3}, new double[]{0.1, 0.2, 0.3},
            new double[]{9, 4, 2}, new double[]{5.3, 1.05, 0.26});
    private static final LearningCurve FAST = new LearningCurve("EKF", new int[]{1, 2}, new double[]{0.5, 1.0},
            new double[]{0.8, 0.3}, new double[]{0.042, 0.0059});

    @Test
    void theTableSaysWhenEachCurveReachedTheTarget() {
        var t = LearningCurveCharts.table(List.of(SLOW, FAST), 2.0);
        assertEquals(2, t.rowCount());
        assertEquals(2.0, t.doubleColumn("best test RMSE (meV/atom)").get(0));
        assertEquals(0.26, t.doubleColumn("its test_loss (eV²)").get(0), 1e-12);
        assertEquals(0.26 / 256, t.doubleColumn("test_loss/256").get(0), 1e-6);
        assertEquals(3, t.intColumn("first epoch ≤ 2.00").get(0));
        assertEquals(0.3, t.doubleColumn("seconds to ≤ 2.00").get(0), 1e-12);
        assertEquals(1, t.intColumn("first epoch ≤ 2.00").get(1));
        var never = LearningCurveCharts.table(List.of(SLOW), 1.0);
        assertTrue(never.intColumn("first epoch ≤ 1.00").isMissing(0));
    }

    @Test
    void bothChartsHaveOneSeriesPerCurveOnALogAxis() {
        var e = LearningCurveCharts.againstEpoch(List.of(SLOW, FAST), "t");
        var s = LearningCurveCharts.againstTime(List.of(SLOW, FAST), "t");
        assertEquals(List.of("Adam", "EKF"), List.copyOf(e.getSeriesMap().keySet()));
        assertArrayEquals(new double[]{0.5, 1.0}, s.getSeriesMap().get("EKF").getXData(), 0);
        assertArrayEquals(new double[]{1, 2}, e.getSeriesMap().get("EKF").getXData(), 0);
        assertTrue(e.getStyler().isYAxisLogarithmic());
        assertThrows(IllegalArgumentException.class, () -> LearningCurveCharts.againstEpoch(List.of(), "t"));
    }
}
