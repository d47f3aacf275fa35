package io.github.hdnnpkit.io;

import io.github.hdnnpkit.descriptors.AngularG4;
import io.github.hdnnpkit.descriptors.AngularG5;
import io.github.hdnnpkit.descriptors.CosineCutoff;
import io.github.hdnnpkit.descriptors.PolynomialCutoff;
import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.RadialG3;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class N2p2InputNnTest {
    @TempDir
    Path dir;

    @Test
    void everyThesisSetRoundTripsExactly() throws IOException {
        for (String name : ThesisSets.NAMES) {
            SymmetryFunctionSet s = ThesisSets.byName(name);
            Path p = dir.resolve(name + ".nn");
            N2p2InputNn.write(p, s);
            assertEquals(s.functions(), N2p2InputNn.read(p).functions(), name);
        }
    }

    @Test
    void readsTypes2_3_9WithShiftAndCutoffType() throws IOException {
        Path p = dir.resolve("input.nn");
        Files.writeString(p, """
                number_of_elements 2
                elements Al Cu   # comment
                cutoff_type 6 0.1
                symfunction_short Al 2 Cu 0.5 1.5 6.0
                symfunction_short Al 3 Al Cu 0.01 -1 4 5.0
                symfunction_short Cu 9 Al Al 0.02 1 2 5.0 0.3
                global_nodes_short 10 10
                """);
        SymmetryFunctionSet s = N2p2InputNn.read(p);
        assertEquals(dir.getFileName().toString(), s.name());
        PolynomialCutoff fc6 = new PolynomialCutoff(6.0, 0.1, 2), fc5 = new PolynomialCutoff(5.0, 0.1, 2);
        assertEquals(List.of(new RadialG2("Al", "Cu", 0.5, 1.5, fc6), new AngularG4("Al", "Al", "Cu", 0.01, 4, -1, 0, fc5),
                new AngularG5("Cu", "Al", "Al", 0.02, 2, 1, 0.3, fc5)), s.functions());
        assertEquals(List.of("G2_001", "G4_001", "G5_001"), s.ids());
        Path back = dir.resolve("back.nn");
        N2p2InputNn.write(back, s);
        assertEquals(s.functions(), N2p2InputNn.read(back).functions());
        assertTrue(Files.readString(back).contains("cutoff_type 6 0.1"));
    }

    void assertError(String content, int line, String fragment) throws IOException {
        Path p = dir.resolve("bad.nn");
        Files.writeString(p, content);
        InputFormatException e = assertThrows(InputFormatException.class, () -> N2p2InputNn.read(p));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(line > 0 ? "bad.nn:" + line : "bad.nn") && e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        assertError("cutoff_type 1\nsymfunction_short Al 2 Al 0.5 6.8\n", 2, "expected 7");
        assertError("symfunction_short Al 2 Al 0.5 0 6.8\nsymfunction_short Al 9 Al Al 0.5 1 1\n", 2, "expected 9 or 10");
        assertError("symfunction_short Al 5 Al 0.5 0 6.8\n", 1, "type 5 is not supported");
        assertError("symfunction_short Al 2 Al x 0 6.8\n", 1, "eta is not a decimal number");
        assertError("elements Al\nsymfunction_short Al 2 Cu 0.5 0 6.8\n", 2, "not in the 'elements' line");
        assertError("symfunction_short Al 9 Al Al 0.5 2 1 4.4\n", 1, "lambda must be +1 or -1");
        assertError("cutoff_type 4\nsymfunction_short Al 2 Al 0.5 0 6.8\n", 1, "cutoff_type 4 is not supported");
        assertError("# nothing\n", 0, "no symfunction_short");
    }

    @Test
    void g3CannotBeWritten() {
        SymmetryFunctionSet s = SymmetryFunctionSet.of("g3", List.of(new RadialG3("Al", "Al", 1.0, new CosineCutoff(5))));
        assertThrows(IllegalArgumentException.class, () -> N2p2InputNn.write(dir.resolve("g3.nn"), s));
    }
}
