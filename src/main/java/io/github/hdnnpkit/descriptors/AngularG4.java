package io.github.hdnnpkit.descriptors;

/**
 * G4 (n2p2 type 3): the angular function with the r_jk factors exp(−η(r_jk−r_s)²)·f_c(r_jk), so only triangles whose three sides are inside the cutoff count. See {@link AngularSymmetryFunction} for the formula and {@link Convention} for the pair-counting factor.
 */
public record AngularG4(String centre, String neighbour1, String neighbour2, double eta, double zeta, double lambda,
                         double rs, CutoffFunction cutoff) implements AngularSymmetryFunction {
    public AngularG4 {
        AngularSymmetryFunction.validate(centre, neighbour1, neighbour2, eta, zeta, lambda, rs, cutoff);
    }

    /** The thesis's form: one element, no shift. */
    public AngularG4(String element, double eta, double zeta, double lambda, CutoffFunction cutoff) {
        this(element, element, element, eta, zeta, lambda, 0.0, cutoff);
    }

    @Override public int type() { return 4; }

    @Override public boolean includesJk() { return true; }
}
