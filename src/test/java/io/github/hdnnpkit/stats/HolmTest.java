package io.github.hdnnpkit.stats;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class HolmTest {
    @Test
    void handWorkedFamilyOfFour() {
        // p = A 0.01, B 0.04, C 0.03, D 0.005; m = 4. Sorted: D 0.005, A 0.01, C 0.03, B 0.04.
        // step-down factors 4, 3, 2, 1: D 4·0.005 = 0.02, A 3·0.01 = 0.03, C 2·0.03 = 0.06, B 1·0.04 = 0.04,
        // made monotone (running maximum): 0.02, 0.03, 0.06, max(0.06, 0.04) = 0.06.
        // At α = 0.05: D and A rejected; C and B not. Bonferroni 4p: A 0.04, B 0.16, C 0.12, D 0.02.
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("A", 0.01);
        p.put("B", 0.04);
        p.put("C", 0.03);
        p.put("D", 0.005);
        Holm h = Holm.of(p, 0.05);
        double[] holm = h.comparisons().stream().mapToDouble(Holm.Comparison::holm).toArray();
        assertArrayEquals(new double[]{0.03, 0.06, 0.06, 0.02}, holm, 1e-15);
        double[] bonf = h.comparisons().stream().mapToDouble(Holm.Comparison::bonferroni).toArray();
        assertArrayEquals(new double[]{0.04, 0.16, 0.12, 0.02}, bonf, 1e-15);
        assertEquals("A", h.comparisons().get(0).name());
        assertTrue(h.comparisons().get(0).rejected());
        assertFalse(h.comparisons().get(1).rejected());
        assertFalse(h.comparisons().get(2).rejected());
        assertTrue(h.comparisons().get(3).rejected());
        assertEquals(2, h.rejections());
    }

    @Test
    void holmRejectsWhereBonferroniDoesNot() {
        // p = 0.01, 0.02, 0.03: Holm 3·0.01 = 0.03, 2·0.02 = 0.04, 1·0.03 → max(0.04, 0.03) = 0.04: all ≤ 0.05.
        // Bonferroni 0.03, 0.06, 0.09: only the first.
        double[] p = {0.01, 0.02, 0.03};
        assertArrayEquals(new double[]{0.03, 0.04, 0.04}, Holm.adjust(p), 1e-15);
        assertArrayEquals(new double[]{0.03, 0.06, 0.09}, Holm.bonferroni(p), 1e-15);
    }

    @Test
    void cappedAtOneMonotoneAndTiesShared() {
        // 2·0.5 = 1, 1·0.6 → max(1, 0.6) = 1
        assertArrayEquals(new double[]{1, 1}, Holm.adjust(new double[]{0.5, 0.6}), 0);
        // equal p: 2·0.02 = 0.04, then max(0.04, 0.02) = 0.04 for both
        assertArrayEquals(new double[]{0.04, 0.04}, Holm.adjust(new double[]{0.02, 0.02}), 1e-15);
        // one comparison: unchanged
        assertArrayEquals(new double[]{0.3}, Holm.adjust(new double[]{0.3}), 0);
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[]{0.1, 1.5}));
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[]{Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Holm.of(Map.of("a", 0.1), 0));
    }

    @Test
    void everyGroupAgainstTheReference() {
        // the figure 4.6 use: the best group against each other one. Welch on R's sleep groups gives p = 0.0793941…
        // (R: 0.07939); the best against a copy of itself gives t = 0, p = 1. Holm with m = 2: 2·0.0793941 = 0.158788,
        // then max(0.158788, 1) = 1.
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("best", TwoSampleTestTest.SLEEP_1);
        groups.put("other", TwoSampleTestTest.SLEEP_2);
        groups.put("copy", TwoSampleTestTest.SLEEP_1.clone());
        assertEquals("best", Holm.lowestMean(Map.of("other", TwoSampleTestTest.SLEEP_2, "best", TwoSampleTestTest.SLEEP_1)));
        Holm h = Holm.againstReference("best", groups, TwoSampleTest::welch, 0.05);
        assertEquals(2, h.comparisons().size());
        Holm.Comparison other = h.comparisons().get(0), copy = h.comparisons().get(1);
        assertEquals("other", other.name());
        assertEquals(0.0793941401873583, other.p(), 1e-8);
        assertEquals(2 * 0.0793941401873583, other.holm(), 1e-8);
        assertEquals(1.0, copy.p(), 1e-12);
        assertEquals(1.0, copy.holm(), 1e-12);
        assertEquals(0, h.rejections());
        assertEquals(-1.58, other.test().difference(), 1e-12);
        var t = h.table();
        assertEquals(2, t.rowCount());
        assertEquals(2 * 0.0793941401873583, t.doubleColumn("p_holm").get(0), 1e-8);
        assertFalse(t.booleanColumn("reject_holm").get(0));
        assertThrows(IllegalArgumentException.class, () -> Holm.againstReference("missing", groups, TwoSampleTest::welch, 0.05));
    }
}
