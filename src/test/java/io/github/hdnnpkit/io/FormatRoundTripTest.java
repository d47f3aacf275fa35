package io.github.hdnnpkit.io;

import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Generated data through the field's formats and back: nothing is lost on the way. */
class FormatRoundTripTest {
    @TempDir
    Path dir;

    static List<Configuration> sample() {
        List<Configuration> out = new ArrayList<>();
        Dataset.fixture().byLabel().values().forEach(cs -> out.add(cs.get(0)));
        return out;
    }

    /** extended XYZ -> n2p2 input.data -> extended XYZ. */
    @Test
    void extxyzToN2p2AndBack() throws Exception {
        List<Configuration> original = sample();
        Path data = dir.resolve("input.data");
        N2p2InputData.write(data, original);
        List<Configuration> viaN2p2 = N2p2InputData.read(data);
        Path back = dir.resolve("back.extxyz.gz");
        ExtendedXyz.write(back, viaN2p2);
        List<Configuration> result = ExtendedXyz.read(back);
        assertEquals(original.size(), result.size());
        for (int i = 0; i < original.size(); i++) {
            Configuration a = original.get(i), b = result.get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.lattice(), b.lattice(), a.id());
            assertArrayEquals(a.species(), b.species());
            assertArrayEquals(a.positions(), b.positions(), a.id());
            assertArrayEquals(a.forces(), b.forces(), a.id());
            assertArrayEquals(a.atomicEnergies(), b.atomicEnergies(), a.id());
            assertEquals(a.energy(), b.energy(), a.id());
            // input.data keeps labels in its comment line; the comment itself comes back as one more label
            Map<String, String> labels = new LinkedHashMap<>(b.labels());
            labels.remove("comment");
            assertEquals(a.labels(), labels, a.id());
        }
    }

    /** extended XYZ -> LAMMPS dump -> extended XYZ keeps cell, positions, forces and energies. */
    @Test
    void extxyzToLammpsDumpAndBack() {
        List<Configuration> original = sample();
        Path dump = dir.resolve("a.dump");
        LammpsDump.write(dump, original, Map.of("Al", 1));
        List<Configuration> back = LammpsDump.read(dump, LammpsDump.Options.withSpecies(Map.of(1, "Al")));
        for (int i = 0; i < original.size(); i++) {
            Configuration a = original.get(i), b = back.get(i);
            assertEquals(a.lattice(), b.lattice());
            assertArrayEquals(a.positions(), b.positions());
            assertArrayEquals(a.forces(), b.forces());
            assertArrayEquals(a.atomicEnergies(), b.atomicEnergies());
            assertEquals(a.energy(), b.energy(), 1e-9);
        }
    }
}
