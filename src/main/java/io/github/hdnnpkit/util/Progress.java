package io.github.hdnnpkit.util;

/**
 * One listener for every long task (generation, descriptors, training, studies), so console bars, notebook bars and
 * logs are written once. Implementations must be thread-safe: parallel work reports from several threads.
 */
public interface Progress {
    /** A task starts; {@code total} units of work (≤ 0 when unknown). */
    void start(String task, long total);

    /** {@code done} units of the current task are finished; {@code message} may be null. */
    void update(long done, String message);

    /** The current task has ended. */
    void finish(String message);

    /** A listener that ignores everything. */
    Progress NONE = new Progress() {
        @Override public void start(String task, long total) { }
        @Override public void update(long done, String message) { }
        @Override public void finish(String message) { }
    };
}
