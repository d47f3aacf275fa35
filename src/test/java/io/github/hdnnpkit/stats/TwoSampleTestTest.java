package io.github.hdnnpkit.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The t-tests on R's {@code sleep} data (Student 1908: extra hours of sleep of 10 patients under two drugs), whose
 * {@code t.test} output is printed in R's help examples and reproduced in many textbooks:
 * <ul>
 * <li>Welch: t = -1.8608, df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 0.2054832, means 0.75 2.33</li>
 * <li>Student ({@code var.equal = TRUE}): t = -1.8608, df = 18, p-value = 0.07919, CI -3.363874 0.203874</li>
 * <li>paired: t = -4.0621, df = 9, p-value = 0.002833, CI -2.4598858 -0.7001142, mean difference -1.58</li>
 * </ul>
 * Those figures are checked to the digits printed. The full-precision values (1e-8) were computed independently with
 * SciPy 1.17.1 ({@code ttest_ind}, {@code ttest_rel}, {@code .confidence_interval(0.95)}), a different implementation
 * of the statistics and of the t distribution (Boost/cephes rather than Commons Math).
 */
class TwoSampleTestTest {
    static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
    /** R's {@code wilcox.test} help example ("x" and "y", alternative = "greater": W = 35, p-value = 0.1272). */
    static final double[] WX = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    static final double[] WY = {1.15, 0.88, 0.90, 0.74, 1.21};
    static final double TOL = 1e-8;

    @Test
    void welchOnSleepMatchesR() {
        TestResult r = TwoSampleTest.welch(SLEEP_1, SLEEP_2);
        // by hand: s1² = 3.2005556, s2² = 4.0090000, se = √((3.2005556 + 4.009)/10) = 0.8490910, t = -1.58/se
        assertEquals(-1.8608, r.statistic(), 5e-5);
        assertEquals(17.776, r.df(), 5e-4);
        assertEquals(0.07939, r.pValue(), 5e-6);
        assertEquals(-3.3654832, r.ci().lower(), 5e-8);
        assertEquals(0.2054832, r.ci().upper(), 5e-8);
        assertEquals(0.75, r.meanA(), 1e-12);
        assertEquals(2.33, r.meanB(), 1e-12);
        assertEquals(-1.58, r.difference(), 1e-12);
        // SciPy, full precision
        assertEquals(-1.8608134674868526, r.statistic(), TOL);
        assertEquals(17.776473516178488, r.df(), TOL);
        assertEquals(0.0793941401873583, r.pValue(), TOL);
        assertEquals(-3.3654832307117104, r.ci().lower(), TOL);
        assertEquals(0.20548323071171137, r.ci().upper(), TOL);
        assertTrue(Double.isNaN(TwoSampleTest.mannWhitney(SLEEP_1, SLEEP_2).df()));
    }

    @Test
    void studentOnSleepMatchesR() {
        TestResult r = TwoSampleTest.student(SLEEP_1, SLEEP_2);
        assertEquals(-1.8608, r.statistic(), 5e-5);
        assertEquals(18, r.df());
        assertEquals(0.07919, r.pValue(), 5e-6);
        assertEquals(-3.363874, r.ci().lower(), 5e-7);
        assertEquals(0.203874, r.ci().upper(), 5e-7);
        assertEquals(-1.8608134674868524, r.statistic(), TOL);
        assertEquals(0.07918671421593822, r.pValue(), TOL);
        assertEquals(-3.3638740322875984, r.ci().lower(), TOL);
        assertEquals(0.20387403228759915, r.ci().upper(), TOL);
    }

    @Test
    void pairedOnSleepMatchesR() {
        TestResult r = TwoSampleTest.paired(SLEEP_1, SLEEP_2);
        assertEquals(-4.0621, r.statistic(), 5e-5);
        assertEquals(9, r.df());
        assertEquals(0.002833, r.pValue(), 5e-7);
        assertEquals(-2.4598858, r.ci().lower(), 5e-8);
        assertEquals(-0.7001142, r.ci().upper(), 5e-8);
        assertEquals(-1.58, r.ci().estimate(), 1e-12);
        assertEquals(-4.062127683382037, r.statistic(), TOL);
        assertEquals(0.002832890197384273, r.pValue(), TOL);
        assertEquals(-2.459885763276983, r.ci().lower(), TOL);
        assertEquals(-0.7001142367230175, r.ci().upper(), TOL);
    }

