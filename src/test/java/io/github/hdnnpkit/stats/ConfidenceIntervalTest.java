package io.github.hdnnpkit.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ConfidenceIntervalTest {
    static final double[] G1 = TwoSampleTestTest.SLEEP_1;

    @Test
    void meanIntervalMatchesRAndScipy() {
        // R: t.test(sleep$extra[1:10]) → mean 0.75, 95 % CI -0.5297804 2.0297804;
        // full precision from SciPy ttest_1samp(...).confidence_interval(0.95)
        ConfidenceInterval ci = ConfidenceInterval.mean(G1, 0.95);
        assertEquals(0.75, ci.estimate(), 1e-12);
        assertEquals(-0.5297804, ci.lower(), 5e-8);
        assertEquals(-0.5297804135262321, ci.lower(), 1e-8);
        assertEquals(2.029780413526232, ci.upper(), 1e-8);
        // by hand: sd = 1.7890097, se = sd/√10 = 0.5657345, t(0.975, 9) = 2.2621572
        assertEquals(2.2621572 * 0.5657345, ci.upper() - 0.75, 1e-6);
        // one-sided 90 % lower bound (SciPy alternative='greater', confidence_interval(0.9))
        ConfidenceInterval lower = ConfidenceInterval.mean(G1, 0.9, Alternative.GREATER);
        assertEquals(-0.032427109774510354, lower.lower(), 1e-8);
        assertEquals(Double.POSITIVE_INFINITY, lower.upper());
    }

    @Test
    void differenceIntervals() {
        // R's printed Welch and pooled intervals for the sleep data
        ConfidenceInterval w = ConfidenceInterval.differenceWelch(G1, TwoSampleTestTest.SLEEP_2, 0.95);
        assertEquals(-3.3654832, w.lower(), 5e-8);
        assertEquals(0.2054832, w.upper(), 5e-8);
        assertTrue(w.contains(0));
        ConfidenceInterval p = ConfidenceInterval.differencePooled(G1, TwoSampleTestTest.SLEEP_2, 0.95);
        assertEquals(-3.363874, p.lower(), 5e-7);
        assertEquals(0.203874, p.upper(), 5e-7);
        assertEquals("difference in means -1.58000, 95 % CI [-3.36548, 0.205483]", w.toString());
        // a wider level gives a wider interval around the same estimate
        assertTrue(ConfidenceInterval.differenceWelch(G1, TwoSampleTestTest.SLEEP_2, 0.99).width() > w.width());
    }

    @Test
    void noiseFloorIsMeanSdAndInterval() {
        NoiseFloor f = NoiseFloor.of(G1);
        assertEquals(10, f.n());
        assertEquals(0.75, f.mean(), 1e-12);
        // sd by hand: Σ(x − 0.75)² = 28.805, / 9 = 3.2005556, √ = 1.7890097
        assertEquals(Math.sqrt(28.805 / 9), f.sd(), 1e-12);
        assertEquals(-0.5297804135262321, f.ci().lower(), 1e-8);
        assertTrue(f.toString().startsWith("0.750000 ± 1.79 (sd over 10 seeds)"), f.toString());
        assertThrows(IllegalArgumentException.class, () -> NoiseFloor.of(new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.mean(G1, 95));
    }
}
