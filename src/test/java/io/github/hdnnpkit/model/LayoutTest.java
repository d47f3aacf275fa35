package io.github.hdnnpkit.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LayoutTest {
    @Test
    void thesisNotationRoundTrips() {
        Layout l = Layout.parse("57-20-100-20-1");
        assertArrayEquals(new int[]{57, 20, 100, 20, 1}, l.sizes());
        assertEquals("57-20-100-20-1", l.notation());
        assertEquals(4, l.layers());
        assertEquals(Activation.TANH, l.hidden());
        assertEquals(Activation.LINEAR, l.output());
        Layout s = Layout.parse("22-10-10-1");
        assertEquals(22 * 10 + 10 + 10 * 10 + 10 + 10 + 1, s.parameterCount());
        assertEquals(0, s.weightOffset(1));
        assertEquals(220, s.biasOffset(1));
        assertEquals(230, s.weightOffset(2));
        assertEquals(s, Layout.of(22, 10, 10));
    }

    @Test
    void badLayoutsAreRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layout.parse("57-x-1"));
        assertTrue(e.getMessage().contains("'x'"));
        assertThrows(IllegalArgumentException.class, () -> Layout.parse("57-10-2"));
        assertThrows(IllegalArgumentException.class, () -> Layout.parse("57"));
        assertThrows(IllegalArgumentException.class, () -> Layout.parse("57-0-1"));
    }

    @Test
    void activationsAndDerivatives() {
        assertEquals(0.3 * -2, Activation.LEAKY_RELU.apply(-2), 1e-15);
        assertEquals(0.0, Activation.RELU.apply(-2));
        assertEquals(Math.log(2), Activation.SOFTPLUS.apply(0), 1e-15);
        assertEquals(0.5, Activation.SIGMOID.apply(0), 1e-15);
        for (Activation a : Activation.values())
            for (double x : new double[]{-1.7, -0.3, 0.4, 2.2}) {
                double h = 1e-6, fd = (a.apply(x + h) - a.apply(x - h)) / (2 * h);
                assertEquals(fd, a.derivative(x), 1e-8, a + " at " + x);
            }
        assertEquals(Activation.LEAKY_RELU, Activation.parse("LeakyReLU"));
        assertEquals(Activation.TANH, Activation.parse("t"));
    }
}
