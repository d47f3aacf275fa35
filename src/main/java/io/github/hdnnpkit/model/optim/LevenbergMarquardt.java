package io.github.hdnnpkit.model.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Levenberg–Marquardt on the whole training split: with the residuals {@code r_c = E_c - t_c} and the
 * configuration-energy Jacobian {@code J}, one step solves {@code (JᵀJ + λI) δ = -Jᵀr} (Levenberg's damping: the inputs and
 * targets are normalised, so one λ suits every weight); a step
 * that lowers {@code Σ r²} is taken and λ divided by {@code decrease}, otherwise λ is multiplied by {@code increase}
 * and the step retried (at most {@code maxTries} times per epoch). One epoch is one accepted (or finally rejected)
 * step.
 *
 * @param damping  initial λ
 * @param increase factor on λ after a rejected step (> 1)
 * @param decrease divisor of λ after an accepted step (> 1)
 * @param minDamping λ is kept at or above this (> 0, keeps the system positive definite)
 * @param maxTries tries per epoch before giving up on the epoch (≥ 1)
 */
public record LevenbergMarquardt(double damping, double increase, double decrease, double minDamping, int maxTries) implements Optimiser {
    public static final LevenbergMarquardt DEFAULTS = new LevenbergMarquardt(1e-2, 10, 10, 1e-12, 8);

    public LevenbergMarquardt {
        if (!(damping > 0) || !Double.isFinite(damping)) throw new IllegalArgumentException("Levenberg–Marquardt: damping must be positive, got " + damping);
        if (!(increase > 1) || !Double.isFinite(increase)) throw new IllegalArgumentException("Levenberg–Marquardt: increase must be > 1, got " + increase);
        if (!(decrease > 1) || !Double.isFinite(decrease)) throw new IllegalArgumentException("Levenberg–Marquardt: decrease must be > 1, got " + decrease);
        if (!(minDamping > 0) || minDamping > damping) throw new IllegalArgumentException("Levenberg–Marquardt: need 0 < minDamping ≤ damping, got " + minDamping);
        if (maxTries < 1) throw new IllegalArgumentException("Levenberg–Marquardt: maxTries must be ≥ 1, got " + maxTries);
    }

    public LevenbergMarquardt withDamping(double v) { return new LevenbergMarquardt(v, increase, decrease, Math.min(minDamping, v), maxTries); }

    @Override
    public String name() { return "lm"; }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("damping", damping);
        m.put("increase", increase);
        m.put("decrease", decrease);
        m.put("min_damping", minDamping);
        m.put("max_tries", maxTries);
        return m;
    }
}
