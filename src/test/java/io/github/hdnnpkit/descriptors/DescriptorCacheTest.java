package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DescriptorCacheTest {
    @TempDir
    Path dir;

    final List<Configuration> data = DescriptorCalculatorTest.data();
    final DescriptorCalculator calc = new DescriptorCalculator(ThesisSets.thesis22(), Convention.N2P2, 2);

    DescriptorMatrix get(DescriptorCache cache, DescriptorCalculator c, List<Configuration> d) {
        return cache.getOrCompute(d, c, Progress.NONE, Cancellation.none());
    }

    @Test
    void computesOnceThenHits() {
        DescriptorCache cache = new DescriptorCache(dir);
        DescriptorMatrix first = get(cache, calc, data);
        assertEquals(DescriptorCache.Status.MISSING, cache.lastStatus());
        DescriptorMatrix second = get(cache, calc, data);
        assertEquals(DescriptorCache.Status.HIT, cache.lastStatus());
        assertArrayEquals(first.rawValues(), second.rawValues());
        assertArrayEquals(first.atomOffsets(), second.atomOffsets());
        assertEquals(first.featureIds(), second.featureIds());
    }

    @Test
    void otherDataSetOrConventionIsAnotherEntry() {
        DescriptorCache cache = new DescriptorCache(dir);
        Path a = cache.fileFor(data, calc);
        assertNotEquals(a, cache.fileFor(data.subList(0, 6), calc));
        assertNotEquals(a, cache.fileFor(data, new DescriptorCalculator(ThesisSets.thesis22(), Convention.THESIS)));
        assertNotEquals(a, cache.fileFor(data, new DescriptorCalculator(ThesisSets.thesis22Extracted(), Convention.N2P2)));
        // ids and labels do not change the values, hence not the key
        List<Configuration> renamed = data.stream().map(c -> c.toBuilder().id("x" + c.id()).label("t", "1").build()).toList();
        assertEquals(a, cache.fileFor(renamed, calc));
    }

    @Test
    void corruptFileIsDetectedAndRecomputed() throws IOException {
        DescriptorCache cache = new DescriptorCache(dir);
        DescriptorMatrix good = get(cache, calc, data);
        Path f = cache.fileFor(data, calc);
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 0x10;   // one flipped bit in the values
        Files.write(f, bytes);
        DescriptorMatrix again = get(cache, calc, data);
        assertEquals(DescriptorCache.Status.CORRUPT, cache.lastStatus(), cache.lastReason());
        assertArrayEquals(good.rawValues(), again.rawValues());
        get(cache, calc, data);
        assertEquals(DescriptorCache.Status.HIT, cache.lastStatus());

        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 100));   // truncated
        get(cache, calc, data);
        assertEquals(DescriptorCache.Status.CORRUPT, cache.lastStatus(), cache.lastReason());
    }

    @Test
    void staleFileForOtherDataIsNotUsed() throws IOException {
        DescriptorCache cache = new DescriptorCache(dir);
        Path f = dir.resolve("fixed-name.descriptors");
        DescriptorMatrix forSix = cache.getOrCompute(f, data.subList(0, 6), calc, Progress.NONE, Cancellation.none());
        DescriptorMatrix forAll = cache.getOrCompute(f, data, calc, Progress.NONE, Cancellation.none());
        assertEquals(DescriptorCache.Status.STALE, cache.lastStatus());
        assertEquals(6, forSix.configurations());
        assertEquals(7, forAll.configurations());
        cache.getOrCompute(f, data, calc, Progress.NONE, Cancellation.none());
        assertEquals(DescriptorCache.Status.HIT, cache.lastStatus());
    }
}
