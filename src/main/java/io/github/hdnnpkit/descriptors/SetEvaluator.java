package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.ConfigurationException;
import io.github.hdnnpkit.structure.NeighbourList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates a whole {@link SymmetryFunctionSet} on a configuration at once, sharing work between functions. This is
 * the one place that holds performance tricks; the formulas themselves live in the function classes, and tests
 * check this evaluator against them.
 *
 * <ul>
 * <li><b>One neighbour loop per cutoff</b>: functions are grouped in blocks by (cutoff function, elements); each
 * block visits each neighbour (radial) or neighbour pair (angular) once and computes f_c once.</li>
 * <li><b>Chains of G2</b>: consecutive G2 of a block whose η (at fixed r_s) or r_s (at fixed η) form an arithmetic
 * progression — the thesis's 200 η = 0.01·k and 68 shifted r_s — are evaluated by multiplicative recurrences,
 * exp(−(η₀+kΔ)a²) = exp(−η₀a²)·exp(−Δa²)^k and, for r_s, exp(−η(a−kΔ)²) = exp(−ηa²)·Π g_m with
 * g_m = exp(2ηΔa − ηΔ²(2m+1)): three exponentials per neighbour instead of one per function. The accumulated
 * rounding is ~k² ulp (≈ 1e-13 relative for 68 steps); a progression is accepted only if its parameters match the
 * functions' own to 1e-13 in the exponent and no term can underflow (η(r − r_s)² &lt; 700 over the cutoff).</li>
 * <li><b>Angular blocks</b>: the G5 radial factor exp(−η(r_ij−r_s)²) is separable, computed once per neighbour and
 * distinct (η, r_s); the angular factor (1 + λ cos θ)^ζ once per pair and distinct (ζ, λ), integer ζ by repeated
 * squaring, column by column over all pairs of an atom (loops C2 vectorises); each function is then a sum over the
 * pairs of (radial factor) × (angular factor), ten functions per pass with the sums in registers, and 2^(1−ζ) is
 * applied once to the sum.</li>
 * </ul>
 * Before evaluating, every configuration is {@link #check checked}: its elements must be centres of the set and no
 * two atoms may be closer than a minimum distance. Thread-safe: all scratch space is per call.
 */
public final class SetEvaluator {
    /**
     * Atoms closer than this (Å) are an input error: no physical configuration has them (the closest Al–Al distance
     * in the thesis's liquid is about 2 Å), and coincident atoms make the angular functions 0/0.
     */
    public static final double DEFAULT_MINIMUM_DISTANCE = 0.1;
    private static final double EXP_ARGUMENT_LIMIT = 700;
    private static final double CHAIN_TOLERANCE = 1e-13;

    private final SymmetryFunctionSet set;
    private final Convention convention;
    private final int size;
    private final double maxCutoff;
    private final List<RadialBlock> radial = new ArrayList<>();
    private final List<AngularBlock> angular = new ArrayList<>();
    private final int[] duplicateOf;   // column -> earlier equal column, or -1
    private final int[] duplicates;    // (column, earlier equal column) pairs, flat
    private final double minimumDistance;
    private final Set<String> centres;

    public SetEvaluator(SymmetryFunctionSet set, Convention convention) {
        this(set, convention, DEFAULT_MINIMUM_DISTANCE);
    }

    /**
     * @param minimumDistance pairs of atoms closer than this (Å, {@code 0 < d < maxCutoff}) are rejected with a
     *                        {@link ConfigurationException}
     */
    public SetEvaluator(SymmetryFunctionSet set, Convention convention, double minimumDistance) {
        this.set = Objects.requireNonNull(set);
        this.convention = Objects.requireNonNull(convention);
        this.size = set.size();
        this.maxCutoff = set.maxCutoff();
        if (!(minimumDistance > 0 && minimumDistance < maxCutoff))
            throw new IllegalArgumentException("minimum distance " + minimumDistance + " Å must lie in (0, " + maxCutoff + ") (the set's cutoff)");
        this.minimumDistance = minimumDistance;
        TreeSet<String> cs = new TreeSet<>();
        for (SymmetryFunction f : set.functions()) cs.add(f.centre());
        this.centres = java.util.Collections.unmodifiableSortedSet(cs);
        this.duplicateOf = new int[size];
        Map<SymmetryFunction, Integer> first = new LinkedHashMap<>();
        Map<List<Object>, RadialBlock> rb = new LinkedHashMap<>();
        Map<List<Object>, AngularBlock> ab = new LinkedHashMap<>();
        for (int c = 0; c < size; c++) {
            SymmetryFunction f = set.function(c);
            Integer prev = first.putIfAbsent(f, c);
            duplicateOf[c] = prev == null ? -1 : prev;
            if (prev != null) continue;
            if (f instanceof RadialSymmetryFunction r) {
                rb.computeIfAbsent(List.of(r.cutoff(), r.centre(), r.neighbour()),
                        k -> new RadialBlock(r.cutoff(), r.centre(), r.neighbour())).add(r, c);
            } else {
                AngularSymmetryFunction a = (AngularSymmetryFunction) f;
                String n1 = a.neighbour1().compareTo(a.neighbour2()) <= 0 ? a.neighbour1() : a.neighbour2();
                String n2 = n1.equals(a.neighbour1()) ? a.neighbour2() : a.neighbour1();
                ab.computeIfAbsent(List.of(a.cutoff(), a.centre(), n1, n2, a.includesJk()),
                        k -> new AngularBlock(a.cutoff(), a.centre(), n1, n2, a.includesJk())).add(a, c);
            }
        }
        int nd = 0;
        for (int c = 0; c < size; c++) if (duplicateOf[c] >= 0) nd++;
        this.duplicates = new int[2 * nd];
        for (int c = 0, k = 0; c < size; c++)
            if (duplicateOf[c] >= 0) {
                duplicates[k++] = c;
                duplicates[k++] = duplicateOf[c];
            }
        for (RadialBlock b : rb.values()) {
            b.compile();
            radial.add(b);
        }
        for (AngularBlock b : ab.values()) {
            b.compile(convention.angularFactor());
            angular.add(b);
        }
    }

    public SymmetryFunctionSet set() { return set; }

    public Convention convention() { return convention; }

    /** Neighbour-list cutoff the set needs. */
    public double maxCutoff() { return maxCutoff; }

    /** Atoms closer than this (Å) are rejected. */
    public double minimumDistance() { return minimumDistance; }

    /** The elements the set has functions centred on: the only ones a configuration may contain. */
    public Set<String> centres() { return centres; }

    /**
     * Rejects a configuration the set cannot describe: an atom of an element no function is centred on (it would get
     * an all-zero row and still count as an atom), or two atoms closer than {@link #minimumDistance()} (the neighbour
     * list holds every pair within the cutoff, so one pass over it finds them).
     *
     * @throws ConfigurationException naming the configuration and the atoms
     */
    public void check(Configuration c, NeighbourList nl) {
        for (int i = 0; i < c.size(); i++) {
            String sp = c.species(i);
            if (!centres.contains(sp))
                throw new ConfigurationException(c.id(), "atom " + i + " is " + sp + ", but descriptor set " + set.name()
                        + " has functions for " + String.join(", ", centres) + " only");
        }
        for (int i = 0; i < nl.atoms(); i++)
            for (int e = nl.start(i), end = nl.end(i); e < end; e++)
                if (nl.distance(e) < minimumDistance) {
                    int j = nl.neighbour(e);
                    String other = j == i ? "its own periodic image" : "atom " + j;
                    throw new ConfigurationException(c.id(), String.format(java.util.Locale.ROOT,
                            "atom %d and %s are %.4g Å apart, closer than the minimum %s Å (overlapping atoms: a duplicated line, or wrong units?)",
                            i, other, nl.distance(e), minimumDistance));
                }
    }

    /** The compiled radial blocks, for {@link SetDerivativeEvaluator} (read-only). */
    List<RadialBlock> radialBlocks() { return radial; }

    /** The compiled angular blocks, for {@link SetDerivativeEvaluator} (read-only). */
    List<AngularBlock> angularBlocks() { return angular; }

    /** The earlier equal column of each column, or -1 (read-only). */
    int duplicateOf(int column) { return duplicateOf[column]; }

    /** All atoms' values, row-major (atom, function), in double precision. */
    public double[] evaluate(Configuration c) {
        return evaluate(c, NeighbourList.of(c, maxCutoff));
    }

    /** All atoms' values from a neighbour list with a cutoff of at least {@link #maxCutoff()}. */
    public double[] evaluate(Configuration c, NeighbourList nl) {
        if (nl.cutoff() < maxCutoff) throw new IllegalArgumentException("neighbour list cutoff " + nl.cutoff() + " < " + maxCutoff);
        check(c, nl);
        int n = c.size();
        String[] species = c.species();
        double[] out = new double[n * size];
        Scratch s = new Scratch();
        for (int i = 0; i < n; i++) atom(nl, species, i, out, i * size, s);
        return out;
    }

    /** One atom's row: a method of its own, called once per atom, so the JIT compiles it early and once. */
    private void atom(NeighbourList nl, String[] species, int i, double[] out, int row, Scratch s) {
        for (RadialBlock b : radial)
            if (b.centre.equals(species[i])) b.evaluate(nl, species, i, out, row, s);
        for (AngularBlock b : angular)
            if (b.centre.equals(species[i])) b.evaluate(nl, species, i, out, row, s);
        for (int k = 0; k < duplicates.length; k += 2) out[row + duplicates[k]] = out[row + duplicates[k + 1]];
    }

    /** The same values as one array per atom. */
    public double[][] evaluateRows(Configuration c) {
        double[] flat = evaluate(c);
        double[][] rows = new double[c.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = java.util.Arrays.copyOfRange(flat, i * size, (i + 1) * size);
        return rows;
    }

    // ------------------------------------------------------------------------------------------------ radial

    /** A G2 progression (or a single function) evaluated by recurrence; kind 0 = single exp, 1 = η chain, 2 = r_s chain. */
    record Chain(int kind, double eta0, double rs0, double step, int[] columns) {
    }

    static final class RadialBlock {
        final CutoffFunction cutoff;
        final String centre, neighbour;
        final double rc;
        final List<RadialSymmetryFunction> functions = new ArrayList<>();
        final List<Integer> columns = new ArrayList<>();
        Chain[] chains;
        RadialSymmetryFunction[] generic;
        int[] genericColumns;

        RadialBlock(CutoffFunction cutoff, String centre, String neighbour) {
            this.cutoff = cutoff;
            this.centre = centre;
            this.neighbour = neighbour;
            this.rc = cutoff.rc();
        }

        void add(RadialSymmetryFunction f, int column) {
            functions.add(f);
            columns.add(column);
        }

        void compile() {
            List<Chain> ch = new ArrayList<>();
            List<RadialSymmetryFunction> gen = new ArrayList<>();
            List<Integer> genCols = new ArrayList<>();
            int i = 0;
            while (i < functions.size()) {
                if (!(functions.get(i) instanceof RadialG2 g0)) {
                    gen.add(functions.get(i));
                    genCols.add(columns.get(i));
                    i++;
                    continue;
                }
                int end = i + 1;   // exclusive
                int kind = 0;
                double step = 0;
                if (i + 1 < functions.size() && functions.get(i + 1) instanceof RadialG2 g1) {
                    if (g1.rs() == g0.rs() && g1.eta() != g0.eta()) {
                        kind = 1;
                        step = g1.eta() - g0.eta();
                    } else if (g1.eta() == g0.eta() && g1.rs() != g0.rs() && g0.eta() > 0) {
                        kind = 2;
                        step = g1.rs() - g0.rs();
                    }
                    if (kind != 0) {
                        end = i + 2;
                        while (end < functions.size() && functions.get(end) instanceof RadialG2 g && fits(kind, g0, step, end - i, g))
                            end++;
                        if (!safe(kind, g0, step, end - i)) {
                            kind = 0;
                            end = i + 1;
                        }
                    }
                }
                int[] cols = new int[end - i];
                for (int k = 0; k < cols.length; k++) cols[k] = columns.get(i + k);
                ch.add(new Chain(kind, g0.eta(), g0.rs(), step, cols));
                i = end;
            }
            chains = ch.toArray(new Chain[0]);
            generic = gen.toArray(new RadialSymmetryFunction[0]);
            genericColumns = genCols.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Whether function g is the k-th member of the progression, to 1e-13 in the exponent. */
        private boolean fits(int kind, RadialG2 g0, double step, int k, RadialG2 g) {
            double amax = rc + Math.abs(g0.rs()) + Math.abs(g.rs());
            if (kind == 1) {
                if (g.rs() != g0.rs()) return false;
                return Math.abs(g0.eta() + k * step - g.eta()) * amax * amax <= CHAIN_TOLERANCE;
            }
            if (g.eta() != g0.eta()) return false;
            return 2 * g.eta() * Math.abs(g0.rs() + k * step - g.rs()) * amax <= CHAIN_TOLERANCE;
        }

        /** No term of the chain underflows anywhere in [0, rc] (so the recurrence never multiplies by 0). */
        private boolean safe(int kind, RadialG2 g0, double step, int length) {
            for (int k = 0; k < length; k++) {
                double eta = kind == 1 ? g0.eta() + k * step : g0.eta();
                double rs = kind == 2 ? g0.rs() + k * step : g0.rs();
                double a = Math.max(Math.abs(rs), Math.abs(rc - rs));
                if (eta < 0 || eta * a * a >= EXP_ARGUMENT_LIMIT) return false;
            }
            return true;
        }

        /**
         * Gathers the block's neighbours, then runs every chain across all neighbours at once: the recurrences of
         * different neighbours are independent, so the inner loop over neighbours (unrolled by 4) keeps the CPU's
         * multipliers busy instead of waiting on one long dependency chain per neighbour.
         */
        void evaluate(NeighbourList nl, String[] species, int i, double[] out, int row, Scratch s) {
            s.ensure(nl.count(i), 1);
            double[] rr = s.r, ff = s.fc, t = s.x, q = s.y, g = s.z;
            int m = 0;
            for (int e = nl.start(i); e < nl.end(i); e++) {
                double r = nl.distance(e);
                if (r >= rc || !species[nl.neighbour(e)].equals(neighbour)) continue;
                rr[m] = r;
                ff[m] = cutoff.value(r);
                m++;
            }
            if (m == 0) return;
            for (Chain c : chains) {
                int[] cols = c.columns;
                double eta0 = c.eta0, rs0 = c.rs0, d = c.step;
                switch (c.kind) {
                    case 0 -> {
                        double sum = 0;
                        for (int n = 0; n < m; n++) {
                            double a = rr[n] - rs0;
                            sum += Math.exp(-eta0 * a * a) * ff[n];
                        }
                        out[row + cols[0]] += sum;
                    }
                    case 1 -> {
                        if (eta0 == d) {   // η = k·Δ (the thesis's 0.01·k): the first term is the ratio, one exp fewer
                            for (int n = 0; n < m; n++) {
                                double a = rr[n] - rs0;
                                q[n] = Math.exp(-d * (a * a));
                                t[n] = q[n] * ff[n];
                            }
                        } else {
                            for (int n = 0; n < m; n++) {
                                double a = rr[n] - rs0, a2 = a * a;
                                t[n] = Math.exp(-eta0 * a2) * ff[n];
                                q[n] = Math.exp(-d * a2);
                            }
                        }
                        for (int col : cols) out[row + col] += sumThenScale(t, q, m);
                    }
                    default -> {
                        double h = Math.exp(-2 * eta0 * d * d);
                        for (int n = 0; n < m; n++) {
                            double a = rr[n] - rs0;
                            t[n] = Math.exp(-eta0 * a * a) * ff[n];
                            g[n] = Math.exp(eta0 * d * (2 * a - d));
                        }
                        for (int col : cols) {
                            out[row + col] += sumThenScale(t, g, m);
                            for (int n = 0; n < m; n++) g[n] *= h;
                        }
                    }
                }
            }
            for (int k = 0; k < generic.length; k++) {
                double sum = 0;
                for (int n = 0; n < m; n++) sum += generic[k].radial(rr[n]) * ff[n];
                out[row + genericColumns[k]] += sum;
            }
        }
    }

    /**
     * Σ t[n], then t[n] *= f[n]. Two loops, not one: the product loop alone is what C2 turns into vector code
     * (the sum is a floating-point reduction, which it keeps scalar); eight partial sums keep both adders busy
     * instead of waiting on one chain of dependent additions.
     */
    static double sumThenScale(double[] t, double[] f, int m) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = 0;
        for (; n + 7 < m; n += 8) {
            s0 += t[n];
            s1 += t[n + 1];
            s2 += t[n + 2];
            s3 += t[n + 3];
            s4 += t[n + 4];
            s5 += t[n + 5];
            s6 += t[n + 6];
            s7 += t[n + 7];
        }
        for (; n < m; n++) s0 += t[n];
        for (int k = 0; k < m; k++) t[k] *= f[k];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    // ------------------------------------------------------------------------------------------------ angular

    private static final class Scratch {
        double[] r = new double[64], ux = new double[64], uy = new double[64], uz = new double[64], fc = new double[64];
        double[] x = new double[64], y = new double[64], z = new double[64];
        double[] exps = new double[64 * 8];
        double[] pairRad = new double[64 * 6], pairPow = new double[64 * 10];

        void ensure(int m, int nr) {
            if (r.length < m) {
                int c = Math.max(m, 2 * r.length);
                r = new double[c];
                ux = new double[c];
                uy = new double[c];
                uz = new double[c];
                fc = new double[c];
                x = new double[c];
                y = new double[c];
                z = new double[c];
            }
            if (exps.length < m * nr) exps = new double[Math.max(m * nr, 2 * exps.length)];
        }
    }

    static final class AngularBlock {
        final CutoffFunction cutoff;
        final String centre, n1, n2;
        final boolean g4;
        final double rc;
        final List<AngularSymmetryFunction> functions = new ArrayList<>();
        final List<Integer> columns = new ArrayList<>();
        double[] etas, shifts;          // distinct (η, r_s)
        double[] zetas, lambdas, norms; // distinct (ζ, λ), norm = 2^(1−ζ)
        int[] intZeta;                  // ζ as int, or -1 when not an integer
        int[] order;                    // (ζ, λ) keys by λ then ζ: powers are built on smaller ones
        int[] from, ratio;              // base^ζ = (base^ζ_from)^ratio when ζ_from divides ζ (1, 2, 4, 16, 64: 6 squarings)
        int[] squarings;                // s when the exponent applied (ratio, or ζ itself) is 2^s, else -1
        int[] table;                    // [ir * na + ia] -> column or -1
        double factor;

        AngularBlock(CutoffFunction cutoff, String centre, String n1, String n2, boolean g4) {
            this.cutoff = cutoff;
            this.centre = centre;
            this.n1 = n1;
            this.n2 = n2;
            this.g4 = g4;
            this.rc = cutoff.rc();
        }

        void add(AngularSymmetryFunction f, int column) {
            functions.add(f);
            columns.add(column);
        }

        void compile(double factor) {
            this.factor = factor;
            List<List<Double>> rk = new ArrayList<>(), ak = new ArrayList<>();
            for (AngularSymmetryFunction f : functions) {
                if (!rk.contains(List.of(f.eta(), f.rs()))) rk.add(List.of(f.eta(), f.rs()));
                if (!ak.contains(List.of(f.zeta(), f.lambda()))) ak.add(List.of(f.zeta(), f.lambda()));
            }
            int nr = rk.size(), na = ak.size();
            etas = new double[nr];
            shifts = new double[nr];
            for (int k = 0; k < nr; k++) {
                etas[k] = rk.get(k).get(0);
                shifts[k] = rk.get(k).get(1);
            }
            zetas = new double[na];
            lambdas = new double[na];
            norms = new double[na];
            intZeta = new int[na];
            for (int k = 0; k < na; k++) {
                zetas[k] = ak.get(k).get(0);
                lambdas[k] = ak.get(k).get(1);
                norms[k] = Math.pow(2.0, 1.0 - zetas[k]);
                intZeta[k] = zetas[k] == Math.rint(zetas[k]) && zetas[k] <= (1 << 20) ? (int) zetas[k] : -1;
            }
            order = java.util.stream.IntStream.range(0, na).boxed()
                    .sorted(java.util.Comparator.<Integer>comparingDouble(k -> lambdas[k]).thenComparingDouble(k -> zetas[k]))
                    .mapToInt(Integer::intValue).toArray();
            from = new int[na];
            ratio = new int[na];
            for (int p = 0; p < na; p++) {
                int a = order[p];
                from[a] = -1;
                if (intZeta[a] < 1) continue;
                for (int q = 0; q < p; q++) {
                    int b = order[q];
                    if (lambdas[b] == lambdas[a] && intZeta[b] >= 1 && intZeta[a] % intZeta[b] == 0
                            && (from[a] < 0 || intZeta[b] > intZeta[from[a]])) from[a] = b;
                }
                if (from[a] >= 0) ratio[a] = intZeta[a] / intZeta[from[a]];
            }
            squarings = new int[na];
            for (int a = 0; a < na; a++) {
                int e = from[a] >= 0 ? ratio[a] : intZeta[a];
                squarings[a] = e >= 1 && Integer.bitCount(e) == 1 ? Integer.numberOfTrailingZeros(e) : -1;
            }
            table = new int[nr * na];
            java.util.Arrays.fill(table, -1);
            for (int f = 0; f < functions.size(); f++) {
                AngularSymmetryFunction a = functions.get(f);
                int ir = rk.indexOf(List.of(a.eta(), a.rs())), ia = ak.indexOf(List.of(a.zeta(), a.lambda()));
                table[ir * na + ia] = columns.get(f);
            }
        }

        void evaluate(NeighbourList nl, String[] species, int i, double[] out, int row, Scratch s) {
            int nr = etas.length, na = zetas.length;
            // neighbours inside this block's cutoff with a species of the pair
            int m = 0;
            s.ensure(nl.count(i), nr);
            boolean same = n1.equals(n2);
            int[] isFirst = same ? null : new int[nl.count(i)];
            for (int e = nl.start(i); e < nl.end(i); e++) {
                double r = nl.distance(e);
                if (r >= rc) continue;
                String sp = species[nl.neighbour(e)];
                boolean a = sp.equals(n1), b = sp.equals(n2);
                if (!a && !b) continue;
                if (!same) isFirst[m] = a ? 1 : 0;
                s.r[m] = r;
                s.x[m] = nl.dx(e);
                s.y[m] = nl.dy(e);
                s.z[m] = nl.dz(e);
                s.ux[m] = s.x[m] / r;
                s.uy[m] = s.y[m] / r;
                s.uz[m] = s.z[m] / r;
                s.fc[m] = cutoff.value(r);
                for (int k = 0; k < nr; k++) {
                    double d = r - shifts[k];
                    s.exps[m * nr + k] = Math.exp(-etas[k] * d * d);
                }
                m++;
            }
            // Pass 1, pair by pair: cos θ and the radial factors w·E_j,q·E_k,q, stored column by column ([q][pair]).
            // Pass 2, column by column over all pairs: the powers (1 + λ cos θ)^ζ — loops over some 170 pairs that C2
            // turns into vector code. Pass 3 contracts the two over the pairs with the sums in registers.
            int cap = Math.max(1, m * (m - 1) / 2);
            if (s.pairRad.length < nr * cap) s.pairRad = new double[Math.max(nr * cap, 2 * s.pairRad.length)];
            if (s.pairPow.length < (na + 1) * cap) s.pairPow = new double[Math.max((na + 1) * cap, 2 * s.pairPow.length)];
            double[] pr = s.pairRad, pp = s.pairPow, ex = s.exps;
            int cosAt = na * cap;   // cos θ of every pair in the last column of pp
            int pairs = 0;
            for (int j = 0; j < m; j++) {
                double fj = s.fc[j];
                for (int k = j + 1; k < m; k++) {
                    if (!same && isFirst[j] == isFirst[k]) continue;
                    double w = fj * s.fc[k];
                    double rjk = 0;
                    if (g4) {
                        double cx = s.x[k] - s.x[j], cy = s.y[k] - s.y[j], cz = s.z[k] - s.z[j];
                        rjk = Math.sqrt(cx * cx + cy * cy + cz * cz);
                        if (rjk >= rc) continue;
                        w *= cutoff.value(rjk);
                    }
                    pp[cosAt + pairs] = s.ux[j] * s.ux[k] + s.uy[j] * s.uy[k] + s.uz[j] * s.uz[k];
                    int oj = j * nr, ok = k * nr;
                    for (int q = 0; q < nr; q++) {
                        double v = ex[oj + q] * ex[ok + q] * w;
                        if (g4) {
                            double d = rjk - shifts[q];
                            v *= Math.exp(-etas[q] * d * d);
                        }
                        pr[q * cap + pairs] = v;
                    }
                    pairs++;
                }
            }
            for (int a : order) powers(pp, a, cap, cosAt, pairs);
            for (int q = 0; q < nr; q++) {
                int a = 0;
                for (; a + 9 < na; a += 10) contract10(pr, q * cap, pp, a * cap, cap, pairs, out, row, q * na + a);
                for (; a < na; a++) contract1(pr, q * cap, pp, a * cap, pairs, out, row, q * na + a);
            }
        }

        /**
         * Column a of the powers, base^ζ with base = 1 + λ cos θ (0 where base ≤ 0, as in n2p2), for every pair; built on
         * an earlier column when ζ_from divides ζ (the {@link #order} puts those first), powers of two by squaring —
         * the same products as {@link #ipow}.
         */
        private void powers(double[] pp, int a, int cap, int cosAt, int pairs) {
            int o = a * cap, f = from[a] >= 0 ? from[a] * cap : -1, sq = squarings[a];
            double lambda = lambdas[a];
            if (sq >= 0) {
                if (f < 0) for (int p = 0; p < pairs; p++) pp[o + p] = Math.max(1.0 + lambda * pp[cosAt + p], 0.0);
                else System.arraycopy(pp, f, pp, o, pairs);
                for (int t = sq; t > 0; t--)   // one pass per squaring: plain loops over the pairs, vectorised
                    for (int p = o, end = o + pairs; p < end; p++) pp[p] *= pp[p];
            } else {
                for (int p = 0; p < pairs; p++) {
                    double base = 1.0 + lambda * pp[cosAt + p];
                    pp[o + p] = base <= 0 ? 0 : f >= 0 ? ipow(pp[f + p], ratio[a])
                            : intZeta[a] >= 0 ? ipow(base, intZeta[a]) : Math.pow(base, zetas[a]);
                }
            }
        }

        /**
         * Ten functions (q, a … a+9) at once: Σ_pairs rad_q · pow_a, the ten sums in registers (one load of the radial
         * factor serves ten multiply-adds, and ten independent chains of additions keep the adders busy).
         */
        private void contract10(double[] pr, int rq, double[] pp, int pa, int cap, int pairs, double[] out, int row, int t) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0;
            int p1 = pa + cap, p2 = p1 + cap, p3 = p2 + cap, p4 = p3 + cap, p5 = p4 + cap, p6 = p5 + cap,
                    p7 = p6 + cap, p8 = p7 + cap, p9 = p8 + cap;
            for (int p = 0; p < pairs; p++) {
                double r = pr[rq + p];
                s0 += r * pp[pa + p];
                s1 += r * pp[p1 + p];
                s2 += r * pp[p2 + p];
                s3 += r * pp[p3 + p];
                s4 += r * pp[p4 + p];
                s5 += r * pp[p5 + p];
                s6 += r * pp[p6 + p];
                s7 += r * pp[p7 + p];
                s8 += r * pp[p8 + p];
                s9 += r * pp[p9 + p];
            }
            store(out, row, t, s0);
            store(out, row, t + 1, s1);
            store(out, row, t + 2, s2);
            store(out, row, t + 3, s3);
            store(out, row, t + 4, s4);
            store(out, row, t + 5, s5);
            store(out, row, t + 6, s6);
            store(out, row, t + 7, s7);
            store(out, row, t + 8, s8);
            store(out, row, t + 9, s9);
        }

        private void contract1(double[] pr, int rq, double[] pp, int pa, int pairs, double[] out, int row, int t) {
            double s0 = 0;
            for (int p = 0; p < pairs; p++) s0 += pr[rq + p] * pp[pa + p];
            store(out, row, t, s0);
        }

        /** Function t = (q, a) of the table, when the set has it: 2^(1−ζ) and the convention's factor applied once. */
        private void store(double[] out, int row, int t, double sum) {
            if (table[t] >= 0) out[row + table[t]] = factor * (norms[t % zetas.length] * sum);
        }
    }

    /** x^n for n ≥ 0 by repeated squaring (exact to a few ulp, much faster than Math.pow). */
    static double ipow(double x, int n) {
        double result = 1.0;
        while (n > 0) {
            if ((n & 1) != 0) result *= x;
            x *= x;
            n >>= 1;
        }
        return result;
    }
}
