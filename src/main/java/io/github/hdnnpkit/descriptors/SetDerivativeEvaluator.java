package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;

import java.util.Objects;

/**
 * Values and analytic derivatives ∂G_i/∂r_j of a whole {@link SymmetryFunctionSet} in the grouped neighbour loops of
 * {@link SetEvaluator}: the same blocks, the same G2 recurrences (the k-th member of an η chain has
 * g' = −2(η₀+kΔ)(r−r_s)·g, of an r_s chain −2η(r−r_s−kΔ)·g, so the derivative costs one multiply-add on top of the
 * recurrence), the same separable angular factors. Derivatives are stored per neighbour-list entry
 * ({@link DescriptorDerivatives}).
 *
 * <p>Why per configuration and not cached for a data set: one 256-atom aluminium configuration with the 57-function
 * set A holds ≈ 2·10⁴ neighbour entries (r_c = 6.8 Å), so its derivatives take ≈ 27 MB in double; the 4200
 * configurations would need ≈ 110 GB. Force training therefore recomputes them configuration by configuration (see
 * {@code model.forces.ForceTrainer}); the measured cost is in {@code src/bench/RESULTS.md}.
 *
 * <p>Thread-safe: all scratch space is per call.
 */
public final class SetDerivativeEvaluator {
    private final SetEvaluator evaluator;

    public SetDerivativeEvaluator(SymmetryFunctionSet set, Convention convention) {
        this(new SetEvaluator(set, convention));
    }

