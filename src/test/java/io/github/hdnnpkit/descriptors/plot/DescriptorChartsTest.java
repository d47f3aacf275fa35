package io.github.hdnnpkit.descriptors.plot;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescriptorChartsTest {
    @Test
    void figuresHaveOneCurvePerFunctionOrParameter() {
        assertEquals(12, DescriptorCharts.radialFunctions(ThesisSets.thesis22(), "fig 3.2").getSeriesMap().size());
        assertEquals(201, DescriptorCharts.radialFunctions(ThesisSets.g2EtaOnly(), "fig 4.1").getSeriesMap().size());
        assertEquals(68, DescriptorCharts.radialFunctions(ThesisSets.g2Shifted329(), "fig 4.2").getSeriesMap().size());
        assertEquals(10, DescriptorCharts.angularTerms(ThesisSets.thesis329()).getSeriesMap().size());
        assertEquals(6, DescriptorCharts.angularRadialTerms(ThesisSets.thesis329()).getSeriesMap().size());
        assertEquals(10, DescriptorCharts.angularVersusAngle(ThesisSets.thesis329(), 0.4, 2.86, Convention.N2P2).getSeriesMap().size());
        assertEquals(4, DescriptorCharts.cutoffFunctions(6.8).getSeriesMap().size());
        assertEquals(24, DescriptorCharts.compareRadial(ThesisSets.thesis22(), ThesisSets.thesis22Extracted(), "fig 3.9").getSeriesMap().size());
    }

    @Test
    void solidAndLiquidProfiles() {
        Configuration solid = Crystals.fcc("Al", Crystals.AL_A0, 2, 2, 2);
        Configuration liquid = Crystals.randomDense("Al", 32, 2 * Crystals.AL_A0, 2.0, 1);
        DescriptorCalculator calc = new DescriptorCalculator(ThesisSets.thesis22(), Convention.N2P2, 1);
        XYChart spread = DescriptorCharts.spreadProfiles(calc, solid, liquid);
        double[] solidSpread = spread.getSeriesMap().values().iterator().next().getYData();
        for (double v : solidSpread) assertEquals(0, v, 1e-9, "all atoms of a perfect crystal are alike");
        assertEquals(2, DescriptorCharts.meanProfiles(calc, solid, liquid).getSeriesMap().size());
        Table t = DescriptorTables.compare(calc, solid, liquid);
        assertEquals(6, t.rowCount());
        assertEquals(22, DescriptorTables.functions(ThesisSets.thesis22()).rowCount());
        assertTrue(DescriptorTables.thesisSets().rowCount() >= 11);
    }
}
