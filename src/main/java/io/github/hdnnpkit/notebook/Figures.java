package io.github.hdnnpkit.notebook;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Figures for notebooks and reports. In a notebook: {@code display(Figures.image(chart));} shows an XChart chart as
 * a PNG output; {@link #save} writes it to a file (temp file, then move).
 */
public final class Figures {
    private Figures() {
    }

    /** The chart rendered as an image (the kernel displays a {@link BufferedImage} as image/png). */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The chart as PNG bytes. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the chart as a PNG file, atomically. */
    public static Path save(Chart<?, ?> chart, Path file) {
        try {
            byte[] png = png(chart);
            return io.github.hdnnpkit.util.Staging.write(file, tmp -> Files.write(tmp, png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + file + ": " + e.getMessage(), e);
        }
    }
}
