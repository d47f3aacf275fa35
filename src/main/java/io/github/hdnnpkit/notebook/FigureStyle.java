package io.github.hdnnpkit.notebook;

import io.github.hdnnpkit.data.Phase;
import io.github.hdnnpkit.descriptors.AngularSymmetryFunction;
import io.github.hdnnpkit.descriptors.RadialG1;
import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * The kit's one figure style, applied by every chart helper as its last step: {@code return FigureStyle.apply(chart);}.
 * White chart and plot, no grey frame, a light grid, DejaVu Sans (installed with the kit) at sizes readable in a
 * notebook, the Okabe–Ito colour-blind-safe palette, axes padded like matplotlib's with 1-2-5 tick steps and labels
 * that never print {@code .003} ({@link AxisTicks}), and the legend inside the emptiest corner when it fits.
 *
 * <p>Colours that carry meaning are fixed here so that every notebook agrees: one per {@link Phase}, one per
 * descriptor {@link Group}, and one per split ({@link #TRAINING}, {@link #VALIDATION}).
 */
public final class FigureStyle {
    /** The font family of every text in a figure. */
    public static final String FONT_FAMILY = "DejaVu Sans";
    public static final float TITLE_SIZE = 15f, AXIS_TITLE_SIZE = 14f, TICK_SIZE = 12f, LEGEND_SIZE = 12f;

    // Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency
    public static final Color BLUE = new Color(0, 114, 178);
    public static final Color ORANGE = new Color(230, 159, 0);
    public static final Color BLUISH_GREEN = new Color(0, 158, 115);
    public static final Color VERMILLION = new Color(213, 94, 0);
    public static final Color REDDISH_PURPLE = new Color(204, 121, 167);
    public static final Color SKY_BLUE = new Color(86, 180, 233);
    public static final Color YELLOW = new Color(240, 228, 66);
    public static final Color BLACK = Color.BLACK;
    /** Series colours in order; yellow last because it is faint on white. */
    private static final Color[] PALETTE = {BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW};

    /** Training points and curves. */
    public static final Color TRAINING = BLUE;
    /** Validation points and curves. */
    public static final Color VALIDATION = ORANGE;
    /** Held-out test points: the part a model is judged on, the same colour in every notebook. */
    public static final Color TEST = VERMILLION;
    /** The compressed (high-pressure) liquid, which is not a phase of its own. */
    public static final Color HIGH_PRESSURE = REDDISH_PURPLE;
    /** Reference lines: y = x, zero residual. */
    public static final Color REFERENCE_LINE = new Color(40, 40, 40);

    /** Solid 2 px lines; butt caps, because XChart strokes a curve segment by segment and round caps bead it. */
    static final BasicStroke LINE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);

    static final Color TEXT = new Color(34, 34, 34);
    static final Color GRID = new Color(228, 228, 228);
    static final Color AXIS = new Color(90, 90, 90);

    /** Legends with more entries than this go outside the plot, beyond {@link #MAX_LEGEND} they are hidden. */
    static final int MAX_INSIDE_LEGEND = 6, MAX_LEGEND = 24;

    private FigureStyle() {
    }

    /** The three descriptor groups of the thesis's 329 functions, each with its colour. */
    public enum Group {
        /** Radial G2 with r_s = 0 (the thesis's "G2-E-Zero"), and G1. */
        RADIAL_CENTRED("G2, r_s = 0", SKY_BLUE),
        /** Radial G2 with shifted centres ("G2-E-Non-Zero"), and G3. */
        RADIAL_SHIFTED("shifted G2", REDDISH_PURPLE),
        /** Angular G4/G5. */
        ANGULAR("G5", BLUISH_GREEN);

        private final String label;
        private final Color colour;

        Group(String label, Color colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() { return label; }

        public Color colour() { return colour; }

        public static Group of(SymmetryFunction f) {
            if (f instanceof AngularSymmetryFunction) return ANGULAR;
            if (f instanceof RadialG1 || f instanceof RadialG2 g && g.rs() == 0) return RADIAL_CENTRED;
            return RADIAL_SHIFTED;
        }
    }

    /** The colour of a phase: solid blue, liquid vermillion, supercooled (quenched) bluish green. */
    public static Color phase(Phase p) {
        return switch (p) {
            case SOLID -> BLUE;
            case LIQUID -> VERMILLION;
            case SUPERCOOLED -> BLUISH_GREEN;
        };
    }

    /** As {@link #phase(Phase)} for a phase name ({@code solid}, {@code liquid}, {@code supercooled}). */
    public static Color phase(String name) {
        return phase(Phase.parse(name));
    }

    /** The series colours, in order (a copy). */
    public static Color[] palette() {
        return PALETTE.clone();
    }

    /** {@code n} shades of one colour, light to dark, for many curves of one family (e.g. 201 G2 of one group). */
    public static Color[] shades(Color base, int n) {
        Color[] out = new Color[n];
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0.5 : (double) i / (n - 1);   // 0: 45 % white, 1: 40 % black
            double w = t < 0.5 ? 0.45 * (1 - 2 * t) : 0, k = t > 0.5 ? 0.4 * (2 * t - 1) : 0;
            out[i] = new Color(mix(base.getRed(), w, k), mix(base.getGreen(), w, k), mix(base.getBlue(), w, k));
        }
        return out;
    }

    private static int mix(int c, double white, double black) {
        return (int) Math.round((c + (255 - c) * white) * (1 - black));
    }

    /** The colour with an alpha in [0, 1], for dense scatters. */
    public static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** The style's font at a size. */
    public static Font font(int style, float size) {
        return new Font(FONT_FAMILY, style, 12).deriveFont(style, size);
    }

    /**
     * Styles a chart in place and returns it. Call after the series are added: the axis ranges, tick labels and the
     * legend corner depend on the data. Colours a helper gave its series are kept; the others take the palette.
     */
    public static <C extends Chart<?, ?>> C apply(C chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE).setPlotBorderVisible(false)
                .setChartFontColor(TEXT).setChartTitleBoxVisible(false).setChartTitleFont(font(Font.BOLD, TITLE_SIZE))
                .setChartTitlePadding(10).setChartPadding(14).setAntiAlias(true).setSeriesColors(palette())
                .setLegendFont(font(Font.PLAIN, LEGEND_SIZE)).setLegendBackgroundColor(new Color(255, 255, 255, 225))
                .setLegendBorderColor(GRID).setLegendPadding(8).setLegendSeriesLineLength(26);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTitleFont(font(Font.PLAIN, AXIS_TITLE_SIZE)).setAxisTickLabelsFont(font(Font.PLAIN, TICK_SIZE))
                    .setAxisTickLabelsColor(TEXT).setAxisTickMarksColor(AXIS).setAxisTickMarkLength(5).setAxisTickPadding(5)
                    .setAxisTitlePadding(8).setPlotGridLinesVisible(true).setPlotGridLinesColor(GRID)
                    .setPlotGridLinesStroke(new BasicStroke(1f)).setAxisTicksLineVisible(true).setPlotTicksMarksVisible(false)
                    .setXAxisTitleColor(TEXT).setYAxisTitleColor(TEXT);
            double[] yRange = categoryRange(chart);
            if (yRange != null && !a.isYAxisLogarithmic()) a.setyAxisTickLabelsFormattingFunction(AxisTicks.labels(yRange[0], yRange[1]));
        }
        if (chart instanceof XYChart xy) styleXY(xy);
        else if (s instanceof CategoryStyler c) c.setAvailableSpaceFill(0.7).setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static void styleXY(XYChart c) {
        XYStyler s = c.getStyler();
        s.setMarkerSize(Math.max(s.getMarkerSize(), 6));
        s.setPlotContentSize(1.0);   // the padding below replaces XChart's inner margin
        List<XYSeries> series = new ArrayList<>(c.getSeriesMap().values());
        // XChart changes dash pattern and marker shape after its 8 colours; the kit's helpers choose those themselves
        for (XYSeries x : series) {
            if (x.getLineStyle() == null) x.setLineStyle(LINE);
            XYSeries.XYSeriesRenderStyle style = x.getXYSeriesRenderStyle() != null ? x.getXYSeriesRenderStyle() : s.getDefaultSeriesRenderStyle();
            if (x.getMarker() == null) x.setMarker(style == XYSeries.XYSeriesRenderStyle.Scatter ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        double[] xr = range(series, true, s.isXAxisLogarithmic()), yr = range(series, false, s.isYAxisLogarithmic());
        if (xr != null) {
            double[] r = pad(xr, s.getXAxisMin(), s.getXAxisMax(), spacing(series), s.isXAxisLogarithmic());
            s.setXAxisMin(r[0]).setXAxisMax(r[1]);
            if (!s.isXAxisLogarithmic())
                s.setxAxisTickLabelsFormattingFunction(wholeNumbers(series, true) ? AxisTicks.integerLabels() : AxisTicks.labels(r[0], r[1]));
            xr = r;
        }
        if (yr != null) {
            double[] r = pad(yr, s.getYAxisMin(), s.getYAxisMax(), Double.NaN, s.isYAxisLogarithmic());
            s.setYAxisMin(r[0]).setYAxisMax(r[1]);
            if (!s.isYAxisLogarithmic()) s.setyAxisTickLabelsFormattingFunction(AxisTicks.labels(r[0], r[1]));
            yr = r;
        }
        long legend = series.stream().filter(XYSeries::isShowInLegend).count();
        if (legend > MAX_LEGEND) s.setLegendVisible(false);
        else if (legend > MAX_INSIDE_LEGEND) s.setLegendPosition(Styler.LegendPosition.OutsideE);
        else if (xr != null && yr != null)
            s.setLegendPosition(emptiestCorner(series, xr, yr, s.isXAxisLogarithmic(), s.isYAxisLogarithmic(), (int) legend));
    }

    /** Data range of the x or y values of all series (positive values only on a log axis), or null without data. */
    private static double[] range(List<XYSeries> series, boolean x, boolean log) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : series)
            for (double v : x ? s.getXData() : s.getYData()) {
                if (!Double.isFinite(v) || log && v <= 0) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        return lo <= hi ? new double[]{lo, hi} : null;
    }

    /** The value range of a category or box chart's y axis, for its tick labels; null for other charts. */
    private static double[] categoryRange(Chart<?, ?> chart) {
        if (chart instanceof XYChart) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Object s : chart.getSeriesMap().values()) {
            java.util.Collection<? extends Number> ys = s instanceof org.knowm.xchart.CategorySeries cs ? cs.getYData()
                    : s instanceof org.knowm.xchart.BoxSeries bs ? bs.getYData() : List.of();
            for (Number n : ys) {
                if (n == null || !Double.isFinite(n.doubleValue())) continue;
                lo = Math.min(lo, n.doubleValue());
                hi = Math.max(hi, n.doubleValue());
            }
        }
        if (!(lo <= hi)) return null;
        if (chart.getStyler() instanceof CategoryStyler) {   // bars start at 0
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        return new double[]{lo, hi};
    }

    /**
     * The axis range: the data padded by 4 % each side (multiplicatively on a log axis), limits the helper set kept.
     * XChart puts the ticks of equally spaced data on data values (epochs 1, 35, 69, …); a padding that is not a
     * multiple of the data spacing turns that off, so the ticks are 1-2-5 steps.
     */
    private static double[] pad(double[] r, Double min, Double max, double spacing, boolean log) {
        double lo = r[0], hi = r[1];
        if (log) {
            double f = hi > lo ? Math.pow(hi / lo, 0.04) : 2;
            return new double[]{min != null ? min : lo / f, max != null ? max : hi * f};
        }
        double p = hi > lo ? 0.04 * (hi - lo) : Math.max(0.05 * Math.abs(hi), 1e-12);
        if (spacing > 0 && Math.abs(p / spacing - Math.rint(p / spacing)) < 1e-3) p += 0.25 * spacing;
        return new double[]{min != null ? min : lo - p, max != null ? max : hi + p};
    }

    /** The common spacing of the sorted distinct x values when they are equally spaced, else NaN. */
    private static double spacing(List<XYSeries> series) {
        double[] x = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.getXData())).filter(Double::isFinite)
                .distinct().sorted().toArray();
        if (x.length < 3) return Double.NaN;
        double d = x[1] - x[0];
        for (int i = 2; i < x.length; i++) if (Math.abs(x[i] - x[i - 1] - d) > 1e-4) return Double.NaN;
        return d;
    }

    private static boolean wholeNumbers(List<XYSeries> series, boolean x) {
        boolean any = false;
        for (XYSeries s : series)
            for (double v : x ? s.getXData() : s.getYData()) {
                if (!Double.isFinite(v)) continue;
                if (v != Math.rint(v) || Math.abs(v) > 1e9) return false;
                any = true;
            }
        return any;
    }

    /**
     * The inside corner whose box (a legend's rough size) covers the fewest points, or outside on the right when even
     * that one covers more than 2 % of them; a line counts with its points, so curves that fill a corner push the
     * legend elsewhere.
     */
    private static Styler.LegendPosition emptiestCorner(List<XYSeries> series, double[] xr, double[] yr, boolean xLog, boolean yLog,
                                                        int entries) {
        Styler.LegendPosition[] corners = {Styler.LegendPosition.InsideNE, Styler.LegendPosition.InsideNW,
                Styler.LegendPosition.InsideSE, Styler.LegendPosition.InsideSW};
        double bw = 0.36, bh = Math.min(0.6, 0.08 + 0.07 * entries);
        long[] count = new long[4];
        long total = 0;
        for (XYSeries s : series) {
            double[] x = s.getXData(), y = s.getYData();
            int stride = Math.max(1, x.length / 5000);
            for (int i = 0; i < x.length; i += stride) {
                double u = fraction(x[i], xr, xLog), v = fraction(y[i], yr, yLog);
                if (Double.isNaN(u) || Double.isNaN(v)) continue;
                total += stride;
                boolean right = u > 1 - bw, left = u < bw, top = v > 1 - bh, bottom = v < bh;
                if (right && top) count[0] += stride;
                if (left && top) count[1] += stride;
                if (right && bottom) count[2] += stride;
                if (left && bottom) count[3] += stride;
            }
        }
        int best = 0;
        for (int k = 1; k < 4; k++) if (count[k] < count[best]) best = k;
        // every corner has data: a legend inside would hide some, beside the plot it hides none
        return count[best] > 0.02 * total ? Styler.LegendPosition.OutsideE : corners[best];
    }

    private static double fraction(double v, double[] r, boolean log) {
        if (!Double.isFinite(v) || log && v <= 0) return Double.NaN;
        return log ? (Math.log(v) - Math.log(r[0])) / (Math.log(r[1]) - Math.log(r[0])) : (v - r[0]) / (r[1] - r[0]);
    }
}
