package io.github.hdnnpkit.md;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import io.github.hdnnpkit.structure.NeighbourList;

import java.util.List;

/**
 * The radial distribution function g(r) of periodic configurations, averaged over frames: the number of ordered pairs
 * at distance in [r, r + Δr) divided by what an ideal gas of the same density would have,
 * N(N − 1)/V · (4π/3)((r + Δr)³ − r³) — normalised so an ideal gas gives 1 at every r. Distances follow the minimum
 * image convention: {@code rMax} may not exceed half the smallest distance between lattice planes, so every pair
 * is counted once, through its nearest image.
 *
 * @param r      bin centres, Å
 * @param g      g(r) per bin
 * @param rMax   outer edge of the last bin, Å
 * @param frames number of frames averaged
 */
public record RadialDistribution(double[] r, double[] g, double rMax, int frames) {
    public RadialDistribution {
        if (r.length != g.length) throw new IllegalArgumentException(r.length + " bin centres but " + g.length + " values");
        r = r.clone();
        g = g.clone();
    }

    @Override public double[] r() { return r.clone(); }

    @Override public double[] g() { return g.clone(); }

    public double binWidth() { return rMax / r.length; }

    /** g(r) of the frames (all with the same atom count) in {@code bins} bins over [0, rMax). */
    public static RadialDistribution of(List<Configuration> frames, double rMax, int bins) {
        if (frames.isEmpty()) throw new IllegalArgumentException("no frames for g(r)");
        if (bins < 1) throw new IllegalArgumentException("g(r) needs at least one bin, got " + bins);
        double dr = rMax / bins;
        double[] sum = new double[bins];
        int n0 = frames.get(0).size();
        for (Configuration c : frames) {
            int n = c.size();
            if (n != n0) throw new IllegalArgumentException("frame " + c.id() + " has " + n + " atoms, the first frame " + n0);
            if (n < 2) throw new IllegalArgumentException("frame " + c.id() + ": g(r) needs at least two atoms");
            Lattice lat = c.lattice().orElseThrow(() -> new IllegalArgumentException("frame " + c.id() + " has no cell; g(r) here is for periodic systems"));
            for (int k = 0; k < 3; k++) {
                if (!c.periodic(k)) throw new IllegalArgumentException("frame " + c.id() + " is not periodic along direction " + k);
                if (rMax > 0.5 * lat.planeSpacing(k) * (1 + 1e-12))
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "frame %s: rMax = %.4f Å exceeds half the plane spacing %.4f Å along direction %d (minimum image)", c.id(), rMax, 0.5 * lat.planeSpacing(k), k));
            }
            NeighbourList nl = NeighbourList.of(c, rMax);
            double[] hist = new double[bins];
            for (int e = 0; e < nl.size(); e++) {
                int b = (int) (nl.distance(e) / dr);
                if (b < bins) hist[b]++;
            }
            double pairsDensity = (double) n * (n - 1) / lat.volume();
            for (int b = 0; b < bins; b++) {
                double lo = b * dr, hi = lo + dr;
                double shell = 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
                sum[b] += hist[b] / (pairsDensity * shell);
            }
        }
        double[] r = new double[bins], g = new double[bins];
        for (int b = 0; b < bins; b++) {
            r[b] = (b + 0.5) * dr;
            g[b] = sum[b] / frames.size();
        }
        return new RadialDistribution(r, g, rMax, frames.size());
    }

    /** The largest |g₁ − g₂| over the bins of two functions on the same grid. */
    public double maxDifference(RadialDistribution other) {
        checkGrid(other);
        double m = 0;
        for (int b = 0; b < g.length; b++) m = Math.max(m, Math.abs(g[b] - other.g[b]));
        return m;
    }

    /**
     * ∫|g₁ − g₂| dr / ∫ g₁ dr over [0, rMax): the fraction of the structure that differs, a single number that does not
     * depend on the bin width the way the maximum does.
     */
    public double relativeL1Difference(RadialDistribution reference) {
        checkGrid(reference);
        double diff = 0, norm = 0;
        for (int b = 0; b < g.length; b++) {
            diff += Math.abs(g[b] - reference.g[b]);
            norm += reference.g[b];
        }
        return diff / norm;
    }

    /** Position of the highest bin (Å): the nearest-neighbour peak. */
    public double firstPeak() {
        return r[highestBin()];
    }

    /**
     * The nearest-neighbour peak to better than a bin (Å): the vertex of the parabola through the highest bin and its
     * two neighbours. A tolerance on the peak position below the bin width (0.1 Å by default) needs this; the bin
     * centre alone would only say "same bin or not". Falls back to the bin centre at the edges of the grid or where
     * the three points are not a maximum.
     */
    public double firstPeakInterpolated() {
        int b = highestBin();
        if (b == 0 || b == g.length - 1) return r[b];
        double lo = g[b - 1], mid = g[b], hi = g[b + 1], curvature = lo - 2 * mid + hi;
        if (!(curvature < 0)) return r[b];
        return r[b] + 0.5 * binWidth() * (lo - hi) / curvature;
    }

    private int highestBin() {
        int best = 0;
        for (int b = 1; b < g.length; b++) if (g[b] > g[best]) best = b;
        return best;
    }

    private void checkGrid(RadialDistribution o) {
        if (o.g.length != g.length || Math.abs(o.rMax - rMax) > 1e-12 * rMax)
            throw new IllegalArgumentException("g(r) on different grids: " + g.length + " bins to " + rMax + " Å vs " + o.g.length + " to " + o.rMax + " Å");
    }
}
