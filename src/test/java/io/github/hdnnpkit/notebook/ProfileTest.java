package io.github.hdnnpkit.notebook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ProfileTest {
    @Test
    void parsesNamesAndDefaultsToWalkthrough() {
        assertEquals(Profile.SMOKE, Profile.parse("smoke"));
        assertEquals(Profile.FULL, Profile.parse(" FULL "));
        assertEquals(Profile.WALKTHROUGH, Profile.parse(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("quick"));
        assertTrue(e.getMessage().contains("HDNNP_PROFILE=quick"));
    }

    @Test
    void picksPerProfile() {
        assertEquals(3, Profile.SMOKE.pick(3, 30, 300));
        assertEquals("w", Profile.WALKTHROUGH.pick("s", "w", "f"));
    }

    @Test
    void showFallsBackToTextOutsideANotebook() {
        assertFalse(Show.inNotebook());
    }
}
