package io.github.hdnnpkit.io;

import java.math.BigInteger;

/**
 * Shortest round-trip decimal digits of a double, allocation-free, into a byte array: Raffaello Giulietti's Schubfach
 * algorithm ("The Schubfach way to render doubles", 2021), the one behind Java 19's {@link Double#toString}, written
 * here from the paper's steps because Java 17 lacks it and jackson-core's copy allocates two objects per value
 * (it was half the CPU time of writing descriptors as CSV).
 *
 * <p>The output is the shortest decimal that reads back to the same double, and among those the closest: plain
 * notation for decimal exponents -3..6 ({@code 0.001234}, {@code 12.5}, {@code 300}), otherwise scientific
 * ({@code 1.234E-7}, {@code 4.9E-324}); zero is {@code 0.0} or {@code -0.0}. It is checked against
 * {@link Double#parseDouble} and against a BigDecimal search for shorter decimals in the tests.
 */
final class Schubfach {
    private static final int P = 53;                       // precision of binary64
    private static final int Q_MIN = -1074;                // exponent of the least significant bit of a subnormal
    private static final long C_MIN = 1L << (P - 1);
    private static final long T_MASK = C_MIN - 1;
    private static final int K_MIN = -324, K_MAX = 292;
    private static final long C_TINY = 3;                  // subnormals below it need one more digit of precision
    private static final long MASK_63 = (1L << 63) - 1;
    private static final long[] G = table();               // g1, g0 per k

    private Schubfach() {
    }

    static int flog10pow2(int e) { return (int) (e * 661_971_961_083L >> 41); }

