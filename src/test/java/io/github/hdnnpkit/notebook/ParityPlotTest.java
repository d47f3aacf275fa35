package io.github.hdnnpkit.notebook;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ParityPlotTest {
    private static ParityPlot small() {
        return new ParityPlot("t", "E/N", "eV/atom", "meV/atom", 1000)
                .add("training", new double[]{-3.20, -3.19, -3.18, -3.17}, new double[]{-3.2005, -3.1890, -3.1810, -3.1695}, FigureStyle.TRAINING)
                .add("validation", new double[]{-3.195, -3.185, -3.175}, new double[]{-3.194, -3.185, -3.177}, FigureStyle.VALIDATION);
    }

    @Test
    void residualsAreInMilliElectronVoltAgainstTheReference() {
        ParityPlot p = small();
        // validation residuals 1, 0, -2 meV/atom: RMSE sqrt(5/3)
        assertEquals(Math.sqrt(5.0 / 3), p.rmse("validation"), 1e-9);
        XYChart r = p.residuals();
        XYSeries v = r.getSeriesMap().get("validation");
        assertArrayEquals(new double[]{-3.195, -3.185, -3.175}, v.getXData(), 0);
        assertArrayEquals(new double[]{1, 0, -2}, v.getYData(), 1e-9);
        assertTrue(r.getYAxisTitle().contains("meV/atom"));
        assertTrue(r.getSeriesMap().keySet().stream().anyMatch(k -> k.contains("1.29 meV/atom")), r.getSeriesMap().keySet().toString());
        XYChart top = p.parity();
        assertEquals(top.getStyler().getXAxisMin(), top.getStyler().getYAxisMin(), "a parity plot is square in data");
        assertEquals(top.getStyler().getXAxisMin(), r.getStyler().getXAxisMin(), "the panels share the reference axis");
        assertEquals(top.getStyler().getXAxisMax(), r.getStyler().getXAxisMax());
        StyleAssertions.assertStyled(top);
        StyleAssertions.assertStyled(r);
        assertThrows(IllegalArgumentException.class, () -> p.rmse("test"));
    }

    @Test
    void compositeHasBothPanelsAlignedAndIsNotBlank() {
        ParityPlot p = small();
        assertFalse(p.isDensity());
        BufferedImage img = p.image();
        assertEquals(ParityPlot.TOP_HEIGHT + ParityPlot.BOTTOM_HEIGHT, img.getHeight(), "parity panel over residual panel");
        assertTrue(img.getWidth() >= ParityPlot.WIDTH);
        assertTrue(inked(img, 0, ParityPlot.TOP_HEIGHT) > 0.02, "upper panel drawn");
        assertTrue(inked(img, ParityPlot.TOP_HEIGHT, img.getHeight()) > 0.02, "lower panel drawn");
        // the plot areas line up: the left edge of the lower plot (its y axis line) is in the column of the upper one's
        int top = axisColumn(img, ParityPlot.TOP_HEIGHT / 2), bottom = axisColumn(img, ParityPlot.TOP_HEIGHT + ParityPlot.BOTTOM_HEIGHT / 2);
        assertTrue(Math.abs(top - bottom) <= 1, "y axes at x = " + top + " and " + bottom);
    }

    @Test
    void thousandsOfPointsBecomeADensity() throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 5000;
        double[] ref = new double[n], pred = new double[n];
        for (int i = 0; i < n; i++) {
            ref[i] = -3.4 + 0.5 * rng.nextDouble();
            pred[i] = ref[i] + 0.003 * rng.nextGaussian();
        }
        ParityPlot p = new ParityPlot("rows", "E_row", "eV", "meV", 1000).add("validation rows", ref, pred, FigureStyle.VALIDATION);
        assertTrue(p.isDensity());
        assertFalse(p.parity().getSeriesMap().containsKey("validation rows"), "no 5000 overlapping markers");
        BufferedImage img = p.image();
        assertTrue(img.getWidth() > ParityPlot.WIDTH, "room for the colour bar");
        // the densest bins on the diagonal are viridis's yellow-green end, the sparse ones its purple end
        assertTrue(count(img, c -> c.getGreen() > 180 && c.getBlue() < 120) > 50, "dense bins coloured");
        assertTrue(count(img, c -> c.getRed() < 90 && c.getGreen() < 60 && c.getBlue() > 70) > 20, "sparse bins coloured");
        assertFalse(new ParityPlot("rows", "E_row", "eV", "meV", 1000).add("v", ref, pred, FigureStyle.VALIDATION).density(Integer.MAX_VALUE).isDensity());
        Path file = Files.createTempDirectory("parity").resolve("p.png");
        p.save(file);
        assertEquals(img.getHeight(), javax.imageio.ImageIO.read(file.toFile()).getHeight());
        try (var s = Files.list(file.getParent())) {
            assertEquals(1, s.count(), "no temp file left behind");
        }
    }

    @Test
    void badInputIsNamed() {
        ParityPlot p = new ParityPlot("t", "E/N", "eV/atom", "meV/atom", 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.add("validation", new double[]{1, 2}, new double[]{1}, FigureStyle.VALIDATION));
        assertTrue(e.getMessage().contains("validation") && e.getMessage().contains("2 references"), e.getMessage());
        assertThrows(IllegalStateException.class, p::image);
        assertThrows(IllegalArgumentException.class, () -> new ParityPlot("t", "E", "eV", "meV", 0));
        assertThrows(IllegalArgumentException.class, () -> p.crop(1, 1));
    }

    private static double inked(BufferedImage img, int y0, int y1) {
        long ink = 0;
        for (int y = y0; y < y1; y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) ink++;
        return (double) ink / ((long) (y1 - y0) * img.getWidth());
    }

    /** The first column from the left, in this row, of the dark axis line (after the tick labels). */
    private static int axisColumn(BufferedImage img, int row) {
        for (int x = 30; x < img.getWidth() / 2; x++) {
            // the axis line is a vertical run of dark grey pixels: a column dark at this row and 20 px around it
            boolean dark = true;
            for (int dy = -20; dy <= 20 && dark; dy += 4) dark = grey(img.getRGB(x, row + dy)) < 140;
            if (dark) return x;
        }
        throw new AssertionError("no y axis line in row " + row);
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255)) / 3;
    }

    private static long count(BufferedImage img, java.util.function.Predicate<java.awt.Color> p) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if (p.test(new java.awt.Color(img.getRGB(x, y)))) n++;
        return n;
    }
}
