package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.stats.Alternative;
import io.github.hdnnpkit.stats.TestResult;
import io.github.hdnnpkit.stats.TwoSampleTest;
import io.github.hdnnpkit.util.Rounding;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One training recipe repeated over seeds, judged on the same test configurations: the seed-to-seed spread that a
 * claim such as "force training lowers the force error" has to beat. Two recipes trained with the same seeds
 * (same initial weights and update order) are compared pairwise ({@link #pairedForceTest}).
 *
 * @param name  the recipe, for tables
 * @param seeds one per run
 * @param test  the test metrics of each run, in seed order
 */
public record SeededForceRuns(String name, long[] seeds, List<ForceMetrics> test) {
    public SeededForceRuns {
        Objects.requireNonNull(name);
        seeds = seeds.clone();
        test = List.copyOf(test);
        if (seeds.length == 0 || seeds.length != test.size())
            throw new IllegalArgumentException(name + ": " + seeds.length + " seeds for " + test.size() + " results");
    }

    public double[] forceRmse() { return values(ForceMetrics::forceRmse); }

    public double[] energyRmse() { return values(ForceMetrics::energyRmseMeVPerAtom); }

    private double[] values(ToDoubleFunction<ForceMetrics> f) {
        return test.stream().mapToDouble(f).toArray();
    }

    /**
     * Paired t-test over the common seeds that {@code candidate}'s test force RMSE is lower than {@code baseline}'s
     * (one-sided); needs at least two seeds, the same in both.
     */
    public static TestResult pairedForceTest(SeededForceRuns candidate, SeededForceRuns baseline) {
        if (!java.util.Arrays.equals(candidate.seeds, baseline.seeds))
            throw new IllegalArgumentException("a paired comparison needs the same seeds: " + java.util.Arrays.toString(candidate.seeds)
                    + " vs " + java.util.Arrays.toString(baseline.seeds));
        if (candidate.seeds.length < 2) throw new IllegalArgumentException("a test over seeds needs at least two seeds, got " + candidate.seeds.length);
        return TwoSampleTest.paired(candidate.forceRmse(), baseline.forceRmse(), Alternative.LESS);
    }

    /** One row per run and a mean ± sd row per recipe: energy RMSE/MAE in meV/atom, force RMSE in eV/Å. */
    public static Table table(String title, List<SeededForceRuns> recipes) {
        StringColumn name = StringColumn.create("training"), seed = StringColumn.create("seed");
        DoubleColumn e = DoubleColumn.create("energy_rmse_meV_atom"), mae = DoubleColumn.create("energy_mae_meV_atom"),
                f = DoubleColumn.create("force_rmse_eV_A");
        for (SeededForceRuns r : recipes) {
            for (int k = 0; k < r.seeds.length; k++) {
                ForceMetrics m = r.test.get(k);
                name.append(r.name);
                seed.append(Long.toString(r.seeds[k]));
                e.append(Rounding.significant(m.energyRmseMeVPerAtom(), 4));
                mae.append(Rounding.significant(m.energyMaeMeVPerAtom(), 4));
                f.append(Rounding.significant(m.forceRmse(), 4));
            }
            if (r.seeds.length > 1) {
                name.append(r.name);
                seed.append("mean");
                e.append(Rounding.significant(mean(r.energyRmse()), 4));
                mae.append(Rounding.significant(mean(r.values(ForceMetrics::energyMaeMeVPerAtom)), 4));
                f.append(Rounding.significant(mean(r.forceRmse()), 4));
                name.append(r.name);
                seed.append("sd");
                e.append(Rounding.significant(sd(r.energyRmse()), 2));
                mae.append(Rounding.significant(sd(r.values(ForceMetrics::energyMaeMeVPerAtom)), 2));
                f.append(Rounding.significant(sd(r.forceRmse()), 2));
            }
        }
        return Table.create(title, name, seed, e, mae, f);
    }

    /** The mean of x. */
    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** The sample standard deviation of x (n − 1). */
    public static double sd(double[] x) {
        double m = mean(x), ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Runs a recipe for each seed. */
    public static SeededForceRuns run(String name, long[] seeds, java.util.function.LongFunction<ForceMetrics> trainAndTest) {
        List<ForceMetrics> out = new ArrayList<>();
        for (long s : seeds) out.add(trainAndTest.apply(s));
        return new SeededForceRuns(name, seeds, out);
    }
}