    static int flog10threeQuartersPow2(int e) { return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41); }

    static int flog2pow10(int e) { return (int) (e * 913_124_641_741L >> 38); }

    /** 10^-k = β 2^r with 2^125 ≤ β < 2^126; g = floor(β) + 1, split in its high 63 bits g1 and low 63 bits g0. */
    private static long[] table() {
        long[] g = new long[2 * (K_MAX - K_MIN + 1)];
        for (int k = K_MIN; k <= K_MAX; k++) {
            int r = flog2pow10(-k) - 125;
            BigInteger b;
            if (k <= 0) {
                BigInteger p = BigInteger.TEN.pow(-k);
                b = r >= 0 ? p.shiftRight(r) : p.shiftLeft(-r);
            } else {
                b = BigInteger.ONE.shiftLeft(-r).divide(BigInteger.TEN.pow(k));   // r < 0 here
            }
            BigInteger v = b.add(BigInteger.ONE);
            if (v.bitLength() != 126 && v.bitLength() != 127) throw new IllegalStateException("g out of range at k=" + k);
            g[2 * (k - K_MIN)] = v.shiftRight(63).longValue();
            g[2 * (k - K_MIN) + 1] = v.longValue() & MASK_63;
        }
        return g;
    }

    /**
     * Writes the shortest decimal of a finite {@code v} at {@code pos} and returns the new end (at most 24 bytes are
     * written).
     */
    static int write(double v, byte[] out, int pos) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & T_MASK;
        int bq = (int) (bits >>> (P - 1)) & 0x7ff;
        if (bq == 0x7ff) throw new IllegalArgumentException("not finite: " + v);
        if (bits < 0) out[pos++] = '-';
        if (bq != 0) {
            int mq = -Q_MIN + 1 - bq;
            long c = C_MIN | t;
            if (0 < mq && mq < P) {          // an integer below 2^53: its digits directly
                long f = c >> mq;
                if (f << mq == c) return chars(f, 0, out, pos);
            }
            return decimal(-mq, c, 0, out, pos);
        }
        if (t != 0) return t < C_TINY ? decimal(Q_MIN, 10 * t, -1, out, pos) : decimal(Q_MIN, t, 0, out, pos);
        out[pos++] = '0';
        out[pos++] = '.';
        out[pos++] = '0';
        return pos;
    }

    private static int decimal(int q, long c, int dk, byte[] out, int pos) {
        int odd = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN | q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        long g1 = G[2 * (k - K_MIN)], g0 = G[2 * (k - K_MIN) + 1];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + odd <= sp10 << 2;
            boolean wpin = (tp10 << 2) + odd <= vbr;
            if (upin != wpin) return chars(upin ? sp10 : tp10, k, out, pos);
        }
        long tt = s + 1;
        boolean uin = vbl + odd <= s << 2;
        boolean win = (tt << 2) + odd <= vbr;
        if (uin != win) return chars(uin ? s : tt, k + dk, out, pos);
        long cmp = vb - (s + tt << 1);
        return chars(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : tt, k + dk, out, pos);
    }

    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** f × 10^e with f > 0: trailing zeros dropped, then plain or scientific notation. */
    private static int chars(long f, int e, byte[] out, int pos) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        // digits of f, most significant first, into out[pos + 1 ..] (one byte left free for the decimal point)
        int n = digitCount(f);
        int exp = e + n - 1;                     // decimal exponent of the leading digit
        if (exp >= -3 && exp < 7) {
            if (exp < 0) {                       // 0.000ddd
                out[pos++] = '0';
                out[pos++] = '.';
                for (int i = -1; i > exp; i--) out[pos++] = '0';
                return digits(f, n, out, pos);
            }
            if (n <= exp + 1) {                  // an integer: ddd000.0
                pos = digits(f, n, out, pos);
                for (int i = n; i <= exp; i++) out[pos++] = '0';
                out[pos++] = '.';
                out[pos++] = '0';
                return pos;
            }
            int end = digits(f, n, out, pos + 1);    // ddd.ddd: shift the integer part left over the free byte
            System.arraycopy(out, pos + 1, out, pos, exp + 1);
            out[pos + exp + 1] = '.';
            return end;
        }
        int end = digits(f, n, out, pos + 1);
        out[pos] = out[pos + 1];
        if (n == 1) {
            out[pos + 1] = '.';
            out[pos + 2] = '0';
            end = pos + 3;
        } else {
            out[pos + 1] = '.';
        }
        out[end++] = 'E';
        if (exp < 0) {
            out[end++] = '-';
            exp = -exp;
        }
        if (exp >= 100) out[end++] = (byte) ('0' + exp / 100);
        if (exp >= 10) out[end++] = (byte) ('0' + exp / 10 % 10);
        out[end++] = (byte) ('0' + exp % 10);
        return end;
    }

    private static final long[] POW10 = new long[19];
    private static final byte[] PAIRS = new byte[200];   // "00" "01" … "99"

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = 10 * POW10[i - 1];
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** Decimal digits of f ≥ 1 (f < 10^18): log10 from the bit length (1233/4096 ≈ log10 2), corrected once. */
    static int digitCount(long f) {
        int n = ((64 - Long.numberOfLeadingZeros(f)) * 1233 >>> 12) + 1;
        return f < POW10[n - 1] ? n - 1 : n;
    }

    /**
     * The n decimal digits of f at pos; returns the end. Two digits per step from a table, and the low eight digits
     * in int arithmetic: a chain of dependent 64-bit divisions per digit was a third of the CSV run's CPU time.
     */
    private static int digits(long f, int n, byte[] out, int pos) {
        int end = pos + n, i = end;
        if (f >= 100_000_000L) {
            long hi = f / 100_000_000L;
            int lo = (int) (f - hi * 100_000_000L);
            for (int k = 0; k < 4; k++) {
                int q = lo / 100, d = lo - 100 * q;
                out[--i] = PAIRS[2 * d + 1];
                out[--i] = PAIRS[2 * d];
                lo = q;
            }
            f = hi;
        }
        long x = f;   // < 10^10 here (17 digits at most in all)
        while (x >= 100) {
            long q = x / 100;
            int d = (int) (x - 100 * q);
            out[--i] = PAIRS[2 * d + 1];
            out[--i] = PAIRS[2 * d];
            x = q;
        }
        if (x >= 10) {
            out[--i] = PAIRS[2 * (int) x + 1];
            out[--i] = PAIRS[2 * (int) x];
        } else {
            out[--i] = (byte) ('0' + x);
        }
        return end;
    }
}