    public SetDerivativeEvaluator(SetEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator);
    }

    public SymmetryFunctionSet set() { return evaluator.set(); }

    public Convention convention() { return evaluator.convention(); }

    public double maxCutoff() { return evaluator.maxCutoff(); }

    /** Values and derivatives of one configuration (checked like {@link SetEvaluator#evaluate}). */
    public DescriptorDerivatives evaluate(Configuration c) {
        return evaluate(c, NeighbourList.of(c, evaluator.maxCutoff()));
    }

    /** Values and derivatives from a neighbour list with a cutoff of at least {@link #maxCutoff()}. */
    public DescriptorDerivatives evaluate(Configuration c, NeighbourList nl) {
        if (nl.cutoff() < evaluator.maxCutoff())
            throw new IllegalArgumentException("neighbour list cutoff " + nl.cutoff() + " < " + evaluator.maxCutoff());
        evaluator.check(c, nl);
        int n = c.size(), nf = evaluator.set().size();
        String[] species = c.species();
        double[] values = new double[n * nf];
        double[] d = new double[Math.toIntExact(3L * nl.size() * nf)];
        Scratch s = new Scratch();
        for (int i = 0; i < n; i++) {
            for (SetEvaluator.RadialBlock b : evaluator.radialBlocks())
                if (b.centre.equals(species[i])) radial(b, nl, species, i, nf, values, d, s);
            for (SetEvaluator.AngularBlock b : evaluator.angularBlocks())
                if (b.centre.equals(species[i])) angular(b, nl, species, i, nf, values, d, s);
            int row = i * nf;
            for (int col = 0; col < nf; col++) {
                int src = evaluator.duplicateOf(col);
                if (src < 0) continue;
                values[row + col] = values[row + src];
                for (int e = nl.start(i); e < nl.end(i); e++)
                    System.arraycopy(d, (e * nf + src) * 3, d, (e * nf + col) * 3, 3);
            }
        }
        return new DescriptorDerivatives(n, nf, values, nl, d);
    }

    private static final class Scratch {
        int[] entry = new int[64];
        double[] r = new double[64], x = new double[64], y = new double[64], z = new double[64];
        double[] ux = new double[64], uy = new double[64], uz = new double[64], fc = new double[64], fd = new double[64];
        double[] t = new double[64], q = new double[64], g = new double[64];
        double[] exps = new double[64 * 8], pexp = new double[64 * 8];
        double[] acc = new double[64], pw = new double[16], pd = new double[16], raw = new double[16];
        double[] rad = new double[8], dij = new double[8], dik = new double[8], djk = new double[8];

        void ensure(int m, int nr, int na) {
            if (r.length < m) {
                int c = Math.max(m, 2 * r.length);
                entry = new int[c];
                r = new double[c];
                x = new double[c];
                y = new double[c];
                z = new double[c];
                ux = new double[c];
                uy = new double[c];
                uz = new double[c];
                fc = new double[c];
                fd = new double[c];
                t = new double[c];
                q = new double[c];
                g = new double[c];
            }
            if (exps.length < m * nr) {
                exps = new double[Math.max(m * nr, 2 * exps.length)];
                pexp = new double[exps.length];
            }
            if (acc.length < nr * na) acc = new double[nr * na];
            if (pw.length < na) {
                pw = new double[na];
                pd = new double[na];
                raw = new double[na];
            }
            if (rad.length < nr) {
                rad = new double[nr];
                dij = new double[nr];
                dik = new double[nr];
                djk = new double[nr];
            }
        }
    }

    /** Adds s · (ux, uy, uz) to the derivative of column col at entry e. */
    private static void add(double[] d, int e, int nf, int col, double s, double ux, double uy, double uz) {
        int o = (e * nf + col) * 3;
        d[o] += s * ux;
        d[o + 1] += s * uy;
        d[o + 2] += s * uz;
    }

    // ------------------------------------------------------------------------------------------------ radial

    /** g(r)·f_c(r) summed, and d/dr[g f_c] = g'·f_c + g·f_c' along the unit vector of each entry. */
    private static void radial(SetEvaluator.RadialBlock b, NeighbourList nl, String[] species, int i, int nf, double[] values,
                               double[] d, Scratch s) {
        s.ensure(nl.count(i), 1, 1);
        int m = 0;
        for (int e = nl.start(i); e < nl.end(i); e++) {
            double r = nl.distance(e);
            if (r >= b.rc || !species[nl.neighbour(e)].equals(b.neighbour)) continue;
            s.entry[m] = e;
            s.r[m] = r;
            s.ux[m] = nl.dx(e) / r;
            s.uy[m] = nl.dy(e) / r;
            s.uz[m] = nl.dz(e) / r;
            s.fc[m] = b.cutoff.value(r);
            s.fd[m] = b.cutoff.derivative(r);
            m++;
        }
        if (m == 0) return;
        int row = i * nf;
        double[] rr = s.r, fc = s.fc, fd = s.fd, t = s.t, q = s.q, g = s.g;
        for (SetEvaluator.Chain c : b.chains) {
            int[] cols = c.columns();
            double eta0 = c.eta0(), rs0 = c.rs0(), step = c.step();
            switch (c.kind()) {
                case 0 -> {
                    int col = cols[0];
                    double sum = 0;
                    for (int n = 0; n < m; n++) {
                        double a = rr[n] - rs0, gv = Math.exp(-eta0 * a * a);
                        sum += gv * fc[n];
                        add(d, s.entry[n], nf, col, gv * (fd[n] - 2 * eta0 * a * fc[n]), s.ux[n], s.uy[n], s.uz[n]);
                    }
                    values[row + col] += sum;
                }
                case 1 -> {   // η chain: g_k = exp(−η₀a²)·exp(−Δa²)^k
                    for (int n = 0; n < m; n++) {
                        double a = rr[n] - rs0, a2 = a * a;
                        t[n] = Math.exp(-eta0 * a2);
                        q[n] = Math.exp(-step * a2);
                    }
                    for (int k = 0; k < cols.length; k++) {
                        int col = cols[k];
                        double eta = eta0 + k * step, sum = 0;
                        for (int n = 0; n < m; n++) {
                            double a = rr[n] - rs0;
                            sum += t[n] * fc[n];
                            add(d, s.entry[n], nf, col, t[n] * (fd[n] - 2 * eta * a * fc[n]), s.ux[n], s.uy[n], s.uz[n]);
                            t[n] *= q[n];
                        }
                        values[row + col] += sum;
                    }
                }
                default -> {  // r_s chain: g_k = exp(−η(a−kΔ)²) = g_{k−1}·exp(ηΔ(2a−Δ))·exp(−2ηΔ²)^(k−1)
                    double h = Math.exp(-2 * eta0 * step * step);
                    for (int n = 0; n < m; n++) {
                        double a = rr[n] - rs0;
                        t[n] = Math.exp(-eta0 * a * a);
                        g[n] = Math.exp(eta0 * step * (2 * a - step));
                    }
                    for (int k = 0; k < cols.length; k++) {
                        int col = cols[k];
                        double sum = 0;
                        for (int n = 0; n < m; n++) {
                            double a = rr[n] - rs0 - k * step;
                            sum += t[n] * fc[n];
                            add(d, s.entry[n], nf, col, t[n] * (fd[n] - 2 * eta0 * a * fc[n]), s.ux[n], s.uy[n], s.uz[n]);
                            t[n] *= g[n];
                            g[n] *= h;
                        }
                        values[row + col] += sum;
                    }
                }
            }
        }
        for (int k = 0; k < b.generic.length; k++) {
            RadialSymmetryFunction f = b.generic[k];
            int col = b.genericColumns[k];
            double sum = 0;
            for (int n = 0; n < m; n++) {
                double gv = f.radial(rr[n]);
                sum += gv * fc[n];
                add(d, s.entry[n], nf, col, f.radialDerivative(rr[n]) * fc[n] + gv * fd[n], s.ux[n], s.uy[n], s.uz[n]);
            }
            values[row + col] += sum;
        }
    }

    // ------------------------------------------------------------------------------------------------ angular

    /**
     * Per pair (j, k) with a = d_ij, b = d_ik: value F·2^(1−ζ)(1+λcosθ)^ζ·R_q, R_q the separable radial factor. Its
     * derivative along a is P'·R·∂cos/∂a + P·∂R/∂r_ij·â (− P·∂R/∂r_jk·ĉ for G4, c = b − a), with
     * ∂cos/∂a = (b̂ − cos â)/|a|; along b the same with the roles swapped and +ĉ.
     */
    private static void angular(SetEvaluator.AngularBlock b, NeighbourList nl, String[] species, int i, int nf, double[] values,
                                double[] d, Scratch s) {
        int nr = b.etas.length, na = b.zetas.length;
        s.ensure(nl.count(i), nr, na);
        boolean same = b.n1.equals(b.n2);
        int[] isFirst = same ? null : new int[nl.count(i)];
        int m = 0;
        for (int e = nl.start(i); e < nl.end(i); e++) {
            double r = nl.distance(e);
            if (r >= b.rc) continue;
            String sp = species[nl.neighbour(e)];
            boolean p1 = sp.equals(b.n1), p2 = sp.equals(b.n2);
            if (!p1 && !p2) continue;
            if (!same) isFirst[m] = p1 ? 1 : 0;
            s.entry[m] = e;
            s.r[m] = r;
            s.x[m] = nl.dx(e);
            s.y[m] = nl.dy(e);
            s.z[m] = nl.dz(e);
            s.ux[m] = s.x[m] / r;
            s.uy[m] = s.y[m] / r;
            s.uz[m] = s.z[m] / r;
            double fcv = b.cutoff.value(r), fdv = b.cutoff.derivative(r);
            s.fc[m] = fcv;
            for (int k = 0; k < nr; k++) {
                double dr = r - b.shifts[k];
                s.exps[m * nr + k] = Math.exp(-b.etas[k] * dr * dr);
                s.pexp[m * nr + k] = fdv - 2 * b.etas[k] * dr * fcv;    // d(e^{-η(r−rs)²} f_c)/dr / e^{-η(r−rs)²}
            }
            m++;
        }
        double[] acc = s.acc, pw = s.pw, pd = s.pd, raw = s.raw, rad = s.rad, dij = s.dij, dik = s.dik, djk = s.djk, ex = s.exps, px = s.pexp;
        java.util.Arrays.fill(acc, 0, nr * na, 0.0);
        double factor = b.factor;
        int row = i * nf;
        for (int j = 0; j < m; j++) {
            for (int k = j + 1; k < m; k++) {
                if (!same && isFirst[j] == isFirst[k]) continue;
                double cos = s.ux[j] * s.ux[k] + s.uy[j] * s.uy[k] + s.uz[j] * s.uz[k];
                double rjk = 0, fjk = 1, fjkd = 0, cx = 0, cy = 0, cz = 0;
                if (b.g4) {
                    cx = s.x[k] - s.x[j];
                    cy = s.y[k] - s.y[j];
                    cz = s.z[k] - s.z[j];
                    rjk = Math.sqrt(cx * cx + cy * cy + cz * cz);
                    if (rjk >= b.rc) continue;
                    fjk = b.cutoff.value(rjk);
                    fjkd = b.cutoff.derivative(rjk);
                    cx /= rjk;
                    cy /= rjk;
                    cz /= rjk;
                }
                boolean any = false;
                for (int a : b.order) {
                    double base = 1.0 + b.lambdas[a] * cos;
                    if (base <= 0) {
                        raw[a] = 0;
                    } else {
                        raw[a] = b.from[a] >= 0 ? SetEvaluator.ipow(raw[b.from[a]], b.ratio[a])
                                : b.intZeta[a] >= 0 ? SetEvaluator.ipow(base, b.intZeta[a]) : Math.pow(base, b.zetas[a]);
                        any = true;
                    }
                }
                if (!any) continue;
                for (int a = 0; a < na; a++) {
                    double base = 1.0 + b.lambdas[a] * cos;
                    pw[a] = factor * b.norms[a] * raw[a];
                    // d/dcos of (1 + λ cos)^ζ = ζλ(1 + λ cos)^(ζ−1) = ζλ·raw/base (0 where the term is cut off)
                    pd[a] = base > 0 ? factor * b.norms[a] * b.zetas[a] * b.lambdas[a] * (raw[a] / base) : 0;
                }
                double fj = s.fc[j], fk = s.fc[k];
                int oj = j * nr, ok = k * nr;
                for (int q = 0; q < nr; q++) {
                    double ee = ex[oj + q] * ex[ok + q], ejk = 1, pjk = 0;
                    if (b.g4) {
                        double dr = rjk - b.shifts[q];
                        ejk = Math.exp(-b.etas[q] * dr * dr);
                        pjk = fjkd - 2 * b.etas[q] * dr * fjk;
                    }
                    double base = ee * ejk;
                    rad[q] = base * fj * fk * fjk;
                    dij[q] = base * px[oj + q] * fk * fjk;
                    dik[q] = base * fj * px[ok + q] * fjk;
                    djk[q] = base * fj * fk * pjk;
                }
                double rj = s.r[j], rk = s.r[k];
                double cajx = (s.ux[k] - cos * s.ux[j]) / rj, cajy = (s.uy[k] - cos * s.uy[j]) / rj, cajz = (s.uz[k] - cos * s.uz[j]) / rj;
                double cakx = (s.ux[j] - cos * s.ux[k]) / rk, caky = (s.uy[j] - cos * s.uy[k]) / rk, cakz = (s.uz[j] - cos * s.uz[k]) / rk;
                int ej = s.entry[j], ek = s.entry[k];
                for (int q = 0; q < nr; q++) {
                    int o = q * na;
                    for (int a = 0; a < na; a++) {
                        int col = b.table[o + a];
                        if (col < 0) continue;
                        acc[o + a] += rad[q] * pw[a];
                        double s1 = pd[a] * rad[q], s2 = pw[a] * dij[q], s3 = pw[a] * dik[q], s4 = pw[a] * djk[q];
                        int dj = (ej * nf + col) * 3, dk = (ek * nf + col) * 3;
                        d[dj] += s1 * cajx + s2 * s.ux[j] - s4 * cx;
                        d[dj + 1] += s1 * cajy + s2 * s.uy[j] - s4 * cy;
                        d[dj + 2] += s1 * cajz + s2 * s.uz[j] - s4 * cz;
                        d[dk] += s1 * cakx + s3 * s.ux[k] + s4 * cx;
                        d[dk + 1] += s1 * caky + s3 * s.uy[k] + s4 * cy;
                        d[dk + 2] += s1 * cakz + s3 * s.uz[k] + s4 * cz;
                    }
                }
            }
        }
        for (int t = 0; t < nr * na; t++)
            if (b.table[t] >= 0) values[row + b.table[t]] = acc[t];
    }
}
