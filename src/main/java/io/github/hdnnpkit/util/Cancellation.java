package io.github.hdnnpkit.util;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation for long work: a flag and an optional time budget, checked by the worker at safe points
 * (each configuration, each epoch). Work that sees it stops cleanly and returns what it has (e.g. the best model so
 * far) instead of being interrupted, which would leave a notebook kernel waiting.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final long deadlineNanos;

    private Cancellation(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A token that only stops when {@link #cancel()} is called. */
    public static Cancellation none() {
        return new Cancellation(Long.MAX_VALUE);
    }

    /** A token that also stops once the budget has elapsed from now. */
    public static Cancellation withBudget(Duration budget) {
        long now = System.nanoTime();
        long nanos = budget.toNanos();
        return new Cancellation(nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos);
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** True once cancelled or out of time. */
    public boolean isCancelled() {
        return cancelled.get() || (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0);
    }
}
