package io.github.hdnnpkit.notebook;

import java.util.Locale;

/**
 * How much work a notebook does, read from the environment variable {@code HDNNP_PROFILE} so the same notebook runs
 * as a CI smoke test, as the walkthrough of {@code environment/kit reproduce}, or in full, without editing cells.
 */
public enum Profile {
    /** Seconds per notebook: the committed fixture, a few epochs. CI runs this. */
    SMOKE,
    /** Minutes per notebook on 2 cores: the generated data, shortened trainings. The default. */
    WALKTHROUGH,
    /** The thesis's own sizes: all configurations, thousands of epochs. Hours. */
    FULL;

    public static final String ENV = "HDNNP_PROFILE";

    /** The profile named by {@code HDNNP_PROFILE} (or the system property {@code hdnnp.profile}); walkthrough when unset. */
    public static Profile current() {
        String v = System.getProperty("hdnnp.profile", System.getenv(ENV));
        return parse(v);
    }

    public static Profile parse(String name) {
        if (name == null || name.isBlank()) return WALKTHROUGH;
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + "=" + name + " is not a profile; expected smoke, walkthrough or full");
        }
    }

    /** Picks the value for this profile: {@code profile.pick(smoke, walkthrough, full)}. */
    public <T> T pick(T smoke, T walkthrough, T full) {
        return switch (this) {
            case SMOKE -> smoke;
            case WALKTHROUGH -> walkthrough;
            case FULL -> full;
        };
    }

    public int pick(int smoke, int walkthrough, int full) {
        return switch (this) {
            case SMOKE -> smoke;
            case WALKTHROUGH -> walkthrough;
            case FULL -> full;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
