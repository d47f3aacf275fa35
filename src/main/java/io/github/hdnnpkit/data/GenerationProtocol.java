package io.github.hdnnpkit.data;

/**
 * The molecular-dynamics protocol of {@link LammpsGenerator}, in LAMMPS metal units (ps, K, bar, Å). Defaults are
 * the protocol that gave physically sane, decorrelated aluminium data with Mendelev's EAM potential: 4×4×4 FCC cell
 * (256 atoms) at a0 = 4.045 Å; liquids melted at 2000 K (the perfect crystal superheats well above Tm ≈ 920 K) for
 * 10 ps then cooled to T in 10 ps (quenched in 2 ps for supercooled series); 10 ps NPT at T, P plus 10 ps over which
 * the box edge is averaged; 5 ps Nosé–Hoover NVT in the fixed cubic box of that edge; then 200 snapshots 150 steps
 * (0.3 ps) apart at dt = 2 fs.
 *
 * @param latticeConstant    FCC lattice constant of the start, Å
 * @param timestep           ps
 * @param meltTemperature    K, for melt-cool and melt-quench series
 * @param meltSteps          steps at the melt temperature
 * @param coolSteps          steps of the ramp down for melt-cool series
 * @param quenchSteps        steps of the ramp down for melt-quench series
 * @param nptSteps           NPT equilibration steps at T, P
 * @param nptAverageSteps    further NPT steps over which the box edge is averaged (multiple of 10)
 * @param nvtSteps           NVT equilibration in the fixed box
 * @param interval           steps between snapshots
 * @param configurations     snapshots per series
 * @param temperatureDamping Nosé–Hoover thermostat damping, ps
 * @param pressureDamping    barostat damping, ps
 */
public record GenerationProtocol(double latticeConstant, double timestep, double meltTemperature, int meltSteps,
                                 int coolSteps, int quenchSteps, int nptSteps, int nptAverageSteps, int nvtSteps,
                                 int interval, int configurations, double temperatureDamping, double pressureDamping) {
    public GenerationProtocol {
        if (!(latticeConstant > 2 && latticeConstant < 8)) throw new IllegalArgumentException("lattice constant " + latticeConstant + " Å is not plausible");
        if (!(timestep > 0 && timestep <= 0.01)) throw new IllegalArgumentException("time step must be in (0, 0.01] ps, got " + timestep);
        if (!(meltTemperature > 0)) throw new IllegalArgumentException("melt temperature must be > 0 K");
        if (meltSteps < 1 || coolSteps < 1 || quenchSteps < 1 || nptSteps < 1 || nvtSteps < 1)
            throw new IllegalArgumentException("every stage needs at least one step");
        if (nptAverageSteps < 10 || nptAverageSteps % 10 != 0)
            throw new IllegalArgumentException("NPT averaging steps must be a positive multiple of 10, got " + nptAverageSteps);
        if (interval < 1) throw new IllegalArgumentException("snapshot interval must be ≥ 1 step");
        if (configurations < 1) throw new IllegalArgumentException("need at least one configuration per label");
        if (!(temperatureDamping > 0 && pressureDamping > 0)) throw new IllegalArgumentException("damping times must be > 0");
    }

    /** The protocol described above, with 200 configurations per label as in the thesis. */
    public static GenerationProtocol defaults() {
        return new GenerationProtocol(4.045, 0.002, 2000, 5000, 5000, 1000, 5000, 5000, 2500, 150, 200, 0.1, 1.0);
    }

    public GenerationProtocol withConfigurations(int n) {
        return new GenerationProtocol(latticeConstant, timestep, meltTemperature, meltSteps, coolSteps, quenchSteps, nptSteps,
                nptAverageSteps, nvtSteps, interval, n, temperatureDamping, pressureDamping);
    }

    public GenerationProtocol withInterval(int steps) {
        return new GenerationProtocol(latticeConstant, timestep, meltTemperature, meltSteps, coolSteps, quenchSteps, nptSteps,
                nptAverageSteps, nvtSteps, steps, configurations, temperatureDamping, pressureDamping);
    }

    /** All stages shortened to {@code steps} (tests: physically meaningless, but every code path runs). */
    public GenerationProtocol withEquilibrationSteps(int steps) {
        int avg = Math.max(10, steps / 10 * 10);
        return new GenerationProtocol(latticeConstant, timestep, meltTemperature, steps, steps, steps, steps, avg, steps,
                interval, configurations, temperatureDamping, pressureDamping);
    }

    /** Steps of the sampling run: the first snapshot is taken at its step 0. */
    public int samplingSteps() {
        return (configurations - 1) * interval;
    }
}
