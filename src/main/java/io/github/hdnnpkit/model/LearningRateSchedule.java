package io.github.hdnnpkit.model;

/**
 * How the learning rate changes with the epoch (section 2.4.1): constant, step drop ({@code drop_rate} every
 * {@code epochs_drop} epochs, never below {@code min_learning_rate}) or exponential decay ({@code k_exp}).
 * Epochs are counted from 1.
 */
public sealed interface LearningRateSchedule {

    /** The learning rate of {@code epoch} (1-based) given the initial rate. */
    double rate(double initial, int epoch);

    /** A short description for provenance, e.g. {@code step(drop_rate=0.5, epochs_drop=100, min=1e-05)}. */
    String describe();

    record Constant() implements LearningRateSchedule {
        @Override public double rate(double initial, int epoch) { return initial; }

        @Override public String describe() { return "constant"; }
    }

    /** Keras's step decay: {@code lr0 · drop_rate^floor(epoch / epochs_drop)}, floored at {@code minLearningRate}. */
    record StepDrop(double dropRate, int epochsDrop, double minLearningRate) implements LearningRateSchedule {
        public StepDrop {
            if (!(dropRate > 0 && dropRate <= 1)) throw new IllegalArgumentException("drop_rate must be in (0,1], got " + dropRate);
            if (epochsDrop < 1) throw new IllegalArgumentException("epochs_drop must be ≥ 1, got " + epochsDrop);
            if (!(minLearningRate >= 0)) throw new IllegalArgumentException("min_learning_rate must be ≥ 0, got " + minLearningRate);
        }

        @Override
        public double rate(double initial, int epoch) {
            return Math.max(minLearningRate, initial * Math.pow(dropRate, Math.floor((double) epoch / epochsDrop)));
        }

        @Override public String describe() { return "step(drop_rate=" + dropRate + ", epochs_drop=" + epochsDrop + ", min=" + minLearningRate + ")"; }
    }

    /** {@code lr0 · exp(-k_exp · epoch)}. */
    record Exponential(double kExp) implements LearningRateSchedule {
        public Exponential {
            if (!(kExp >= 0)) throw new IllegalArgumentException("k_exp must be ≥ 0, got " + kExp);
        }

        @Override public double rate(double initial, int epoch) { return initial * Math.exp(-kExp * epoch); }

        @Override public String describe() { return "exp(k_exp=" + kExp + ")"; }
    }

    static LearningRateSchedule constant() { return new Constant(); }

    /** The thesis's step schedule: epochs_drop = 100; drop_rate 0.5 and min_learning_rate 1e-5 (not given in the thesis). */
    static LearningRateSchedule thesisStep() { return new StepDrop(0.5, 100, 1e-5); }

    /** The thesis's exponential schedule: k_exp = 1e-4. */
    static LearningRateSchedule thesisExponential() { return new Exponential(1e-4); }

    /** Parses {@code constant}, {@code step}, {@code step:0.5:100:1e-5}, {@code exp}, {@code exp:1e-4}. */
    static LearningRateSchedule parse(String s) {
        String[] p = s.trim().toLowerCase(java.util.Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "constant", "const", "none" -> constant();
                case "step", "drop" -> p.length == 1 ? thesisStep()
                        : new StepDrop(Double.parseDouble(p[1]), p.length > 2 ? Integer.parseInt(p[2]) : 100, p.length > 3 ? Double.parseDouble(p[3]) : 1e-5);
                case "exp", "exponential" -> p.length == 1 ? thesisExponential() : new Exponential(Double.parseDouble(p[1]));
                default -> throw new IllegalArgumentException("unknown schedule");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("learning-rate schedule '" + s + "': expected constant, step[:drop_rate[:epochs_drop[:min]]] or exp[:k_exp]", e);
        }
    }
}
