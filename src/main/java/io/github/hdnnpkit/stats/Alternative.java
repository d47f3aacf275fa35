package io.github.hdnnpkit.stats;

/**
 * The alternative hypothesis of a two-sample test, about the first sample {@code a} against the second {@code b}
 * (the names of R's {@code t.test}/{@code wilcox.test} and SciPy's {@code alternative}).
 */
public enum Alternative {
    /** a and b differ (in mean, or for Mann–Whitney in distribution). */
    TWO_SIDED("two-sided"),
    /** a is smaller than b. */
    LESS("less"),
    /** a is larger than b. */
    GREATER("greater");

    private final String label;

    Alternative(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /**
     * The p-value of a statistic whose null distribution function is {@code cdf}, where small values speak for
     * {@link #LESS}: {@code lower} = P(T ≤ t), {@code upper} = P(T ≥ t), both computed by the caller so that neither
     * is found as 1 − the other (which loses the digits of a small tail).
     */
    double pValue(double lower, double upper) {
        return switch (this) {
            case LESS -> lower;
            case GREATER -> upper;
            case TWO_SIDED -> Math.min(1.0, 2 * Math.min(lower, upper));
        };
    }
}
