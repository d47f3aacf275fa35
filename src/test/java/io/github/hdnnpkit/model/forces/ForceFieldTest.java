package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Analytic forces of a potential against central finite differences of its own energy, in double precision. */
class ForceFieldTest {

    static double energy(Hdnnp m, Configuration c) {
        return m.energyAndForces(c).energy();
    }

    static Configuration moved(Configuration c, int atom, int axis, double h) {
        double[] p = c.positions();
        p[3 * atom + axis] += h;
        return c.toBuilder().atoms(c.species(), p).build();
    }

    /** max |F_analytic − F_fd| / max |F| over the checked atoms. */
    static double worstRelativeError(Hdnnp m, Configuration c, int stride) {
        double[] f = m.forces(c);
        double scale = 0;
        for (double v : f) scale = Math.max(scale, Math.abs(v));
        assertTrue(scale > 1e-3, "forces should not vanish on a random structure: " + scale);
        double h = 1e-4, worst = 0;
        for (int a = 0; a < c.size(); a += stride)
            for (int x = 0; x < 3; x++) {
                double fd = -(energy(m, moved(c, a, x, h)) - energy(m, moved(c, a, x, -h))) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - f[3 * a + x]) / scale);
            }
        return worst;
    }

    @Test
    void forcesAreTheNegativeEnergyGradientOnCubicTriclinicAndClusterCells() {
        Hdnnp scaled = ForceTestModels.randomPotential(ForceTestModels.set(), Convention.THESIS, Preconditioner.Method.SCALE, "10-10-1", 3);
        Hdnnp standardised = ForceTestModels.randomPotential(ForceTestModels.set(), Convention.N2P2, Preconditioner.Method.STANDARDISE, "8-1", 4);
        Hdnnp shifted = ForceTestModels.randomPotential(ThesisSets.fiftySeven('A'), Convention.THESIS, Preconditioner.Method.SCALE_AND_SHIFT, "6-5-1", 5)
                .withDescriptors(ThesisSets.fiftySeven('A'), Convention.THESIS);
        Configuration cubic = Crystals.randomDense("Al", 30, 8.4, 2.3, 11);
        Configuration triclinic = ForceTestModels.triclinic(28, 12);
        Configuration cluster = ForceTestModels.cluster(19, 5.0, 13);
        for (Hdnnp m : List.of(scaled, standardised, shifted))
            for (Configuration c : List.of(cubic, triclinic, cluster)) {
                double worst = worstRelativeError(m, c, 4);
                assertTrue(worst < 1e-6, m.preconditioner().method() + " on " + c.id() + ": worst relative error " + worst);
            }
    }

    @Test
    void forcesSumToZeroAndEnergiesMatchTheFloatPrediction() {
        Hdnnp m = ForceTestModels.randomPotential(ForceTestModels.set(), Convention.THESIS, Preconditioner.Method.SCALE, "10-10-1", 7);
        for (Configuration c : List.of(Crystals.randomDense("Al", 32, 8.6, 2.3, 21), ForceTestModels.triclinic(30, 22),
                ForceTestModels.cluster(15, 4.6, 23))) {
            EnergyAndForces ef = m.energyAndForces(c);
            double[] f = ef.forces();
            double sx = 0, sy = 0, sz = 0, abs = 0;
            for (int a = 0; a < c.size(); a++) {
                sx += f[3 * a];
                sy += f[3 * a + 1];
                sz += f[3 * a + 2];
                abs += Math.abs(f[3 * a]) + Math.abs(f[3 * a + 1]) + Math.abs(f[3 * a + 2]);
            }
            assertTrue(Math.abs(sx) + Math.abs(sy) + Math.abs(sz) < 1e-11 * abs, c.id() + ": net force " + sx + ", " + sy + ", " + sz);
            double sum = 0;
            for (double e : ef.atomicEnergies()) sum += e;
            assertEquals(ef.energy(), sum, 1e-12 * Math.abs(sum));
            double predicted = m.predict(List.of(c))[0];
            assertEquals(predicted, ef.energy(), 1e-6 * Math.abs(predicted), c.id() + ": double-precision energy vs the float engine");
        }
    }

    @Test
    void aPotentialWithoutItsFunctionsSaysWhatIsMissing() {
        Hdnnp m = ForceTestModels.randomPotential(ThesisSets.fiftySeven('A'), Convention.THESIS, Preconditioner.Method.SCALE, "4-1", 1);
        Hdnnp bare = new Hdnnp(m.layout(), m.parameters(), m.preconditioner(), m.normalisation(), "x", "Al", java.util.Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bare.forces(Crystals.randomDense("Al", 8, 6, 2.2, 1)));
        assertTrue(e.getMessage().contains("symmetry functions"), e.getMessage());
    }
}
