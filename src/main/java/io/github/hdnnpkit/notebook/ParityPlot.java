package io.github.hdnnpkit.notebook;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A test–predict (parity) figure: predicted against reference with the y = x line on top, and below it, on the same
 * reference axis, the residual (predicted − reference, usually in meV) — the panel where a 2 meV/atom error is
 * visible at all. XChart cannot stack panels, so both are rendered and composed into one image.
 *
 * <p>With more than {@link #DENSITY_THRESHOLD} points (by default) the scatter becomes a 2-D histogram of the last
 * series added (the one judged, e.g. validation): overlapping markers hide where most points are, counts per bin
 * do not. {@code Show.figure(plot)} displays it; {@link #image()} is the composed image.
 *
 * <pre>{@code
 * ParityPlot p = new ParityPlot("Test-predict", "E/N", "eV/atom", "meV/atom", 1000)
 *         .add("training", refTrain, predTrain, FigureStyle.TRAINING)
 *         .add("validation", refVal, predVal, FigureStyle.VALIDATION);
 * Show.figure(p);
 * }</pre>
 */
public final class ParityPlot {
    /** Above this many points in all series the density view is used (see {@link #density(int)}). */
    public static final int DENSITY_THRESHOLD = 2000;
    static final int WIDTH = 720, TOP_HEIGHT = 480, BOTTOM_HEIGHT = 240, BINS = 64, COLOUR_BAR = 96;

    /** One set of points; arrays are copied. */
    public record Series(String name, double[] reference, double[] predicted, Color colour) {
        public Series {
            Objects.requireNonNull(name);
            Objects.requireNonNull(colour);
            if (reference.length != predicted.length)
                throw new IllegalArgumentException("series " + name + ": " + reference.length + " references but " + predicted.length + " predictions");
            reference = reference.clone();
            predicted = predicted.clone();
        }
    }

    private final String title, quantity, unit, residualUnit;
    private final double residualScale;
    private final List<Series> series = new ArrayList<>();
    private int densityThreshold = DENSITY_THRESHOLD;
    private double[] crop;

    /**
     * @param title         figure title (RMSE, MAE, model)
     * @param quantity      what is compared, e.g. {@code E/N} or {@code F_x}
     * @param unit          its unit, e.g. {@code eV/atom}
     * @param residualUnit  the residual's unit, e.g. {@code meV/atom}
     * @param residualScale factor from {@code unit} to {@code residualUnit} (1000 for eV → meV)
     */
    public ParityPlot(String title, String quantity, String unit, String residualUnit, double residualScale) {
        this.title = Objects.requireNonNull(title);
        this.quantity = Objects.requireNonNull(quantity);
        this.unit = Objects.requireNonNull(unit);
        this.residualUnit = Objects.requireNonNull(residualUnit);
        if (!(residualScale > 0) || Double.isInfinite(residualScale))
            throw new IllegalArgumentException("residual scale must be finite and > 0, got " + residualScale);
        this.residualScale = residualScale;
    }

    /** Adds a series (drawn in order, so the one to judge goes last). */
    public ParityPlot add(String name, double[] reference, double[] predicted, Color colour) {
        Series s = new Series(name, reference, predicted, colour);
        if (series.stream().anyMatch(o -> o.name.equals(name))) throw new IllegalArgumentException("series " + name + " added twice");
        series.add(s);
        return this;
    }

    /** Limits both axes of the parity panel (and the residual panel's reference axis) to [lo, hi]. */
    public ParityPlot crop(double lo, double hi) {
        if (!(hi > lo)) throw new IllegalArgumentException("crop needs lo < hi, got [" + lo + ", " + hi + "]");
        crop = new double[]{lo, hi};
        return this;
    }

    /** Uses the density view above {@code points} points in all (0: always; Integer.MAX_VALUE: never). */
    public ParityPlot density(int points) {
        if (points < 0) throw new IllegalArgumentException("density threshold must be >= 0, got " + points);
        densityThreshold = points;
        return this;
    }

    public String title() {
        return title;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    /** Whether the figure shows a 2-D histogram rather than markers. */
    public boolean isDensity() {
        return series.stream().mapToInt(s -> s.reference.length).sum() > densityThreshold;
    }

    /** Root-mean-square residual of a series, in the residual unit. */
    public double rmse(String name) {
        Series s = series.stream().filter(x -> x.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no series " + name + " in " + names()));
        double ss = 0;
        for (int i = 0; i < s.reference.length; i++) {
            double d = residualScale * (s.predicted[i] - s.reference[i]);
            ss += d * d;
        }
        return s.reference.length == 0 ? Double.NaN : Math.sqrt(ss / s.reference.length);
    }

    private List<String> names() {
        return series.stream().map(Series::name).toList();
    }

    private Series judged() {
        if (series.isEmpty()) throw new IllegalStateException("parity plot '" + title + "' has no series");
        return series.get(series.size() - 1);
    }

    /** [lo, hi] of the parity axes: the crop, or all references and predictions padded by 4 %. */
    private double[] parityRange() {
        if (crop != null) return crop.clone();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series)
            for (double[] a : new double[][]{s.reference, s.predicted})
                for (double v : a) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (!(lo <= hi)) throw new IllegalStateException("parity plot '" + title + "' has no finite points");
        double p = hi > lo ? 0.04 * (hi - lo) : Math.max(1e-6, 0.01 * Math.abs(hi));
        return new double[]{lo - p, hi + p};
    }

    /** Residual range around 0 covering the points inside the reference range. */
    private double[] residualRange(double[] xr) {
        double m = 0;
        for (Series s : series)
            for (int i = 0; i < s.reference.length; i++)
                if (s.reference[i] >= xr[0] && s.reference[i] <= xr[1])
                    m = Math.max(m, Math.abs(residualScale * (s.predicted[i] - s.reference[i])));
        if (!(m > 0) || !Double.isFinite(m)) m = 1;
        return new double[]{-1.1 * m, 1.6 * m};   // headroom above for the legend
    }

    /** The upper panel as an XChart chart (predicted against reference, y = x). */
    public XYChart parity() {
        double[] r = parityRange();
        XYChart c = new XYChartBuilder().width(WIDTH).height(TOP_HEIGHT).title(title)
                .xAxisTitle("reference " + quantity + " (" + unit + ")").yAxisTitle("predicted " + quantity + " (" + unit + ")").build();
        c.getStyler().setXAxisMin(r[0]).setXAxisMax(r[1]).setYAxisMin(r[0]).setYAxisMax(r[1]);
        boolean density = isDensity();
        if (!density) for (Series s : series) scatter(c, s.name, s.reference, s.predicted, s.colour);
        XYSeries diag = c.addSeries("y = x", through(r[0], r[1]), through(r[0], r[1]));
        diag.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
                .setLineColor(FigureStyle.REFERENCE_LINE).setLineStyle(dashed(1.3f));
        FigureStyle.apply(c);
        if (density) c.getStyler().setLegendVisible(false);
        // the residual panel below carries the shared reference axis
        c.getStyler().setXAxisTitleVisible(false);
        return c;
    }

    /** The lower panel: residual (in the residual unit) against reference, with 0 and ± RMSE of the judged series. */
    public XYChart residuals() {
        return residuals(WIDTH);
    }

    private XYChart residuals(int width) {
        double[] xr = parityRange(), yr = residualRange(xr);
        Series j = judged();
        XYChart c = new XYChartBuilder().width(width).height(BOTTOM_HEIGHT)
                .xAxisTitle("reference " + quantity + " (" + unit + ")").yAxisTitle("residual (" + residualUnit + ")").build();
        c.getStyler().setXAxisMin(xr[0]).setXAxisMax(xr[1]).setYAxisMin(yr[0]).setYAxisMax(yr[1]);
        if (!isDensity()) for (Series s : series) scatter(c, s.name, s.reference, residual(s), s.colour).setShowInLegend(false);
        XYSeries zero = c.addSeries("zero", through(xr[0], xr[1]), new double[3]);
        zero.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
                .setLineColor(FigureStyle.REFERENCE_LINE).setLineStyle(new BasicStroke(1.2f)).setShowInLegend(false);
        double rmse = rmse(j.name);
        if (Double.isFinite(rmse)) {
            String label = String.format(Locale.ROOT, "± RMSE of %s: %s %s", j.name, AxisTicks.significant(rmse, 3), residualUnit);
            for (int k = 0; k < 2; k++) {
                double y = k == 0 ? rmse : -rmse;
                XYSeries band = c.addSeries(k == 0 ? label : label + " ", through(xr[0], xr[1]), new double[]{y, y, y});
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
                        .setLineColor(FigureStyle.translucent(j.colour.darker(), 0.9)).setLineStyle(dashed(1.3f)).setShowInLegend(k == 0);
            }
        }
        FigureStyle.apply(c);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        return c;
    }

    private double[] residual(Series s) {
        double[] r = new double[s.reference.length];
        for (int i = 0; i < r.length; i++) r[i] = residualScale * (s.predicted[i] - s.reference[i]);
        return r;
    }

    private static XYSeries scatter(XYChart c, String name, double[] x, double[] y, Color colour) {
        XYSeries s = c.addSeries(name, x, y);
        // translucency shows where markers pile up; fewer points can stay nearly opaque
        double alpha = x.length > 500 ? 0.45 : x.length > 100 ? 0.65 : 0.85;
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE)
                .setMarkerColor(FigureStyle.translucent(colour, alpha));
        return s;
    }

    /**
     * A straight line's x values from lo to hi through an off-centre middle point: XChart puts the ticks of equally
     * spaced x data on the data values only, which for a two-point line means no labelled ticks at all.
     */
    private static double[] through(double lo, double hi) {
        return new double[]{lo, lo + 0.381966 * (hi - lo), hi};
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f);
    }

    /**
     * The two panels composed: parity on top, residuals below, their plot areas aligned on the shared reference
     * axis (the lower chart is re-rendered at the width that makes its plot as wide as the upper one's).
     */
    public BufferedImage image() {
        XYChart top = parity();
        BufferedImage a = BitmapEncoder.getBufferedImage(top);
        double[] xr = parityRange();
        int aLeft = (int) Math.round(top.getScreenXFromChart(xr[0])), aRight = (int) Math.round(top.getScreenXFromChart(xr[1]));
        XYChart bottom = residuals();
        BufferedImage b = BitmapEncoder.getBufferedImage(bottom);
        int bLeft = (int) Math.round(bottom.getScreenXFromChart(xr[0])), bRight = (int) Math.round(bottom.getScreenXFromChart(xr[1]));
        int width = WIDTH + (aRight - aLeft) - (bRight - bLeft);
        if (width != WIDTH && width > 200) {
            bottom = residuals(width);
            b = BitmapEncoder.getBufferedImage(bottom);
            bLeft = (int) Math.round(bottom.getScreenXFromChart(xr[0]));
        }
        boolean density = isDensity();
        if (density) {
            Series j = judged();
            paintDensity(a, top, j.reference, j.predicted, true);
            paintDensity(b, bottom, j.reference, residual(j), false);
        }
        int shiftA = Math.max(0, bLeft - aLeft), shiftB = Math.max(0, aLeft - bLeft);
        int w = Math.max(shiftA + a.getWidth(), shiftB + b.getWidth()) + (density ? COLOUR_BAR : 0);
        BufferedImage out = new BufferedImage(w, a.getHeight() + b.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(a, shiftA, 0, null);
        g.drawImage(b, shiftB, a.getHeight(), null);
        if (density) colourBar(g, shiftA + a.getWidth() + 8, top, shiftA);
        g.dispose();
        return out;
    }

    /** Writes {@link #image()} as a PNG, atomically (temp file, then move). */
    public Path save(Path file) {
        try {
            BufferedImage img = image();
            return io.github.hdnnpkit.util.Staging.write(file, tmp -> {
                if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer");
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- density view -------------------------------------------------------------------------------------

    private int maxCount;

    /** Paints a 2-D histogram of (x, y) into the chart's plot area, then the reference line again on top. */
    private void paintDensity(BufferedImage img, XYChart c, double[] x, double[] y, boolean diagonal) {
        double x0 = c.getStyler().getXAxisMin(), x1 = c.getStyler().getXAxisMax();
        double y0 = c.getStyler().getYAxisMin(), y1 = c.getStyler().getYAxisMax();
        int[][] n = new int[BINS][BINS];
        int max = 0;
        for (int i = 0; i < x.length; i++) {
            int bx = (int) Math.floor((x[i] - x0) / (x1 - x0) * BINS), by = (int) Math.floor((y[i] - y0) / (y1 - y0) * BINS);
            if (bx < 0 || by < 0 || bx >= BINS || by >= BINS) continue;
            max = Math.max(max, ++n[bx][by]);
        }
        if (diagonal) maxCount = max;
        int scaleMax = Math.max(1, maxCount);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < BINS; i++)
            for (int k = 0; k < BINS; k++) {
                if (n[i][k] == 0) continue;
                double sx0 = c.getScreenXFromChart(x0 + (x1 - x0) * i / BINS), sx1 = c.getScreenXFromChart(x0 + (x1 - x0) * (i + 1) / BINS);
                double sy0 = c.getScreenYFromChart(y0 + (y1 - y0) * k / BINS), sy1 = c.getScreenYFromChart(y0 + (y1 - y0) * (k + 1) / BINS);
                g.setColor(viridis(Math.log1p(Math.min(n[i][k], scaleMax)) / Math.log1p(scaleMax)));
                g.fill(new Rectangle2D.Double(Math.min(sx0, sx1), Math.min(sy0, sy1), Math.abs(sx1 - sx0) + 0.6, Math.abs(sy1 - sy0) + 0.6));
            }
        g.setColor(FigureStyle.REFERENCE_LINE);
        g.setStroke(dashed(1.3f));
        Shape plot = new Rectangle2D.Double(c.getScreenXFromChart(x0), c.getScreenYFromChart(y1),
                c.getScreenXFromChart(x1) - c.getScreenXFromChart(x0), c.getScreenYFromChart(y0) - c.getScreenYFromChart(y1));
        g.setClip(plot);
        if (diagonal) g.draw(new Line2D.Double(c.getScreenXFromChart(x0), c.getScreenYFromChart(x0), c.getScreenXFromChart(x1), c.getScreenYFromChart(x1)));
        else {
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new Line2D.Double(c.getScreenXFromChart(x0), c.getScreenYFromChart(0), c.getScreenXFromChart(x1), c.getScreenYFromChart(0)));
        }
        g.dispose();
    }

    /** A vertical colour bar beside the upper panel, log-scaled counts per bin. */
    private void colourBar(Graphics2D g, int left, XYChart top, int shift) {
        double y0 = top.getStyler().getYAxisMin(), y1 = top.getStyler().getYAxisMax();
        int ty = (int) Math.round(top.getScreenYFromChart(y1)), by = (int) Math.round(top.getScreenYFromChart(y0));
        int h = by - ty, barW = 16, max = Math.max(1, maxCount);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int p = 0; p < h; p++) {
            g.setColor(viridis(1 - (double) p / (h - 1)));
            g.fillRect(left, ty + p, barW, 1);
        }
        g.setColor(FigureStyle.AXIS);
        g.drawRect(left, ty, barW, h);
        g.setFont(FigureStyle.font(Font.PLAIN, FigureStyle.TICK_SIZE));
        g.setColor(FigureStyle.TEXT);
        for (int v = 1; v <= max; v *= 10) tick(g, left + barW, ty, h, v, max);
        if (max > 1 && Integer.toString(max).charAt(0) != '1') tick(g, left + barW, ty, h, max, max);
        Graphics2D r = (Graphics2D) g.create();
        r.setFont(FigureStyle.font(Font.PLAIN, FigureStyle.LEGEND_SIZE));
        r.rotate(-Math.PI / 2);
        String label = judged().name + " per bin";
        int lw = r.getFontMetrics().stringWidth(label);
        r.drawString(label, -(ty + h / 2 + lw / 2), left + barW + 58);
        r.dispose();
    }

    private static void tick(Graphics2D g, int x, int ty, int h, int v, int max) {
        double f = max == 1 ? 1 : Math.log1p(v) / Math.log1p(max);
        int y = (int) Math.round(ty + (1 - f) * (h - 1));
        g.drawLine(x, y, x + 4, y);
        g.drawString(Integer.toString(v), x + 7, y + g.getFontMetrics().getAscent() / 2 - 1);
    }

    /** matplotlib's viridis (perceptually uniform, colour-blind safe), piecewise linear through 9 of its colours. */
    static Color viridis(double t) {
        int[][] a = {{68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141}, {39, 173, 129}, {92, 200, 99},
                {170, 220, 50}, {253, 231, 37}};
        double u = Math.max(0, Math.min(1, t)) * (a.length - 1);
        int i = Math.min(a.length - 2, (int) u);
        double f = u - i;
        return new Color((int) Math.round(a[i][0] + f * (a[i + 1][0] - a[i][0])), (int) Math.round(a[i][1] + f * (a[i + 1][1] - a[i][1])),
                (int) Math.round(a[i][2] + f * (a[i + 1][2] - a[i][2])));
    }
}
