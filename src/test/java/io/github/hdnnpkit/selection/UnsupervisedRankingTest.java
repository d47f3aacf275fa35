package io.github.hdnnpkit.selection;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class UnsupervisedRankingTest {
    /** 400 samples of 12 columns that are mixtures of 3 independent sources: a planted rank-3 structure. */
    private static double[][] lowRank(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] mix = new double[3][12];
        for (double[] m : mix) for (int j = 0; j < 12; j++) m[j] = r.nextDouble() * 2 - 1;
        double[][] x = new double[400][12];
        for (double[] row : x) {
            double[] s = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            for (int j = 0; j < 12; j++) row[j] = s[0] * mix[0][j] + s[1] * mix[1][j] + s[2] * mix[2][j] + 1e-7 * r.nextGaussian();
        }
        return x;
    }

    @Test
    void curRecoversAPlantedLowRankStructure() {
        double[][] x = lowRank(5);
        double[][] c = FeatureGram.correlation(x);
        int[] order = new int[12];
        double[] score = new double[12];
        Cur.rank(c, 1, 12, order, score);
        // independent check: least squares of every standardised column on the first three picks explains it fully
        int[] picks = {order[0], order[1], order[2]};
        double[][] z = standardised(x);
        RealMatrix a = new Array2DRowRealMatrix(400, 3);
        for (int i = 0; i < 400; i++) for (int k = 0; k < 3; k++) a.setEntry(i, k, z[i][picks[k]]);
        var solver = new QRDecomposition(a).getSolver();
        for (int j = 0; j < 12; j++) {
            double[] col = new double[400];
            for (int i = 0; i < 400; i++) col[i] = z[i][j];
            var fit = a.operate(solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(col)));
            double ss = 0;
            for (int i = 0; i < 400; i++) ss += (col[i] - fit.getEntry(i)) * (col[i] - fit.getEntry(i));
            assertTrue(ss / 400 < 1e-8, "column " + j + " is not spanned by the picks " + java.util.Arrays.toString(picks) + ": residual " + ss / 400);
        }
        // three picks explain everything: nothing is left for the fourth
        assertTrue(score[3] < 1e-8 || score[3] <= score[0], "fourth pick after the rank is exhausted: " + score[3]);
        assertEquals(12, new HashSet<>(java.util.Arrays.stream(order).boxed().toList()).size(), "every column ranked once");
    }

    /** Two near-duplicate pairs and one independent column: CUR takes one of each before any duplicate. */
    @Test
    void curPutsDuplicatesLast() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] x = new double[300][5];
        for (double[] row : x) {
            double a = r.nextGaussian(), b = r.nextGaussian(), e = r.nextGaussian();
            row[0] = a;
            row[1] = a + 1e-4 * r.nextGaussian();
            row[2] = b;
            row[3] = 3 * b + 1e-4 * r.nextGaussian();
            row[4] = e;
        }
        int[] order = new int[5];
        Cur.rank(FeatureGram.correlation(x), 1, 5, order, new double[5]);
        Set<Integer> first3 = Set.of(order[0], order[1], order[2]);
        assertTrue(first3.contains(4), "the independent column is among the first three: " + java.util.Arrays.toString(order));
        assertTrue(first3.contains(0) ^ first3.contains(1), "one of the first pair: " + java.util.Arrays.toString(order));
        assertTrue(first3.contains(2) ^ first3.contains(3), "one of the second pair: " + java.util.Arrays.toString(order));
    }

    /** Points on a line at 0, 1, 2, 10 (as Gram of 1-D positions plus an offset dimension): FPS goes to the extremes first. */
    @Test
    void farthestPointSamplingByHand() {
        double[] pos = {0, 1, 2, 10};
        double[][] c = new double[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) c[i][j] = pos[i] * pos[j];
        int[] order = new int[4];
        double[] score = new double[4];
        FarthestPointSampling.rank(c, order, score);
        // centroid 3.25: the farthest point is 10; then 0 (distance 10), then 2 (nearest chosen 0: 2, vs 1's 1), then 1
        assertArrayEquals(new int[]{3, 0, 2, 1}, order);
        assertEquals(6.75, score[0], 1e-12);
        assertEquals(10, score[1], 1e-12);
        assertEquals(2, score[2], 1e-12);
        assertEquals(1, score[3], 1e-12);
    }

    @Test
    void selectionsOnTrainingDataRankEveryFeatureAndKeepProvenance() {
        var data = PlantedSignal.data(60, 4, 6, 1);
        for (FeatureSelector s : List.of(new Cur(Cur.Options.defaults()), new FarthestPointSampling(FarthestPointSampling.Options.defaults()))) {
            Selection sel = s.select(data);
            assertEquals(6, sel.size());
            assertEquals(s.name(), sel.method());
            assertTrue(sel.dataId().contains("planted-signal") && sel.dataId().contains("training part"), sel.dataId());
            assertEquals(3, sel.top(3).size());
            assertThrows(IllegalArgumentException.class, () -> sel.top(7));
        }
    }

    private static double[][] standardised(double[][] x) {
        int n = x.length, p = x[0].length;
        double[][] z = new double[n][p];
        for (int j = 0; j < p; j++) {
            double m = 0, s = 0;
            for (double[] row : x) m += row[j];
            m /= n;
            for (double[] row : x) s += (row[j] - m) * (row[j] - m);
            s = Math.sqrt(s / n);
            for (int i = 0; i < n; i++) z[i][j] = (x[i][j] - m) / s;
        }
        return z;
    }
}
