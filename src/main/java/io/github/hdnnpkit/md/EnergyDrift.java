package io.github.hdnnpkit.md;

import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.List;

/**
 * The drift of the total energy of an NVE run: the slope of a least-squares line through E_total(t)/N, in eV per atom
 * per ps, with its standard error, and the RMS fluctuation about that line (eV/atom). A fit instead of end minus start,
 * because the integrator's bounded O(dt²) oscillation would otherwise dominate a short run's drift.
 */
public record EnergyDrift(double perAtomPerPs, double standardError, double fluctuation, int points) {
    /** The drift of the samples of one NVE segment of an {@code atoms}-atom system. */
    public static EnergyDrift of(List<MdSample> samples, int atoms) {
        if (samples.size() < 3) throw new IllegalArgumentException("an energy drift needs at least three samples, got " + samples.size());
        SimpleRegression fit = new SimpleRegression(true);
        for (MdSample s : samples) fit.addData(s.time() / Units.FS_PER_PS, s.totalEnergy() / atoms);
        double rms = Math.sqrt(fit.getSumSquaredErrors() / samples.size());
        return new EnergyDrift(fit.getSlope(), fit.getSlopeStdErr(), rms, samples.size());
    }
}
