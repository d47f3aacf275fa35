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
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static void checkFinite(String what, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " must be finite: " + v);
    }

    static void checkElement(String what, String e) {
        if (e == null || e.isBlank() || e.chars().anyMatch(Character::isWhitespace))
            throw new IllegalArgumentException(what + " element must be a non-empty word: '" + e + "'");
    }
}
