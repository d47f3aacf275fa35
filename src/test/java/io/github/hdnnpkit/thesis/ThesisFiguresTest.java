package io.github.hdnnpkit.thesis;

import io.github.hdnnpkit.notebook.StyleAssertions;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThesisFiguresTest {
    @Test
    void table41FigureWearsTheHouseStyle() {
        XYChart c = ThesisFigures.lossPerVariables(PublishedResults.table41());
        StyleAssertions.assertStyled(c);
        assertEquals("least loss per atom (eV²)", c.getYAxisTitle());
    }
}
