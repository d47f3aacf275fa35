package io.github.hdnnpkit.md.plot;

import io.github.hdnnpkit.md.MdObservables;
import io.github.hdnnpkit.md.MdValidation;
import io.github.hdnnpkit.md.Units;
import io.github.hdnnpkit.notebook.FigureStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import io.github.hdnnpkit.md.ForceField;
import io.github.hdnnpkit.notebook.ParityPlot;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Rounding;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;

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

    /** g(r) of each comparison: kit solid, reference dashed (a failed kit run has no curve). */
    public static XYChart rdf(List<MdValidation.Comparison> comparisons) {
        XYChart c = chart("Radial distribution function", "r (Å)", "g(r) (dimensionless)");
        for (int k = 0; k < comparisons.size(); k++) {
            MdValidation.Comparison m = comparisons.get(k);
            if (!m.kitFailed()) add(c, m.name() + " kit", m.kit().rdf().r(), m.kit().rdf().g(), colour(k), false);
            add(c, m.name() + " reference", m.reference().rdf().r(), m.reference().rdf().g(), colour(k), true);
        }
        return FigureStyle.apply(c);
    }

    /** MSD against lag time in ps, kit solid, reference dashed. */
    public static XYChart msd(List<MdValidation.Comparison> comparisons) {
        XYChart c = chart("Mean-square displacement (NVE production)", "lag time (ps)", "MSD (Å²)");
        for (int k = 0; k < comparisons.size(); k++) {
            MdValidation.Comparison m = comparisons.get(k);
            if (!m.kitFailed()) add(c, m.name() + " kit", ps(m.kit()), m.kit().msd().msd(), colour(k), false);
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

    /**
     * Force parity: every force component (eV/Å) the force fields predict for the configurations against the
     * configurations' reference forces, one series per force field (the last one drawn on top), residuals in meV/Å.
     */
    public static ParityPlot forceParity(String title, Map<String, ForceField> fields, List<Configuration> configurations) {
        ParityPlot p = new ParityPlot(title, "F", "eV/Å", "meV/Å", 1000);
        int k = 0;
        for (Map.Entry<String, ForceField> e : fields.entrySet()) {
            int total = configurations.stream().mapToInt(c -> 3 * c.size()).sum(), at = 0;
            double[] ref = new double[total], pred = new double[total];
            for (Configuration c : configurations) {
                double[] r = c.forces(), f = e.getValue().evaluate(c).forces();
                System.arraycopy(r, 0, ref, at, r.length);
                System.arraycopy(f, 0, pred, at, f.length);
                at += r.length;
            }
            p.add(e.getKey(), ref, pred, k == fields.size() - 1 ? FigureStyle.TEST : colour(k + 1));
            k++;
        }
        return p;
    }

    /** The validation numbers as a table: one row per quantity, kit and reference columns per state point. */
    public static Table table(List<MdValidation.Comparison> comparisons) {
        Table t = Table.create("MD validation");
        List<String> rows = new java.util.ArrayList<>(comparisons.get(0).numbers().keySet());
        rows.add("g(r) ∫|Δg| dr / ∫g dr");
        rows.add("g(r) max |Δg|");
        t.addColumns(StringColumn.create("quantity", rows));
        for (MdValidation.Comparison c : comparisons) {
            DoubleColumn kit = DoubleColumn.create(c.name() + " kit"), ref = DoubleColumn.create(c.name() + " reference");
            for (double[] v : c.numbers().values()) {
                kit.append(Rounding.significant(v[0], 5));
                ref.append(Rounding.significant(v[1], 5));
            }
            kit.append(Rounding.significant(c.rdfDifference(), 3));
            ref.appendMissing();
            kit.append(Rounding.significant(c.rdfMaxDifference(), 3));
            ref.appendMissing();
            t.addColumns(kit, ref);
        }
        return t;
    }
}
