package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.TrainingData;

import java.util.SplittableRandom;

/**
 * The correlation matrix of the descriptor columns over atoms of the training configurations, the common input of
 * the unsupervised rankings: each column centred and scaled to unit variance, so that neither a function's offset
 * nor its magnitude decides its rank (a constant column stays all zero and ranks last). Atoms are sampled per
 * configuration with a seed: neighbouring atoms of one snapshot are strongly correlated, so a few per configuration
 * keep the information at a fraction of the cost.
 */
final class FeatureGram {
    private FeatureGram() {
    }

    /** {@code C[i][j] = mean over sampled rows of z_i z_j} (1 on the diagonal unless the column is constant). */
    static double[][] correlation(TrainingData data, int atomsPerConfiguration, long seed) {
        DescriptorMatrix d = data.descriptors();
        int p = d.features();
        int[] train = data.split().train();
        SplittableRandom rng = new SplittableRandom(seed);
        int total = 0;
        for (int c : train) total += atomsPerConfiguration <= 0 ? d.atomsIn(c) : Math.min(atomsPerConfiguration, d.atomsIn(c));
        double[][] rows = new double[total][];
        int r = 0;
        for (int c : train) {
            int n = d.atomsIn(c), first = d.firstAtom(c);
            int[] atoms = new int[n];
            for (int a = 0; a < n; a++) atoms[a] = a;
            int take = atomsPerConfiguration <= 0 ? n : Math.min(atomsPerConfiguration, n);
            for (int a = 0; a < take; a++) {      // partial Fisher–Yates: a seeded sample without repeats
                int b = a + rng.nextInt(n - a);
                int t = atoms[a]; atoms[a] = atoms[b]; atoms[b] = t;
                double[] row = new double[p];
                for (int j = 0; j < p; j++) row[j] = d.get(first + atoms[a], j);
                rows[r++] = row;
            }
        }
        return correlation(rows);
    }

    /** The correlation matrix of the columns of a plain matrix (rows = samples). */
    static double[][] correlation(double[][] x) {
        int n = x.length, p = x[0].length;
        double[] mean = new double[p], sd = new double[p];
        for (double[] row : x) for (int j = 0; j < p; j++) mean[j] += row[j];
        for (int j = 0; j < p; j++) mean[j] /= n;
        for (double[] row : x) for (int j = 0; j < p; j++) sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
        for (int j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j] / n);
        double scale = 0;
        for (double s : sd) scale = Math.max(scale, s);
        double[][] c = new double[p][p];
        double[] z = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) z[j] = sd[j] > 1e-12 * scale ? (row[j] - mean[j]) / sd[j] : 0;
            for (int i = 0; i < p; i++) {
                double zi = z[i];
                if (zi == 0) continue;
                double[] ci = c[i];
                for (int j = i; j < p; j++) ci[j] += zi * z[j];
            }
        }
        for (int i = 0; i < p; i++)
            for (int j = i; j < p; j++) {
                c[i][j] /= n;
                c[j][i] = c[i][j];
            }
        return c;
    }
}
