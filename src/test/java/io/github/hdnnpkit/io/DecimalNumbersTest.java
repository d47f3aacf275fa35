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
}
