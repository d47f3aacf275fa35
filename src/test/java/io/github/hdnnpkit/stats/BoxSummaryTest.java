package io.github.hdnnpkit.stats;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BoxSummaryTest {
    @Test
    void quartilesAreType7WithTukeyWhiskers() {
        // sorted: -20, 1, 2, 3, 4, 5, 6, 7, 9, 12, 40 (n = 11). Type 7 at 0-based h = 10p:
        // q1: h = 2.5 → 2 + ½(3 − 2) = 2.5; median: h = 5 → 5; q3: h = 7.5 → 7 + ½(9 − 7) = 8
        // (numpy.percentile(x, [25, 50, 75]) = [2.5, 5, 8]). IQR 5.5, fences 2.5 − 8.25 = −5.75 and 8 + 8.25 = 16.25:
        // −20 and 40 are outliers, the whiskers end at 1 and 12. Mean 69/11; sd 13.900294306890837 (numpy, ddof = 1).
        BoxSummary b = BoxSummary.of(new double[]{7, 1, 3, 12, 5, 2, 40, 4, 6, 9, -20});
        assertEquals(11, b.n());
        assertEquals(2.5, b.q1(), 1e-15);
        assertEquals(5, b.median(), 1e-15);
        assertEquals(8, b.q3(), 1e-15);
        assertEquals(5.5, b.iqr(), 1e-15);
        assertEquals(-20, b.min());
        assertEquals(40, b.max());
        assertEquals(1, b.lowerWhisker());
        assertEquals(12, b.upperWhisker());
        assertEquals(List.of(-20.0, 40.0), b.outliers());
        assertEquals(69.0 / 11, b.mean(), 1e-14);
        assertEquals(13.900294306890837, b.sd(), 1e-12);
    }

    @Test
    void interpolatesBetweenNeighbours() {
        // [1, 2, 3, 4]: h = 0.75, 1.5, 2.25 → 1.75, 2.5, 3.25 (numpy [1.75, 2.5, 3.25])
        BoxSummary b = BoxSummary.of(new double[]{4, 2, 1, 3});
        assertEquals(1.75, b.q1(), 1e-15);
        assertEquals(2.5, b.median(), 1e-15);
        assertEquals(3.25, b.q3(), 1e-15);
        assertTrue(b.outliers().isEmpty());
        assertEquals(1, b.lowerWhisker());
        assertEquals(4, b.upperWhisker());
        // [1, 1, 3, 4, 5, 9]: h = 1.25 → 1 + ¼·2 = 1.5; h = 2.5 → 3.5; h = 3.75 → 4 + ¾·1 = 4.75
        double[] s = {1, 1, 3, 4, 5, 9};
        assertEquals(1.5, BoxSummary.quantile(s, 0.25), 1e-15);
        assertEquals(3.5, BoxSummary.quantile(s, 0.5), 1e-15);
        assertEquals(4.75, BoxSummary.quantile(s, 0.75), 1e-15);
        assertEquals(1, BoxSummary.quantile(s, 0));
        assertEquals(9, BoxSummary.quantile(s, 1));
        assertThrows(IllegalArgumentException.class, () -> BoxSummary.quantile(new double[]{2, 1}, 0.5));
    }

    @Test
    void lastEpochsAndSingleValue() {
        double[] series = {100, 90, 80, 3, 1, 2};
        BoxSummary b = BoxSummary.ofLast(series, 3);
        assertEquals(3, b.n());
        assertEquals(2, b.median());
        assertEquals(1, b.min());
        BoxSummary one = BoxSummary.of(new double[]{4});
        assertEquals(4, one.q1());
        assertEquals(4, one.q3());
        assertTrue(Double.isNaN(one.sd()));
        assertThrows(IllegalArgumentException.class, () -> BoxSummary.ofLast(series, 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxSummary.of(new double[]{1, Double.POSITIVE_INFINITY}));
        assertTrue(e.getMessage().contains("element 1"), e.getMessage());
    }

    @Test
    void tableHasOneRowPerGroup() {
        Map<String, double[]> g = new LinkedHashMap<>();
        g.put("[5,5]", new double[]{4, 2, 1, 3});
        g.put("[10,10]", new double[]{7, 1, 3, 12, 5, 2, 40, 4, 6, 9, -20});
        var t = BoxSummary.table("losses of the last epochs", g);
        assertEquals(2, t.rowCount());
        assertEquals("[10,10]", t.stringColumn("group").get(1));
        assertEquals(8, t.doubleColumn("q3").get(1), 1e-15);
        assertEquals(2, t.intColumn("outliers").get(1));
    }
}
