package io.github.hdnnpkit.descriptors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Set fingerprints and column ids are part of what the kit has written before (descriptor cache keys, .npy side
 * files, study results): computing them faster must not change them. The values are those of the kit before the
 * change.
 */
class SetFingerprintTest {
    @Test
    void fingerprintsAreUnchanged() {
        assertEquals("7c6182c212f4f9184c2b423c555f1785f814a77321289df40e7f347273cd9cf4", ThesisSets.byName("thesis-329").fingerprint());
        assertEquals("d599fe3b033882e1ff916e47728d3bea8c0607611a67027000698decff098db5", ThesisSets.byName("thesis-22").fingerprint());
        assertEquals("49fae8827f2213f3a9ad670527992a2b5f32b0534a3ee3e76a9ecf7bb18ff86e", ThesisSets.byName("thesis-57A").fingerprint());
    }

    @Test
    void columnIdsAreZeroPaddedToThreeDigits() {
        assertEquals("G2_001", SymmetryFunctionSet.id(2, 1));
        assertEquals("G5_060", SymmetryFunctionSet.id(5, 60));
        assertEquals("G2_269", SymmetryFunctionSet.id(2, 269));
        assertEquals("G2_1000", SymmetryFunctionSet.id(2, 1000));
        SymmetryFunctionSet s = ThesisSets.byName("thesis-329");
        assertEquals("G2_001", s.id(0));
        assertEquals("G5_060", s.id(s.size() - 1));
    }
}
