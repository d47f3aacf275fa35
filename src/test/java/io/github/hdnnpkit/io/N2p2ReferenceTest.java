package io.github.hdnnpkit.io;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.ReferenceFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class N2p2ReferenceTest {
    @Test
    void theShippedReferenceIsReproducedInBothConventions() {
        for (Convention c : Convention.values()) {
            N2p2Reference.Comparison r = N2p2Reference.check(ReferenceFiles.dir(), c);
            assertEquals(256, r.atoms());
            assertEquals(329, r.functions());
            assertTrue(r.maxRelativeError() < 1e-10, r.toString());
        }
    }
}
