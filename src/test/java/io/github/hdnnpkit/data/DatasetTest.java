package io.github.hdnnpkit.data;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DatasetTest {
    @TempDir
    Path dir;

    static final List<Label> LABELS = List.of(
            new Label("300K", 300, Phase.SOLID, 0, "crystal", "solid"),
            new Label("1000K", 1000, Phase.LIQUID, 0, "melt-cool", "liquid"),
            new Label("700KS", 700, Phase.SUPERCOOLED, 0, "melt-quench", "glass"));

    /** Two-atom configurations with hand-chosen energies: per label E/atom = base + {0, 0.01, 0.02, 0.03}. */
    static Dataset small() {
        List<Configuration> cs = new ArrayList<>();
        double[] base = {-3.3, -3.2, -3.25};
        for (int l = 0; l < LABELS.size(); l++)
            for (int k = 0; k < 4; k++)
                cs.add(Configuration.builder().id(LABELS.get(l).name() + "-" + k).lattice(Lattice.cubic(4 + l))
                        .atoms(new String[]{"Al", "Al"}, new double[]{0, 0, 0, 1, 1, 1})
                        .forces(new double[6]).atomicEnergies(new double[]{base[l] + 0.01 * k, base[l] + 0.01 * k})
                        .energy(2 * (base[l] + 0.01 * k)).label("config_type", LABELS.get(l).name()).label("step", Integer.toString(100 * k)).build());
        return Dataset.of(LABELS, cs);
    }

    @Test
    void filters() {
        Dataset d = small();
        assertEquals(12, d.size());
        assertEquals(List.of("300K", "700KS"), d.withoutLabels("1000K").labelNames());
        assertEquals(8, d.withoutLabels("1000K").size());
        assertThrows(IllegalArgumentException.class, () -> d.withoutLabels("999K"));
        assertEquals(6, d.firstPerLabel(2).size());
        assertEquals("300K-1", d.firstPerLabel(2).get(1).id());
        assertEquals(List.of("300K-0", "300K-2"), d.everyNthPerLabel(2).onlyLabels("300K").configurations().stream().map(Configuration::id).toList());
        assertEquals(List.of("700KS", "300K"), d.onlyLabels("700KS", "300K").labelNames());
        assertEquals("700KS-0", d.onlyLabels("700KS", "300K").get(0).id());
        assertEquals(List.of("1000K", "700KS"), d.phases(Phase.LIQUID, Phase.SUPERCOOLED).labelNames());
    }

    @Test
    void energyStatisticsByHand() {
        EnergyStatistics s = small().energyStatistics().get(0);
        assertEquals("300K", s.label());
        assertEquals(4, s.count());
        assertEquals(-3.285, s.mean(), 1e-12);
        // sample standard deviation of {0, .01, .02, .03}: sqrt(5e-4 / 3)
        assertEquals(Math.sqrt(5e-4 / 3), s.std(), 1e-12);
        assertEquals(-3.285, s.median(), 1e-12);
        assertEquals(0, s.skewness(), 1e-9);
        // uniform four points: m4/m2^2 = 1.64
        assertEquals(1.64 - 3, s.excessKurtosis(), 1e-9);
    }

    @Test
    void splitIsByConfigurationAndThesisSeeded() {
        Dataset d = small();
        Split s = d.split();
        assertEquals(Split.thesis(12), s);
        Dataset train = d.training(s), val = d.validation(s), test = d.test(s);
        assertEquals(12, train.size() + val.size() + test.size());
        assertTrue(test.size() >= 1);
        List<String> ids = new ArrayList<>(train.configurations().stream().map(Configuration::id).toList());
        ids.addAll(val.configurations().stream().map(Configuration::id).toList());
        ids.addAll(test.configurations().stream().map(Configuration::id).toList());
        assertEquals(12, ids.stream().distinct().count());
        assertThrows(IllegalArgumentException.class, () -> d.withoutLabels("1000K").training(s));
    }

    @Test
    void tables() {
        Table t = small().table();
        assertEquals(12, t.rowCount());
        assertEquals(-3.3, t.doubleColumn("E/atom (eV)").get(0), 1e-12);
        assertEquals(125.0 / 2, t.doubleColumn("volume/atom (Å³)").get(4), 1e-9);
        Table s = small().summary();
        assertEquals(3, s.rowCount());
        assertEquals(4, s.intColumn("configurations").get(2));
        assertEquals(-3.235, s.doubleColumn("mean E/atom (eV)").get(2), 1e-9);
    }

    @Test
    void saveAndLoadWithChecksums() throws Exception {
        Dataset d = small();
        d.everyNthPerLabel(2).save(dir, "every 2nd");
        Dataset back = Dataset.load(dir);
        assertEquals(d.everyNthPerLabel(2).configurations(), back.configurations());
        assertEquals("subsample", back.manifest().orElseThrow().kind());
        assertEquals("every 2nd", back.manifest().orElseThrow().derivedFrom().selection());

        Path f = dir.resolve("1000K.extxyz.gz");
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.write(f, b);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Dataset.load(dir));
        assertTrue(e.getMessage().contains("1000K.extxyz.gz") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void theLabelTableHoldsTheThesisSeries() {
        List<String> thesis = Arrays.asList("1000K", "10K", "1100K", "1250K", "1350K", "1500K", "1500KH", "1600K", "1700K", "300K",
                "400KS", "500K", "500KS", "600K", "600KS", "650K", "700K", "700KS", "750K", "800K", "800KS", "950K");
        List<Label> table = Label.thesis();
        assertEquals(thesis.stream().sorted().toList(), table.stream().map(Label::name).sorted().toList());
        for (Label l : table) {
            assertEquals(l.name().endsWith("KS"), l.phase() == Phase.SUPERCOOLED, l.name());
            assertEquals(l.name().endsWith("KH"), l.pressureBar() > 0, l.name());
            assertEquals(Double.parseDouble(l.name().replaceAll("K.*", "")), l.temperature(), l.name());
            // the potential melts at about 920 K: the crystal below, liquids above, quenched liquids below
            if (l.phase() == Phase.SOLID) assertTrue(l.temperature() < 920, l.name());
            if (l.phase() == Phase.LIQUID) assertTrue(l.temperature() > 920, l.name());
            if (l.phase() == Phase.SUPERCOOLED) assertTrue(l.temperature() < 920, l.name());
        }
    }
}
