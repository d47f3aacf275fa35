package io.github.hdnnpkit.io;

/**
 * The one number parser of the text readers: a finite decimal float as the field's formats write it (C's
 * {@code %g}/{@code %e}, Fortran's {@code E}/{@code D} edit descriptors, Python's {@code repr}, Java's
 * {@link Double#toString}):
 * <pre>
 *   [+-] (digits [. [digits]] | . digits) [(e|E) [+-] digits]        d/D also allowed as exponent letter in Fortran mode
 * </pre>
 * Everything else is rejected, in particular what {@link Double#parseDouble} would let through: {@code NaN},
 * {@code Infinity}, hexadecimal floats ({@code 0x1p3}), type suffixes ({@code 1.5d}, {@code 2f}) and surrounding
 * white space; and numbers that overflow to infinity ({@code 1e400}). A NaN or infinite label silently poisons every
 * loss and statistic downstream, so it has to stop at the reader.
 */
public final class DecimalNumbers {
    private DecimalNumbers() {
    }

    /**
     * Parses a decimal with an {@code e}/{@code E} exponent; throws {@link NumberFormatException} whose message says
     * what the token is instead ("not finite", "a hexadecimal float", ...), to follow "'token' is".
     */
    public static double parse(CharSequence token) {
        return parse(token, false);
    }

    /** Parses a decimal whose exponent letter may also be Fortran's {@code d}/{@code D} (as in RuNNer/n2p2 {@code input.nn}). */
    public static double parseFortran(CharSequence token) {
        return parse(token, true);
    }

    /** Whether the token is a finite decimal number in the sense of {@link #parse}. */
    public static boolean isDecimal(CharSequence token) {
        return problem(token, false) == null;
    }

    private static double parse(CharSequence token, boolean fortran) {
        String why = problem(token, fortran);
        if (why != null) throw new NumberFormatException(why);
        String s = token.toString();
        if (fortran) s = s.replace('d', 'e').replace('D', 'E');
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v)) throw new NumberFormatException("out of the range of a double");
        return v;
    }

    /** Null when the token follows the grammar, else a short reason. */
    private static String problem(CharSequence s, boolean fortran) {
        int n = s.length(), i = 0;
        if (n == 0) return "empty";
        char c0 = s.charAt(0);
        if (c0 == '+' || c0 == '-') i++;
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) { i++; intDigits++; }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; fracDigits++; }
        }
        if (intDigits + fracDigits == 0) return reasonForNonNumber(s);
        if (i < n) {
            char e = s.charAt(i);
            boolean exponent = e == 'e' || e == 'E' || (fortran && (e == 'd' || e == 'D'));
            if (!exponent) return reasonForNonNumber(s);
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; expDigits++; }
            if (expDigits == 0 || i < n) return "a number with a malformed exponent";
        }
        return null;
    }

    private static String reasonForNonNumber(CharSequence s) {
        String t = s.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) t = t.substring(1);
        if (t.startsWith("nan") || t.startsWith("inf")) return "not finite";
        if (t.startsWith("0x")) return "a hexadecimal float";
        return "not a decimal number";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
