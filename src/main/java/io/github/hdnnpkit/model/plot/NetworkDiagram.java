package io.github.hdnnpkit.model.plot;

import io.github.hdnnpkit.model.Layout;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Figure 2.6: the HDNNP of a layout drawn as the thesis shows it — one atomic network per atom (all the same network,
 * the weights are shared), each mapping the atom's descriptors G_i to an atomic energy E_i, and the sum over atoms
 * E_s = Σ E_i.
 */
public final class NetworkDiagram {
    private NetworkDiagram() {
    }

    /** The diagram for {@code atoms} atomic networks drawn in full (more atoms are indicated by dots). */
    public static BufferedImage image(Layout layout, int atoms) {
        if (atoms < 1) throw new IllegalArgumentException("draw at least one atom");
        int layers = layout.sizes().length, maxWidth = layout.maxWidth();
        int colW = 120, rowH = 7, netH = Math.max(120, maxWidth * rowH + 40), gap = 26;
        int w = 140 + colW * (layers - 1) + 200, h = 60 + atoms * (netH + gap) + 40;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString("HDNNP " + layout.notation() + ": the same atomic network (shared weights) for every atom, E_s = \u03a3 E_i", 20, 24);
        int sumX = 140 + colW * (layers - 1) + 110, sumY = 60 + (atoms * (netH + gap)) / 2;
        Color[] layerColour = {new Color(70, 130, 180), new Color(60, 160, 90), new Color(230, 140, 40), new Color(150, 80, 170)};
        for (int a = 0; a < atoms; a++) {
            int top = 50 + a * (netH + gap);
            double[][] ys = new double[layers][];
            for (int l = 0; l < layers; l++) {
                int n = layout.size(l);
                ys[l] = new double[n];
                for (int i = 0; i < n; i++) ys[l][i] = top + netH / 2.0 + (i - (n - 1) / 2.0) * Math.min(rowH, (netH - 20.0) / Math.max(1, n - 1));
            }
            g.setStroke(new BasicStroke(0.4f));
            g.setColor(new Color(170, 170, 170));
            for (int l = 1; l < layers; l++) {
                int x0 = 140 + colW * (l - 1), x1 = 140 + colW * l;
                for (double y0 : ys[l - 1]) for (double y1 : ys[l]) g.drawLine(x0, (int) y0, x1, (int) y1);
            }
            for (int l = 0; l < layers; l++) {
                int x = 140 + colW * l;
                g.setColor(layerColour[Math.min(l == layers - 1 ? 3 : l == 0 ? 0 : 1, 3)]);
                for (double y : ys[l]) g.fillOval(x - 3, (int) y - 3, 6, 6);
            }
            g.setColor(Color.BLACK);
            g.drawString("atom " + (a + 1) + ": G_" + (a + 1) + " (" + layout.inputs() + ")", 10, top + netH / 2 + 4);
            int ox = 140 + colW * (layers - 1);
            g.drawString("E_" + (a + 1), ox + 10, top + netH / 2 + 4);
            g.setStroke(new BasicStroke(1.2f));
            g.drawLine(ox + 36, top + netH / 2, sumX - 18, sumY);
            if (a == atoms - 1) g.drawString("\u22ee  (every atom of the configuration)", 40, top + netH + 18);
        }
        g.setColor(new Color(200, 60, 60));
        g.fillOval(sumX - 18, sumY - 18, 36, 36);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("\u03a3", sumX - 6, sumY + 7);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("E_s", sumX + 24, sumY + 5);
        g.drawString("hidden layers: " + layout.hidden().label() + ", output: linear", 20, h - 14);
        g.dispose();
        return img;
    }
}
