package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.structure.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configurations the descriptors must refuse rather than describe wrongly (issue 16, items 3 and 4): an element the
 * set has no functions for (it got an all-zero row and still counted as an atom) and overlapping atoms (the angular
 * functions' cos θ became 0/0, NaN in every later loss).
 */
class ConfigurationCheckTest {
    private static final SymmetryFunctionSet AL = ThesisSets.thesis22();

    private static Configuration fccWith(int atom, String species, double[] position) {
        Configuration c = Crystals.fcc("Al", Crystals.AL_A0, 2, 2, 2);
        String[] s = c.species();
        double[] p = c.positions();
        if (species != null) s[atom] = species;
        if (position != null) System.arraycopy(position, 0, p, 3 * atom, 3);
        return c.toBuilder().id("crafted").atoms(s, p).build();
    }

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains("configuration crafted"), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' missing in: " + e.getMessage());
    }

    @Test
    void aCopperAtomIsRejectedByAnAluminiumSet() {
        Configuration c = fccWith(5, "Cu", null);
        DescriptorCalculator calc = new DescriptorCalculator(AL, Convention.N2P2, 1);
        assertRejected(() -> calc.compute(c), "atom 5 is Cu", AL.name(), "Al");
        assertRejected(() -> calc.compute(List.of(Crystals.fcc("Al", 4.045, 2, 2, 2), c)), "atom 5 is Cu");
        assertRejected(() -> calc.gradient(c, 0), "atom 5 is Cu");
    }

    @Test
    void coincidentAtomsAreRejectedNamingBoth() {
        Configuration ref = Crystals.fcc("Al", Crystals.AL_A0, 2, 2, 2);
        Configuration c = fccWith(3, null, ref.position(7));
        DescriptorCalculator calc = new DescriptorCalculator(AL, Convention.N2P2, 1);
        assertRejected(() -> calc.compute(c), "atom 3 and atom 7", "0.1 Å");
        assertRejected(() -> calc.gradient(c, 0), "atom 3 and atom 7");
    }

    /** 0.02 Å from one face and 0.01 Å inside the opposite one of a 10 Å cell: 0.03 Å apart through the boundary. */
    @Test
    void overlapThroughThePeriodicBoundaryIsFound() {
        Configuration c = Configuration.builder().id("crafted").lattice(Lattice.cubic(10))
                .atoms(new String[]{"Al", "Al", "Al"}, new double[]{0.02, 5, 5, 9.99, 5, 5, 3, 3, 3}).build();
        assertRejected(() -> new DescriptorCalculator(AL, Convention.N2P2, 1).compute(c), "atom 0 and atom 1", "0.03");
    }

    /** Close but above the minimum: still computed, and finite. */
    @Test
    void atomsJustAboveTheMinimumAreComputed() {
        Configuration c = Configuration.builder().id("dimer").pbc(false, false, false)
                .atoms(new String[]{"Al", "Al", "Al"}, new double[]{0, 0, 0, 0.15, 0, 0, 0, 2.5, 0}).build();
        double[][] v = new DescriptorCalculator(AL, Convention.N2P2, 1).compute(c);
        for (double[] row : v) for (double x : row) assertTrue(Double.isFinite(x));
        assertEquals(3, v.length);
    }
}
