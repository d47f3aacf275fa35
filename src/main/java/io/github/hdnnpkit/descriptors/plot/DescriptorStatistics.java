package io.github.hdnnpkit.descriptors.plot;

/** Column statistics of a block of descriptor rows (atoms × functions). */
final class DescriptorStatistics {
    private DescriptorStatistics() {
    }

    /** {mean, standard deviation, min, max} of every column. */
    static double[][] columns(double[][] rows) {
        int nf = rows[0].length;
        double[] mean = new double[nf], sd = new double[nf], min = new double[nf], max = new double[nf];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] r : rows)
            for (int f = 0; f < nf; f++) {
                mean[f] += r[f];
                min[f] = Math.min(min[f], r[f]);
                max[f] = Math.max(max[f], r[f]);
            }
        for (int f = 0; f < nf; f++) mean[f] /= rows.length;
        for (double[] r : rows)
            for (int f = 0; f < nf; f++) sd[f] += (r[f] - mean[f]) * (r[f] - mean[f]);
        for (int f = 0; f < nf; f++) sd[f] = Math.sqrt(sd[f] / Math.max(1, rows.length - 1));
        return new double[][]{mean, sd, min, max};
    }
}
