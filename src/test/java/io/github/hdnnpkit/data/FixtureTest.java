package io.github.hdnnpkit.data;

import io.github.hdnnpkit.io.LammpsDump;
import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The committed fixture: complete, small, physically labelled, and its forces are what LAMMPS computes. */
class FixtureTest {
    @TempDir
    Path dir;

    @Test
    void holdsEverySeriesAndIsSmall() throws Exception {
        Dataset d = Dataset.fixture();
        assertEquals(22, d.labels().size());
        d.byLabel().forEach((l, cs) -> assertTrue(cs.size() >= 3, l + " has " + cs.size()));
        long bytes;
        try (Stream<Path> s = Files.walk(io.github.hdnnpkit.notebook.Workspace.fixture())) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes < 2_000_000, "fixture is " + bytes + " bytes");
        assertEquals(21, Dataset.thesis(io.github.hdnnpkit.notebook.Profile.SMOKE).labels().size());
    }

    @Test
    void totalEnergyIsTheSumOfAtomicEnergies() {
        for (Configuration c : Dataset.fixture().configurations()) {
            assertEquals(256, c.size());
            assertEquals(c.energy(), Arrays.stream(c.atomicEnergies()).sum(), 1e-6, c.id());
        }
    }

    @Test
    void phasesAreWhatTheLabelsSay() {
        Dataset d = Dataset.fixture();
        Map<String, List<Configuration>> by = d.byLabel();
        for (Label l : d.labels()) {
            List<PhaseCheck.Order> orders = by.get(l.name()).stream().map(PhaseCheck::order).toList();
            assertNull(PhaseCheck.phaseProblem(l.phase(), orders), l.name());
        }
        // the liquid lies above the crystal by the latent heat
        double solid800 = d.onlyLabels("800K").energyStatistics().get(0).mean();
        double liquid950 = d.onlyLabels("950K").energyStatistics().get(0).mean();
        assertTrue(liquid950 - solid800 > 0.05, "liquid 950 K " + liquid950 + " vs solid 800 K " + solid800);
    }

    /**
     * Forces and energies recomputed by LAMMPS {@code rerun} on the written positions, with an input written here
     * (not the generator's template), agree with the stored ones.
     */
    @Test
    void lammpsRerunReproducesForces() throws Exception {
        assumeTrue(LammpsGenerator.lammpsAvailable(), "LAMMPS is not installed (lmp and Al_mm.eam.fs): "
                + "run environment/kit or apt-get install lammps lammps-data; skipping the rerun check");
        Dataset d = Dataset.fixture();
        List<Configuration> sample = new ArrayList<>();
        for (String l : List.of("10K", "1250K", "1500KH", "400KS")) {
            Configuration c = d.byLabel().get(l).get(1);
            Map<String, String> labels = new java.util.LinkedHashMap<>(c.labels());
            labels.put("step", Integer.toString(sample.size()));
            sample.add(c.toBuilder().labels(labels).build());
        }
        Path in = dir.resolve("in.dump");
        LammpsDump.write(in, sample, Map.of("Al", 1));
        Path script = dir.resolve("rerun.in");
        double l0 = sample.get(0).lattice().orElseThrow().component(0, 0);
        Files.writeString(script, String.join("\n",
                "units metal", "boundary p p p", "atom_style atomic",
                "region box block 0 " + l0 + " 0 " + l0 + " 0 " + l0 + " units box", "create_box 1 box", "mass 1 26.9815385",
                "pair_style eam/fs", "pair_coeff * * " + LammpsGenerator.findPotential() + " Al",
                "compute pe all pe/atom",
                "dump d all custom 1 out.dump id type x y z fx fy fz c_pe", "dump_modify d format float %.12g sort id",
                "rerun in.dump dump x y z box yes add keep", ""));
        Process p = new ProcessBuilder(LammpsGenerator.findLmp().toString(), "-nocite", "-screen", "none", "-log", "log.lammps", "-in", "rerun.in")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log.lammps")));
        List<Configuration> re = LammpsDump.read(dir.resolve("out.dump"), LammpsDump.Options.withSpecies(Map.of(1, "Al")));
        assertEquals(sample.size(), re.size());
        for (int k = 0; k < sample.size(); k++) {
            Configuration a = sample.get(k), b = re.get(k);
            assertArrayEquals(a.positions(), b.positions(), 1e-9, a.id());
            double[] fa = a.forces(), fb = b.forces();
            for (int i = 0; i < fa.length; i++) assertEquals(fa[i], fb[i], 1e-6, a.id() + " force component " + i);
            assertEquals(a.energy(), b.energy(), 1e-6, a.id());
        }
    }
}
