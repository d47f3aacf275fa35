package io.github.hdnnpkit.data;

import io.github.hdnnpkit.structure.Configuration;

import java.util.Arrays;
import java.util.List;

/**
 * The distribution of the energy per atom within one temperature series, eV/atom. Within a series sampled at fixed
 * temperature and volume, E/N is close to Gaussian (the thesis notes its narrow spread); skewness and excess kurtosis
 * near 0 say so, a large one flags outliers or a phase change during sampling.
 */
public record EnergyStatistics(String label, double temperature, Phase phase, int count, double mean, double std,
                               double min, double median, double max, double skewness, double excessKurtosis) {

    /** Statistics of the configurations' E/N; all must have an energy. */
    public static EnergyStatistics of(Label label, List<Configuration> configurations) {
        int n = configurations.size();
        if (n == 0) throw new IllegalArgumentException("label " + label.name() + " has no configurations");
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            Configuration c = configurations.get(i);
            if (!c.hasEnergy()) throw new IllegalArgumentException("configuration " + c.id() + " has no energy");
            e[i] = c.energy() / c.size();
        }
        double mean = Arrays.stream(e).sum() / n;
        double m2 = 0, m3 = 0, m4 = 0;
        for (double v : e) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double std = n > 1 ? Math.sqrt(m2 * n / (n - 1)) : 0;
        double[] s = e.clone();
        Arrays.sort(s);
        double median = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
        double kurt = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
        return new EnergyStatistics(label.name(), label.temperature(), label.phase(), n, mean, std, s[0], median, s[n - 1], skew, kurt);
    }
}
