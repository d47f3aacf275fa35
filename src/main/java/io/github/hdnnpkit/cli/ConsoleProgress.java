package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.util.Progress;

import java.io.PrintStream;

/**
 * A one-line progress bar on a console stream (stderr by default), redrawn at most every 200 ms. Thread-safe.
 * In a notebook the same listener prints to the cell's stderr.
 */
public final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private String task = "";
    private long total;
    private long startNanos;
    private long lastDraw;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    public ConsoleProgress() {
        this(System.err);
    }

    @Override
    public synchronized void start(String task, long total) {
        this.task = task;
        this.total = total;
        this.startNanos = System.nanoTime();
        this.lastDraw = 0;
    }

    @Override
    public synchronized void update(long done, String message) {
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && done != total) return;
        lastDraw = now;
        double seconds = (now - startNanos) / 1e9;
        StringBuilder sb = new StringBuilder("\r").append(task).append(' ');
        if (total > 0) {
            int width = 30, filled = (int) (width * done / total);
            sb.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ")
                    .append(done).append('/').append(total);
        } else {
            sb.append(done);
        }
        sb.append(String.format(" %.1f s", seconds));
        if (message != null) sb.append(' ').append(message);
        out.print(sb);
        out.flush();
    }

    @Override
    public synchronized void finish(String message) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("\r%s: %s (%.1f s)%n", task, message == null ? "done" : message, seconds);
        out.flush();
    }
}
