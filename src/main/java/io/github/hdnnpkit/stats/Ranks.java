package io.github.hdnnpkit.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranks 1..n of a sample, tied values sharing the mean of the ranks they span ("average" ranks). */
final class Ranks {
    private Ranks() {
    }

    static double[] average(double[] x) {
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        for (int s = 0; s < x.length; ) {
            int e = s;
            while (e + 1 < x.length && x[order[e + 1]] == x[order[s]]) e++;
            double mid = (s + e) / 2.0 + 1; // ranks s+1 .. e+1
            for (int k = s; k <= e; k++) r[order[k]] = mid;
            s = e + 1;
        }
        return r;
    }

    /** Σ (t³ − t) over the groups of tied values (t = group size): the tie term of rank-test variances. */
    static double tieTerm(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) j++;
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
