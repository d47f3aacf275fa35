package io.github.hdnnpkit.stats;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RankStabilityTest {
    @Test
    void spearmanAndKendallWithoutTies() {
        // x = 1..5, y = 3, 1, 2, 5, 4: rank differences −2, 1, 1, −1, 1, Σd² = 8, ρ = 1 − 6·8/(5·24) = 0.6.
        // Of the 10 pairs, (1,2), (1,3), (4,5) are discordant: τ = (7 − 3)/10 = 0.4.
        double[] x = {1, 2, 3, 4, 5}, y = {3, 1, 2, 5, 4};
        assertEquals(0.6, RankStability.spearman(x, y), 1e-12);
        assertEquals(0.4, RankStability.kendall(x, y), 1e-12);
    }

    @Test
    void tiesUseAverageRanksAndTauB() {
        // x = 1, 2, 2, 3 → ranks 1, 2.5, 2.5, 4; y = 1, 3, 2, 4. Deviations from 2.5: (−1.5, 0, 0, 1.5) and
        // (−1.5, 0.5, −0.5, 1.5): ρ = 4.5/√(4.5·5) = 3/√10. τ-b: 5 concordant, 0 discordant, one pair tied in x:
        // 5/√((6 − 1)·6) = 5/√30.
        assertEquals(3 / Math.sqrt(10), RankStability.spearman(new double[]{1, 2, 2, 3}, new double[]{1, 3, 2, 4}), 1e-12);
        assertEquals(5 / Math.sqrt(30), RankStability.kendall(new double[]{1, 2, 2, 3}, new double[]{1, 3, 2, 4}), 1e-12);
        // ties in both: x = 1, 1, 2, 3 (ranks 1.5, 1.5, 3, 4), y = 1, 2, 2, 3 (ranks 1, 2.5, 2.5, 4):
        // ρ = 3.75/√(4.5·4.5) = 0.8333…; τ-b = 4/√((6 − 1)(6 − 1)) = 0.8
        assertEquals(3.75 / 4.5, RankStability.spearman(new double[]{1, 1, 2, 3}, new double[]{1, 2, 2, 3}), 1e-12);
        assertEquals(0.8, RankStability.kendall(new double[]{1, 1, 2, 3}, new double[]{1, 2, 2, 3}), 1e-12);
        // SciPy's kendalltau documentation: x1 = [12, 2, 1, 12, 2], x2 = [1, 4, 7, 1, 0] → tau = -0.47140452079103173
        assertEquals(-0.47140452079103173, RankStability.kendall(new double[]{12, 2, 1, 12, 2},
                new double[]{1, 4, 7, 1, 0}), 1e-12);
    }

    @Test
    void orderingsAndTopK() {
        // b swaps f1/f2 and f4/f5: Σd² = 4, ρ = 1 − 24/120 = 0.8; 2 of 10 pairs discordant: τ = 0.6.
        List<String> a = List.of("f1", "f2", "f3", "f4", "f5"), b = List.of("f2", "f1", "f3", "f5", "f4");
        assertEquals(0.8, RankStability.spearman(a, b), 1e-12);
        assertEquals(0.6, RankStability.kendall(a, b), 1e-12);
        RankStability.Overlap top2 = RankStability.topK(a, b, 2);
        assertEquals(2, top2.common());
        assertEquals(1.0, top2.jaccard());
        // top-4: {f1..f4} and {f1, f2, f3, f5}: 3 common, 3/4, Jaccard 3/5
        RankStability.Overlap top4 = RankStability.topK(a, b, 4);
        assertEquals(3, top4.common());
        assertEquals(0.75, top4.fraction(), 1e-15);
        assertEquals(0.6, top4.jaccard(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> RankStability.topK(a, b, 6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankStability.spearman(a, List.of("f1", "f2", "f3", "f4", "f1")));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void scoreMapsBreakBoundaryTiesByIdAndRequireTheSameIds() {
        Map<String, Double> s = Map.of("a", 3.0, "c", 2.0, "b", 2.0, "d", 1.0);
        assertEquals(List.of("a", "b", "c", "d"), RankStability.order(s));
        Map<String, Double> t = Map.of("a", 0.1, "b", 0.5, "c", 0.4, "d", 0.2);
        RankStability.Overlap o = RankStability.topK(s, t, 2); // {a, b} and {b, c}: 1 common, Jaccard 1/3
        assertEquals(1, o.common());
        assertEquals(1.0 / 3, o.jaccard(), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankStability.spearman(s, Map.of("a", 1.0, "b", 2.0, "c", 3.0, "e", 4.0)));
        assertTrue(e.getMessage().contains("[d]") && e.getMessage().contains("[e]"), e.getMessage());
    }

    @Test
    void pairwiseOverRuns() {
        // s1 = f1..f5, s2 swaps two pairs, s3 reverses s1. Pairs: (s1,s2) ρ 0.8, τ 0.6; (s1,s3) ρ −1, τ −1;
        // (s2,s3): rank differences −3, −3, 0, 3, 3 → ρ = 1 − 6·36/120 = −0.8, τ = −0.6.
        // Means: ρ (0.8 − 1 − 0.8)/3 = −1/3, τ (0.6 − 1 − 0.6)/3 = −1/3. Top-2 sets {f1,f2}, {f1,f2}, {f4,f5}:
        // overlaps 1, 0, 0 → mean 1/3 (Jaccard likewise).
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("seed 1", List.of("f1", "f2", "f3", "f4", "f5"));
        runs.put("seed 2", List.of("f2", "f1", "f3", "f5", "f4"));
        runs.put("seed 3", List.of("f5", "f4", "f3", "f2", "f1"));
        RankStability r = RankStability.ofOrderings(runs, 2);
        assertEquals(3, r.pairs().size());
        assertEquals(-0.8, r.pairs().get(2).spearman(), 1e-12);
        assertEquals(-0.6, r.pairs().get(2).kendall(), 1e-12);
        assertEquals(-1.0 / 3, r.meanSpearman(), 1e-12);
        assertEquals(-1.0 / 3, r.meanKendall(), 1e-12);
        assertEquals(1.0 / 3, r.meanOverlap(), 1e-12);
        assertEquals(1.0 / 3, r.meanJaccard(), 1e-12);
        var t = r.pairwiseTable();
        assertEquals(3, t.rowCount());
        assertEquals("seed 1", t.stringColumn("run_a").get(1));
        assertEquals("seed 3", t.stringColumn("run_b").get(1));
        assertEquals(-1.0, t.doubleColumn("spearman").get(1), 1e-12);
        assertEquals(0, t.intColumn("top2_common").get(1));
        assertThrows(IllegalArgumentException.class, () -> RankStability.ofOrderings(Map.of("only", List.of("a", "b")), 1));
    }
}
