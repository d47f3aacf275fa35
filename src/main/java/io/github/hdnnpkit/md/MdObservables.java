package io.github.hdnnpkit.md;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;

import java.util.List;

/**
 * What a validation compares from one sampled segment: g(r), the MSD and the diffusion coefficient from it, the mean
 * potential energy per atom, the mean temperature and the energy drift (meaningful for NVE; for a thermostatted
 * segment it measures the bath's work, not the integrator).
 *
 * @param diffusion          Å²/fs (×0.1 for cm²/s)
 * @param meanPotentialEnergy eV/atom
 * @param meanTemperature    K
 * @param closestApproach    the shortest distance between two atoms in any sampled frame, Å: a potential with a hole
 *                           at short range (no repulsion where its training data had no pairs) shows it here, long
 *                           before g(r) does
 */
public record MdObservables(String engine, RadialDistribution rdf, MeanSquareDisplacement msd, double diffusion,
                            double meanPotentialEnergy, double potentialEnergyStdError, double meanTemperature, EnergyDrift drift,
                            double stepsPerSecond, double closestApproach) {

    /** The observables of segment {@code segment} of a trajectory; g(r) in {@code bins} bins to {@code rMax} Å. */
    public static MdObservables of(MdTrajectory t, int segment, double rMax, int bins) {
        List<MdSample> s = t.segment(segment);
        if (s.size() < 3) throw new IllegalArgumentException(t.engine() + ": segment " + segment + " has " + s.size() + " samples, need ≥ 3");
        int n = t.start().size();
        List<Configuration> frames = s.stream().map(t::configuration).toList();
        RadialDistribution rdf = RadialDistribution.of(frames, rMax, bins);
        double interval = s.get(1).time() - s.get(0).time();
        MeanSquareDisplacement msd = MeanSquareDisplacement.of(s.stream().map(MdSample::positions).toList(), interval);
        double pe = 0, temp = 0;
        for (MdSample x : s) {
            pe += x.potentialEnergy() / n;
            temp += x.temperature();
        }
        pe /= s.size();
        temp /= s.size();
        // a naive standard error from block means (10 blocks), since consecutive samples are correlated
        int blocks = Math.min(10, s.size());
        double[] means = new double[blocks];
        int per = s.size() / blocks;
        for (int b = 0; b < blocks; b++) {
            for (int i = b * per; i < (b + 1) * per; i++) means[b] += s.get(i).potentialEnergy() / n / per;
        }
        double var = 0, mb = 0;
        for (double m : means) mb += m / blocks;
        for (double m : means) var += (m - mb) * (m - mb) / (blocks - 1);
        double closest = Double.POSITIVE_INFINITY;
        for (Configuration f : frames) closest = Math.min(closest, closestPair(f, rMax));
        return new MdObservables(t.engine(), rdf, msd, msd.diffusion(), pe, Math.sqrt(var / blocks), temp, EnergyDrift.of(s, n), t.stepsPerSecond(), closest);
    }

    /** The shortest pair distance of a frame (∞ when no pair is within {@code cutoff}). */
    public static double closestPair(Configuration c, double cutoff) {
        NeighbourList nl = NeighbourList.of(c, cutoff);
        double m = Double.POSITIVE_INFINITY;
        for (int e = 0; e < nl.size(); e++) m = Math.min(m, nl.distance(e));
        return m;
    }
}
