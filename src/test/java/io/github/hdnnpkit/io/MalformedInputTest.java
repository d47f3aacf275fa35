package io.github.hdnnpkit.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input that used to pass silently (issue 16, items 3 and 4): empty files, typed dumps without element names, and
 * the numbers Java's own parser accepts but no structure format means — NaN, Infinity, hexadecimal floats. Each must
 * be an {@link InputFormatException} naming the file and the line.
 */
class MalformedInputTest {
    @TempDir
    Path dir;

    private static final String XYZ_HEADER = "Lattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3:forces:R:3 pbc=\"T T T\"";

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static void assertError(Executable read, Path file, long line, String... fragments) {
        InputFormatException e = assertThrows(InputFormatException.class, read);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(file, e.file());
        String where = file.getFileName() + (line > 0 ? ":" + line + ":" : ":");
        assertTrue(e.getMessage().contains(where), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' missing in: " + e.getMessage());
    }

    @Test
    void emptyStructureFilesAreErrors() throws IOException {
        for (String content : List.of("", "\n  \n\n")) {
            Path data = file("input.data", content);
            assertError(() -> N2p2InputData.read(data), data, 0, "no configuration");
            assertError(() -> StructureFiles.read(data), data, 0, "no configuration");
            Path xyz = file("empty.xyz", content);
            assertError(() -> ExtendedXyz.read(xyz), xyz, 0, "no configuration");
            Path dump = file("empty.dump", content);
            assertError(() -> LammpsDump.read(dump), dump, 0, "no configuration");
        }
        Path csv = file("header-only.csv", "G2_001,Fx,Fy,Fz,Energy\n");
        assertError(() -> ThesisCsv.read(csv, ThesisCsv.Options.thesis(ThesisCsv.EnergyMode.PER_CONFIGURATION)), csv, 0, "no configuration");
    }

    /** Two types, no map: the reader used to name the atoms "1" and "2". */
    @Test
    void dumpWithTwoTypesAndNoMapIsAnError() throws IOException {
        Path f = file("two.dump", """
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
                2 2 2 2 2
                """);
        assertError(() -> LammpsDump.read(f), f, 9, "no element names", "--types 1=Al,2=Cu");
    }

    @Test
    void extendedXyzRejectsNanEnergyInfiniteForceAndHexFloat() throws IOException {
        Path nanEnergy = file("nan-energy.xyz", "1\n" + XYZ_HEADER + " energy=NaN\nAl 0 0 0 0 0 0\n");
        assertError(() -> ExtendedXyz.read(nanEnergy), nanEnergy, 2, "energy", "'NaN'");

        Path infForce = file("inf-force.xyz", "2\n" + XYZ_HEADER + " energy=-6.5\nAl 0 0 0 0 0 0\nAl 2 2 2 0.1 Infinity 0\n");
        assertError(() -> ExtendedXyz.read(infForce), infForce, 4, "forces", "'Infinity'");

        Path hex = file("hex.xyz", "1\n" + XYZ_HEADER + " energy=-3\nAl 0x1p1 0 0 0 0 0\n");
        assertError(() -> ExtendedXyz.read(hex), hex, 3, "pos", "'0x1p1'", "hexadecimal");

        Path negInf = file("lattice.xyz", "1\nLattice=\"4 0 0 0 -Infinity 0 0 0 4\" Properties=species:S:1:pos:R:3\nAl 0 0 0\n");
        assertError(() -> ExtendedXyz.read(negInf), negInf, 2, "Lattice");

        // Java's type suffixes are no number format of the field
        Path suffix = file("suffix.xyz", "1\n" + XYZ_HEADER + "\nAl 1.5d 0 0 0 0 0\n");
        assertError(() -> ExtendedXyz.read(suffix), suffix, 3, "'1.5d'");
    }

    @Test
    void otherReadersRejectTheSameTokens() throws IOException {
        Path data = file("hex.data", "begin\natom 0 0 0x1.8p1 Al 0 0 0 0 0\nenergy -3\nend\n");
        assertError(() -> N2p2InputData.read(data), data, 2, "z", "hexadecimal");
        Path energy = file("inf.data", "begin\natom 0 0 0 Al 0 0 0 0 0\nenergy Infinity\nend\n");
        assertError(() -> N2p2InputData.read(energy), energy, 3, "energy", "not finite");

        String dump = """
                ITEM: TIMESTEP
                0
                ITEM: NUMBER OF ATOMS
                1
                ITEM: BOX BOUNDS pp pp pp
                0 10
                0 10
                0 10
                ITEM: ATOMS id element x y z fx fy fz
                1 Al 1 1 1 0 NaN 0
                """;
        Path d = file("nan.dump", dump);
        assertError(() -> LammpsDump.read(d), d, 10, "fy", "'NaN'");
        Path box = file("box.dump", dump.replace("0 10\n0 10\n0 10\n", "0 10\n0 Infinity\n0 10\n").replace("0 NaN 0", "0 0 0"));
        assertError(() -> LammpsDump.read(box), box, 7, "box bounds");

        Path csv = file("nan.csv", "G2_001,Fx,Fy,Fz,Energy\n0.5,0,0,0,-3\n0.25,0,0,NaN,-3\n");
        assertError(() -> ThesisCsv.read(csv, new ThesisCsv.Options(2, ThesisCsv.EnergyMode.PER_CONFIGURATION)), csv, 3, "Fz", "'NaN'");
        Path hexCsv = file("hex.csv", "G2_001,Fx,Fy,Fz,Energy\n0x1p-2,0,0,0,-3\n");
        assertError(() -> ThesisCsv.read(hexCsv, new ThesisCsv.Options(1, ThesisCsv.EnergyMode.PER_CONFIGURATION)), hexCsv, 2, "G2_001");
    }

    /** What the formats do write must still read: C's %g/%e, Fortran-style 1.E+00, Java's Double.toString. */
    @Test
    void ordinaryDecimalSpellingsStillRead() throws IOException {
        Path f = file("ok.xyz", "2\n" + XYZ_HEADER + " energy=-6.5E+00\nAl +1. .5 -0.0 1e-3 -2.5E2 0\nAl 2.000000e+00 2 2 0 0 0\n");
        var c = ExtendedXyz.read(f).get(0);
        assertEquals(-6.5, c.energy());
        assertEquals(1.0, c.x(0));
        assertEquals(0.5, c.y(0));
        assertEquals(-250.0, c.forces()[1]);
        assertEquals(2.0, c.x(1));
    }
}
