package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LammpsDumpTest {
    @TempDir
    Path dir;

    /** Atoms in processor order, one outside the box, a box not starting at 0: as LAMMPS writes them mid-run. */
    @Test
    void readsSortsShiftsAndWraps() throws Exception {
        Path f = dir.resolve("a.dump");
        Files.writeString(f, """
                ITEM: TIMESTEP
                150
                ITEM: NUMBER OF ATOMS
                3
                ITEM: BOX BOUNDS pp pp pp
                -1.0 9.0
                0.0 10.0
                2.0 12.0
                ITEM: ATOMS id type x y z fx fy fz c_pe
                3 1 8.5 1.0 3.0 0.3 0.0 0.0 -3.3
                1 2 -1.5 2.0 4.0 0.1 0.2 0.3 -3.1
                2 1 0.0 10.25 11.0 -0.4 -0.2 -0.3 -3.2
                """);
        Configuration c = LammpsDump.read(f, LammpsDump.Options.withSpecies(Map.of(1, "Al", 2, "Cu"))).get(0);
        assertArrayEquals(new String[]{"Cu", "Al", "Al"}, c.species());
        // id 1: x = -1.5 - (-1) = -0.5 -> wrapped to 9.5; z = 4 - 2 = 2
        assertEquals(9.5, c.x(0), 1e-12);
        assertEquals(2.0, c.y(0));
        assertEquals(2.0, c.z(0));
        // id 2: y = 10.25 wraps to 0.25; id 3 unchanged (shift only)
        assertEquals(0.25, c.y(1), 1e-12);
        assertEquals(9.5, c.x(2));
        assertArrayEquals(new double[]{0.1, 0.2, 0.3, -0.4, -0.2, -0.3, 0.3, 0, 0}, c.forces());
        assertEquals(-9.6, c.energy(), 1e-12);
        assertEquals("150", c.labels().get("step"));
        assertEquals(Lattice.cubic(10), c.lattice().orElseThrow());
    }

    /** Unwrapped (xu, e.g. for MSDs) and scaled (xs) positions give the same configuration as wrapped x y z. */
    @Test
    void unwrappedAndScaledPositionsAreRead() throws Exception {
        String head = """
                ITEM: TIMESTEP
                0
                ITEM: NUMBER OF ATOMS
                2
                ITEM: BOX BOUNDS pp pp pp
                -1.0 9.0
                0.0 10.0
                2.0 12.0
                """;
        Path wrapped = dir.resolve("x.dump"), unwrapped = dir.resolve("xu.dump"), scaled = dir.resolve("xs.dump");
        Files.writeString(wrapped, head + "ITEM: ATOMS id type x y z\n1 1 8.5 1.0 3.0\n2 1 0.0 2.5 11.0\n");
        Files.writeString(unwrapped, head + "ITEM: ATOMS id type xu yu zu\n1 1 18.5 -9.0 3.0\n2 1 0.0 2.5 21.0\n");
        Files.writeString(scaled, head + "ITEM: ATOMS id type xs ys zs\n1 1 0.95 0.1 0.1\n2 1 0.1 0.25 0.9\n");
        LammpsDump.Options o = LammpsDump.Options.withSpecies(Map.of(1, "Al"));
        Configuration a = LammpsDump.read(wrapped, o).get(0), b = LammpsDump.read(unwrapped, o).get(0), c = LammpsDump.read(scaled, o).get(0);
        double[] x = a.positions(), y = b.positions(), z = c.positions();
        assertArrayEquals(new double[]{9.5, 1.0, 1.0, 1.0, 2.5, 9.0}, x, 1e-12);
        assertArrayEquals(x, y, 1e-12);
        assertArrayEquals(x, z, 1e-12);
    }

    @Test
    void triclinicRoundTrip() {
        Lattice l = Lattice.of(new double[]{10, 0, 0}, new double[]{-1.5, 9, 0}, new double[]{2, 0.5, 8});
        Configuration c = Configuration.builder().id("t").lattice(l).atoms(new String[]{"Al", "Al"}, new double[]{1, 2, 3, 4.25, 5.5, 6.125})
                .forces(new double[]{0.1, 0.2, 0.3, -0.1, -0.2, -0.3}).atomicEnergies(new double[]{-3.25, -3.5}).build();
        Path f = dir.resolve("t.dump");
        LammpsDump.write(f, List.of(c), Map.of("Al", 1));
        Configuration back = LammpsDump.read(f, LammpsDump.Options.withSpecies(Map.of(1, "Al"))).get(0);
        assertEquals(l, back.lattice().orElseThrow());
        assertArrayEquals(c.positions(), back.positions(), 1e-12);
        assertArrayEquals(c.forces(), back.forces());
        assertArrayEquals(c.atomicEnergies(), back.atomicEnergies());
        assertEquals(-6.75, back.energy());
    }

    @Test
    void badInputNamesFileAndLine() throws Exception {
        Path f = dir.resolve("bad.dump");
        Files.writeString(f, """
                ITEM: TIMESTEP
                0
                ITEM: NUMBER OF ATOMS
                2
                ITEM: BOX BOUNDS pp pp pp
                0 10
                0 10
                0 10
                ITEM: ATOMS id type x y z
                1 1 0 0 0
                2 1 0 zero 0
                """);
        LammpsDump.Options al = LammpsDump.Options.withSpecies(Map.of(1, "Al"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> LammpsDump.read(f, al));
        assertEquals(11, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("bad.dump:11"), e.getMessage());

        Path g = dir.resolve("short.dump");
        Files.writeString(g, Files.readString(f).replace("2 1 0 zero 0\n", ""));
        InputFormatException e2 = assertThrows(InputFormatException.class, () -> LammpsDump.read(g, al));
        assertEquals(11, e2.line(), e2.getMessage());
        assertTrue(e2.getMessage().contains("truncated"), e2.getMessage());

        Path h = dir.resolve("noitem.dump");
        Files.writeString(h, Files.readString(f).replace("ITEM: NUMBER OF ATOMS", "ITEM: NATOMS"));
        assertEquals(3, assertThrows(InputFormatException.class, () -> LammpsDump.read(h, al)).line());
    }

    private static final String TWO_TYPES = """
            ITEM: TIMESTEP
            7
            ITEM: NUMBER OF ATOMS
            2
            ITEM: BOX BOUNDS pp pp pp
            0 10
            0 10
            0 10
            ITEM: ATOMS id type x y z
            1 1 1 1 1
            2 2 3 3 3
            """;

    @Test
    void typesAreNamedByAMapOrTheElementOfASingleTypeDump() throws Exception {
        Path two = dir.resolve("two.dump");
        Files.writeString(two, TWO_TYPES);
        assertArrayEquals(new String[]{"Al", "Cu"}, LammpsDump.read(two, LammpsDump.Options.withSpecies(LammpsDump.Options.parseTypes("1=Al, 2=Cu"))).get(0).species());
        InputFormatException missing = assertThrows(InputFormatException.class, () -> LammpsDump.read(two, LammpsDump.Options.withSpecies(Map.of(1, "Al"))));
        assertEquals(11, missing.line());
        assertTrue(missing.getMessage().contains("atom type 2 is not in the type map {1=Al}"), missing.getMessage());
        InputFormatException single = assertThrows(InputFormatException.class, () -> LammpsDump.read(two, LammpsDump.Options.forElement("Al")));
        assertEquals(11, single.line());
        assertTrue(single.getMessage().contains("single-type"), single.getMessage());

        Path one = dir.resolve("one.dump");
        Files.writeString(one, TWO_TYPES.replace("2 2 3 3 3", "2 1 3 3 3"));
        assertArrayEquals(new String[]{"Ni", "Ni"}, LammpsDump.read(one, LammpsDump.Options.forElement("Ni")).get(0).species());
        InputFormatException none = assertThrows(InputFormatException.class, () -> LammpsDump.read(one));
        assertEquals(9, none.line());
    }

    @Test
    void elementColumnNamesAtomsAndIsChecked() throws Exception {
        Path f = dir.resolve("el.dump");
        Files.writeString(f, TWO_TYPES.replace("id type x y z", "id type element x y z").replace("1 1 1 1 1", "1 1 Al 1 1 1")
                .replace("2 2 3 3 3", "2 2 Cu 3 3 3"));
        assertArrayEquals(new String[]{"Al", "Cu"}, LammpsDump.read(f).get(0).species());
        InputFormatException clash = assertThrows(InputFormatException.class, () -> LammpsDump.read(f, LammpsDump.Options.withSpecies(Map.of(1, "Al", 2, "Ni"))));
        assertEquals(11, clash.line());
        assertTrue(clash.getMessage().contains("Cu in the element column but Ni in the type map"), clash.getMessage());
        Files.writeString(f, Files.readString(f).replace("Cu", "Qq"));
        assertEquals(11, assertThrows(InputFormatException.class, () -> LammpsDump.read(f)).line());
    }

    @Test
    void typeMapsAreValidated() {
        assertEquals(Map.of(1, "Al", 2, "Cu"), LammpsDump.Options.parseTypes("1=Al,2=Cu"));
        for (String bad : List.of("1=Al,2", "Al=1", "1=Al,1=Cu", "1=Xx", "", "1=Al,,2=Cu", "-1=Al"))
            assertThrows(IllegalArgumentException.class, () -> LammpsDump.Options.parseTypes(bad), bad);
        assertThrows(IllegalArgumentException.class, () -> LammpsDump.Options.withSpecies(Map.of(0, "Al")));
        assertThrows(IllegalArgumentException.class, () -> LammpsDump.Options.forElement("Aluminium"));
        assertThrows(IllegalArgumentException.class, () -> new LammpsDump.Options(Map.of(1, "Al"), "Al", "c_pe", true));
    }
}
