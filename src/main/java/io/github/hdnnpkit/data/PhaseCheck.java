package io.github.hdnnpkit.data;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import io.github.hdnnpkit.structure.Steinhardt;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;

/**
 * Physical checks that a series is in the phase its label claims, independent of the energies:
 * <ul>
 * <li>the local bond-orientational order ({@link Steinhardt}, l = 6) with neighbours inside the midpoint between
 * the first and second FCC shells at the configuration's density: per-atom q6 (0.5745 in the perfect FCC crystal,
 * ≈ 0.51 at 800 K; ≈ 0.36–0.39 in the liquid, 0.40–0.44 in the quenched glass) and the fraction of solid-like atoms
 * by ten Wolde et al.'s criterion (≈ 1 in the crystal, ≈ 0 in a liquid or glass). Both are invariant under
 * rotations, so a crystal grown from the melt in any orientation, or a grain of one, is seen;</li>
 * <li>the self-diffusion coefficient from the mean-square displacement between consecutive snapshots of one series
 * (atoms unwrapped by the minimum image, which needs snapshots close in time): about 0 in a solid or glass,
 * of order 0.3–1 Å²/ps in liquid aluminium.</li>
 * </ul>
 * The FCC (111) structure factor along the starting lattice ({@link #orderParameter}) is kept as a diagnostic only:
 * it sees nothing but a crystal in the orientation of the start.
 */
public final class PhaseCheck {
    /** A series whose mean fraction of solid-like atoms is at least this is crystalline. */
    public static final double CRYSTAL_FRACTION = 0.5;
    /**
     * A series is disordered when its mean fraction of solid-like atoms stays at or below this and no snapshot is
     * crystalline; in between it is partly crystalline, which agrees with no label. The fixture's glasses reach 0.05
     * on average (one 500KS snapshot 0.23, a passing crystalline cluster), its liquids 0.
     */
    public static final double DISORDER_FRACTION = 0.1;
    /** Consecutive snapshots further apart than this (in MD steps) are not unwrapped: no diffusion estimate. */
    public static final int MAX_UNWRAP_STEPS = 1000;

    private PhaseCheck() {
    }

    /** The structure a series shows. */
    public enum Structure {
        CRYSTAL, PARTLY_CRYSTALLINE, DISORDERED;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** Bond order of one snapshot: mean per-atom q6 and the fraction of solid-like atoms. */
    public record Order(double q6, double solidFraction) {
    }

    /**
     * The neighbour cutoff of the bond order: midway between the first (a/√2) and second (a) shell of an FCC crystal
     * of the configuration's number density, a = (4/ρ)^{1/3}: 3.45 Å for the crystal at a0 = 4.045 Å, about 3.55 Å in
     * the liquid, inside the first minimum of its g(r).
     */
    public static double neighbourCutoff(Configuration c) {
        Lattice l = c.lattice().orElseThrow(() -> new IllegalArgumentException(c.id() + " has no cell: the bond order needs a density"));
        double a = Math.cbrt(4 * l.volume() / c.size());
        return 0.5 * (1 / Math.sqrt(2) + 1) * a;
    }

    /** The rotation-invariant bond order of one snapshot. */
    public static Order order(Configuration c) {
        Steinhardt s = Steinhardt.of(c, 6, neighbourCutoff(c));
        return new Order(s.meanPerAtom(), s.solidFraction());
    }

    /** What a series of snapshots shows, from their bond orders. */
    public static Structure structure(List<Order> series) {
        if (series.isEmpty()) throw new IllegalArgumentException("no snapshots");
        double mean = series.stream().mapToDouble(Order::solidFraction).average().orElseThrow();
        boolean anyCrystal = series.stream().anyMatch(o -> o.solidFraction() >= CRYSTAL_FRACTION);
        if (mean >= CRYSTAL_FRACTION) return Structure.CRYSTAL;
        if (mean <= DISORDER_FRACTION && !anyCrystal) return Structure.DISORDERED;
        return Structure.PARTLY_CRYSTALLINE;
    }

    /** Whether a structure is what a phase should show: a crystal for the solid, disorder for liquid and glass. */
    public static boolean agrees(Phase phase, Structure structure) {
        return structure == (phase.disordered() ? Structure.DISORDERED : Structure.CRYSTAL);
    }

    /**
     * Null when the snapshots show the phase of the label, else why not (e.g. a quenched liquid that crystallised):
     * the generator's check besides the stationarity of the energy.
     */
    public static String phaseProblem(Phase phase, List<Order> series) {
        Structure s = structure(series);
        if (agrees(phase, s)) return null;
        double mean = series.stream().mapToDouble(Order::solidFraction).average().orElseThrow();
        double max = series.stream().mapToDouble(Order::solidFraction).max().orElseThrow();
        return String.format(java.util.Locale.ROOT, "the %s series is %s: %.0f%% solid-like atoms on average (at most %.0f%% in one snapshot)%s",
                phase, s, 100 * mean, 100 * max, phase.disordered() ? " — the liquid crystallised" : " — the crystal melted or disordered");
    }

    /**
     * The (111) translational order parameter of one snapshot of a 4×4×4 FCC-sized cubic cell, along the starting
     * lattice's directions: about 0.9 for the vibrating crystal in that orientation, N^-1/2 for anything else —
     * including a crystal in another orientation, so it is a diagnostic and not the phase check ({@link #order}).
     */
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
     * One row per series: declared phase, mean energy per atom, mean per-atom q6, solid-like atoms (mean over the
     * snapshots, and the largest), diffusion coefficient (when the snapshots are close enough in time), the structure
     * the snapshots show, and whether it agrees with the label.
     */
    public static Table table(Dataset d) {
        double dt = d.manifest().map(m -> m.protocol() == null ? Double.NaN : m.protocol().timestep()).orElse(Double.NaN);
        StringColumn label = StringColumn.create("label"), declared = StringColumn.create("phase"), seen = StringColumn.create("structure");
        StringColumn ok = StringColumn.create("consistent");
        DoubleColumn q6 = DoubleColumn.create("q6 per atom"), solid = DoubleColumn.create("solid-like atoms (%)");
        DoubleColumn solidMax = DoubleColumn.create("max solid-like (%)"), diff = DoubleColumn.create("D (Å²/ps)");
        DoubleColumn epa = DoubleColumn.create("mean E/atom (eV)");
        Map<String, List<Configuration>> by = d.byLabel();
        for (Label l : d.labels()) {
            List<Configuration> cs = by.get(l.name());
            if (cs.isEmpty()) continue;
            List<Order> orders = cs.stream().map(PhaseCheck::order).toList();
            Structure s = structure(orders);
            double dc = Double.isNaN(dt) ? Double.NaN : diffusion(cs, dt);
            label.append(l.name());
            declared.append(l.phase().toString());
            epa.append(Math.round(EnergyStatistics.of(l, cs).mean() * 1e5) / 1e5);
            q6.append(Math.round(orders.stream().mapToDouble(Order::q6).average().orElseThrow() * 1000) / 1000.0);
            solid.append(Math.round(orders.stream().mapToDouble(Order::solidFraction).average().orElseThrow() * 1000) / 10.0);
            solidMax.append(Math.round(orders.stream().mapToDouble(Order::solidFraction).max().orElseThrow() * 1000) / 10.0);
            if (Double.isNaN(dc)) diff.appendMissing();
            else diff.append(Math.round(dc * 1000) / 1000.0);
            seen.append(s.toString());
            ok.append(agrees(l.phase(), s) ? "yes" : "NO");
        }
        return Table.create("phase check", label, declared, epa, q6, solid, solidMax, diff, seen, ok);
    }
}
