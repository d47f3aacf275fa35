package io.github.hdnnpkit.notebook;

import io.github.hdnnpkit.util.Progress;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Shows figures, tables and progress in a notebook: {@code Show.figure(chart); Show.table(table);}. Cells stay one
 * call each and print no display ids. The kit does not depend on the Jupyter kernel: the kernel's display functions
 * are looked up at run time, and outside a notebook (tests, command line) figures and tables fall back to text.
 */
public final class Show {
    private static final String KERNEL_GLOBAL = "org.rapaio.jupyter.kernel.global.Global";
    private static volatile Kernel kernel;

    private Show() {
    }

    /** An XChart chart as a PNG output. */
    public static void figure(Chart<?, ?> chart) {
        Kernel k = kernel();
        if (k != null) k.display(Figures.image(chart));
        else System.out.println("[figure: " + chart.getTitle() + "]");
    }

    /** A composed parity figure (parity panel over residual panel) as a PNG output. */
    public static void figure(ParityPlot plot) {
        Kernel k = kernel();
        if (k != null) k.display(plot.image());
        else System.out.println("[figure: " + plot.title() + "]");
    }

    /** An image (e.g. a diagram drawn with Java2D) as a PNG output. */
    public static void image(java.awt.image.RenderedImage image) {
        Kernel k = kernel();
        if (k != null) k.display(image);
        else System.out.println("[image " + image.getWidth() + "x" + image.getHeight() + "]");
    }

    /** A Tablesaw table as an HTML output (at most 60 rows; the rest is counted, not hidden). */
    public static void table(Table table) {
        table(table, 60);
    }

    public static void table(Table table, int maxRows) {
        Kernel k = kernel();
        if (k != null) k.display("text/html", Tables.html(table, maxRows));
        else System.out.println(table.printAll());
    }

    /** Raw HTML (e.g. a small formatted summary). */
    public static void html(String html) {
        Kernel k = kernel();
        if (k != null) k.display("text/html", html);
        else System.out.println(html);
    }

    /** True when running inside the kit's Jupyter kernel. */
    public static boolean inNotebook() {
        return kernel() != null;
    }

    /**
     * A progress listener that draws one bar updated in place in the notebook (one output, not thousands of lines),
     * or prints to the console outside a notebook.
     */
    public static Progress progress() {
        Kernel k = kernel();
        return k == null ? new io.github.hdnnpkit.util.ConsoleProgress(System.err) : new NotebookBar(k);
    }

    private static Kernel kernel() {
        Kernel k = kernel;
        if (k == null) {
            k = Kernel.find();
            kernel = k;
        }
        return k.available ? k : null;
    }

    /** The kernel's display functions, found by reflection. */
    private static final class Kernel {
        final boolean available;
        final Method display1, display2, update2;

        private Kernel(Method d1, Method d2, Method u2) {
            this.available = d1 != null;
            this.display1 = d1;
            this.display2 = d2;
            this.update2 = u2;
        }

        static Kernel find() {
            for (ClassLoader cl : new ClassLoader[]{Thread.currentThread().getContextClassLoader(), Show.class.getClassLoader(),
                    ClassLoader.getSystemClassLoader()}) {
                if (cl == null) continue;
                try {
                    Class<?> g = Class.forName(KERNEL_GLOBAL, true, cl);
                    return new Kernel(g.getMethod("display", Object.class), g.getMethod("display", String.class, Object.class),
                            g.getMethod("updateDisplay", String.class, String.class, Object.class));
                } catch (ReflectiveOperationException | LinkageError ignored) {
                    // not in this loader
                }
            }
            return new Kernel(null, null, null);
        }

        String display(Object o) {
            return (String) invoke(display1, o);
        }

        String display(String mime, Object o) {
            return (String) invoke(display2, mime, o);
        }

        void update(String id, String mime, Object o) {
            invoke(update2, id, mime, o);
        }

        private static Object invoke(Method m, Object... args) {
            try {
                return m.invoke(null, args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the notebook kernel refused to display: " + e.getCause(), e);
            }
        }
    }

    /** One HTML progress bar, updated in place at most every 250 ms. */
    private static final class NotebookBar implements Progress {
        private final Kernel k;
        private String id;
        private String task = "";
        private long total;
        private long started;
        private long lastDraw;

        NotebookBar(Kernel k) {
            this.k = k;
        }

        @Override
        public synchronized void start(String task, long total) {
            this.task = task;
            this.total = total;
            this.started = System.nanoTime();
            this.lastDraw = 0;
            String html = bar(0, null);
            if (id == null) id = k.display("text/html", html);
            else k.update(id, "text/html", html);
        }

        @Override
        public synchronized void update(long done, String message) {
            long now = System.nanoTime();
            if (now - lastDraw < 250_000_000L && done < total) return;
            lastDraw = now;
            if (id != null) k.update(id, "text/html", bar(done, message));
        }

        @Override
        public synchronized void finish(String message) {
            if (id != null) k.update(id, "text/html", bar(total > 0 ? total : 1, message == null ? "done" : message));
        }

        private String bar(long done, String message) {
            double f = total > 0 ? Math.min(1.0, (double) done / total) : 0;
            double s = (System.nanoTime() - started) / 1e9;
            String eta = f > 0 && f < 1 ? String.format(Locale.ROOT, ", ETA %.0f s", s * (1 - f) / f) : "";
            return String.format(Locale.ROOT,
                    "<div style=\"font-family:monospace\">%s <progress value=\"%.4f\" max=\"1\" style=\"width:240px\"></progress> "
                            + "%d/%d (%.0f s%s)%s</div>",
                    escape(task), f, done, total, s, eta, message == null ? "" : " " + escape(message));
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;");
        }
    }
}
