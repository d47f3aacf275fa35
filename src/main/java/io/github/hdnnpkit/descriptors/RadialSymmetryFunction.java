package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;

/**
 * A radial function G_i = Σ_{j≠i} g(r_ij)·f_c(r_ij) over the neighbours j of species {@link #neighbour()}, every
 * periodic image within the cutoff counted.
 */
public sealed interface RadialSymmetryFunction extends SymmetryFunction permits RadialG1, RadialG2, RadialG3 {
    /** Element of the neighbours j. */
    String neighbour();

    /** g(r), the radial factor without the cutoff function. */
    double radial(double r);

    /** dg/dr. */
    double radialDerivative(double r);

    @Override
    default boolean isAngular() {
        return false;
    }

    @Override
    default double evaluate(Configuration c, NeighbourList nl, int i, Convention convention, double[] gradient) {
        if (nl.cutoff() < rc()) throw new IllegalArgumentException("neighbour list cutoff " + nl.cutoff() + " < " + rc());
        if (!c.species(i).equals(centre())) return 0.0;
        CutoffFunction fc = cutoff();
        double rc = rc();
        double sum = 0;
        for (int e = nl.start(i); e < nl.end(i); e++) {
            double r = nl.distance(e);
            if (r >= rc) continue;
            int j = nl.neighbour(e);
            if (!c.species(j).equals(neighbour())) continue;
            double g = radial(r), f = fc.value(r);
            sum += g * f;
            if (gradient != null) {
                double d = (radialDerivative(r) * f + g * fc.derivative(r)) / r;
                double gx = d * nl.dx(e), gy = d * nl.dy(e), gz = d * nl.dz(e);
                gradient[3 * j] += gx;
                gradient[3 * j + 1] += gy;
                gradient[3 * j + 2] += gz;
                gradient[3 * i] -= gx;
                gradient[3 * i + 1] -= gy;
                gradient[3 * i + 2] -= gz;
            }
        }
        return sum;
    }

    @Override
    default String fullName() {
        String n = name();
        int p = n.indexOf('(');
        return n.substring(0, p) + "[" + centre() + ";" + neighbour() + "]" + n.substring(p);
    }
}