    @Test
    void oneSidedTestsAndIntervals() {
        // SciPy ttest_ind(..., alternative=...) and its one-sided confidence_interval(0.95)
        TestResult less = TwoSampleTest.welch(SLEEP_1, SLEEP_2, Alternative.LESS);
        assertEquals(0.03969707009367915, less.pValue(), TOL);
        assertEquals(Double.NEGATIVE_INFINITY, less.ci().lower());
        assertEquals(-0.10661850266839323, less.ci().upper(), TOL);
        TestResult greater = TwoSampleTest.welch(SLEEP_1, SLEEP_2, Alternative.GREATER);
        assertEquals(0.9603029299063208, greater.pValue(), TOL);
        assertEquals(-3.053381497331606, greater.ci().lower(), TOL);
        assertEquals(Double.POSITIVE_INFINITY, greater.ci().upper());
        assertEquals(0.03959335710796911, TwoSampleTest.student(SLEEP_1, SLEEP_2, Alternative.LESS).pValue(), TOL);
        assertEquals(-3.0523778316996024, TwoSampleTest.student(SLEEP_1, SLEEP_2, Alternative.GREATER).ci().lower(), TOL);
        TestResult pl = TwoSampleTest.paired(SLEEP_1, SLEEP_2, Alternative.LESS);
        assertEquals(0.0014164450986921364, pl.pValue(), TOL);
        assertEquals(-0.8669947329707163, pl.ci().upper(), TOL);
        assertEquals(0.9985835549013079, TwoSampleTest.paired(SLEEP_1, SLEEP_2, Alternative.GREATER).pValue(), TOL);
    }

    @Test
    void unequalSizesUseTheirOwnDegreesOfFreedom() {
        // SciPy on R's wilcox.test example data (n = 10 and 5)
        TestResult s = TwoSampleTest.student(WX, WY);
        assertEquals(13, s.df());
        assertEquals(1.606136660273869, s.statistic(), TOL);
        assertEquals(0.13225051067782642, s.pValue(), TOL);
        assertEquals(-0.11628909751914812, s.ci().lower(), TOL);
        assertEquals(0.7902890975191481, s.ci().upper(), TOL);
        TestResult w = TwoSampleTest.welch(WX, WY, Alternative.GREATER);
        assertEquals(2.0413830922100695, w.statistic(), TOL);
        assertEquals(12.970538443257544, w.df(), TOL);
        assertEquals(0.031050671890539235, w.pValue(), TOL);
    }

    @Test
    void mannWhitneyExactMatchesScipyDocsExample() {
        // SciPy's mannwhitneyu documentation: ages of first employment, males [19, 22, 16, 29, 24] against
        // females [20, 11, 17, 12]: "U1 = 17.0", exact "p = 0.1111111111111111", asymptotic 0.11134688653314041.
        // By hand: U ranges over 0..20 and P(U ≥ 17) counts the orderings with U = 20, 19, 18, 17 (1 + 1 + 2 + 3, the
        // partitions of 20 − U into at most 4 parts of at most 5) out of C(9, 4) = 126: 7/126 = 1/18, two-sided 1/9.
        double[] males = {19, 22, 16, 29, 24}, females = {20, 11, 17, 12};
        TestResult exact = TwoSampleTest.mannWhitney(males, females);
        assertEquals(17, exact.statistic());
        assertEquals("exact", exact.method());
        assertEquals(1.0 / 9, exact.pValue(), 1e-12);
        assertEquals(0.1111111111111111, exact.pValue(), TOL);
        assertEquals(1.0 / 18, TwoSampleTest.mannWhitney(males, females, Alternative.GREATER).pValue(), 1e-12);
        // P(U ≤ 17) = 1 − P(U ≥ 18) = 1 − 4/126
        assertEquals(1 - 4.0 / 126, TwoSampleTest.mannWhitney(males, females, Alternative.LESS).pValue(), 1e-12);
        TestResult normal = TwoSampleTest.mannWhitney(males, females, Alternative.TWO_SIDED,
                TwoSampleTest.Method.ASYMPTOTIC, 0.95);
        assertEquals(0.11134688653314041, normal.pValue(), TOL);
        assertTrue(normal.method().startsWith("normal approximation"), normal.method());
    }

