package io.github.hdnnpkit.descriptors;

/**
 * G5 (n2p2 type 9, "wide" angular): the angular function without the r_jk factors; the thesis's angular descriptor. See {@link AngularSymmetryFunction} for the formula and {@link Convention} for the pair-counting factor.
 */
public record AngularG5(String centre, String neighbour1, String neighbour2, double eta, double zeta, double lambda,
                         double rs, CutoffFunction cutoff) implements AngularSymmetryFunction {
    public AngularG5 {
        AngularSymmetryFunction.validate(centre, neighbour1, neighbour2, eta, zeta, lambda, rs, cutoff);
    }

    /** The thesis's form: one element, no shift. */
    public AngularG5(String element, double eta, double zeta, double lambda, CutoffFunction cutoff) {
        this(element, element, element, eta, zeta, lambda, 0.0, cutoff);
    }

    @Override public int type() { return 5; }

    @Override public boolean includesJk() { return false; }
}
