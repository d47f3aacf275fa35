package io.github.hdnnpkit.model.optim;

import java.util.Locale;
import java.util.Map;

/**
 * How a training moves the weights. {@link Adam} is the thesis's first-order mini-batch method (its learning rate,
 * schedule, batch size and constants stay in {@link io.github.hdnnpkit.model.TrainingConfig}, where the thesis's
 * studies set them); {@link KalmanFilter} is n2p2's global extended Kalman filter, one update per configuration;
 * {@link LevenbergMarquardt} is a damped Gauss–Newton step on the whole training split (aenet's choice for small
 * networks). Each is a validated value with its own parameters.
 *
 * <pre>{@code
 * TrainingConfig c = TrainingConfig.builder().optimiser(KalmanFilter.N2P2).maxEpochs(10).build();
 * Optimiser o = Optimiser.parse("lm");
 * }</pre>
 */
public sealed interface Optimiser permits Adam, KalmanFilter, LevenbergMarquardt {

    /** Short name: {@code adam}, {@code ekf} or {@code lm} (the CLI's and study files' spelling). */
    String name();

    /** The optimiser's own parameters, snake_case, for provenance and JSON (Adam's live in the training config). */
    Map<String, Object> parameters();

    /** The optimiser named {@code adam}, {@code ekf} (or {@code kalman}) or {@code lm} (or {@code levenberg-marquardt}), with its defaults. */
    static Optimiser parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "adam" -> Adam.INSTANCE;
            case "ekf", "kalman", "kalman-filter" -> KalmanFilter.N2P2;
            case "lm", "levenberg-marquardt" -> LevenbergMarquardt.DEFAULTS;
            default -> throw new IllegalArgumentException("unknown optimiser '" + name + "'; expected adam, ekf or lm");
        };
    }
}
