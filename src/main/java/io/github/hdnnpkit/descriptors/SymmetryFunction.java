package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One Behler–Parrinello atom-centred symmetry function (thesis section 2.1; Behler, J. Chem. Phys. 134, 074106
 * (2011)): a number describing the environment of a central atom i of species {@link #centre()} within the cutoff
 * radius, invariant under rotation, translation and permutation of equal atoms.
 *
 * <p>The methods here are the literal formulas, evaluated one function at a time — the reference against which the
 * fast set evaluator ({@link SetEvaluator}) is tested. They also give the analytic gradient.
 */
public sealed interface SymmetryFunction permits RadialSymmetryFunction, AngularSymmetryFunction {
    /** Behler's type number: 1, 2, 3 (radial), 4, 5 (angular). */
    int type();

    /** Element of the central atom. */
    String centre();

    CutoffFunction cutoff();

    default double rc() {
        return cutoff().rc();
    }

    boolean isAngular();

    /** The parameters as a display name, e.g. {@code G2(eta=1.85,rs=0.05,rc=6.8)} (4 significant digits). */
    String name();

    /** The name with the elements, e.g. {@code G5[Al;Al,Al](eta=0.4,zeta=2,lambda=-1,rc=4.4)}. */
    String fullName();

    /**
     * The value at atom {@code atom} from a neighbour list computed with a cutoff at least {@link #rc()}; when
     * {@code gradient} is not null, dG/dr_a (a = every atom, flat x,y,z, length 3N) is <em>added</em> to it.
     */
    double evaluate(Configuration configuration, NeighbourList neighbours, int atom, Convention convention, double[] gradient);

    /** The value at one atom (convenience; builds a neighbour list). */
    default double evaluate(Configuration configuration, int atom, Convention convention) {
        return evaluate(configuration, NeighbourList.of(configuration, rc()), atom, convention, null);
    }

    /** Formats a parameter with 4 significant digits and no trailing zeros (0.35000000000000003 → 0.35). */
    static String format(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String shortest = shortPlain(v);
        if (shortest != null) return shortest;
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * The same result for the usual parameters (0.01, 6.8, 0.35000000000000003 is not one), without the exact binary
     * expansion {@code new BigDecimal(v)} makes, which cost a descriptor run's start ~0.1 s for the 329 functions'
     * names: when {@link Double#toString} (which reads back to v) has at most 4 significant digits, v lies within
     * half an ulp of that decimal, far closer than half a step of the 4-digit grid, so rounding v's exact value to 4
     * digits gives that decimal. Null when it has more digits (or an exponent), for the exact path.
     */
    private static String shortPlain(double v) {
        String s = Double.toString(Math.abs(v));
        if (s.indexOf('E') >= 0) return null;
        int dot = s.indexOf('.');
        int end = s.length();
        while (end > dot + 1 && s.charAt(end - 1) == '0') end--;   // "6.80" -> "6.8", "0.0" -> "0."
        int significant = 0;
        boolean leading = true;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.' || (leading && c == '0')) continue;
            leading = false;
            significant++;
        }
        if (significant == 0 || significant > 4) return null;
        String plain = end == dot + 1 ? s.substring(0, dot) : s.substring(0, end);
        return v < 0 ? "-" + plain : plain;
    }

    static void checkFinite(String what, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " must be finite: " + v);
    }

    static void checkElement(String what, String e) {
        if (e == null || e.isBlank() || e.chars().anyMatch(Character::isWhitespace))
            throw new IllegalArgumentException(what + " element must be a non-empty word: '" + e + "'");
    }
}
