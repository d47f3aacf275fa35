package io.github.hdnnpkit.data;

import java.util.Locale;

/** The thermodynamic state a temperature series samples. */
public enum Phase {
    /** The FCC crystal. */
    SOLID,
    /** The equilibrium liquid, above the melting point. */
    LIQUID,
    /** A liquid quenched below the melting point: supercooled or amorphous (the thesis's {@code …KS} series). */
    SUPERCOOLED;

    public static Phase parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown phase '" + s + "'; expected solid, liquid or supercooled");
        }
    }

    /** Whether the atoms are disordered (liquid or quenched liquid). */
    public boolean disordered() {
        return this != SOLID;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
