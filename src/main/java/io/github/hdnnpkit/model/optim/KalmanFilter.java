package io.github.hdnnpkit.model.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global extended Kalman filter of n2p2 (Blank and Brown 1994; Singraber et al., J. Chem. Theory Comput. 15,
 * 3075 (2019)): all weights are the filter's state, each configuration's energy one scalar observation. With
 * {@code P} the weights' error covariance (initially {@code I/ε}), {@code h = dE_c/dθ} and the error
 * {@code ξ = t_c - E_c}:
 * <pre>
 *   a = hᵀPh + 1/η,  k = Ph / a,  θ += k ξ,  P -= k (Ph)ᵀ,  P += q I
 * </pre>
 * The process noise {@code q} decays from {@code q0} by {@code exp(-qTau/N)} per update down to {@code qMin}, and
 * {@code η} grows by {@code exp(etaTau/N)} per update up to {@code etaMax} — {@code N} the updates per epoch, so the
 * taus are per epoch (n2p2 divides its {@code kalman_qtau}/{@code kalman_etatau} by the projected updates per epoch).
 *
 * @param epsilon initial P = I/ε (n2p2 {@code kalman_epsilon} 1e-2)
 * @param q0      initial process noise ({@code kalman_q0} 0.01)
 * @param qTau    q's decay per epoch, e-folds ({@code kalman_qtau} 2.302: ×0.1 per epoch)
 * @param qMin    q stops decaying below this ({@code kalman_qmin} 1e-6)
 * @param eta0    initial η, the inverse measurement noise ({@code kalman_eta} 0.01)
 * @param etaTau  η's growth per epoch, e-folds ({@code kalman_etatau} 2.302)
 * @param etaMax  η stops growing above this ({@code kalman_etamax} 1.0)
 */
public record KalmanFilter(double epsilon, double q0, double qTau, double qMin, double eta0, double etaTau, double etaMax) implements Optimiser {
    /** n2p2's recommended values ({@code ekf-energy.keywords}). */
    public static final KalmanFilter N2P2 = new KalmanFilter(1e-2, 0.01, 2.302, 1e-6, 0.01, 2.302, 1.0);

    public KalmanFilter {
        positive("epsilon", epsilon);
        nonNegative("q0", q0);
        nonNegative("qTau", qTau);
        nonNegative("qMin", qMin);
        positive("eta0", eta0);
        nonNegative("etaTau", etaTau);
        positive("etaMax", etaMax);
        if (etaMax < eta0) throw new IllegalArgumentException("Kalman filter: etaMax (" + etaMax + ") must be ≥ eta0 (" + eta0 + ")");
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("Kalman filter: " + name + " must be positive and finite, got " + v);
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) throw new IllegalArgumentException("Kalman filter: " + name + " must be ≥ 0 and finite, got " + v);
    }

    /** This filter without process noise (q0 = qMin = 0): recursive least squares with prior I/ε and noise 1/η. */
    public KalmanFilter withoutProcessNoise() { return new KalmanFilter(epsilon, 0, qTau, 0, eta0, etaTau, etaMax); }

    public KalmanFilter withEpsilon(double v) { return new KalmanFilter(v, q0, qTau, qMin, eta0, etaTau, etaMax); }

    public KalmanFilter withProcessNoise(double q0, double qTau, double qMin) { return new KalmanFilter(epsilon, q0, qTau, qMin, eta0, etaTau, etaMax); }

    public KalmanFilter withEta(double eta0, double etaTau, double etaMax) { return new KalmanFilter(epsilon, q0, qTau, qMin, eta0, etaTau, etaMax); }

    @Override
    public String name() { return "ekf"; }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epsilon", epsilon);
        m.put("q0", q0);
        m.put("q_tau", qTau);
        m.put("q_min", qMin);
        m.put("eta0", eta0);
        m.put("eta_tau", etaTau);
        m.put("eta_max", etaMax);
        return m;
    }
}
