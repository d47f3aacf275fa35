package io.github.hdnnpkit.md.plot;

import io.github.hdnnpkit.md.MdObservables;
import io.github.hdnnpkit.md.MdValidation;
import io.github.hdnnpkit.md.Units;
import io.github.hdnnpkit.notebook.FigureStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/**
 * The figures of an MD validation: g(r) and MSD of the candidate (solid) against the reference (dashed), one colour
 * per state point, in the kit's {@link FigureStyle}.
 */
public final class MdCharts {
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{7f, 5f}, 0f);

    private MdCharts() {
    }

    private static XYChart chart(String title, String x, String y) {
        return new XYChartBuilder().width(760).height(440).title(title).xAxisTitle(x).yAxisTitle(y).build();
    }

    private static Color colour(int k) {
        return FigureStyle.palette()[k % FigureStyle.palette().length];
    }

    /** g(r) of each comparison: kit solid, reference dashed. */
    public static XYChart rdf(List<MdValidation.Comparison> comparisons) {
        XYChart c = chart("Radial distribution function", "r (Å)", "g(r) (dimensionless)");
        for (int k = 0; k < comparisons.size(); k++) {
            MdValidation.Comparison m = comparisons.get(k);
            add(c, m.name() + " kit", m.kit().rdf().r(), m.kit().rdf().g(), colour(k), false);
            add(c, m.name() + " reference", m.reference().rdf().r(), m.reference().rdf().g(), colour(k), true);
        }
        return FigureStyle.apply(c);
    }

    /** MSD against lag time in ps, kit solid, reference dashed. */
    public static XYChart msd(List<MdValidation.Comparison> comparisons) {
        XYChart c = chart("Mean-square displacement (NVE production)", "lag time (ps)", "MSD (Å²)");
        for (int k = 0; k < comparisons.size(); k++) {
            MdValidation.Comparison m = comparisons.get(k);
            add(c, m.name() + " kit", ps(m.kit()), m.kit().msd().msd(), colour(k), false);
            add(c, m.name() + " reference", ps(m.reference()), m.reference().msd().msd(), colour(k), true);
        }
        return FigureStyle.apply(c);
    }

    private static double[] ps(MdObservables o) {
        double[] t = o.msd().lag();
        for (int i = 0; i < t.length; i++) t[i] /= Units.FS_PER_PS;
        return t;
    }

    private static void add(XYChart c, String name, double[] x, double[] y, Color colour, boolean dashed) {
        var s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE).setLineColor(colour);
        if (dashed) s.setLineStyle(DASHED);
    }
}
