package io.github.hdnnpkit.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class SplitTest {
    @Test
    void partitionsAllConfigurationsEightyTwenty() {
        Split s = Split.thesis(4200);
        assertEquals(3360, s.train().length);
        assertEquals(840, s.validation().length);
        int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 4200).toArray(), all);
    }

    @Test
    void seedReproducesAndDiffers() {
        assertEquals(Split.byConfiguration(100, 0.8, 7), Split.byConfiguration(100, 0.8, 7));
        assertNotEquals(Split.byConfiguration(100, 0.8, 7), Split.byConfiguration(100, 0.8, 8));
    }

    @Test
    void isShuffledNotAPrefix() {
        Split s = Split.byConfiguration(1000, 0.8, 101);
        // a prefix split would put 800..999 in validation; a shuffled one spreads validation over the range
        long low = Arrays.stream(s.validation()).filter(i -> i < 500).count();
        assertTrue(low > 60 && low < 140, "validation configurations below 500: " + low);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Split.byConfiguration(1, 0.8, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.byConfiguration(10, 1.0, 1));
    }
}