    @Test
    void mannWhitneyMatchesRWilcoxExampleAndEnumeration() {
        // R: wilcox.test(x, y, alternative = "g") prints W = 35, p-value = 0.1272 (exact).
        TestResult r = TwoSampleTest.mannWhitney(WX, WY, Alternative.GREATER);
        assertEquals(35, r.statistic());
        assertEquals(0.1272, r.pValue(), 5e-5);
        assertEquals("exact", r.method());
        // independently: enumerate all C(15, 5) = 3003 places of the y's among the ranks
        int[] dist = enumerateU(WX.length, WY.length);
        int atLeast = 0, total = 0;
        for (int u = 0; u < dist.length; u++) {
            total += dist[u];
            if (u >= 35) atLeast += dist[u];
        }
        assertEquals(3003, total);
        assertEquals(382, atLeast);
        assertEquals(382.0 / 3003, r.pValue(), 1e-12);
        assertEquals(0.1272061272061272, r.pValue(), TOL); // SciPy, method="exact"
        // the asymptotic value SciPy gives (method="asymptotic", continuity corrected)
        assertEquals(0.12231180256349167, TwoSampleTest.mannWhitney(WX, WY, Alternative.GREATER,
                TwoSampleTest.Method.ASYMPTOTIC, 0.95).pValue(), TOL);
    }

