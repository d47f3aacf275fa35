package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The quick frame count behind the progress bar's total agrees with the readers, in every format. */
class FrameCountTest {
    @TempDir
    Path dir;

    @Test
    void countsWhatTheReadersRead() throws IOException {
        List<Configuration> cs = Crystals.displacedSeries(Crystals.fcc("Al", Crystals.AL_A0, 1, 1, 2), 0.05, 7, 1).stream()
                .map(c -> c.toBuilder().energy(-3.0 * c.size()).forces(new double[3 * c.size()]).build()).toList();   // input.data needs labels
        Path xyz = dir.resolve("a.extxyz.gz"), data = dir.resolve("input.data"), dump = dir.resolve("a.dump");
        ExtendedXyz.write(xyz, cs);
        N2p2InputData.write(data, cs);
        LammpsDump.write(dump, cs, Map.of("Al", 1));
        for (Path f : List.of(xyz, data, dump)) assertEquals(7, StructureFiles.countFrames(f), f.toString());
        assertEquals(7, StructureFiles.read(xyz).size());
        // something the scan does not understand is "unknown", left to the reader to report with its line
        Path bad = dir.resolve("bad.xyz");
        Files.writeString(bad, "two\nLattice=\"1 0 0 0 1 0 0 0 1\"\n");
        assertEquals(-1, StructureFiles.countFrames(bad));
        Path cut = dir.resolve("cut.xyz");
        Files.writeString(cut, "3\ncomment\nAl 0 0 0\n");
        assertEquals(-1, StructureFiles.countFrames(cut));
    }
}
