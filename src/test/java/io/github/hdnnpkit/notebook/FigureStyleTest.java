package io.github.hdnnpkit.notebook;

import io.github.hdnnpkit.data.Phase;
import io.github.hdnnpkit.descriptors.ThesisSets;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class FigureStyleTest {
    private static XYChart epochs(int n) {
        XYChart c = new XYChartBuilder().width(760).height(440).title("loss").xAxisTitle("epoch (number)").yAxisTitle("loss (eV²)").build();
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = 1.0 / (i + 1);
        }
        c.addSeries("training loss", x, y).setMarker(SeriesMarkers.NONE);
        return c;
    }

    @Test
    void epochAxesGetOneTwoFiveStepsNotEveryKthEpoch() {
        for (int n : new int[]{137, 100, 12, 5, 2000}) {
            XYChart c = FigureStyle.apply(epochs(n));
            StyleAssertions.assertNoBareDecimals(c);
            double[] t = StyleAssertions.visibleTicks(c, true);
            assertTrue(t.length >= 3, n + " epochs: ticks " + Arrays.toString(t));
            double step = t[1] - t[0];
            assertEquals(AxisTicks.niceStep(step), step, 1e-9, n + " epochs: step of " + Arrays.toString(t));
            for (double v : t) {
                assertEquals(0, Math.IEEEremainder(v, step), 1e-9, n + " epochs: tick " + v + " of " + Arrays.toString(t));
                assertEquals(Math.rint(v), v, 1e-12, "whole epochs only");
            }
        }
    }

    @Test
    void smallValuesAreLabelledWithALeadingZero() {
        XYChart c = new XYChartBuilder().width(600).height(400).title("small").xAxisTitle("r (Å)").yAxisTitle("G (dimensionless)").build();
        c.addSeries("g", new double[]{0, 0.7, 1.3, 2}, new double[]{0.0011, 0.0049, 0.0023, 0.0031});
        FigureStyle.apply(c);
        StyleAssertions.assertStyled(c);
        List<String> y = StyleAssertions.tickLabels(c, false);
        assertTrue(y.contains("0.003"), y.toString());
    }

    @Test
    void styleIsWhiteDejaVuAndOkabeIto() {
        XYChart c = FigureStyle.apply(epochs(50));
        StyleAssertions.assertStyled(c);
        assertEquals(8, new HashSet<>(List.of(FigureStyle.palette())).size());
        assertEquals(StyleAssertions.OKABE_ITO, Set.of(FigureStyle.palette()));
        assertTrue(c.getStyler().getLegendPosition().name().startsWith("Inside"), "one entry fits inside");
    }

    @Test
    void legendGoesToTheEmptyCornerOrOutside() {
        XYChart rising = new XYChartBuilder().width(600).height(400).title("rising").xAxisTitle("x (m)").yAxisTitle("y (m)").build();
        double[] x = new double[50];
        for (int i = 0; i < 50; i++) x[i] = i;
        rising.addSeries("y = x", x, x);
        assertTrue(Set.of(Styler.LegendPosition.InsideNW, Styler.LegendPosition.InsideSE)
                .contains(FigureStyle.apply(rising).getStyler().getLegendPosition()), "a rising line leaves NW and SE free");
        XYChart many = new XYChartBuilder().width(600).height(400).title("many").xAxisTitle("x (m)").yAxisTitle("y (m)").build();
        for (int k = 0; k < 10; k++) many.addSeries("s" + k, x, x);
        assertEquals(Styler.LegendPosition.OutsideE, FigureStyle.apply(many).getStyler().getLegendPosition());
    }

    @Test
    void meaningfulColoursAreFixedAndDistinct() {
        Set<Color> phases = new HashSet<>();
        for (Phase p : Phase.values()) phases.add(FigureStyle.phase(p));
        assertEquals(3, phases.size());
        assertEquals(FigureStyle.phase(Phase.LIQUID), FigureStyle.phase("liquid"));
        assertEquals(FigureStyle.Group.RADIAL_CENTRED, FigureStyle.Group.of(ThesisSets.g2EtaOnly().function(0)));
        assertEquals(FigureStyle.Group.RADIAL_SHIFTED, FigureStyle.Group.of(ThesisSets.g2Shifted329().function(0)));
        assertEquals(FigureStyle.Group.ANGULAR, FigureStyle.Group.of(ThesisSets.thesis329().function(328)));
        assertEquals(3, Arrays.stream(FigureStyle.Group.values()).map(FigureStyle.Group::colour).distinct().count());
        assertNotEquals(FigureStyle.TRAINING, FigureStyle.VALIDATION);
        Color[] s = FigureStyle.shades(FigureStyle.BLUE, 5);
        for (int i = 1; i < s.length; i++)
            assertTrue(luminance(s[i]) < luminance(s[i - 1]), "shades run light to dark");
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
