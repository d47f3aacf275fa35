package io.github.hdnnpkit.baseline;

/**
 * Which rows and inputs a forest sees, beyond the descriptor columns of the matrix it is given.
 *
 * @param mode                  what is learned (see {@link ForestMode})
 * @param seriesCategorical     the temperature series label ({@code config_type}, e.g. {@code 950K}, {@code 400KS})
 *                              as a categorical input, one-hot the way Tribuo encodes categoricals: a feature
 *                              {@code series@950K} with value 1 present only on rows of that series, absent (= 0 for
 *                              Tribuo's trees) elsewhere. The thesis added "temperature and solid/liquid as a
 *                              categorical variable".
 * @param phaseCategorical      the phase label (solid / liquid / supercooled) one-hot as {@code phase@solid}, ...
 * @param temperatureNumeric    the temperature in kelvin as a numeric input {@code temperature_K}
 * @param variance              configurations mode: add each descriptor's variance over the configuration's atoms
 *                              to its mean
 * @param atomsPerConfiguration atom modes: use only this many atoms of each configuration (drawn with
 *                              {@code subsampleSeed}) as rows, 0 = all. Cuts the cost of the thesis's set-up, whose
 *                              rows within a configuration share one target; for atomic energies only the training
 *                              rows are thinned, the configuration energy always sums every atom.
 * @param onlySeries            restrict to the configurations of one series (the thesis's 950 K experiment), null = all;
 *                              the configuration split is the shared one, restricted to that series
 * @param subsampleSeed         seed of the atom draws
 */
public record ForestSetup(ForestMode mode, boolean seriesCategorical, boolean phaseCategorical,
                          boolean temperatureNumeric, boolean variance, int atomsPerConfiguration, String onlySeries,
                          long subsampleSeed) {
    public ForestSetup {
        if (mode == null) throw new IllegalArgumentException("mode is required");
        if (atomsPerConfiguration < 0)
            throw new IllegalArgumentException("atomsPerConfiguration must be >= 0 (0 = all), got " + atomsPerConfiguration);
        if (variance && mode != ForestMode.CONFIGURATIONS)
            throw new IllegalArgumentException("descriptor variances are aggregates of the configurations mode only");
        if (onlySeries != null && onlySeries.isBlank()) onlySeries = null;
    }

    /** The thesis's energy set-up: atom rows, descriptors + series and phase categorical, target E/N. */
    public static ForestSetup thesisAtoms() {
        return new ForestSetup(ForestMode.THESIS_ATOMS, true, true, false, false, 0, null, 101L);
    }

    /** The thesis's force set-up: atom rows, descriptors + series and phase categorical, targets Fx, Fy, Fz. */
    public static ForestSetup thesisForces() {
        return new ForestSetup(ForestMode.THESIS_FORCES, true, true, false, false, 0, null, 101L);
    }

    /** One row per configuration: mean and variance of each descriptor over its atoms, nothing else (a potential knows only positions). */
    public static ForestSetup configurations() {
        return new ForestSetup(ForestMode.CONFIGURATIONS, false, false, false, true, 0, null, 101L);
    }

    /** Atom rows predicting the atoms' own EAM energies from their descriptors only. */
    public static ForestSetup atomicEnergies() {
        return new ForestSetup(ForestMode.ATOMIC_ENERGIES, false, false, false, false, 0, null, 101L);
    }

    /** The default set-up of a mode. */
    public static ForestSetup of(ForestMode mode) {
        return switch (mode) {
            case THESIS_ATOMS -> thesisAtoms();
            case THESIS_FORCES -> thesisForces();
            case CONFIGURATIONS -> configurations();
            case ATOMIC_ENERGIES -> atomicEnergies();
        };
    }

    public ForestSetup withCategoricals(boolean series, boolean phase) {
        return new ForestSetup(mode, series, phase, temperatureNumeric, variance, atomsPerConfiguration, onlySeries, subsampleSeed);
    }

    public ForestSetup withTemperatureNumeric(boolean t) {
        return new ForestSetup(mode, seriesCategorical, phaseCategorical, t, variance, atomsPerConfiguration, onlySeries, subsampleSeed);
    }

    public ForestSetup withVariance(boolean v) {
        return new ForestSetup(mode, seriesCategorical, phaseCategorical, temperatureNumeric, v, atomsPerConfiguration, onlySeries, subsampleSeed);
    }

    public ForestSetup withAtomsPerConfiguration(int k) {
        return new ForestSetup(mode, seriesCategorical, phaseCategorical, temperatureNumeric, variance, k, onlySeries, subsampleSeed);
    }

    public ForestSetup onlySeries(String series) {
        return new ForestSetup(mode, seriesCategorical, phaseCategorical, temperatureNumeric, variance, atomsPerConfiguration, series, subsampleSeed);
    }

    /** A short name for tables: mode, series restriction, inputs. */
    public String label() {
        StringBuilder sb = new StringBuilder(mode.cliName());
        if (onlySeries != null) sb.append(" [").append(onlySeries).append(" only]");
        if (mode == ForestMode.CONFIGURATIONS) sb.append(variance ? " mean+var" : " mean");
        if (seriesCategorical || phaseCategorical || temperatureNumeric) {
            sb.append(" +");
            if (seriesCategorical) sb.append(" series");
            if (phaseCategorical) sb.append(" phase");
            if (temperatureNumeric) sb.append(" T");
        }
        return sb.toString();
    }
}
