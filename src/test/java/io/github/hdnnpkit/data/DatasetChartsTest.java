package io.github.hdnnpkit.data;

import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.notebook.StyleAssertions;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import static org.junit.jupiter.api.Assertions.*;

class DatasetChartsTest {
    @Test
    void chartsWearTheHouseStyleAndColourByPhase() {
        Dataset d = Dataset.fixture();
        XYChart box = DatasetCharts.energyBoxPlot(d);
        StyleAssertions.assertStyled(box);
        // 300K is a crystal, 1500K a liquid: their boxes in the phase colours
        assertEquals(FigureStyle.phase(Phase.SOLID), box.getSeriesMap().get("300K whiskers").getLineColor());
        assertEquals(FigureStyle.phase(Phase.LIQUID), box.getSeriesMap().get("1500K whiskers").getLineColor());
        assertEquals(FigureStyle.HIGH_PRESSURE, box.getSeriesMap().get("1500KH whiskers").getLineColor());
        // every series is labelled on the x axis, once
        java.util.List<String> ticks = StyleAssertions.tickLabels(box, true).stream().filter(l -> l != null && !l.isBlank()).toList();
        assertEquals(d.byLabel().keySet().stream().filter(k -> !d.byLabel().get(k).isEmpty()).toList(), ticks);
        // the box spans the quartiles of 300K, computed here by hand from its sorted energies
        double[] e = d.byLabel().get("300K").stream().mapToDouble(c -> c.energy() / c.size()).sorted().toArray();
        double h = (e.length - 1) * 0.25;
        int i = (int) h;
        double q1 = e[i] + (h - i) * (e[i + 1] - e[i]);
        double hq = (e.length - 1) * 0.75;
        int iq = (int) hq;
        double q3 = e[iq] + (hq - iq) * (e[iq + 1] - e[iq]);
        // 10K is the first solid series, so it carries the legend entry; 300K's box is its own
        assertArrayEquals(new double[]{q1, q3}, box.getSeriesMap().get("300K box").getYData(), 1e-12);
        assertArrayEquals(new double[]{1, 1}, box.getSeriesMap().get("300K box").getXData(), 0);
        assertTrue(box.getSeriesMap().get("solid").isShowInLegend());
        XYChart t = DatasetCharts.energyVsTemperature(d);
        StyleAssertions.assertStyled(t);
        assertEquals(FigureStyle.phase(Phase.SUPERCOOLED).getRGB() & 0xffffff,
                t.getSeriesMap().get("supercooled").getMarkerColor().getRGB() & 0xffffff);
        StyleAssertions.assertStyled(DatasetCharts.energyHistogram(d, "1250K", 8));
    }
}
