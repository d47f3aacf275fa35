package io.github.hdnnpkit.descriptors.plot;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;
import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.notebook.StyleAssertions;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
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
    void everyFigureWearsTheHouseStyle() {
        Configuration solid = Crystals.fcc("Al", Crystals.AL_A0, 2, 2, 2);
        DescriptorCalculator calc = new DescriptorCalculator(ThesisSets.thesis22(), Convention.N2P2, 1);
        for (XYChart c : java.util.List.of(DescriptorCharts.cutoffFunctions(6.8), DescriptorCharts.radialFunctions(ThesisSets.thesis22(), "fig 3.2"),
                DescriptorCharts.compareRadial(ThesisSets.thesis22(), ThesisSets.thesis22Extracted(), "fig 3.9"),
                DescriptorCharts.angularTerms(ThesisSets.thesis329()), DescriptorCharts.angularRadialTerms(ThesisSets.thesis329()),
                DescriptorCharts.angularVersusAngle(ThesisSets.thesis329(), 0.4, 2.86, Convention.N2P2),
                DescriptorCharts.meanProfiles(calc, solid), DescriptorCharts.spreadProfiles(calc, solid)))
            StyleAssertions.assertStyled(c);
    }

    @Test
    void radialCurvesTakeTheirGroupsHue() {
        // thesis-22: G2_001 has r_s = 0, the other 11 are shifted; each group in shades of its own colour
        XYChart c = DescriptorCharts.radialFunctions(ThesisSets.thesis22(), "fig 3.2");
        java.util.List<XYSeries> s = new java.util.ArrayList<>(c.getSeriesMap().values());
        assertEquals(FigureStyle.shades(FigureStyle.Group.RADIAL_CENTRED.colour(), 1)[0], s.get(0).getLineColor());
        java.awt.Color[] shifted = FigureStyle.shades(FigureStyle.Group.RADIAL_SHIFTED.colour(), 11);
        for (int k = 1; k < 12; k++) assertEquals(shifted[k - 1], s.get(k).getLineColor(), s.get(k).getName());
        for (XYSeries x : s) assertEquals(1, x.getLineStyle().getDashArray() == null ? 1 : 0, "all solid, no XChart dash cycling");
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
