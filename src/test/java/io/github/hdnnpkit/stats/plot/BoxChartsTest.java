package io.github.hdnnpkit.stats.plot;

import io.github.hdnnpkit.stats.BoxSummary;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.internal.chartpart.BoxPlotData;
import org.knowm.xchart.internal.chartpart.BoxPlotDataCalculator;
import org.knowm.xchart.style.BoxStyler;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BoxChartsTest {
    static final double[] WITH_OUTLIERS = {7, 1, 3, 12, 5, 2, 40, 4, 6, 9, -20};
    static final double[] PLAIN = {4, 2, 1, 3, 2.2, 3.7};

    private static Map<String, double[]> groups() {
        Map<String, double[]> g = new LinkedHashMap<>();
        g.put("[5,5]", PLAIN);
        g.put("[10,10]", WITH_OUTLIERS);
        return g;
    }

    @Test
    void xchartDrawsTheQuartilesOfBoxSummary() throws Exception {
        BoxChart c = BoxCharts.of("Validation loss, last 50 epochs", "loss (eV²)", groups());
        assertEquals(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1, c.getStyler().getBoxplotCalCulationMethod());
        // XChart's own box calculation on this chart, read back from its (package-private) fields
        List<BoxPlotData> drawn = new BoxPlotDataCalculator<BoxStyler, org.knowm.xchart.BoxSeries>()
                .calculate(c.getSeriesMap(), c.getStyler());
        assertEquals(2, drawn.size());
        double[][] samples = {PLAIN, WITH_OUTLIERS};
        for (int i = 0; i < 2; i++) {
            BoxSummary s = BoxSummary.of(samples[i]);
            assertEquals(s.q1(), field(drawn.get(i), "q1"), 1e-12, "q1 of group " + i);
            assertEquals(s.median(), field(drawn.get(i), "median"), 1e-12, "median of group " + i);
            assertEquals(s.q3(), field(drawn.get(i), "q3"), 1e-12, "q3 of group " + i);
        }
        // without outliers XChart's whiskers are the data's range, Tukey's too
        BoxSummary plain = BoxSummary.of(PLAIN);
        assertEquals(plain.lowerWhisker(), field(drawn.get(0), "lower"), 1e-12);
        assertEquals(plain.upperWhisker(), field(drawn.get(0), "upper"), 1e-12);
        // with outliers XChart ends at the fences q1 − 1.5 IQR = −5.75 and q3 + 1.5 IQR = 16.25 (documented), Tukey at 1, 12
        assertEquals(-5.75, field(drawn.get(1), "lower"), 1e-12);
        assertEquals(16.25, field(drawn.get(1), "upper"), 1e-12);
    }

    @Test
    void rendersOnWhite() {
        BoxChart c = BoxCharts.of("Training loss", "loss", groups());
        assertEquals(Color.WHITE, c.getStyler().getChartBackgroundColor());
        BufferedImage img = BitmapEncoder.getBufferedImage(c); // painting must not fail (it did with tool tips on)
        assertEquals(c.getWidth(), img.getWidth());
        assertEquals(Color.WHITE.getRGB(), img.getRGB(2, 2));
        assertThrows(IllegalArgumentException.class, () -> BoxCharts.of("t", "y", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> BoxCharts.of("t", "y", Map.of("empty", new double[0])));
    }

    private static double field(BoxPlotData d, String name) throws Exception {
        Field f = BoxPlotData.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.getDouble(d);
    }
}
