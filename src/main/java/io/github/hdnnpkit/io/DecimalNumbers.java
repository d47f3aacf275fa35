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
        double fast = exactFast(token, fortran);
        if (fast == fast) return fast;   // not NaN: the token was on the fast path
        String why = problem(token, fortran);
        if (why != null) throw new NumberFormatException(why);
        String s = token.toString();
        if (fortran) s = s.replace('d', 'e').replace('D', 'E');
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v)) throw new NumberFormatException("out of the range of a double");
        return v;
    }

    /** 10^0 .. 10^22, all exact in a double (5^22 < 2^53). */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * Clinger's fast path (W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990): a token of at
     * most 15 significant digits m and a decimal exponent e with |e| ≤ 22 is m·10^e or m/10^−e, both operands exact in
     * a double, so the one rounding of the multiplication or division gives the correctly rounded value — the same
     * double as {@link Double#parseDouble}. That covers nearly every number of the field's files (LAMMPS and n2p2
     * write 12–17 digits); the rest, and every token off the grammar, return NaN and take the general path. Besides
     * speed, it keeps the JDK's large decimal parser from being JIT-compiled at all in a run of seconds.
     */
    static double exactFast(CharSequence s, boolean fortran) {
        int n = s.length(), i = 0;
        if (n == 0 || n > 40) return Double.NaN;
        boolean negative = false;
        char c = s.charAt(0);
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        long m = 0;
        int significant = 0, digits = 0, scale = 0;   // value = m · 10^(exponent − scale)
        for (; i < n && (c = s.charAt(i)) >= '0' && c <= '9'; i++, digits++) {
            if (m != 0 || c != '0') {
                m = 10 * m + (c - '0');
                significant++;
            }
        }
        if (i < n && s.charAt(i) == '.') {
            for (i++; i < n && (c = s.charAt(i)) >= '0' && c <= '9'; i++, digits++) {
                if (m != 0 || c != '0') {
                    m = 10 * m + (c - '0');
                    significant++;
                }
                scale++;
                if (significant > 15) return Double.NaN;
            }
        }
        if (digits == 0 || significant > 15) return Double.NaN;
        int exponent = 0;
        if (i < n) {
            c = s.charAt(i);
            if (!(c == 'e' || c == 'E' || (fortran && (c == 'd' || c == 'D')))) return Double.NaN;
            i++;
            boolean negativeExponent = false;
            if (i < n && ((c = s.charAt(i)) == '+' || c == '-')) {
                negativeExponent = c == '-';
                i++;
            }
            int expDigits = 0;
            for (; i < n && (c = s.charAt(i)) >= '0' && c <= '9'; i++, expDigits++) {
                exponent = 10 * exponent + (c - '0');
                if (exponent > 1000) return Double.NaN;
            }
            if (expDigits == 0 || i < n) return Double.NaN;
            if (negativeExponent) exponent = -exponent;
        }
        int e = exponent - scale;
        double v;
        if (m == 0) v = 0.0;
        else if (e >= 0 && e <= 22) v = (double) m * POWERS[e];
        else if (e < 0 && e >= -22) v = (double) m / POWERS[-e];
        else return Double.NaN;
        return negative ? -v : v;
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
