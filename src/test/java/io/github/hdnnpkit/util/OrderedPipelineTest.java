package io.github.hdnnpkit.util;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** The read → parallel work → ordered write pipeline keeps the input order, holds at most its window, and stops at the first failure. */
class OrderedPipelineTest {
    /** Work that takes a random, item-dependent time, so that later items often finish first. */
    private static int slowSquare(long index, int item) {
        long spin = new SplittableRandom(item).nextInt(200_000);
        long x = 0;
        for (long k = 0; k < spin; k++) x += k ^ item;
        if (x == 42) System.out.print("");   // keep the loop
        return item * item;
    }

    @Test
    void writesInInputOrderAndNeverHoldsMoreThanTheWindow() {
        int n = 400, window = 6;
        List<Integer> written = new ArrayList<>();
        AtomicLong produced = new AtomicLong();
        long[] worstLead = {0};
        try (OrderedPipeline<Integer, Integer> p = new OrderedPipeline<>(3, window, OrderedPipelineTest::slowSquare, (i, r) -> {
            assertEquals(i, written.size(), "the sink sees consecutive indices");
            written.add(r);
            worstLead[0] = Math.max(worstLead[0], produced.get() - written.size());
        }, Cancellation.none())) {
            for (int i = 0; i < n; i++) {
                produced.incrementAndGet();
                p.submit(i);
            }
            assertEquals(n, p.finish());
            assertTrue(p.maxInFlight() <= window, "in flight " + p.maxInFlight());
        }
        for (int i = 0; i < n; i++) assertEquals(i * i, written.get(i));
        // the producer can only be `window` items ahead of the writer (plus the one it is about to submit)
        assertTrue(worstLead[0] <= window + 1, "the producer ran " + worstLead[0] + " items ahead");
    }

    @Test
    void aFailingItemStopsThePipelineAndNothingAfterItIsWritten() {
        List<Integer> written = new ArrayList<>();
        IllegalArgumentException e;
        try (OrderedPipeline<Integer, Integer> p = new OrderedPipeline<>(2, 4, (i, item) -> {
            if (item == 37) throw new IllegalArgumentException("bad item 37");
            return slowSquare(i, item);
        }, (i, r) -> written.add(r), Cancellation.none())) {
            e = assertThrows(IllegalArgumentException.class, () -> {
                for (int i = 0; i < 1000; i++) p.submit(i);
                p.finish();
            });
        }
        assertEquals("bad item 37", e.getMessage());
        assertEquals(37, written.size(), "items after the failed one were written");
    }

    @Test
    void aFailingSinkIsRethrownToTheProducer() {
        try (OrderedPipeline<Integer, Integer> p = new OrderedPipeline<>(2, 3, (i, item) -> item, (i, r) -> {
            if (i == 5) throw new IOException("disk full");
        }, Cancellation.none())) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
                for (int i = 0; i < 1_000_000; i++) p.submit(i);   // must not block forever on the full window
                p.finish();
            });
            assertEquals("disk full", e.getCause().getMessage());
        }
    }
}
