package io.github.hdnnpkit.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grammar of the shared number parser, token by token, against values written out by hand. */
class DecimalNumbersTest {
    @Test
    void acceptsTheDecimalSpellingsOfCFortranPythonAndJava() {
        assertEquals(0.0, DecimalNumbers.parse("0"));
        assertEquals(-0.0, DecimalNumbers.parse("-0.0"));
        assertEquals(1.0, DecimalNumbers.parse("+1."));        // Fortran F edit descriptor
        assertEquals(0.5, DecimalNumbers.parse(".5"));
        assertEquals(-250.0, DecimalNumbers.parse("-2.5E2"));
        assertEquals(1e-3, DecimalNumbers.parse("1e-3"));
        assertEquals(2.0, DecimalNumbers.parse("2.000000e+00"));  // C's %e
        assertEquals(1.0E-5, DecimalNumbers.parse("1.0E-5"));     // Java's Double.toString
        assertEquals(4.9E-324, DecimalNumbers.parse("4.9E-324"));
        assertEquals(0.0, DecimalNumbers.parse("1e-400"));        // underflow is a tiny number, not an error
        assertEquals(12345678901234567890.0, DecimalNumbers.parse("12345678901234567890"));
    }

    @Test
    void fortranExponentLettersOnlyWhereAllowed() {
        assertEquals(1.5e-3, DecimalNumbers.parseFortran("1.5d-3"));
        assertEquals(-2e10, DecimalNumbers.parseFortran("-2.0D+10"));
        assertEquals(3.0, DecimalNumbers.parseFortran("3.0E0"));
        assertThrows(NumberFormatException.class, () -> DecimalNumbers.parse("1.5d-3"));
        assertThrows(NumberFormatException.class, () -> DecimalNumbers.parseFortran("1.5d"));   // Java's double suffix
    }

    @Test
    void rejectsWhatDoubleParseDoubleWouldLetThrough() {
        for (String t : List.of("NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "0x1p3", "0X1.8P1", "-0x10p0",
                "1.5d", "2f", "3F", "1D", " 1", "1 ", "\t2.5"))
            assertThrows(NumberFormatException.class, () -> DecimalNumbers.parse(t), t);
    }

    @Test
    void rejectsMalformedTokensAndSaysWhy() {
        for (String t : List.of("", ".", "+", "-", "e5", ".e5", "1e", "1e+", "1.2.3", "1e5.5", "--1", "1,5", "one", "nan", "inf", "1_000"))
            assertThrows(NumberFormatException.class, () -> DecimalNumbers.parse(t), t);
        assertEquals("not finite", assertThrows(NumberFormatException.class, () -> DecimalNumbers.parse("-Infinity")).getMessage());
        assertEquals("a hexadecimal float", assertThrows(NumberFormatException.class, () -> DecimalNumbers.parse("0x1p3")).getMessage());
        assertEquals("a number with a malformed exponent", assertThrows(NumberFormatException.class, () -> DecimalNumbers.parse("1e+")).getMessage());
        assertEquals("out of the range of a double", assertThrows(NumberFormatException.class, () -> DecimalNumbers.parse("1e400")).getMessage());
        assertEquals("out of the range of a double", assertThrows(NumberFormatException.class, () -> DecimalNumbers.parse("-2E308")).getMessage());
        assertTrue(DecimalNumbers.isDecimal("1.25"));
        assertFalse(DecimalNumbers.isDecimal("NaN"));
    }

    /**
     * The fast path gives the same double as the JDK's parser (the reference here) on tokens of every shape it takes
     * and on the ones at its borders (15 and 16 significant digits, exponents ±22 and ±23, leading and trailing zeros),
     * and leaves everything else to the general path.
     */
    @Test
    void fastPathAgreesWithTheJdkParserBitForBit() {
        java.util.Random r = new java.util.Random(20261202);
        int fast = 0;
        for (int t = 0; t < 200_000; t++) {
            StringBuilder b = new StringBuilder();
            if (r.nextInt(3) == 0) b.append(r.nextBoolean() ? '-' : '+');
            int zeros = r.nextInt(3), intDigits = r.nextInt(9), frac = r.nextInt(18);
            for (int k = 0; k < zeros; k++) b.append('0');
            for (int k = 0; k < intDigits; k++) b.append((char) ('0' + r.nextInt(10)));
            if (frac > 0 || intDigits + zeros == 0) {
                b.append('.');
                for (int k = 0; k < Math.max(frac, intDigits + zeros == 0 ? 1 : 0); k++) b.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                b.append(r.nextBoolean() ? 'e' : 'E');
                int e = r.nextInt(61) - 30;
                b.append(e < 0 ? "-" : r.nextBoolean() ? "+" : "").append(r.nextBoolean() ? String.format(java.util.Locale.ROOT, "%02d", Math.abs(e)) : Math.abs(e));
            }
            String token = b.toString();
            double expected = Double.parseDouble(token);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(DecimalNumbers.parse(token)), token);
            if (!Double.isNaN(DecimalNumbers.exactFast(token, false))) fast++;
        }
        assertTrue(fast > 50_000, "the fast path took " + fast + " of 200000 tokens");
        for (String token : List.of("123456789012345", "1234567890123456", "0.000123456789012345", "9.99999999999999e22",
                "1e22", "1e23", "1e-22", "1e-23", "123456789012345e-22", "-0", "-0.0e5", "00000.5", "5.000000000000000000"))
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(token)), Double.doubleToRawLongBits(DecimalNumbers.parse(token)), token);
        assertTrue(Double.isNaN(DecimalNumbers.exactFast("1234567890123456", false)));   // 16 digits: general path
        assertTrue(Double.isNaN(DecimalNumbers.exactFast("1e23", false)));
        assertTrue(Double.isNaN(DecimalNumbers.exactFast("1.5d-3", false)));
        assertEquals(1.5e-3, DecimalNumbers.exactFast("1.5d-3", true));
        for (String bad : List.of("", "-", ".", "e5", "1e", "1e+", "1.2.3", "1 ", " 1", "1x", "NaN", "0x10", "--1"))
            assertTrue(Double.isNaN(DecimalNumbers.exactFast(bad, true)), bad);
    }
}
