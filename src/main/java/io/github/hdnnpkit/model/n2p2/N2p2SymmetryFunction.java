package io.github.hdnnpkit.model.n2p2;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * One {@code symfunction_short} line of an n2p2 {@code input.nn}, types 2 (radial), 3 (narrow angular, G4) and 9 (wide
 * angular, G5), with the order n2p2 sorts them in ({@code SymFncExpRad::operator<}, {@code SymFncExpAngw::operator<}):
 * central element, type, cutoff type and alpha (global here), rc, eta, rs, then for angular functions zeta, lambda,
 * and the neighbour elements. n2p2 numbers its inputs, its {@code scaling.data} rows and its first-layer weights in
 * this sorted order, not in the order of the file.
 *
 * <pre>
 *   symfunction_short &lt;ec&gt; 2 &lt;e1&gt; &lt;eta&gt; &lt;rs&gt; &lt;rc&gt;
 *   symfunction_short &lt;ec&gt; 3|9 &lt;e1&gt; &lt;e2&gt; &lt;eta&gt; &lt;lambda&gt; &lt;zeta&gt; &lt;rc&gt; [&lt;rs&gt;]
 * </pre>
 */
public record N2p2SymmetryFunction(String centralElement, int type, String e1, String e2, double eta, double rs, double rc,
                                   double lambda, double zeta) {

    public N2p2SymmetryFunction {
        if (type != 2 && type != 3 && type != 9)
            throw new IllegalArgumentException("n2p2 symmetry function type " + type + " is not supported (2, 3 and 9 are)");
        if (!(rc > 0)) throw new IllegalArgumentException("cutoff radius must be positive, got " + rc);
    }

    public static N2p2SymmetryFunction radial(String element, double eta, double rs, double rc) {
        return new N2p2SymmetryFunction(element, 2, element, null, eta, rs, rc, 0, 0);
    }

    /** A wide (type 9, the thesis's G5) or narrow (type 3, G4) angular function. */
    public static N2p2SymmetryFunction angular(int type, String element, double eta, double lambda, double zeta, double rc, double rs) {
        return new N2p2SymmetryFunction(element, type, element, element, eta, rs, rc, lambda, zeta);
    }

    /** Parses one line (with or without the {@code symfunction_short} keyword). */
    public static N2p2SymmetryFunction parse(String line) {
        String[] t = line.trim().split("\\s+");
        int k = t[0].equals("symfunction_short") ? 1 : 0;
        try {
            int type = Integer.parseInt(t[k + 1]);
            return switch (type) {
                case 2 -> {
                    if (t.length - k != 6) throw new IllegalArgumentException("type 2 needs: ec 2 e1 eta rs rc");
                    yield new N2p2SymmetryFunction(t[k], 2, t[k + 2], null, d(t[k + 3]), d(t[k + 4]), d(t[k + 5]), 0, 0);
                }
                case 3, 9 -> {
                    if (t.length - k != 8 && t.length - k != 9) throw new IllegalArgumentException("type " + type + " needs: ec " + type + " e1 e2 eta lambda zeta rc [rs]");
                    yield new N2p2SymmetryFunction(t[k], type, t[k + 2], t[k + 3], d(t[k + 4]), t.length - k == 9 ? d(t[k + 8]) : 0.0,
                            d(t[k + 7]), d(t[k + 5]), d(t[k + 6]));
                }
                default -> throw new IllegalArgumentException("type " + type + " is not supported (2, 3 and 9 are)");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid n2p2 symfunction_short line '" + line + "': " + e.getMessage(), e);
        }
    }

    private static double d(String s) {
        return Double.parseDouble(s.replace('d', 'e').replace('D', 'E'));
    }

    /** The line in n2p2's syntax, every number in shortest round-trip form so n2p2 reads back the same doubles. */
    public String line() {
        if (type == 2) return String.format(Locale.ROOT, "symfunction_short %s 2 %s %s %s %s", centralElement, e1, num(eta), num(rs), num(rc));
        return String.format(Locale.ROOT, "symfunction_short %s %d %s %s %s %s %s %s %s", centralElement, type, e1, e2, num(eta), num(lambda),
                num(zeta), num(rc), num(rs));
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    /** n2p2's sort order (single cutoff type for the whole potential; elements compared by symbol). */
    public static final Comparator<N2p2SymmetryFunction> N2P2_ORDER = Comparator
            .comparing(N2p2SymmetryFunction::centralElement)
            .thenComparingInt(N2p2SymmetryFunction::type)
            .thenComparingDouble(N2p2SymmetryFunction::rc)
            .thenComparingDouble(N2p2SymmetryFunction::eta)
            .thenComparingDouble(N2p2SymmetryFunction::rs)
            .thenComparingDouble(N2p2SymmetryFunction::zeta)
            .thenComparingDouble(N2p2SymmetryFunction::lambda)
            .thenComparing(N2p2SymmetryFunction::e1)
            .thenComparing(f -> f.e2 == null ? "" : f.e2);

    /** {@code order[i]} = index (in {@code functions}) of the function n2p2 puts at position i. */
    public static int[] n2p2Order(java.util.List<N2p2SymmetryFunction> functions) {
        Integer[] idx = new Integer[functions.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> {
            int c = N2P2_ORDER.compare(functions.get(a), functions.get(b));
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }
}
