package io.github.hdnnpkit.data;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.structure.Lattice;
import io.github.hdnnpkit.structure.SteinhardtTest;
import org.junit.jupiter.api.Test;

import io.github.hdnnpkit.io.LammpsDump;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The phase check can fail: it sees crystals in any orientation, and a grain of one in a quenched liquid, which the
 * (111) structure factor along the starting lattice cannot.
 */
class PhaseCheckTest {
    static final double A = 4.08;   // aluminium's lattice constant near 600 K

    /** FCC lattice points (a, rotated by m, centred on c) within radius r of c. */
    static List<double[]> grain(double a, double[][] m, double[] c, double r) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int n = (int) Math.ceil(r / a) + 1;
        List<double[]> out = new ArrayList<>();
        for (int i = -n; i <= n; i++)
            for (int j = -n; j <= n; j++)
                for (int k = -n; k <= n; k++)
                    for (double[] b : basis) {
                        double[] v = {(i + b[0]) * a, (j + b[1]) * a, (k + b[2]) * a};
                        if (Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) >= r) continue;
                        double[] w = SteinhardtTest.rotate(m, v);
                        out.add(new double[]{w[0] + c[0], w[1] + c[1], w[2] + c[2]});
                    }
        return out;
    }

    /** FCC with x along [210], y along [-120], z along [001]: periodic in an orthorhombic box, but not the start's lattice. */
    static Configuration fcc210(double a, int m, int nz) {
        double lx = m * Math.sqrt(5) * a, lz = nz * a;
        double[] ex = {2 / Math.sqrt(5), 1 / Math.sqrt(5), 0}, ey = {-1 / Math.sqrt(5), 2 / Math.sqrt(5), 0};
        List<double[]> pts = new ArrayList<>();
        int n = 3 * m + 2;
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double eps = 1e-9;
        for (int i = -n; i <= n; i++)
            for (int j = -n; j <= n; j++)
                for (int k = 0; k < nz; k++)
                    for (double[] b : basis) {
                        double[] v = {(i + b[0]) * a, (j + b[1]) * a, (k + b[2]) * a};
                        double x = v[0] * ex[0] + v[1] * ex[1], y = v[0] * ey[0] + v[1] * ey[1];
                        if (x >= -eps && x < lx - eps && y >= -eps && y < lx - eps) pts.add(new double[]{x, y, v[2]});
                    }
        double[] p = new double[3 * pts.size()];
        for (int i = 0; i < pts.size(); i++) System.arraycopy(pts.get(i), 0, p, 3 * i, 3);
        String[] s = new String[pts.size()];
        Arrays.fill(s, "Al");
        return Configuration.builder().id("fcc210").lattice(Lattice.orthorhombic(lx, lx, lz)).atoms(s, p).build();
    }

    /** A quenched-liquid snapshot with a rotated FCC grain of radius r at its centre (overlapping liquid atoms removed). */
    static Configuration withGrain(Configuration liquid, double r, long seed) {
        Lattice l = liquid.lattice().orElseThrow();
        double box = l.component(0, 0);
        double[] centre = {box / 2, box / 2, box / 2};
        List<double[]> atoms = grain(A, SteinhardtTest.randomRotation(seed), centre, r);
        int grainAtoms = atoms.size();
        for (int i = 0; i < liquid.size(); i++) {
            double[] q = liquid.position(i);
            boolean clash = false;
            for (int g = 0; g < grainAtoms && !clash; g++) {
                double d2 = 0;
                for (int k = 0; k < 3; k++) {
                    double d = q[k] - atoms.get(g)[k];
                    d -= box * Math.rint(d / box);
                    d2 += d * d;
                }
                clash = d2 < 2.5 * 2.5;
            }
            if (!clash) atoms.add(q);
        }
        double[] p = new double[3 * atoms.size()];
        for (int i = 0; i < atoms.size(); i++) System.arraycopy(atoms.get(i), 0, p, 3 * i, 3);
        String[] s = new String[atoms.size()];
        Arrays.fill(s, "Al");
        return Configuration.builder().id(liquid.id() + "-grain").lattice(l).atoms(s, p).build();
    }

    @Test
    void aCrystalInAnotherOrientationReadsCrystalline() {
        // periodic, commensurate with a cubic box, with thermal noise: the start's (111) reflections see nothing
        Configuration turned = Crystals.displaced(fcc210(A, 2, 4), 0.12, 5);
        assertEquals(320, turned.size());
        assertTrue(PhaseCheck.orderParameter(turned, 4) < 0.2, "the lattice-bound measure is blind to it: " + PhaseCheck.orderParameter(turned, 4));
        PhaseCheck.Order o = PhaseCheck.order(turned);
        assertTrue(o.solidFraction() > 0.95, "solid-like fraction " + o.solidFraction());
        assertTrue(o.q6() > 0.48, "q6 " + o.q6());
        assertEquals(PhaseCheck.Structure.CRYSTAL, PhaseCheck.structure(List.of(o)));

        // randomly rotated as a whole (a triclinic cell in the lab frame), hot
        Configuration random = SteinhardtTest.rotated(Crystals.displaced(Crystals.fcc("Al", A, 4, 4, 4), 0.15, 6), SteinhardtTest.randomRotation(17));
        PhaseCheck.Order r = PhaseCheck.order(random);
        assertEquals(PhaseCheck.Structure.CRYSTAL, PhaseCheck.structure(List.of(r)), "rotated hot crystal: " + r);
        assertNull(PhaseCheck.phaseProblem(Phase.SOLID, List.of(r)));
        assertNotNull(PhaseCheck.phaseProblem(Phase.LIQUID, List.of(r)));
    }

    @Test
    void theFixturesLiquidAndGlassReadDisordered() {
        Dataset d = Dataset.fixture();
        for (String label : List.of("1100K", "950K", "400KS")) {
            List<PhaseCheck.Order> orders = d.byLabel().get(label).stream().map(PhaseCheck::order).toList();
            assertEquals(PhaseCheck.Structure.DISORDERED, PhaseCheck.structure(orders), label + " " + orders);
            for (PhaseCheck.Order o : orders) assertTrue(o.q6() < 0.45 && o.solidFraction() < 0.05, label + " " + o);
        }
    }

    @Test
    void aCrystallineGrainInTheQuenchIsFlagged() {
        Configuration glass = Dataset.fixture().byLabel().get("600KS").get(0);
        Configuration seeded = withGrain(glass, 7.0, 23);
        assertTrue(PhaseCheck.orderParameter(seeded, 4) < 0.2, "the lattice-bound measure is blind to it: " + PhaseCheck.orderParameter(seeded, 4));
        PhaseCheck.Order o = PhaseCheck.order(seeded);
        assertTrue(o.solidFraction() > 0.25 && o.solidFraction() < 0.6, "a grain of about a third of the atoms: " + o);
        List<PhaseCheck.Order> series = List.of(PhaseCheck.order(glass), o, o, o);
        assertNotEquals(PhaseCheck.Structure.DISORDERED, PhaseCheck.structure(series), "grain " + o);
        String why = PhaseCheck.phaseProblem(Phase.SUPERCOOLED, series);
        assertNotNull(why);
        assertTrue(why.contains("crystallised"), why);
        assertNull(PhaseCheck.phaseProblem(Phase.SUPERCOOLED, List.of(PhaseCheck.order(glass))));
    }

    /**
     * A deliberately crystallised quench: the 600 K glass of the fixture with a rotated FCC seed (radius 7 Å), relaxed
     * and run for 20 ps in LAMMPS at 600 K (0.65 Tm). The seed grows through the cell in its own orientation (a few
     * seconds of LAMMPS); the check flags the series, the (111) order parameter of the start stays blind.
     */
    @Test
    void aQuenchCrystallisedInLammpsIsFlagged(@TempDir Path dir) throws Exception {
        assumeTrue(LammpsGenerator.lammpsAvailable(), "LAMMPS is not installed (lmp and Al_mm.eam.fs): "
                + "run environment/kit or apt-get install lammps lammps-data; skipping the seeded-quench check");
        Configuration glass = Dataset.fixture().byLabel().get("600KS").get(0);
        Configuration seeded = withGrain(glass, 7.0, 29);
        double box = seeded.lattice().orElseThrow().component(0, 0);
        StringBuilder data = new StringBuilder("seeded glass\n\n").append(seeded.size()).append(" atoms\n1 atom types\n\n")
                .append(String.format(java.util.Locale.ROOT, "0 %.10f xlo xhi%n0 %.10f ylo yhi%n0 %.10f zlo zhi%n%nMasses%n%n1 26.9815%n%nAtoms # atomic%n%n",
                        box, box, box));
        for (int i = 0; i < seeded.size(); i++) {
            double[] q = seeded.position(i);
            data.append(String.format(java.util.Locale.ROOT, "%d 1 %.10f %.10f %.10f%n", i + 1, q[0] - box * Math.floor(q[0] / box),
                    q[1] - box * Math.floor(q[1] / box), q[2] - box * Math.floor(q[2] / box)));
        }
        Files.writeString(dir.resolve("seeded.data"), data.toString());
        String in = String.join("\n",
                "units metal", "atom_style atomic", "boundary p p p", "read_data seeded.data",
                "pair_style eam/fs", "pair_coeff * * " + LammpsGenerator.findPotential().toAbsolutePath() + " Al",
                "minimize 1e-6 1e-8 200 2000", "reset_timestep 0",   // relax the seed's interface first
                "velocity all create 600 4711 mom yes rot yes dist gaussian",
                "fix md all nvt temp 600 600 0.1", "timestep 0.002", "thermo 500",
                "dump d all custom 500 snapshots.dump id type x y z", "dump_modify d sort id",
                "run 10000", "");
        Files.writeString(dir.resolve("in.seeded"), in);
        Process lmp = new ProcessBuilder(LammpsGenerator.findLmp().toString(), "-in", "in.seeded", "-log", "log.lammps")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(lmp.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "LAMMPS did not finish");
        assertEquals(0, lmp.exitValue(), Files.readString(dir.resolve("out.txt")));

        List<Configuration> series = LammpsDump.read(dir.resolve("snapshots.dump"), LammpsDump.Options.withSpecies(java.util.Map.of(1, "Al")));
        assertEquals(21, series.size());
        List<PhaseCheck.Order> orders = series.stream().map(PhaseCheck::order).toList();
        double start = orders.get(0).solidFraction(), end = orders.get(orders.size() - 1).solidFraction();
        String fractions = orders.stream().map(o -> String.format(java.util.Locale.ROOT, "%.2f", o.solidFraction())).toList().toString();
        assertTrue(end > 0.9 && end > start, "the seed grew through the cell: " + fractions);   // measured: 0.59 → 0.99
        for (Configuration c : series)
            assertTrue(PhaseCheck.orderParameter(c, 4) < 0.2, "the lattice-bound measure stays blind: " + PhaseCheck.orderParameter(c, 4));
        String why = PhaseCheck.phaseProblem(Phase.SUPERCOOLED, orders);
        assertNotNull(why, "solid-like fractions " + fractions);
        assertTrue(why.contains("crystallised"), why);
    }
}
