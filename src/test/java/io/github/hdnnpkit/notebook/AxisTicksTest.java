package io.github.hdnnpkit.notebook;

import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

class AxisTicksTest {
    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.5, AxisTicks.niceStep(0.3));
        assertEquals(0.2, AxisTicks.niceStep(0.12));
        assertEquals(10, AxisTicks.niceStep(7));
        assertEquals(1, AxisTicks.niceStep(1));
        assertEquals(0.002, AxisTicks.niceStep(0.0013));
        assertEquals(50, AxisTicks.niceStep(35));
        assertEquals(5, AxisTicks.niceStep(0.3 / 0.1), "2.9999999999999996 needs a 5");
        // epochs 1..137 with at most 8 intervals: 20 (137/8 = 17.1)
        assertEquals(20, AxisTicks.niceStep(1, 137, 8));
        assertArrayEquals(new double[]{20, 40, 60, 80, 100, 120}, AxisTicks.ticks(1, 137, 8));
        assertArrayEquals(new double[]{-0.004, -0.002, 0, 0.002, 0.004}, AxisTicks.ticks(-0.005, 0.005, 5), 0);
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.niceStep(0));
    }

    @Test
    void smallNumbersKeepTheirLeadingZero() {
        Function<Double, String> f = AxisTicks.labels(0, 0.005);
        assertEquals("0.003", f.apply(0.003));
        assertEquals("0.001", f.apply(0.001));
        assertEquals("0.000", f.apply(1e-19), "float dust is zero, with the axis's decimals");
        assertEquals("−0.002", f.apply(-0.002), "a true minus sign");
        // all labels of an axis have the same decimals: −3.20, −3.19 (not −3.2, −3.19)
        Function<Double, String> e = AxisTicks.labels(-3.215, -3.165);
        assertEquals("−3.20", e.apply(-3.2));
        assertEquals("−3.19", e.apply(-3.19));
        Function<Double, String> unit = AxisTicks.labels(-1.08, 1.08);
        assertEquals("0.5", unit.apply(0.5));
        assertEquals("1.0", unit.apply(1.0));
        assertEquals("0.0", unit.apply(-0.0));
    }

    @Test
    void tinyAndHugeAxesGoScientific() {
        Function<Double, String> f = AxisTicks.labels(0, 5e-4);
        assertEquals("2×10⁻⁴", f.apply(2e-4));
        assertEquals("10⁻⁴", f.apply(1e-4));
        assertEquals("2.5×10⁻⁴", f.apply(2.5e-4));
        assertEquals("0", f.apply(0.0));
        assertEquals("3×10⁶", AxisTicks.labels(0, 4e6).apply(3e6));
        assertEquals("0.976", AxisTicks.significant(0.9761484015, 3));
        assertEquals("12.3", AxisTicks.significant(12.34, 3));
        assertEquals("1.23×10⁻⁴", AxisTicks.significant(1.2345e-4, 3));
    }

    @Test
    void wholeNumberAxesRoundFractionalTicksOntoDuplicates() {
        Function<Double, String> f = AxisTicks.integerLabels();
        assertEquals("20", f.apply(20.0));
        // a 0.5 step would give 1, 1, 2, 2: XChart rejects duplicate labels and widens the step
        assertEquals(f.apply(1.0), f.apply(1.5 - 1e-12));
        assertEquals("−3", f.apply(-3.0));
    }
}
