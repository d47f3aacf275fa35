package io.github.hdnnpkit.baseline;

import java.util.List;

/**
 * Predictions beside references, for test–predict plots. Arrays are copied in and out.
 */
public final class ForestPredictions {
    private ForestPredictions() {
    }

    /**
     * Energy per atom per configuration (eV/atom).
     *
     * @param configurations configuration indices in the data set
     * @param series         their series labels
     * @param reference      reference E/N
     * @param predicted      predicted E/N (mean of atom-row predictions for the thesis set-up, sum of predicted
     *                       atomic energies / N for the upper bound, the row prediction for configuration rows)
     */
    public record Energies(int[] configurations, String[] series, double[] reference, double[] predicted) {
        public Energies {
            configurations = configurations.clone();
            series = series.clone();
            reference = reference.clone();
            predicted = predicted.clone();
            if (series.length != configurations.length || reference.length != configurations.length || predicted.length != configurations.length)
                throw new IllegalArgumentException("prediction arrays of different lengths");
        }

        public int size() { return configurations.length; }

        @Override public int[] configurations() { return configurations.clone(); }

        @Override public String[] series() { return series.clone(); }

        @Override public double[] reference() { return reference.clone(); }

        @Override public double[] predicted() { return predicted.clone(); }
    }

    /**
     * A sample of validation rows with every output, as the thesis plotted them (one point per atom row).
     *
     * @param outputs   output names ({@code E/N}, {@code e_i}, {@code Fx}, ...)
     * @param reference reference[o][i] of output o on sampled row i
     * @param predicted predicted[o][i]
     */
    public record Rows(List<String> outputs, double[][] reference, double[][] predicted) {
        public Rows {
            outputs = List.copyOf(outputs);
            reference = deepCopy(reference);
            predicted = deepCopy(predicted);
        }

        public int size() { return reference.length == 0 ? 0 : reference[0].length; }

        @Override public double[][] reference() { return deepCopy(reference); }

        @Override public double[][] predicted() { return deepCopy(predicted); }

        public double[] reference(int output) { return reference[output].clone(); }

        public double[] predicted(int output) { return predicted[output].clone(); }

        private static double[][] deepCopy(double[][] a) {
            double[][] b = new double[a.length][];
            for (int i = 0; i < a.length; i++) b[i] = a[i].clone();
            return b;
        }
    }
}
