package io.github.hdnnpkit.md;

import java.util.Map;

/**
 * Standard atomic masses in amu for the elements an MD validation here meets. Aluminium carries the value the kit's
 * LAMMPS template gives it ({@code mass 1 26.9815385}), so the kit and LAMMPS integrate the same equations.
 */
public final class Masses {
    private static final Map<String, Double> AMU = Map.ofEntries(
            Map.entry("H", 1.008), Map.entry("He", 4.002602), Map.entry("Li", 6.94), Map.entry("C", 12.011),
            Map.entry("N", 14.007), Map.entry("O", 15.999), Map.entry("Ne", 20.1797), Map.entry("Na", 22.98976928),
            Map.entry("Mg", 24.305), Map.entry("Al", 26.9815385), Map.entry("Si", 28.085), Map.entry("Ar", 39.948),
            Map.entry("Ti", 47.867), Map.entry("Fe", 55.845), Map.entry("Ni", 58.6934), Map.entry("Cu", 63.546),
            Map.entry("Zn", 65.38), Map.entry("Ge", 72.630), Map.entry("Kr", 83.798), Map.entry("Ag", 107.8682),
            Map.entry("Au", 196.966569), Map.entry("Pt", 195.084), Map.entry("Pb", 207.2), Map.entry("Xe", 131.293));

    private Masses() {
    }

    /** The mass of an element in amu; throws naming the symbol when the table has none (pass masses explicitly then). */
    public static double of(String symbol) {
        Double m = AMU.get(symbol);
        if (m == null)
            throw new IllegalArgumentException("no standard mass for '" + symbol + "' in md.Masses; give the masses explicitly (MdState.of(configuration, velocities, masses))");
        return m;
    }
}
