package io.github.hdnnpkit.model.optim;

/**
 * The running global extended Kalman filter of {@link KalmanFilter}: the weights θ in double precision, their error
 * covariance P (dense n×n, double), the process noise q and η. {@link #update} takes one configuration's Jacobian
 * {@code h = dE_c/dθ} and error {@code ξ = t_c - E_c}; both in the network's (normalised) energy units, the same
 * units as n2p2's {@code normalize_data_set ref}: {@code (E - N e_ref)/σ}, σ the spread of the energy per atom.
 *
 * <p>The correction {@code P -= x xᵀ/a + … + qI} of one update is applied in the same pass over P as the next
 * update's product {@code P h} (see {@link CovarianceKernels}); {@link #state()} applies a pending one first.
 */
public final class ExtendedKalmanFilter implements AutoCloseable {
    private final KalmanFilter settings;
    private final int n;
    private final double[] w, p, h;
    private double[] x, u;             // x = P h of this update; u = the pending correction's vector
    private double pendingScale, pendingQ;
    private boolean pending;
    private double q, eta;
    private long updates;
    private final double qDecay, etaGrowth;
    private final CovarianceKernels kernels;
    private final RowParallel rows;

    /**
     * @param weights         initial weights (copied)
     * @param updatesPerEpoch N of the q and η schedules (the training configurations)
     * @param threads         threads for the P update
     */
    public ExtendedKalmanFilter(KalmanFilter settings, double[] weights, int updatesPerEpoch, int threads) {
        if (updatesPerEpoch < 1) throw new IllegalArgumentException("updates per epoch must be ≥ 1, got " + updatesPerEpoch);
        this.settings = settings;
        this.n = weights.length;
        if ((long) n * n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(n + " weights: P would not fit one array");
        this.w = weights.clone();
        this.p = new double[n * n];
        for (int i = 0; i < n; i++) p[i * n + i] = 1.0 / settings.epsilon();
        this.h = new double[n];
        this.x = new double[n];
        this.u = new double[n];
        this.q = settings.q0();
        this.eta = settings.eta0();
        this.qDecay = Math.exp(-settings.qTau() / updatesPerEpoch);
        this.etaGrowth = Math.exp(settings.etaTau() / updatesPerEpoch);
        this.kernels = CovarianceKernels.best();
        this.rows = new RowParallel(threads);
    }

    /** One measurement update with the Jacobian {@code jacobian} (n values) and the error {@code t - E}. */
    public void update(float[] jacobian, double error) {
        if (jacobian.length < n) throw new IllegalArgumentException("Jacobian of " + jacobian.length + " values for " + n + " weights");
        for (int j = 0; j < n; j++) h[j] = jacobian[j];
        measure(error);
    }

    /** {@link #update(float[], double)} with a double-precision Jacobian (force observations: their Jacobians are sums of small terms). */
    public void update(double[] jacobian, double error) {
        if (jacobian.length < n) throw new IllegalArgumentException("Jacobian of " + jacobian.length + " values for " + n + " weights");
        System.arraycopy(jacobian, 0, h, 0, n);
        measure(error);
    }

    private void measure(double error) {
        if (pending) {
            double[] uu = u, xx = x;
            double s = pendingScale, qq = pendingQ;
            rows.run(n, (from, to) -> kernels.updateThenMultiply(p, n, uu, s, qq, h, xx, from, to));
        } else {
            double[] xx = x;
            rows.run(n, (from, to) -> kernels.multiply(p, n, h, xx, from, to));
        }
        double a = 0;
        for (int j = 0; j < n; j++) a = Math.fma(h[j], x[j], a);
        // n2p2 raises η before the update uses it, q after
        if (eta < settings.etaMax()) eta *= etaGrowth;
        a += 1.0 / eta;
        double gain = error / a;
        for (int j = 0; j < n; j++) w[j] = Math.fma(x[j], gain, w[j]);
        // K = x/a, P -= K xᵀ, P += qI: deferred to the next pass over P
        double[] t = u;
        u = x;
        x = t;
        pendingScale = -1.0 / a;
        pendingQ = q;
        pending = true;
        if (q > settings.qMin()) q *= qDecay;
        updates++;
    }

    /** Applies a pending correction to P now (the next update then only multiplies). */
    public void flush() {
        if (!pending) return;
        double[] uu = u;
        double s = pendingScale, qq = pendingQ;
        rows.run(n, (from, to) -> kernels.update(p, n, uu, s, qq, from, to));
        pending = false;
    }

    public int size() { return n; }

    /** The current weights (a copy). */
    public double[] weights() { return w.clone(); }

    /** The current weights into {@code out} (a trainer's live parameter array). */
    public void weightsInto(double[] out) { System.arraycopy(w, 0, out, 0, n); }

    /** The current weights rounded to float, into {@code out}. */
    public void weightsInto(float[] out) {
        for (int j = 0; j < n; j++) out[j] = (float) w[j];
    }

    public double q() { return q; }

    public double eta() { return eta; }

    public long updates() { return updates; }

    /** The kernels in use ({@code vector-256}, {@code scalar}). */
    public String kernels() { return kernels.name(); }

    /** Weights, P (pending correction applied), q, η and the update count. */
    public SecondOrderState state() {
        flush();
        return new SecondOrderState(w, p, new double[]{q, eta, updates});
    }

    /** Continues from a {@link #state()}. */
    public void restore(SecondOrderState s) {
        if (s.weights().length != n || s.covariance() == null || s.scalars().length != 3)
            throw new IllegalArgumentException("Kalman filter state for " + s.weights().length + " weights, expected " + n + " with P, q, η and the update count");
        System.arraycopy(s.weights(), 0, w, 0, n);
        System.arraycopy(s.covariance(), 0, p, 0, p.length);
        double[] sc = s.scalars();
        q = sc[0];
        eta = sc[1];
        updates = (long) sc[2];
        pending = false;
    }

    /** A copy of P (pending correction applied), row-major. */
    public double[] covariance() {
        flush();
        return p.clone();
    }

    @Override
    public void close() { rows.close(); }
}
