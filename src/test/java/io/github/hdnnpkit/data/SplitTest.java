package io.github.hdnnpkit.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class SplitTest {
    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).sorted().toArray();
    }

    @Test
    void thinningKeepsEveryKthTrainingAndValidationConfigurationAndTheWholeTestPart() {
        Split s = Split.of(new int[]{9, 3, 7, 1, 5, 11, 13}, new int[]{2, 4, 6}, new int[]{0, 8, 10, 12});
        Split t = s.thinned(3);
        assertArrayEquals(new int[]{1, 7, 13}, t.train());   // the parts are kept sorted: 1 3 5 7 9 11 13
        assertArrayEquals(new int[]{2}, t.validation());
        assertArrayEquals(s.test(), t.test());
        assertArrayEquals(s.train(), s.thinned(1).train());
        assertThrows(IllegalArgumentException.class, () -> s.thinned(0));
    }

    @Test
    void extraConfigurationsGoToTrainingAndValidationOnly() {
        Split s = Split.of(new int[]{1, 3, 5}, new int[]{2}, new int[]{0, 4});
        Split e = s.withExtra(6, 5, 0.8);
        assertArrayEquals(new int[]{1, 3, 5, 6, 7, 8, 9}, e.train());
        assertArrayEquals(new int[]{2, 10}, e.validation());
        assertArrayEquals(s.test(), e.test());
        assertEquals(s, s.withExtra(6, 0, 0.8));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> s.withExtra(4, 2, 0.5));
        assertTrue(x.getMessage().contains("already in the split"), x.getMessage());
    }

    @Test
    void thesisSplitHoldsOutTenPercentThenEightyTwenty() {
        Split s = Split.thesis(4200);
        assertEquals(420, s.test().length);
        // 3780 left: 80 % = 3024 train, 756 validation
        assertEquals(3024, s.train().length);
        assertEquals(756, s.validation().length);
        assertArrayEquals(IntStream.range(0, 4200).toArray(), concat(s.train(), s.validation(), s.test()));
        assertEquals(Split.Scheme.RANDOM, s.scheme());
    }

    @Test
    void testPartDoesNotDependOnTheTrainFraction() {
        // notebook 04 varies the train fraction: the configurations that judge the models must stay the same
        int[] t8 = Split.byConfiguration(1000, 0.8, 101).test(), t6 = Split.byConfiguration(1000, 0.6, 101).test();
        assertArrayEquals(t8, t6);
        assertEquals(360, Split.byConfiguration(1000, 0.6, 101).validation().length);
    }

    @Test
    void seedReproducesAndDiffers() {
        assertEquals(Split.byConfiguration(100, 0.8, 7), Split.byConfiguration(100, 0.8, 7));
        assertNotEquals(Split.byConfiguration(100, 0.8, 7), Split.byConfiguration(100, 0.8, 8));
    }

    @Test
    void isShuffledNotAPrefix() {
        Split s = Split.byConfiguration(1000, 0.8, 101);
        // a prefix split would put the last indices in validation; a shuffled one spreads validation over the range
        long low = Arrays.stream(s.validation()).filter(i -> i < 500).count();
        assertTrue(low > 50 && low < 130, "validation configurations below 500: " + low);
        long lowTest = Arrays.stream(s.test()).filter(i -> i < 500).count();
        assertTrue(lowTest > 25 && lowTest < 75, "test configurations below 500: " + lowTest);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Split.byConfiguration(2, 0.8, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.byConfiguration(10, 1.0, 1));
    }

    @Test
    void rejectsOverlappingOrRepeatedIndices() {
        var shared = assertThrows(IllegalArgumentException.class, () -> Split.of(new int[]{0, 1, 2}, new int[]{3, 2}, new int[]{4}));
        assertTrue(shared.getMessage().contains("configuration 2") && shared.getMessage().contains("validation"), shared.getMessage());
        var testShared = assertThrows(IllegalArgumentException.class, () -> Split.of(new int[]{0, 1}, new int[]{3}, new int[]{1}));
        assertTrue(testShared.getMessage().contains("test"), testShared.getMessage());
        var twice = assertThrows(IllegalArgumentException.class, () -> Split.of(new int[]{0, 1, 1}, new int[]{3}, new int[]{4}));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Split.of(new int[]{-1, 1}, new int[]{3}, new int[]{4}));
        assertEquals(5, Split.of(new int[]{0, 1}, new int[]{2}, new int[]{3, 4}).size());
    }

    private static String[] series(int perSeries, String... names) {
        String[] s = new String[perSeries * names.length];
        for (int i = 0; i < s.length; i++) s[i] = names[i / perSeries];
        return s;
    }

    @Test
    void seriesSplitHoldsOutWholeSeries() {
        String[] s = series(10, "300K", "950K", "1500K");
        Split split = Split.bySeries(s, List.of("950K"), 0.8, 101);
        assertArrayEquals(IntStream.range(10, 20).toArray(), split.test());
        assertEquals(16, split.train().length);
        assertEquals(4, split.validation().length);
        for (int i : split.train()) assertNotEquals("950K", s[i]);
        assertThrows(IllegalArgumentException.class, () -> Split.bySeries(s, List.of("10K"), 0.8, 1));
    }

    @Test
    void timeBlocksAreContiguousAndInEverySeries() {
        String[] s = series(200, "300K", "1500K");
        Split split = Split.byTimeBlocks(s, 20, 0.1, 0.8, 101);
        assertArrayEquals(IntStream.range(0, 400).toArray(), concat(split.train(), split.validation(), split.test()));
        // 10 blocks per series: 1 test block each, 2 validation blocks (round(9 * 0.2)), 7 training blocks
        assertEquals(40, split.test().length);
        assertEquals(80, split.validation().length);
        for (int[] part : new int[][]{split.train(), split.validation(), split.test()}) {
            Set<Integer> blocks = new HashSet<>();
            for (int i : part) blocks.add(i / 20);
            // a block is never split between parts
            assertEquals(blocks.size() * 20, part.length);
            // and every series appears in every part
            assertTrue(Arrays.stream(part).anyMatch(i -> i < 200) && Arrays.stream(part).anyMatch(i -> i >= 200));
        }
        assertEquals(split, Split.byTimeBlocks(s, 20, 0.1, 0.8, 101));
        assertNotEquals(split, Split.byTimeBlocks(s, 20, 0.1, 0.8, 102));
    }

    @Test
    void trainingShareKeepsValidationAndTest() {
        Split s = Split.thesis(1000);
        Split half = s.withTrainingShare(0.5, 3);
        assertEquals(s.train().length / 2, half.train().length);
        assertArrayEquals(s.validation(), half.validation());
        assertArrayEquals(s.test(), half.test());
        for (int i : half.train()) assertTrue(Arrays.binarySearch(s.train(), i) >= 0);
    }
}
