package io.github.hdnnpkit.data;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;

/**
 * Physical checks that a series is in the phase its label claims, independent of the energies:
 * <ul>
 * <li>the translational order parameter {@code ρ = |Σ_j exp(i k·r_j)| / N} averaged over the four FCC (111)
 * reflections of the starting 4×4×4 lattice (k = 2π/a (±1, ±1, 1), a = L/4): about 0.9 for the vibrating crystal
 * (a Debye–Waller factor), about N^-1/2 ≈ 0.06 for a liquid or glass;</li>
 * <li>the self-diffusion coefficient from the mean-square displacement between consecutive snapshots of one series
 * (atoms unwrapped by the minimum image, which needs snapshots close in time): about 0 in a solid or glass,
 * of order 0.3–1 Å²/ps in liquid aluminium.</li>
 * </ul>
 */
public final class PhaseCheck {
    /** Above this order parameter a snapshot is called crystalline. */
    public static final double CRYSTAL_THRESHOLD = 0.5;
    /** Consecutive snapshots further apart than this (in MD steps) are not unwrapped: no diffusion estimate. */
    public static final int MAX_UNWRAP_STEPS = 1000;

    private PhaseCheck() {
    }

    /** The (111) translational order parameter of one snapshot of a 4×4×4 FCC-sized cubic cell. */
    public static double orderParameter(Configuration c, int cellsPerEdge) {
        Lattice l = c.lattice().orElseThrow(() -> new IllegalArgumentException(c.id() + " has no cell"));
        if (!l.isOrthorhombic()) throw new IllegalArgumentException(c.id() + ": the order parameter needs the cubic cell of the start");
        double[] kk = new double[3];
        for (int d = 0; d < 3; d++) kk[d] = 2 * Math.PI * cellsPerEdge / l.component(d, d);
        int[][] dirs = {{1, 1, 1}, {1, 1, -1}, {1, -1, 1}, {-1, 1, 1}};
        double sum = 0;
        for (int[] s : dirs) {
            double re = 0, im = 0;
            for (int i = 0; i < c.size(); i++) {
                double phase = s[0] * kk[0] * c.x(i) + s[1] * kk[1] * c.y(i) + s[2] * kk[2] * c.z(i);
                re += Math.cos(phase);
                im += Math.sin(phase);
            }
            sum += Math.hypot(re, im) / c.size();
        }
        return sum / dirs.length;
    }

    /**
     * Self-diffusion coefficient in Å²/ps from a time-ordered series: the mean-square displacement after the whole
     * trajectory divided by 6t (Einstein relation), or NaN when snapshots are too far apart to unwrap.
     *
     * @param timestep MD time step in ps
     */
    public static double diffusion(List<Configuration> series, double timestep) {
        if (series.size() < 3) return Double.NaN;
        int n = series.get(0).size();
        double[] unwrapped = series.get(0).positions();
        double[] start = unwrapped.clone();
        long step0 = step(series.get(0));
        long last = step0;
        for (int s = 1; s < series.size(); s++) {
            Configuration c = series.get(s);
            long step = step(c);
            if (step - last <= 0 || step - last > MAX_UNWRAP_STEPS || c.size() != n) return Double.NaN;
            last = step;
            Lattice l = c.lattice().orElseThrow();
            double[] p = c.positions();
            for (int i = 0; i < n; i++) {
                double[] d = new double[3];
                for (int k = 0; k < 3; k++) d[k] = p[3 * i + k] - series.get(s - 1).positions()[3 * i + k];
                double[] f = l.toFractional(d);
                for (int k = 0; k < 3; k++) f[k] -= Math.rint(f[k]);
                double[] dd = l.toCartesian(f);
                for (int k = 0; k < 3; k++) unwrapped[3 * i + k] += dd[k];
            }
        }
        double msd = 0;
        for (int i = 0; i < 3 * n; i++) msd += (unwrapped[i] - start[i]) * (unwrapped[i] - start[i]);
        msd /= n;
        double t = (last - step0) * timestep;
        return msd / (6 * t);
    }

    private static long step(Configuration c) {
        String s = c.labels().get("step");
        if (s == null) throw new IllegalArgumentException(c.id() + " has no step label: not a time-ordered series");
        return Long.parseLong(s);
    }

    /**
     * One row per series: declared phase, mean order parameter, diffusion coefficient (when the snapshots are close
     * enough in time), the phase the structure shows, and whether it agrees with the label.
     */
    public static Table table(Dataset d) {
        double dt = d.manifest().map(m -> m.protocol() == null ? Double.NaN : m.protocol().timestep()).orElse(Double.NaN);
        StringColumn label = StringColumn.create("label"), declared = StringColumn.create("phase"), seen = StringColumn.create("structure");
        StringColumn ok = StringColumn.create("consistent");
        DoubleColumn order = DoubleColumn.create("order parameter ρ(111)"), diff = DoubleColumn.create("D (Å²/ps)");
        DoubleColumn epa = DoubleColumn.create("mean E/atom (eV)");
        Map<String, List<Configuration>> by = d.byLabel();
        for (Label l : d.labels()) {
            List<Configuration> cs = by.get(l.name());
            if (cs.isEmpty()) continue;
            double rho = cs.stream().mapToDouble(c -> orderParameter(c, 4)).average().orElseThrow();
            double dc = Double.isNaN(dt) ? Double.NaN : diffusion(cs, dt);
            boolean crystal = rho > CRYSTAL_THRESHOLD;
            label.append(l.name());
            declared.append(l.phase().toString());
            order.append(Math.round(rho * 1000) / 1000.0);
            if (Double.isNaN(dc)) diff.appendMissing();
            else diff.append(Math.round(dc * 1000) / 1000.0);
            epa.append(Math.round(EnergyStatistics.of(l, cs).mean() * 1e5) / 1e5);
            seen.append(crystal ? "crystal" : "disordered");
            ok.append(crystal == !l.phase().disordered() ? "yes" : "NO");
        }
        return Table.create("phase check", label, declared, epa, order, diff, seen, ok);
    }
}
