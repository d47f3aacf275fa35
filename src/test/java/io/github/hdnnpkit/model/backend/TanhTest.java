package io.github.hdnnpkit.model.backend;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TanhTest {
    @Test
    void rationalTanhIsWithinAFewUlpsOfMathTanhEverywhere() {
        double worstUlps = 0, worstAt = 0;
        for (int i = -2_000_000; i <= 2_000_000; i++) {
            float x = i * 1e-5f;                        // [-20, 20], dense near 0
            double ref = Math.tanh(x);
            float t = Kernels.tanh(x);
            double ulps = Math.abs(t - ref) / Math.ulp((float) ref);
            if (ulps > worstUlps) { worstUlps = ulps; worstAt = x; }
            assertTrue(Math.abs(t) <= 1f, "|tanh| > 1 at " + x);
        }
        // measured: 4.6 ulps at |x| ≈ 5.1, where tanh ≈ 0.99992 and an ulp is 6e-8 (an absolute error of 3e-7)
        assertTrue(worstUlps <= 6, "worst error " + worstUlps + " ulps at x = " + worstAt);
        assertEquals(1f, Kernels.tanh(100f), 3e-7f);
        assertEquals(-1f, Kernels.tanh(-100f), 3e-7f);
        assertEquals(0f, Kernels.tanh(0f));
        assertTrue(Float.isNaN(Kernels.tanh(Float.NaN)));
        // odd function, bit for bit
        for (float x = 0.001f; x < 9; x *= 1.37f) assertEquals(-Kernels.tanh(x), Kernels.tanh(-x), 0f);
    }

    @Test
    void vectorAndScalarTanhGiveTheSameBits() {
        int l = FloatVector.SPECIES_PREFERRED.length();
        float[] in = new float[l], out = new float[l];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int round = 0; round < 2000; round++) {
            for (int i = 0; i < l; i++) in[i] = (float) ((r.nextDouble() - 0.5) * (round % 2 == 0 ? 20 : 0.002));
            VectorKernels.tanh(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, in, 0)).intoArray(out, 0);
            for (int i = 0; i < l; i++)
                assertEquals(Float.floatToRawIntBits(Kernels.tanh(in[i])), Float.floatToRawIntBits(out[i]), "x = " + in[i]);
        }
    }
}
