package io.github.hdnnpkit.data;

import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.notebook.StyleAssertions;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.XYChart;

import static org.junit.jupiter.api.Assertions.*;

class DatasetChartsTest {
    @Test
    void chartsWearTheHouseStyleAndColourByPhase() {
        Dataset d = Dataset.fixture();
        BoxChart box = DatasetCharts.energyBoxPlot(d);
        StyleAssertions.assertStyled(box);
        // 300K is a crystal, 1500K a liquid: their boxes in the phase colours
        assertEquals(FigureStyle.phase(Phase.SOLID), box.getSeriesMap().get("300K").getLineColor());
        assertEquals(FigureStyle.phase(Phase.LIQUID), box.getSeriesMap().get("1500K").getLineColor());
        XYChart t = DatasetCharts.energyVsTemperature(d);
        StyleAssertions.assertStyled(t);
        assertEquals(FigureStyle.phase(Phase.SUPERCOOLED).getRGB() & 0xffffff,
                t.getSeriesMap().get("supercooled").getMarkerColor().getRGB() & 0xffffff);
        StyleAssertions.assertStyled(DatasetCharts.energyHistogram(d, "1250K", 8));
    }
}
