package io.github.hdnnpkit.descriptors;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DescriptorMatrixTest {
    // configuration 0: atoms 0,1; configuration 1: atom 2; configuration 2: atoms 3,4,5. value = 10*row + feature
    private static DescriptorMatrix sample() {
        int rows = 6, f = 3;
        float[] v = new float[rows * f];
        for (int r = 0; r < rows; r++) for (int j = 0; j < f; j++) v[r * f + j] = 10 * r + j;
        return new DescriptorMatrix(v, new int[]{0, 2, 3, 6}, List.of("G2_001", "G2_002", "G5_001"));
    }

    @Test
    void indexesRowsByConfiguration() {
        DescriptorMatrix m = sample();
        assertEquals(3, m.configurations());
        assertEquals(6, m.rows());
        assertEquals(3, m.atomsIn(2));
        assertEquals(3, m.firstAtom(2));
        assertEquals(41f, m.get(4, 1));
        assertEquals(2, m.indexOf("G5_001"));
    }

    @Test
    void selectsFeaturesInTheGivenOrder() {
        DescriptorMatrix s = sample().selectFeatures(new int[]{2, 0});
        assertEquals(List.of("G5_001", "G2_001"), s.featureIds());
        assertEquals(52f, s.get(5, 0));
        assertEquals(50f, s.get(5, 1));
        assertEquals(6, s.rows());
    }

    @Test
    void selectsConfigurationsWithTheirAtoms() {
        DescriptorMatrix s = sample().selectConfigurations(new int[]{2, 0});
        assertEquals(2, s.configurations());
        assertEquals(3, s.atomsIn(0));
        assertEquals(2, s.atomsIn(1));
        assertEquals(30f, s.get(0, 0));
        assertEquals(11f, s.get(4, 1));
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThrows(IllegalArgumentException.class, () -> new DescriptorMatrix(new float[5], new int[]{0, 2}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> new DescriptorMatrix(new float[4], new int[]{0, 2, 2}, List.of("a", "b")));
    }
}
