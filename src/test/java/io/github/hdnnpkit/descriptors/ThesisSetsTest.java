package io.github.hdnnpkit.descriptors;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThesisSetsTest {
    @Test
    void thesis329Structure() {
        SymmetryFunctionSet s = ThesisSets.thesis329();
        assertEquals(329, s.size());
        assertEquals(269, s.radialColumns().length);
        assertEquals(60, s.angularColumns().length);
        RadialG2 first = (RadialG2) s.function(0), second = (RadialG2) s.function(1), last = (RadialG2) s.function(200);
        assertEquals(0.0013, first.eta());
        assertEquals(0.01, second.eta());
        assertEquals(2.0, last.eta());
        assertEquals(0.35000000000000003, ((RadialG2) s.function(35)).eta());   // numpy's 35 * 0.01
        RadialG2 shifted0 = (RadialG2) s.function(201), shiftedLast = (RadialG2) s.function(268);
        assertEquals(1.85, shifted0.eta());
        assertEquals(0.05, shifted0.rs());
        assertEquals(6.8, shiftedLast.rs());
        AngularG5 g = (AngularG5) s.function(269 + 13);   // second η, fourth (ζ, λ)
        assertEquals(0.4, g.eta());
        assertEquals(2, g.zeta());
        assertEquals(-1, g.lambda());
        assertEquals(4.4, g.rc());
    }

    @Test
    void linspaceIsNumpyBitForBit() {
        double[] x = ThesisSets.linspace(0.05, 6.8, 68);
        assertEquals(0.15074626865671642, x[1]);
        assertEquals(6.699253731343283, x[66]);
        assertEquals(6.8, x[67]);
        assertEquals(1.2000000000000002, ThesisSets.linspace(0, 2, 6)[3]);
    }

    @Test
    void setsOf57FollowTheOneBasedRangeCode() {
        Set<String> all = new HashSet<>();
        for (char c : new char[]{'A', 'B', 'C', 'D'}) {
            SymmetryFunctionSet s = ThesisSets.fiftySeven(c);
            assertEquals(57, s.size());
            assertEquals(42, s.radialColumns().length);   // 25 η-only + 17 shifted
            for (String id : s.ids()) assertTrue(all.add(id), "sets A-D are disjoint: " + id);
        }
        SymmetryFunctionSet a = ThesisSets.fiftySeven('A');
        assertEquals(List.of("G2_001", "G2_009", "G2_017"), a.ids().subList(0, 3));
        assertEquals("G2_193", a.id(24));
        assertEquals("G2_202", a.id(25));
        assertEquals("G2_266", a.id(41));
        assertEquals("G5_001", a.id(42));
        assertEquals("G5_057", a.id(56));
        SymmetryFunctionSet d = ThesisSets.fiftySeven('D');
        assertEquals("G2_004", d.id(0));
        assertEquals("G2_269", d.id(41));
        assertEquals("G5_060", d.id(56));
    }

    @Test
    void thesis22AndItsExtractedTwin() {
        SymmetryFunctionSet t22 = ThesisSets.thesis22();
        assertEquals(22, t22.size());
        assertEquals(6.105, ((RadialG2) t22.function(11)).rs());
        assertEquals(0.0, ((RadialG2) t22.function(0)).rs());
        SymmetryFunctionSet ex = ThesisSets.thesis22Extracted();
        assertEquals(22, ex.size());
        assertEquals("G2_001", ex.id(0));
        for (int k = 1; k < 12; k++) {
            RadialG2 target = (RadialG2) t22.function(k), got = (RadialG2) ex.function(k);
            assertEquals(1.85, got.eta());
            assertTrue(Math.abs(got.rs() - target.rs()) <= 0.0504, "nearest r_s on a 0.1007 grid: " + got.rs() + " vs " + target.rs());
        }
        assertEquals(t22.functions().subList(12, 22), ex.functions().subList(12, 22));
        assertEquals("G5_010", ex.id(21));
    }

    @Test
    void evenlySpacedIncludesBothEnds() {
        assertArrayEquals(new int[]{0, 82, 164, 246, 328}, SymmetryFunctionSet.evenlySpacedColumns(329, 5));
        SymmetryFunctionSet s = ThesisSets.evenlySpaced(57);
        assertEquals(57, s.size());
        assertEquals("G2_001", s.id(0));
        assertEquals("G5_060", s.id(56));
        assertEquals(s.ids(), ThesisSets.byName("thesis-329-even57").ids());
        assertThrows(IllegalArgumentException.class, () -> ThesisSets.evenlySpaced(330));
    }

    @Test
    void byNameKnowsEverySet() {
        for (String n : ThesisSets.NAMES) assertEquals(n, ThesisSets.byName(n).name());
        assertEquals(201, ThesisSets.byName("thesis-g2-eta").size());
        assertEquals(68, ThesisSets.byName("thesis-g2-shifted").size());
        assertThrows(IllegalArgumentException.class, () -> ThesisSets.byName("thesis-58"));
    }
}
