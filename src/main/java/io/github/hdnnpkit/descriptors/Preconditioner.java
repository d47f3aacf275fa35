package io.github.hdnnpkit.descriptors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Per-feature preconditioning of descriptors before the network (section 2.4.1 of the thesis). Every method is the
 * affine map {@code y = sMin + factor_j * (G_j - centre_j)}, the form n2p2 uses in {@code SymFnc::scale}, so a fitted
 * preconditioner exports to n2p2's {@code scaling.data} without re-deriving anything:
 * <ul>
 *   <li>{@link Method#SCALE}: to [-1, 1], eq. 2.5: {@code 2 (G - Gmin)/(Gmax - Gmin) - 1} (n2p2 {@code scale_symmetry_functions}, smin -1, smax 1);</li>
 *   <li>{@link Method#SHIFT}: {@code G - Gmean} (n2p2 {@code center_symmetry_functions});</li>
 *   <li>{@link Method#STANDARDISE}: {@code (G - Gmean)/sigma}, sigma the population standard deviation
 *       (n2p2 {@code scale_symmetry_functions_sigma} + centre, smin 0, smax 1);</li>
 *   <li>{@link Method#SCALE_AND_SHIFT}: {@code 2 (G - Gmean)/(Gmax - Gmin)}: centred on the training mean with the
 *       spread of {@code SCALE} (n2p2 scale + centre with smin 0, smax 2);</li>
 *   <li>{@link Method#NONE}: identity.</li>
 * </ul>
 * The statistics are fitted on the training configurations only and stored with the model. A feature whose range
 * (or sigma, for {@code STANDARDISE}) is zero on the training split carries no information there: it is listed in
 * {@link #constantFeatures()} and mapped to exactly 0 for every input, instead of being divided by zero.
 */
public final class Preconditioner {

    /** The thesis's preconditioning choices ({@code 'shift', 'scale', 'stand', 'scale and shift'}) plus none. */
    public enum Method {
        NONE("none", 0, 1), SCALE("scale", -1, 1), SHIFT("shift", 0, 1), STANDARDISE("stand", 0, 1),
        SCALE_AND_SHIFT("scale and shift", 0, 2);

        private final String thesisName;
        final double sMin, sMax;

        Method(String thesisName, double sMin, double sMax) {
            this.thesisName = thesisName;
            this.sMin = sMin;
            this.sMax = sMax;
        }

        /** The name used in the thesis's {@code user_NNP.py}. */
        public String thesisName() { return thesisName; }

        /** Lower end of the target interval (n2p2 {@code scale_min_short}). */
        public double sMin() { return sMin; }

        /** Upper end of the target interval (n2p2 {@code scale_max_short}). */
        public double sMax() { return sMax; }

        /** Parses a thesis name ({@code scale}, {@code shift}, {@code stand}, {@code scale and shift}) or an enum name. */
        public static Method parse(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
            for (Method m : values())
                if (m.thesisName.equals(t) || m.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(t)) return m;
            if (t.equals("standardize") || t.equals("standardise") || t.equals("standard")) return STANDARDISE;
            throw new IllegalArgumentException("unknown preconditioning '" + s
                    + "'; expected none, scale, shift, stand or 'scale and shift'");
        }
    }

    private final Method method;
    private final double sMin, sMax;
    private final List<String> featureIds;
    private final double[] min, max, mean, sigma;
    private final double[] centre, factor;
    private final boolean[] constant;

    /**
     * A preconditioner from stored statistics (as fitted, or as read back from a saved model).
     *
     * @param sigma population standard deviation per feature
     */
    public Preconditioner(Method method, List<String> featureIds, double[] min, double[] max, double[] mean, double[] sigma) {
        this(method, method.sMin, method.sMax, featureIds, min, max, mean, sigma);
    }

    /**
     * A preconditioner with another target interval than the method's default (e.g. n2p2's common
     * {@code scale_min_short 0}, {@code scale_max_short 1}); used when reading n2p2 potentials.
     */
    public Preconditioner(Method method, double sMin, double sMax, List<String> featureIds, double[] min, double[] max, double[] mean,
                          double[] sigma) {
        this.method = Objects.requireNonNull(method);
        if (!(sMax > sMin) && method != Method.NONE && method != Method.SHIFT)
            throw new IllegalArgumentException("target interval must have smax > smin, got [" + sMin + ", " + sMax + "]");
        this.sMin = method == Method.NONE || method == Method.SHIFT ? 0 : sMin;
        this.sMax = method == Method.NONE || method == Method.SHIFT ? 1 : sMax;
        this.featureIds = List.copyOf(featureIds);
        int k = this.featureIds.size();
        for (double[] a : new double[][]{min, max, mean, sigma})
            if (a.length != k) throw new IllegalArgumentException("statistics for " + a.length + " features, expected " + k);
        this.min = min.clone();
        this.max = max.clone();
        this.mean = mean.clone();
        this.sigma = sigma.clone();
        this.centre = new double[k];
        this.factor = new double[k];
        this.constant = new boolean[k];
        for (int j = 0; j < k; j++) {
            if (!(max[j] >= min[j]) || !(sigma[j] >= 0) || Double.isNaN(mean[j]))
                throw new IllegalArgumentException("inconsistent statistics for feature " + this.featureIds.get(j)
                        + ": min " + min[j] + ", max " + max[j] + ", mean " + mean[j] + ", sigma " + sigma[j]);
            double range = max[j] - min[j];
            switch (method) {
                case NONE -> { centre[j] = 0; factor[j] = 1; }
                case SHIFT -> { centre[j] = mean[j]; factor[j] = 1; }
                case SCALE -> { centre[j] = min[j]; constant[j] = range == 0; factor[j] = constant[j] ? 0 : (this.sMax - this.sMin) / range; }
                case SCALE_AND_SHIFT -> { centre[j] = mean[j]; constant[j] = range == 0; factor[j] = constant[j] ? 0 : (this.sMax - this.sMin) / range; }
                case STANDARDISE -> { centre[j] = mean[j]; constant[j] = sigma[j] == 0 || range == 0; factor[j] = constant[j] ? 0 : (this.sMax - this.sMin) / sigma[j]; }
            }
        }
    }

    /**
     * Fits the statistics on the rows of the given (training) configurations only.
     *
     * @param trainConfigurations configuration indices of the training split
     */
    public static Preconditioner fit(Method method, DescriptorMatrix matrix, int[] trainConfigurations) {
        if (trainConfigurations.length == 0) throw new IllegalArgumentException("no training configurations to fit on");
        int k = matrix.features();
        double[] min = new double[k], max = new double[k], sum = new double[k];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        float[] v = matrix.rawValues();
        long n = 0;
        for (int c : trainConfigurations) {
            for (int r = matrix.firstAtom(c), end = r + matrix.atomsIn(c); r < end; r++, n++) {
                int o = r * k;
                for (int j = 0; j < k; j++) {
                    double x = v[o + j];
                    if (Double.isNaN(x))
                        throw new IllegalArgumentException("descriptor " + matrix.featureIds().get(j) + " is NaN in configuration " + c + ", row " + r);
                    if (x < min[j]) min[j] = x;
                    if (x > max[j]) max[j] = x;
                    sum[j] += x;
                }
            }
        }
        double[] mean = new double[k], ss = new double[k], sigma = new double[k];
        for (int j = 0; j < k; j++) mean[j] = sum[j] / n;
        // second pass: the two-pass variance does not cancel catastrophically for features with a large mean
        for (int c : trainConfigurations)
            for (int r = matrix.firstAtom(c), end = r + matrix.atomsIn(c); r < end; r++) {
                int o = r * k;
                for (int j = 0; j < k; j++) { double d = v[o + j] - mean[j]; ss[j] += d * d; }
            }
        for (int j = 0; j < k; j++) {
            sigma[j] = Math.sqrt(ss[j] / n);
            mean[j] = Math.min(max[j], Math.max(min[j], mean[j]));   // rounding must not push the mean out of range
        }
        return new Preconditioner(method, matrix.featureIds(), min, max, mean, sigma);
    }

    /** The identity on the given features. */
    public static Preconditioner none(List<String> featureIds) {
        int k = featureIds.size();
        return new Preconditioner(Method.NONE, featureIds, new double[k], new double[k], new double[k], new double[k]);
    }

    public Method method() { return method; }

    /** Lower end of the target interval (n2p2 {@code scale_min_short}). */
    public double sMin() { return sMin; }

    /** Upper end of the target interval (n2p2 {@code scale_max_short}). */
    public double sMax() { return sMax; }

    public List<String> featureIds() { return featureIds; }

    public int features() { return featureIds.size(); }

    public double min(int j) { return min[j]; }

    public double max(int j) { return max[j]; }

    public double mean(int j) { return mean[j]; }

    public double sigma(int j) { return sigma[j]; }

    /** The multiplier of {@code (G - centre)}; 0 for a constant feature. */
    public double factor(int j) { return factor[j]; }

    /** The value subtracted before scaling: Gmin for {@code SCALE}, Gmean for the centring methods, 0 for none. */
    public double centre(int j) { return centre[j]; }

    /** True if feature {@code j} had zero range (or zero sigma) on the training split. */
    public boolean isConstant(int j) { return constant[j]; }

    /** Ids of the features that were constant on the training split and are mapped to 0. */
    public List<String> constantFeatures() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < constant.length; j++) if (constant[j]) out.add(featureIds.get(j));
        return out;
    }

    /** The preconditioned value of feature {@code j}. */
    public double apply(int j, double g) {
        return constant[j] ? 0.0 : sMin + factor[j] * (g - centre[j]);
    }

    /** The original value of feature {@code j} from its preconditioned value (not defined for constant features). */
    public double invert(int j, double y) {
        if (constant[j]) return centre[j];
        return (y - sMin) / factor[j] + centre[j];
    }

    /** A new matrix with every row preconditioned; the columns must be this preconditioner's features, in order. */
    public DescriptorMatrix apply(DescriptorMatrix m) {
        if (!m.featureIds().equals(featureIds))
            throw new IllegalArgumentException("descriptor columns " + abbreviate(m.featureIds()) + " do not match the preconditioner's "
                    + abbreviate(featureIds));
        float[] in = m.rawValues();
        float[] out = new float[in.length];
        int k = features();
        for (int o = 0; o < in.length; o += k)
            for (int j = 0; j < k; j++) out[o + j] = (float) apply(j, in[o + j]);
        return new DescriptorMatrix(out, m.atomOffsets(), featureIds);
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 6 ? ids.toString() : ids.subList(0, 3) + "...(" + ids.size() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preconditioner p && method == p.method && sMin == p.sMin && sMax == p.sMax && featureIds.equals(p.featureIds) && Arrays.equals(min, p.min)
                && Arrays.equals(max, p.max) && Arrays.equals(mean, p.mean) && Arrays.equals(sigma, p.sigma);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, featureIds, Arrays.hashCode(min), Arrays.hashCode(max), Arrays.hashCode(mean));
    }

    @Override
    public String toString() {
        int c = constantFeatures().size();
        return "Preconditioner[" + method.thesisName() + ", " + features() + " features" + (c > 0 ? ", " + c + " constant" : "") + "]";
    }
}