    @Test
    void hodgesLehmannIntervalFromExactQuantiles() {
        TestResult r = TwoSampleTest.mannWhitney(WX, WY);
        double[] d = new double[50];
        for (int i = 0; i < 10; i++) for (int j = 0; j < 5; j++) d[i * 5 + j] = WX[i] - WY[j];
        Arrays.sort(d);
        // from the enumeration: P(U ≤ 8) = 60/3003 = 0.01998 < 0.025 ≤ P(U ≤ 9) = 83/3003, so the 95 % interval runs
        // from the 9th smallest to the 9th largest of the 50 differences; the shift is their median, (d25 + d26)/2
        int[] dist = enumerateU(10, 5);
        int below9 = 0;
        for (int u = 0; u <= 8; u++) below9 += dist[u];
        assertEquals(60, below9);
        assertEquals(83, below9 + dist[9]);
        assertEquals(d[8], r.ci().lower(), 1e-12);
        assertEquals(d[41], r.ci().upper(), 1e-12);
        assertEquals(-0.15, r.ci().lower(), 1e-12);   // 0.73 − 0.88
        assertEquals(0.76, r.ci().upper(), 1e-12);    // 1.64 − 0.88
        assertEquals(0.305, r.ci().estimate(), 1e-12); // (0.30 + 0.31) / 2
        assertTrue(r.ci().of().contains("Hodges"));
        // one-sided (greater): P(U ≤ 11) < 0.05 ≤ P(U ≤ 12), so the lower end is the 12th smallest difference
        int upTo11 = 0;
        for (int u = 0; u <= 11; u++) upTo11 += dist[u];
        assertTrue(upTo11 < 0.05 * 3003 && upTo11 + dist[12] >= 0.05 * 3003);
        TestResult g = TwoSampleTest.mannWhitney(WX, WY, Alternative.GREATER);
        assertEquals(d[11], g.ci().lower(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, g.ci().upper());
    }

    @Test
    void mannWhitneyWithTiesUsesCorrectedNormalApproximation() {
        double[] a = {1, 2, 2, 3, 5, 7}, b = {2, 3, 3, 4, 6, 6, 8};
        // by hand: average ranks of a are 1, 3, 3, 6, 9, 12 (sum 34), U = 34 − 21 = 13, mean mn/2 = 21;
        // ties 2,2,2 / 3,3,3 / 6,6 give Σ(t³ − t) = 24 + 24 + 6 = 54,
        // σ² = 42/12 · (14 − 54/(13·12)) = 47.78846…, z = (13 − 21 + ½)/σ = −1.084926, p = 2Φ(z) = 0.27795
        TestResult r = TwoSampleTest.mannWhitney(a, b);
        assertEquals(13, r.statistic());
        assertEquals("normal approximation, tie and continuity corrected", r.method());
        double sigma = Math.sqrt(42.0 / 12 * (14 - 54.0 / 156));
        assertEquals(-1.084926, (13 - 21 + 0.5) / sigma, 1e-6);
        assertEquals(0.2779548501512722, r.pValue(), TOL); // SciPy (auto → asymptotic because of ties); R agrees
        assertEquals(0.1389774250756361, TwoSampleTest.mannWhitney(a, b, Alternative.LESS).pValue(), TOL);
        assertEquals(0.8905731122114429, TwoSampleTest.mannWhitney(a, b, Alternative.GREATER).pValue(), TOL);
        assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.mannWhitney(a, b, Alternative.TWO_SIDED,
                TwoSampleTest.Method.EXACT, 0.95));
        // interval at normal-approximation ranks: k = ⌈21 − 1.959964·σ − ½⌉ = ⌈6.951⌉ = 7, so [d(7), d(36)] of the
        // 42 sorted differences a_i − b_j
        assertEquals(7, (int) Math.ceil(21 - 1.959963984540054 * sigma - 0.5));
        double[] d = new double[42];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 7; j++) d[i * 7 + j] = a[i] - b[j];
        Arrays.sort(d);
        assertEquals(d[6], r.ci().lower());
        assertEquals(d[35], r.ci().upper());
        assertEquals((d[20] + d[21]) / 2, r.ci().estimate());
    }

    @Test
    void exactDistributionSumsToOneAndIsSymmetric() {
        MannWhitneyDistribution d = new MannWhitneyDistribution(7, 4);
        int[] counts = enumerateU(7, 4);
        double total = Arrays.stream(counts).sum();
        for (int u = 0; u <= 28; u++) {
            double cum = 0;
            for (int v = 0; v <= u; v++) cum += counts[v];
            assertEquals(cum / total, d.cdf(u), 1e-13, "P(U ≤ " + u + ")");
            assertEquals(d.cdf(28 - u), d.survival(u), 1e-13, "symmetry at " + u);
        }
        // large samples stay in [0, 1] and the two tails add up with the point mass
        MannWhitneyDistribution big = new MannWhitneyDistribution(49, 49);
        assertEquals(1.0, big.cdf(1200) + big.survival(1201), 1e-12);
    }

    @Test
    void rejectsBadInputNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TwoSampleTest.welch(new double[]{1, 2, Double.NaN}, SLEEP_2));
        assertTrue(e.getMessage().contains("sample a") && e.getMessage().contains("element 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.student(new double[]{1}, SLEEP_2));
        assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.paired(SLEEP_1, WY));
        e = assertThrows(IllegalArgumentException.class,
                () -> TwoSampleTest.welch(new double[]{1, 1, 1}, new double[]{1, 1}));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.welch(SLEEP_1, SLEEP_2, Alternative.LESS, 1.0));
    }

    @Test
    void resultReadsWellInANotebook() {
        String s = TwoSampleTest.welch(SLEEP_1, SLEEP_2).toString();
        assertTrue(s.contains("Welch") && s.contains("t = -1.86081") && s.contains("df = 17.7765")
                && s.contains("p = 0.07939") && s.contains("95 % CI [-3.36548, 0.205483]"), s);
        assertTrue(TwoSampleTest.paired(SLEEP_1, SLEEP_2).significant(0.01));
        assertFalse(TwoSampleTest.welch(SLEEP_1, SLEEP_2).significant(0.05));
    }

    /** U of the first sample counted over every placement of the second sample's members among m + n ranks. */
    static int[] enumerateU(int m, int n) {
        int[] dist = new int[m * n + 1];
        int size = m + n;
        for (int mask = 0; mask < (1 << size); mask++) {
            if (Integer.bitCount(mask) != n) continue; // set bits = positions of the second sample
            int u = 0, secondBelow = 0;
            for (int pos = 0; pos < size; pos++) {
                if ((mask >> pos & 1) == 1) secondBelow++;
                else u += secondBelow;
            }
            dist[u]++;
        }
        return dist;
    }
}
