package io.github.hdnnpkit.model.optim;

/**
 * What a second-order optimiser needs to continue exactly, for checkpoints: its double-precision weights, its
 * matrix (the Kalman filter's P, row-major; null for Levenberg–Marquardt) and its scalars (the filter's q, η and
 * update count; Levenberg–Marquardt's λ).
 */
public record SecondOrderState(double[] weights, double[] covariance, double[] scalars) {
    public SecondOrderState {
        weights = weights.clone();
        covariance = covariance == null ? null : covariance.clone();
        scalars = scalars.clone();
        if (covariance != null && covariance.length != (long) weights.length * weights.length)
            throw new IllegalArgumentException("covariance of " + covariance.length + " values for " + weights.length + " weights");
    }

    @Override public double[] weights() { return weights.clone(); }

    @Override public double[] covariance() { return covariance == null ? null : covariance.clone(); }

    @Override public double[] scalars() { return scalars.clone(); }
}
