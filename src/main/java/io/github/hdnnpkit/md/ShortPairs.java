package io.github.hdnnpkit.md;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Configurations with pairs of atoms pushed closer than thermal sampling brings them: the data a potential needs to
 * learn the short-range repulsion. A network knows nothing about distances its training data never had — EAM
 * aluminium keeps every pair above ≈ 1.95 Å even at 3500 K, so a potential fitted to it has no repulsion below that
 * and MD at 1500 K can find the hole. Each configuration takes a random snapshot and, for each pair, a random atom i
 * and its nearest free neighbour j (the closest image), and moves both along their bond, symmetrically, until they are
 * a distance drawn uniformly from [{@code min}, {@code max}] apart; every other atom stays. The results carry no energy or forces: label
 * them with the reference ({@link LammpsMd#label}).
 */
public final class ShortPairs {
    private ShortPairs() {
    }

    /**
     * @param sources snapshots to start from (periodic or not)
     * @param count   configurations to make
     * @param pairs   pairs pushed in each (disjoint atoms): a force observation of a random atom then meets the short
     *                range 2·pairs/N of the time, not 2/N
     * @param min     shortest pair distance to draw, Å (&gt; 0)
     * @param max     longest, Å (≥ min)
     * @param seed    the choice of snapshots, atoms and distances
     */
    public static List<Configuration> of(List<Configuration> sources, int count, int pairs, double min, double max, long seed) {
        if (sources.isEmpty()) throw new IllegalArgumentException("no configurations to start from");
        if (count < 0) throw new IllegalArgumentException("count must be ≥ 0, got " + count);
        if (pairs < 1) throw new IllegalArgumentException("pairs per configuration must be ≥ 1, got " + pairs);
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max))
            throw new IllegalArgumentException("need 0 < min ≤ max for the pair distance, got [" + min + ", " + max + "] Å");
        SplittableRandom rng = new SplittableRandom(seed);
        double reach = Math.max(4.0, 2 * max);
        List<Configuration> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Configuration c = sources.get(rng.nextInt(sources.size()));
            if (c.size() < 2 * pairs) throw new IllegalArgumentException("configuration " + c.id() + " has fewer than " + 2 * pairs + " atoms");
            double[] x = c.positions();
            boolean[] used = new boolean[c.size()];
            StringBuilder label = new StringBuilder();
            for (int q = 0; q < pairs; q++) {
                Configuration now = c.toBuilder().atoms(c.species(), x).build();
                NeighbourList nl = NeighbourList.of(now, reach);
                int i, best = -1;
                do {
                    i = rng.nextInt(c.size());
                } while (used[i]);
                for (int e = nl.start(i); e < nl.end(i); e++) {
                    int j = nl.neighbour(e);
                    if (j != i && !used[j] && (best < 0 || nl.distance(e) < nl.distance(best))) best = e;
                }
                if (best < 0) throw new IllegalArgumentException("atom " + i + " of " + c.id() + " has no free neighbour within " + reach + " Å");
                int j = nl.neighbour(best);
                double target = min + (max - min) * rng.nextDouble();
                double d = nl.distance(best), shift = (d - target) / 2 / d;
                double[] u = {nl.dx(best) * shift, nl.dy(best) * shift, nl.dz(best) * shift};
                for (int a = 0; a < 3; a++) {
                    x[3 * i + a] += u[a];
                    x[3 * j + a] -= u[a];
                }
                used[i] = used[j] = true;
                if (q > 0) label.append(';');
                label.append(i).append(',').append(j).append(',').append(target);
            }
            out.add(c.toBuilder().id(c.id() + "-pairs" + k).atoms(c.species(), x).energy(Double.NaN).forces(null).atomicEnergies(null)
                    .label("config_type", "short-pairs").label("short_pairs", label.toString()).build());
        }
        return out;
    }
}
