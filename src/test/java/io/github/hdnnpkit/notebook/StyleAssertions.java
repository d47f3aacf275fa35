package io.github.hdnnpkit.notebook;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.AxisPair;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Font;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Checks that a chart wears the kit's figure style, and reads the tick labels XChart actually drew. */
public final class StyleAssertions {
    /** Okabe & Ito's eight colours, typed from their paper, not taken from {@link FigureStyle}. */
    static final Set<Color> OKABE_ITO = Set.of(new Color(0, 0, 0), new Color(230, 159, 0), new Color(86, 180, 233),
            new Color(0, 158, 115), new Color(240, 228, 66), new Color(0, 114, 178), new Color(213, 94, 0), new Color(204, 121, 167));

    private StyleAssertions() {
    }

    public static void assertStyled(Chart<?, ?> c) {
        String name = "chart '" + c.getTitle() + "'";
        Styler s = c.getStyler();
        assertEquals(Color.WHITE, s.getChartBackgroundColor(), name + ": chart background");
        assertEquals(Color.WHITE, s.getPlotBackgroundColor(), name + ": plot background");
        assertFalse(s.isPlotBorderVisible(), name + ": no grey frame");
        for (Color p : s.getSeriesColors()) assertTrue(OKABE_ITO.contains(p), name + ": palette colour " + p);
        for (Font f : List.of(s.getChartTitleFont(), s.getLegendFont())) assertDejaVu(name, f, 12);
        if (s instanceof AxesChartStyler a) {
            assertDejaVu(name, a.getAxisTitleFont(), 13);
            assertDejaVu(name, a.getAxisTickLabelsFont(), 12);
            assertUnit(name, c.getYAxisTitle());
            // XChart labels log axes in decades itself; linear ones get the kit's labels
            if (!a.isYAxisLogarithmic()) assertNotNull(a.getyAxisTickLabelsFormattingFunction(), name + ": y tick labels are the kit's");
        }
        if (c instanceof XYChart xy) {
            assertUnit(name, c.getXAxisTitle());
            assertNotNull(xy.getStyler().getXAxisMin(), name + ": padded x range");
        }
        assertNoBareDecimals(c);
    }

    private static void assertDejaVu(String chart, Font f, float minSize) {
        assertEquals(FigureStyle.FONT_FAMILY, f.getName(), chart + ": font");
        assertTrue(f.getSize2D() >= minSize, chart + ": font size " + f.getSize2D());
    }

    /** A numeric axis title ends with its unit in parentheses: "r (Å)", "loss (eV² per configuration)". */
    public static void assertUnit(String chart, String title) {
        assertNotNull(title, chart + ": axis without title");
        assertTrue(title.matches(".*\\S \\(.+\\)$"), chart + ": axis title '" + title + "' has no unit");
    }

    /** Renders the chart and checks every drawn tick label: none like ".003" or "-.5". */
    public static void assertNoBareDecimals(Chart<?, ?> c) {
        BitmapEncoder.getBufferedImage(c);
        for (boolean x : new boolean[]{true, false}) {
            if (x && !(c instanceof XYChart)) continue;
            for (String l : tickLabels(c, x))
                assertFalse(l != null && l.matches("^[−-]?\\..*"), "chart '" + c.getTitle() + "': tick label '" + l + "'");
        }
    }

    /** The labels XChart computed for an axis at the last paint (read from its internals: there is no API). */
    public static List<String> tickLabels(Chart<?, ?> c, boolean x) {
        try {
            Field f = Chart.class.getDeclaredField("axisPair");
            f.setAccessible(true);
            AxisPair<?, ?> pair = (AxisPair<?, ?>) f.get(c);
            Axis<?, ?> axis = x ? pair.getXAxis() : yAxis(pair);
            return axis.getAxisTickCalculator().getTickLabels();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("XChart internals changed: " + e, e);
        }
    }

    private static Axis<?, ?> yAxis(AxisPair<?, ?> pair) throws ReflectiveOperationException {
        var m = AxisPair.class.getDeclaredMethod("getYAxis");
        m.setAccessible(true);
        return (Axis<?, ?>) m.invoke(pair);
    }

    /** The tick labels of an axis that fall inside its range, as numbers (U+2212 read as minus). */
    public static double[] visibleTicks(XYChart c, boolean x) {
        double lo = x ? c.getStyler().getXAxisMin() : c.getStyler().getYAxisMin();
        double hi = x ? c.getStyler().getXAxisMax() : c.getStyler().getYAxisMax();
        return tickLabels(c, x).stream().filter(java.util.Objects::nonNull).mapToDouble(l -> Double.parseDouble(l.replace('−', '-'))).filter(v -> v >= lo && v <= hi).toArray();
    }

    /** Series shown in the legend. */
    public static long legendEntries(XYChart c) {
        return c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).count();
    }
}
