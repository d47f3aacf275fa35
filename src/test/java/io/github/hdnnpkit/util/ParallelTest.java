package io.github.hdnnpkit.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class ParallelTest {
    @Test
    void everyTaskRunsOnceAndTheFirstInTheCaller() {
        ExecutorService pool = Parallel.daemonPool(2, "test-pool");
        try {
            AtomicInteger count = new AtomicInteger();
            Thread caller = Thread.currentThread();
            Thread[] first = new Thread[1];
            List<Runnable> tasks = new ArrayList<>();
            tasks.add(() -> { first[0] = Thread.currentThread(); count.incrementAndGet(); });
            for (int k = 0; k < 5; k++) tasks.add(count::incrementAndGet);
            Parallel.runAll(pool, tasks);
            assertEquals(6, count.get());
            assertSame(caller, first[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTasksOwnExceptionComesBackUnwrappedAfterEveryTaskFinished() {
        ExecutorService pool = Parallel.daemonPool(1, "test-pool");
        try {
            AtomicInteger finished = new AtomicInteger();
            List<Runnable> tasks = List.of(() -> { throw new IllegalArgumentException("caller's"); },
                    () -> { sleep(50); finished.incrementAndGet(); },
                    () -> { throw new ArithmeticException("pool's"); });
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.runAll(pool, tasks));
            assertEquals("caller's", e.getMessage());
            assertEquals(1, finished.get(), "the slow task finished before runAll returned");
            assertEquals(1, e.getSuppressed().length);
            assertInstanceOf(ArithmeticException.class, e.getSuppressed()[0]);
            assertThrows(ArithmeticException.class, () -> Parallel.runAll(null, List.of(() -> { throw new ArithmeticException(); })));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
