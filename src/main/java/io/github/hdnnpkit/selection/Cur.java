package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.model.TrainingData;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CUR column selection with iterative orthogonalisation, as Imbalzano et al. (J. Chem. Phys. 148, 241730, 2018) use
 * it to pick symmetry functions: the leverage score of column j is {@code π_j = Σ_{i<k} v_ij²} over the top k right
 * singular vectors of the (standardised) descriptor matrix X; the column with the highest score is taken, every
 * column is orthogonalised against it ({@code X ← X − x_c x_cᵀX / x_cᵀx_c}), and the scores are computed again on
 * what is left. A column that the chosen ones already explain has nothing left and ranks late. Unsupervised: the
 * energies play no part.
 *
 * <p>Everything is done on the Gram matrix {@code C = XᵀX/n}: the right singular vectors of X are the eigenvectors of
 * C, and orthogonalising against column c turns C into {@code C − C_c C_cᵀ / C_cc}, exactly.
 */
public final class Cur implements FeatureSelector {
    /**
     * @param singularVectors       k, the singular vectors in the leverage score (Imbalzano et al. and scikit-matter use 1)
     * @param picks                 columns chosen by leverage; the rest follow by the variance left after them
     * @param atomsPerConfiguration atoms sampled per training configuration (0 = all)
     * @param seed                  the atom sample's seed
     */
    public record Options(int singularVectors, int picks, int atomsPerConfiguration, long seed) {
        public Options {
            if (singularVectors < 1) throw new IllegalArgumentException("at least one singular vector, got " + singularVectors);
            if (picks < 1) throw new IllegalArgumentException("picks must be ≥ 1");
            if (atomsPerConfiguration < 0) throw new IllegalArgumentException("atomsPerConfiguration must be ≥ 0 (0 = all)");
        }

        public static Options defaults() { return new Options(1, Integer.MAX_VALUE, 16, 101L); }

        public Options withPicks(int n) { return new Options(singularVectors, n, atomsPerConfiguration, seed); }

        public Options withSingularVectors(int k) { return new Options(k, picks, atomsPerConfiguration, seed); }

        public Options withAtomsPerConfiguration(int n) { return new Options(singularVectors, picks, n, seed); }
    }

    private final Options options;

    public Cur(Options options) { this.options = options; }

    @Override
    public String name() { return "cur"; }

    @Override
    public Selection select(TrainingData data) {
        double[][] c = FeatureGram.correlation(data, options.atomsPerConfiguration(), options.seed());
        int[] order = new int[c.length];
        double[] score = new double[c.length];
        rank(c, options.singularVectors(), options.picks(), order, score);
        List<String> ids = data.descriptors().featureIds();
        List<String> ranking = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < order.length; i++) {
            ranking.add(ids.get(order[i]));
            scores.put(ids.get(order[i]), score[i]);
        }
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("singular_vectors", Integer.toString(options.singularVectors()));
        hp.put("picks", options.picks() == Integer.MAX_VALUE ? "all" : Integer.toString(options.picks()));
        hp.put("atoms_per_configuration", options.atomsPerConfiguration() == 0 ? "all" : Integer.toString(options.atomsPerConfiguration()));
        hp.put("standardised", "true");
        return new Selection(name(), ranking, scores, "leverage when picked (then variance left)", hp,
                data.dataId() + " [" + data.descriptorSet() + ", training part]", options.seed());
    }

    /**
     * Ranks the columns of a Gram matrix (modified in place): {@code order[i]} is the i-th column chosen and
     * {@code score[i]} its leverage when chosen (for picks beyond {@code picks}, or once nothing is left, the
     * variance it had left).
     */
    static void rank(double[][] c, int k, int picks, int[] order, double[] score) {
        int p = c.length;
        boolean[] taken = new boolean[p];
        double trace0 = 0;
        for (int j = 0; j < p; j++) trace0 += c[j][j];
        for (int step = 0; step < p; step++) {
            List<Integer> left = new ArrayList<>();
            double trace = 0;
            for (int j = 0; j < p; j++)
                if (!taken[j]) {
                    left.add(j);
                    trace += Math.max(c[j][j], 0);
                }
            int best = -1;
            double bestScore = -1;
            if (step < picks && trace > 1e-10 * trace0) {
                int m = left.size();
                double[][] sub = new double[m][m];
                for (int a = 0; a < m; a++)
                    for (int b = 0; b < m; b++) sub[a][b] = 0.5 * (c[left.get(a)][left.get(b)] + c[left.get(b)][left.get(a)]);
                // the SVD of the symmetric residual: its right singular vectors are the eigenvectors, sorted by
                // size (more robust than the eigen-solver on the nearly singular residuals of correlated functions)
                RealMatrix v = new SingularValueDecomposition(new Array2DRowRealMatrix(sub, false)).getV();
                double[] pi = new double[m];
                for (int i = 0; i < Math.min(k, m); i++)
                    for (int a = 0; a < m; a++) pi[a] += v.getEntry(a, i) * v.getEntry(a, i);
                for (int a = 0; a < m; a++)
                    if (pi[a] > bestScore + 1e-15) {
                        bestScore = pi[a];
                        best = left.get(a);
                    }
                if (k > 1) bestScore /= Math.min(k, m);
            } else {
                for (int j : left)
                    if (c[j][j] > bestScore) {
                        bestScore = c[j][j];
                        best = j;
                    }
            }
            order[step] = best;
            score[step] = bestScore;
            taken[best] = true;
            double d = c[best][best];
            if (d > 1e-14 * Math.max(trace0, 1e-300)) {
                double[] col = c[best].clone();
                for (int i = 0; i < p; i++)
                    for (int j = 0; j < p; j++) c[i][j] -= col[i] * col[j] / d;
            }
        }
    }
}
