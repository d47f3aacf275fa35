package io.github.hdnnpkit.md;

import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.List;

/**
 * Mean-square displacement of unwrapped positions, averaged over atoms and over every time origin of an evenly
 * sampled trajectory: MSD(τ) = ⟨|r_i(t + τ) − r_i(t)|²⟩ for lags τ up to half the trajectory (longer lags have too few
 * origins). The centre-of-mass displacement (unweighted, i.e. equal masses) is removed first, so a drifting or
 * thermostat-kicked system does not look diffusive. Einstein's relation MSD ≈ 6Dτ + c gives the diffusion
 * coefficient from the slope of the linear (diffusive) part.
 *
 * @param lag time lags, fs
 * @param msd MSD per lag, Å²
 */
public record MeanSquareDisplacement(double[] lag, double[] msd) {
    public MeanSquareDisplacement {
        if (lag.length != msd.length) throw new IllegalArgumentException(lag.length + " lags but " + msd.length + " values");
        lag = lag.clone();
        msd = msd.clone();
    }

    @Override public double[] lag() { return lag.clone(); }

    @Override public double[] msd() { return msd.clone(); }

    /** The MSD of evenly spaced samples {@code interval} fs apart. */
    public static MeanSquareDisplacement of(List<double[]> positions, double interval) {
        int frames = positions.size();
        if (frames < 2) throw new IllegalArgumentException("MSD needs at least two frames, got " + frames);
        if (!(interval > 0)) throw new IllegalArgumentException("sample interval must be > 0 fs, got " + interval);
        int len = positions.get(0).length, n = len / 3;
        double[][] x = new double[frames][];
        for (int f = 0; f < frames; f++) {
            double[] p = positions.get(f);
            if (p.length != len) throw new IllegalArgumentException("frame " + f + " has " + p.length / 3 + " atoms, frame 0 has " + n);
            double[] c = new double[3];
            for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) c[k] += p[3 * i + k] / n;
            x[f] = p.clone();
            for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) x[f][3 * i + k] -= c[k];
        }
        int maxLag = frames / 2;
        double[] lag = new double[maxLag + 1], msd = new double[maxLag + 1];
        for (int l = 1; l <= maxLag; l++) {
            double sum = 0;
            int origins = frames - l;
            for (int t = 0; t < origins; t++) {
                double[] a = x[t], b = x[t + l];
                for (int i = 0; i < len; i++) {
                    double d = b[i] - a[i];
                    sum += d * d;
                }
            }
            lag[l] = l * interval;
            msd[l] = sum / ((double) origins * n);
        }
        return new MeanSquareDisplacement(lag, msd);
    }

    /**
     * D = slope / 6 (Å²/fs) of a least-squares line through the MSD for lags in [{@code from}, {@code to}] as fractions
     * of the largest lag; the early, ballistic part (τ ≲ 0.1–0.5 ps in a liquid metal) is what {@code from} leaves out.
     */
    public double diffusion(double from, double to) {
        if (!(from >= 0 && from < to && to <= 1)) throw new IllegalArgumentException("fit window must satisfy 0 ≤ from < to ≤ 1, got " + from + ", " + to);
        double max = lag[lag.length - 1];
        SimpleRegression fit = new SimpleRegression(true);
        for (int l = 0; l < lag.length; l++)
            if (lag[l] >= from * max - 1e-9 && lag[l] <= to * max + 1e-9) fit.addData(lag[l], msd[l]);
        if (fit.getN() < 2) throw new IllegalArgumentException("fewer than two MSD points in the fit window [" + from + ", " + to + "] of " + lag.length + " lags");
        return fit.getSlope() / 6;
    }

    /** D from the lags between 20 % and 100 % of the largest lag, Å²/fs. */
    public double diffusion() {
        return diffusion(0.2, 1.0);
    }
}
