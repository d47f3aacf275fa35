package io.github.hdnnpkit.util;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on a console: redrawn in place with {@code \r} on a terminal, a line every 10 % otherwise (CI logs
 * stay short). Without a total (≤ 0: a stream of unknown length) it shows the count and the rate, never "n/-1".
 */
public final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final boolean terminal;
    private String task = "";
    private long total;
    private long started;
    private long lastDraw;
    private int lastDecile = -1;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void start(String task, long total) {
        this.task = task;
        this.total = total;
        this.started = System.nanoTime();
        this.lastDecile = -1;
        this.lastDraw = 0;
    }

    @Override
    public synchronized void update(long done, String message) {
        double f = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        long now = System.nanoTime();
        if (total <= 0) {
            // no total to show a bar or an ETA against: the count and the rate, redrawn every 0.2 s (a log line every 10 s)
            if (now - lastDraw < (terminal ? 200_000_000L : 10_000_000_000L)) return;
            lastDraw = now;
            double s = (now - started) / 1e9;
            String line = String.format(Locale.ROOT, "%s: %d done, %.1f/s, %.0fs%s", task, done, done / Math.max(s, 1e-9), s,
                    message == null ? "" : " " + message);
            if (terminal) out.print("\r" + line);
            else out.println(line);
            out.flush();
            return;
        }
        if (terminal) {
            if (now - lastDraw < 200_000_000L && done < total) return;
            lastDraw = now;
            out.print("\r" + line(done, f, message));
            out.flush();
        } else {
            int decile = (int) (f * 10);
            if (decile == lastDecile) return;
            lastDecile = decile;
            out.println(line(done, f, message));
        }
    }

    @Override
    public synchronized void finish(String message) {
        double s = (System.nanoTime() - started) / 1e9;
        out.println((terminal ? "\r" : "") + String.format(Locale.ROOT, "%s: done in %.1f s%s", task, s,
                message == null ? "" : " (" + message + ")"));
    }

    private String line(long done, double f, String message) {
        int width = 30, fill = (int) Math.round(f * width);
        double s = (System.nanoTime() - started) / 1e9;
        String eta = f > 0 && f < 1 ? String.format(Locale.ROOT, " ETA %.0fs", s * (1 - f) / f) : "";
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %.0fs%s%s", task, "#".repeat(fill), " ".repeat(width - fill),
                done, total, s, eta, message == null ? "" : " " + message);
    }
}
