package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.*;

class InvariantInputsTest {
    @Test
    void imagesKeepTheDescriptorsWhileTheForcesTurn() {
        Configuration c = Crystals.displaced(Crystals.fcc("Al", Crystals.AL_A0, 2, 2, 2), 0.15, 3);
        double[] f = new double[3 * c.size()];
        for (int i = 0; i < f.length; i++) f[i] = Math.sin(i);           // any force field will do: only its transform is used
        c = c.toBuilder().forces(f).build();
        Table t = InvariantInputs.imagesOf(c, ThesisSets.thesis22Extracted());
        assertEquals(2, t.rowCount());                                      // cubic cell: mirror and quarter turn
        for (int r = 0; r < 2; r++) {
            assertTrue(t.doubleColumn(1).get(r) < 1e-10, "descriptors changed by " + t.doubleColumn(1).get(r));
            assertTrue(t.doubleColumn(3).get(r) > 0.1, "forces must change");
        }
    }
}
