package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every format the README names is read through one entry point, chosen by the file name. */
class StructureFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryStructureFormatByName() {
        Configuration c = Crystals.fcc("Al", 4.045, 1, 1, 1).toBuilder()   // inside the cell: the dump reader wraps
                .energy(-13.25).forces(new double[12]).atomicEnergies(new double[]{-3, -3.25, -3.5, -3.5}).build();
        Path data = dir.resolve("train.data"), xyz = dir.resolve("train.extxyz.gz"), dump = dir.resolve("dump.run1");
        N2p2InputData.write(data, List.of(c));
        ExtendedXyz.write(xyz, List.of(c));
        LammpsDump.write(dump, List.of(c), Map.of("Al", 1));
        for (Path p : List.of(data, xyz, dump)) {
            Configuration back = StructureFiles.read(p, LammpsDump.Options.forElement("Al")).get(0);
            assertArrayEquals(c.positions(), back.positions(), 1e-12, p.toString());
            assertEquals(-13.25, back.energy(), 1e-12, p.toString());
        }
        InputFormatException noNames = assertThrows(InputFormatException.class, () -> StructureFiles.read(dump));
        assertTrue(noNames.getMessage().contains("--types"), noNames.getMessage());
    }

    @Test
    void unknownOrNonStructureFilesAreExplained() throws Exception {
        Path csv = Files.writeString(dir.resolve("G.csv"), "G2_001,Fx,Fy,Fz,Energy\n");
        assertTrue(assertThrows(InputFormatException.class, () -> StructureFiles.read(csv)).getMessage().contains("ThesisCsv"));
        Path other = Files.writeString(dir.resolve("x.pdb"), "ATOM\n");
        assertTrue(assertThrows(InputFormatException.class, () -> StructureFiles.read(other)).getMessage().contains("supported"));
        assertTrue(assertThrows(InputFormatException.class, () -> StructureFiles.read(dir.resolve("missing.xyz"))).getMessage().contains("no such file"));
        assertTrue(assertThrows(InputFormatException.class, () -> StructureFiles.read(dir)).getMessage().contains("folder"));
    }
}
