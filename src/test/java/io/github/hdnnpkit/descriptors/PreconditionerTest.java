package io.github.hdnnpkit.descriptors;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PreconditionerTest {

    /** 3 configurations × 2 atoms, features: a ramp, a constant, a feature with a large offset. */
    private static DescriptorMatrix matrix() {
        float[] v = {
                0f, 5f, 1000f,
                1f, 5f, 1001f,
                2f, 5f, 1002f,
                3f, 5f, 1003f,
                10f, 7f, 2000f,    // validation configuration: outside the training range
                -10f, 7f, 0f};
        return new DescriptorMatrix(v, new int[]{0, 2, 4, 6}, List.of("a", "b", "c"));
    }

    private static final int[] TRAIN = {0, 1};

    @Test
    void scaleMapsTrainingRangeToMinusOneOne() {
        Preconditioner p = Preconditioner.fit(Preconditioner.Method.SCALE, matrix(), TRAIN);
        // eq. 2.5 by hand: 2 (G - 0)/(3 - 0) - 1
        assertEquals(-1.0, p.apply(0, 0.0), 1e-15);
        assertEquals(1.0, p.apply(0, 3.0), 1e-15);
        assertEquals(2.0 * 1 / 3 - 1, p.apply(0, 1.0), 1e-15);
        assertEquals(2.0 * 10 / 3 - 1, p.apply(0, 10.0), 1e-12, "values outside the training range extrapolate linearly");
        assertEquals(0.0, p.min(0));
        assertEquals(3.0, p.max(0), "statistics come from the training configurations only");
        assertEquals(-1.0, p.apply(2, 1000.0), 1e-12);
    }

    @Test
    void constantFeatureIsReportedAndMappedToZero() {
        for (Preconditioner.Method m : new Preconditioner.Method[]{Preconditioner.Method.SCALE, Preconditioner.Method.STANDARDISE,
                Preconditioner.Method.SCALE_AND_SHIFT}) {
            Preconditioner p = Preconditioner.fit(m, matrix(), TRAIN);
            assertEquals(List.of("b"), p.constantFeatures(), m.toString());
            assertEquals(0.0, p.apply(1, 5.0));
            assertEquals(0.0, p.apply(1, 7.0), "a constant feature never produces inf or NaN, even for unseen values");
            DescriptorMatrix y = p.apply(matrix());
            for (float f : y.rawValues()) assertTrue(Float.isFinite(f));
        }
    }

    @Test
    void shiftAndStandardise() {
        Preconditioner s = Preconditioner.fit(Preconditioner.Method.SHIFT, matrix(), TRAIN);
        assertEquals(1.5, s.mean(0), 1e-15);
        assertEquals(-1.5, s.apply(0, 0.0), 1e-15);
        Preconditioner z = Preconditioner.fit(Preconditioner.Method.STANDARDISE, matrix(), TRAIN);
        double sigma = Math.sqrt((1.5 * 1.5 * 2 + 0.5 * 0.5 * 2) / 4);   // population sd of 0,1,2,3
        assertEquals(sigma, z.sigma(0), 1e-12);
        assertEquals((3 - 1.5) / sigma, z.apply(0, 3.0), 1e-12);
        assertEquals(1001.5, z.mean(2), 1e-9, "two-pass statistics keep large offsets exact");
        Preconditioner ss = Preconditioner.fit(Preconditioner.Method.SCALE_AND_SHIFT, matrix(), TRAIN);
        assertEquals(2 * (3 - 1.5) / 3, ss.apply(0, 3.0), 1e-12);
    }

    @Test
    void inverseAndMatrixApplication() {
        DescriptorMatrix m = matrix();
        Preconditioner p = Preconditioner.fit(Preconditioner.Method.SCALE, m, TRAIN);
        assertEquals(2.5, p.invert(0, p.apply(0, 2.5)), 1e-12);
        DescriptorMatrix y = p.apply(m);
        assertEquals((float) p.apply(2, 1003.0), y.get(3, 2));
        assertThrows(IllegalArgumentException.class, () -> p.apply(m.selectFeatures(new int[]{1, 0, 2})), "columns must match by id and order");
    }

    @Test
    void thesisNames() {
        assertEquals(Preconditioner.Method.SCALE, Preconditioner.Method.parse("scale"));
        assertEquals(Preconditioner.Method.STANDARDISE, Preconditioner.Method.parse("stand"));
        assertEquals(Preconditioner.Method.SCALE_AND_SHIFT, Preconditioner.Method.parse("scale and shift"));
        assertThrows(IllegalArgumentException.class, () -> Preconditioner.Method.parse("minmax"));
    }
}
