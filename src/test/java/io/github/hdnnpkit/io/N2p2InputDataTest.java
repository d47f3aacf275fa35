package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class N2p2InputDataTest {
    @TempDir
    Path dir;

    static final String GOOD = """
            begin
            comment id=frame7 config_type=950K phase=liquid
            lattice 4.0 0.0 0.0
            lattice 0.0 4.0 0.0
            lattice 0.0 0.0 4.0
            atom 0.0 0.0 0.0 Al 0.0 0.0 0.1 -0.2 0.3
            atom 2.0 2.0 0.0 Al 0.0 0.0 -0.1 0.2 -0.3
            energy -7.25
            charge 0.0
            end

            begin
            comment a cluster
            atom 0.0 0.0 0.0 Al 0.0 -3.1 0.0 0.0 0.0
            atom 1.0E-1 2.5 0.0 Cu 0.0 -3.2 0.0 0.0 0.0
            energy -1.0
            charge 0.0
            end
            """;

    Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsConfigurationsWithLabelsForcesEnergies() throws IOException {
        List<Configuration> cs = N2p2InputData.read(file("input.data", GOOD));
        assertEquals(2, cs.size());
        Configuration a = cs.get(0), b = cs.get(1);
        assertEquals("frame7", a.id());
        assertEquals("950K", a.labels().get("config_type"));
        assertEquals("liquid", a.labels().get("phase"));
        assertEquals(-7.25, a.energy());
        assertArrayEquals(new double[]{0.1, -0.2, 0.3, -0.1, 0.2, -0.3}, a.forces());
        assertEquals(64.0, a.lattice().orElseThrow().volume(), 1e-12);
        assertFalse(a.hasAtomicEnergies());
        assertEquals("input.data#1", b.id());
        assertTrue(b.lattice().isEmpty());
        assertFalse(b.periodic(0));
        assertEquals("Cu", b.species(1));
        assertEquals(0.1, b.x(1));
        assertArrayEquals(new double[]{-3.1, -3.2}, b.atomicEnergies());
    }

    @Test
    void writeThenReadIsExact() throws IOException {
        Configuration c = Crystals.displaced(Crystals.fcc("Al", 4.045, 2, 2, 2), 0.1, 3).toBuilder().energy(-123.456789012345)
                .forces(randomForces(32)).label("temperature", "950").build();
        Path p = dir.resolve("out/train.data");
        N2p2InputData.write(p, List.of(c, c.toBuilder().id("second").build()));
        List<Configuration> back = N2p2InputData.read(p);
        assertEquals(2, back.size());
        assertArrayEquals(c.positions(), back.get(0).positions());
        assertArrayEquals(c.forces(), back.get(0).forces());
        assertEquals(c.energy(), back.get(0).energy());
        assertEquals(c.lattice(), back.get(0).lattice());
        assertEquals(c.id(), back.get(0).id());
        assertEquals("950", back.get(0).labels().get("temperature"));
        assertEquals("second", back.get(1).id());
        try (Stream<Path> files = Files.list(p.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    static double[] randomForces(int n) {
        java.util.Random r = new java.util.Random(1);
        double[] f = new double[3 * n];
        for (int k = 0; k < f.length; k++) f[k] = r.nextGaussian();
        return f;
    }

    @Test
    void streamsOneConfigurationAtATime() throws IOException {
        Path p = file("input.data", GOOD);
        List<String> ids = new ArrayList<>();
        N2p2InputData.forEach(p, c -> ids.add(c.id()));
        assertEquals(List.of("frame7", "input.data#1"), ids);
        try (Stream<Configuration> s = N2p2InputData.stream(p)) {
            assertEquals(2, s.count());
        }
    }

    void assertError(String content, int line, String fragment) throws IOException {
        Path p = file("bad.data", content);
        InputFormatException e = assertThrows(InputFormatException.class, () -> N2p2InputData.read(p));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("bad.data:" + line), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void missingLatticeLine() throws IOException {
        assertError("begin\nlattice 4 0 0\nlattice 0 4 0\natom 0 0 0 Al 0 0 0 0 0\nenergy 1\nend\n", 6, "2 lattice lines");
    }

    @Test
    void nanCoordinate() throws IOException {
        assertError("begin\natom 0 nan 0 Al 0 0 0 0 0\nend\n", 2, "y is not finite");
        assertError("begin\natom 0 NaN 0 Al 0 0 0 0 0\nend\n", 2, "y is not finite");
    }

    @Test
    void unknownSpecies() throws IOException {
        assertError("begin\natom 0 0 0 Al 0 0 0 0 0\natom 1 0 0 Xx 0 0 0 0 0\nend\n", 3, "unknown species 'Xx'");
    }

    @Test
    void wrongFieldCount() throws IOException {
        assertError("begin\natom 0 0 0 Al 0 0 0 0\nend\n", 2, "9 fields, expected 10");
        assertError("begin\nlattice 1 0\n", 2, "expected 4");
    }

    @Test
    void missingEndAndUnknownKeyword() throws IOException {
        assertError("begin\natom 0 0 0 Al 0 0 0 0 0\n", 2, "missing 'end'");
        assertError("begin\natoms 0 0 0 Al 0 0 0 0 0\nend\n", 2, "unknown keyword 'atoms'");
        assertError("atom 0 0 0 Al 0 0 0 0 0\n", 1, "expected 'begin'");
    }

    @Test
    void structureFilesDispatchesByName() throws IOException {
        assertEquals(2, StructureFiles.read(file("input.data", GOOD)).size());
        assertEquals(2, StructureFiles.read(file("train.data", GOOD)).size());
        InputFormatException e = assertThrows(InputFormatException.class, () -> StructureFiles.read(file("x.cfg", GOOD)));
        assertTrue(e.getMessage().contains("supported"), e.getMessage());
        // extended XYZ goes to ExtendedXyz: the same configurations survive a trip through it
        List<Configuration> cs = N2p2InputData.read(file("input.data", GOOD)).subList(0, 1);
        Path xyz = dir.resolve("frames.xyz");
        ExtendedXyz.write(xyz, cs);
        assertArrayEquals(cs.get(0).positions(), StructureFiles.read(xyz).get(0).positions());
        // gzip
        Path gz = dir.resolve("input.data.gz");
        N2p2InputData.write(gz, cs);
        assertArrayEquals(cs.get(0).positions(), StructureFiles.read(gz).get(0).positions());
    }

    /** The format cannot mark an energy or forces unknown (n2p2 reads 0), so the writer refuses instead of inventing them. */
    @Test
    void unlabelledConfigurationsAreNotWritten() throws IOException {
        Configuration labelled = Crystals.fcc("Al", 4.045, 1, 1, 1).toBuilder().energy(-13.4).forces(randomForces(4)).build();
        Configuration noEnergy = labelled.toBuilder().id("no-energy").energy(Double.NaN).build();
        Configuration noForces = Configuration.builder().id("no-forces").lattice(labelled.lattice().orElseThrow())
                .atoms(labelled.species(), labelled.positions()).energy(-13.4).build();
        Path p = dir.resolve("refused.data");
        for (Configuration bad : List.of(noEnergy, noForces)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> N2p2InputData.write(p, List.of(labelled, bad)));
            assertTrue(e.getMessage().contains("configuration " + bad.id()), e.getMessage());
            assertTrue(e.getMessage().contains("extended XYZ"), e.getMessage());
            assertFalse(Files.exists(p), "nothing written");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> TextFiles.isLeftover(f.getFileName().toString())));
        }
    }
}
