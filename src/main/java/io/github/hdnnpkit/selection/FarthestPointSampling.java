package io.github.hdnnpkit.selection;

import io.github.hdnnpkit.model.TrainingData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Farthest-point sampling on the features (Imbalzano et al. 2018's other unsupervised choice): each descriptor is a
 * point, its standardised column over the sampled training atoms; the next feature is the one farthest from all
 * chosen so far (largest distance to its nearest chosen one), so the chosen set spreads over the feature space.
 * Deterministic: it starts from the feature farthest from the centroid of all features. Distances come from the
 * correlation matrix, {@code d_ij² = C_ii + C_jj − 2 C_ij}.
 */
public final class FarthestPointSampling implements FeatureSelector {
    /**
     * @param atomsPerConfiguration atoms sampled per training configuration (0 = all)
     * @param seed                  the atom sample's seed
     */
    public record Options(int atomsPerConfiguration, long seed) {
        public Options {
            if (atomsPerConfiguration < 0) throw new IllegalArgumentException("atomsPerConfiguration must be ≥ 0 (0 = all)");
        }

        public static Options defaults() { return new Options(16, 101L); }
    }

    private final Options options;

    public FarthestPointSampling(Options options) { this.options = options; }

    @Override
    public String name() { return "fps"; }

    @Override
    public Selection select(TrainingData data) {
        double[][] c = FeatureGram.correlation(data, options.atomsPerConfiguration(), options.seed());
        int[] order = new int[c.length];
        double[] score = new double[c.length];
        rank(c, order, score);
        List<String> ids = data.descriptors().featureIds();
        List<String> ranking = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < order.length; i++) {
            ranking.add(ids.get(order[i]));
            scores.put(ids.get(order[i]), score[i]);
        }
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("atoms_per_configuration", options.atomsPerConfiguration() == 0 ? "all" : Integer.toString(options.atomsPerConfiguration()));
        hp.put("start", "farthest from the centroid");
        return new Selection(name(), ranking, scores, "distance to the nearest feature picked before (first: to the centroid)", hp,
                data.dataId() + " [" + data.descriptorSet() + ", training part]", options.seed());
    }

    /** Ranks the points whose Gram matrix is {@code c}; {@code score[i]} is the distance that chose {@code order[i]}. */
    static void rank(double[][] c, int[] order, double[] score) {
        int p = c.length;
        double all = 0;
        double[] rowMean = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) rowMean[i] += c[i][j];
            rowMean[i] /= p;
            all += rowMean[i];
        }
        all /= p;
        int first = 0;
        double far = -1;
        for (int j = 0; j < p; j++) {
            double d = c[j][j] - 2 * rowMean[j] + all;
            if (d > far + 1e-15) {
                far = d;
                first = j;
            }
        }
        double[] nearest = new double[p];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        boolean[] taken = new boolean[p];
        int pick = first;
        double dist = Math.sqrt(Math.max(far, 0));
        for (int step = 0; step < p; step++) {
            order[step] = pick;
            score[step] = dist;
            taken[pick] = true;
            int next = -1;
            double best = -1;
            for (int j = 0; j < p; j++) {
                if (taken[j]) continue;
                double d2 = Math.max(c[j][j] + c[pick][pick] - 2 * c[j][pick], 0);
                nearest[j] = Math.min(nearest[j], d2);
                if (nearest[j] > best + 1e-15) {
                    best = nearest[j];
                    next = j;
                }
            }
            if (next < 0) break;
            pick = next;
            dist = Math.sqrt(best);
        }
    }
}
