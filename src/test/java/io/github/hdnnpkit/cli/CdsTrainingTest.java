package io.github.hdnnpkit.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** The class-data sharing training run of {@code environment/kit setup} works (it throws when a command fails). */
class CdsTrainingTest {
    @Test
    void theTrainingRunCompletes() {
        assertDoesNotThrow(() -> CdsTraining.main(new String[0]));
    }
}
