package io.github.hdnnpkit.descriptors.plot;

import io.github.hdnnpkit.descriptors.AngularSymmetryFunction;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.CosineCutoff;
import io.github.hdnnpkit.descriptors.CutoffFunction;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.PolynomialCutoff;
import io.github.hdnnpkit.descriptors.RadialSymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.TanhCutoff;
import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.structure.Configuration;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the descriptors notebook (thesis section 2.1, figures 3.2, 3.9, 4.1, 4.2): cutoff functions, the
 * "physical representation" of radial and angular functions, and descriptor profiles of configurations. Every
 * curve is computed by the library's own functions ({@link RadialSymmetryFunction#radial}, {@link CutoffFunction},
 * {@link SymmetryFunction#evaluate}), not by re-typed formulas. Colours follow {@link FigureStyle}: each descriptor
 * {@link FigureStyle.Group} its own hue (shaded light to dark along the set), each phase its own colour.
 */
public final class DescriptorCharts {
    private static final int WIDTH = 820, HEIGHT = 480, POINTS = 341;

    private DescriptorCharts() {
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return c;
    }

    private static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    private static double[] grid(double from, double to) {
        double[] g = new double[POINTS];
        for (int i = 0; i < POINTS; i++) g[i] = from + (to - from) * i / (POINTS - 1);
        return g;
    }

    /** Eq. 2.1's cosine cutoff beside n2p2's tanh and polynomial alternatives, for one radius. */
    public static XYChart cutoffFunctions(double rc) {
        XYChart c = chart("Cutoff functions, r_c = " + rc + " Å (eq. 2.1 is the cosine)", "r (Å)", "f_c(r) (dimensionless)");
        double[] r = grid(0, rc * 1.1);
        CutoffFunction[] fs = {new CosineCutoff(rc), new TanhCutoff(rc, true), new PolynomialCutoff(rc, 0, 2),
                new CosineCutoff(rc, 0.5)};
        String[] names = {"cosine (thesis, n2p2 type 1)", "tanh, normalised (type 3)", "polynomial 2 (type 6)", "cosine, inner 0.5 r_c"};
        for (int k = 0; k < fs.length; k++) {
            double[] y = new double[r.length];
            for (int i = 0; i < r.length; i++) y[i] = fs[k].value(r[i]);
            line(c, names[k], r, y);
        }
        return FigureStyle.apply(c);
    }

    /**
     * The "physical representation" of the radial functions of a set: each neighbour's contribution
     * g(r)·f_c(r) against the distance r (figures 3.2, 4.1 and 4.2 of the thesis). Legends only up to 14 curves.
     */
    public static XYChart radialFunctions(SymmetryFunctionSet set, String title) {
        XYChart c = chart(title, "r_ij (Å)", RADIAL_TERM);
        List<RadialSymmetryFunction> fs = new ArrayList<>();
        for (SymmetryFunction f : set.functions()) if (f instanceof RadialSymmetryFunction r) fs.add(r);
        if (fs.isEmpty()) throw new IllegalArgumentException("set " + set.name() + " has no radial functions");
        double rmax = fs.stream().mapToDouble(SymmetryFunction::rc).max().orElseThrow();
        double[] r = grid(0, rmax);
        Map<FigureStyle.Group, Color[]> shades = shades(fs);
        Map<FigureStyle.Group, Integer> seen = new EnumMap<>(FigureStyle.Group.class);
        for (RadialSymmetryFunction f : fs) {
            double[] y = new double[r.length];
            for (int i = 0; i < r.length; i++) y[i] = f.radial(r[i]) * f.cutoff().value(r[i]);
            FigureStyle.Group g = FigureStyle.Group.of(f);
            int k = seen.merge(g, 1, Integer::sum) - 1;
            line(c, set.id(set.functions().indexOf(f)) + " " + f.name(), r, y).setLineColor(shades.get(g)[k]).setLineWidth(fs.size() > 40 ? 1f : 2f);
        }
        FigureStyle.apply(c);
        c.getStyler().setLegendVisible(fs.size() <= 14);
        return c;
    }

    /** Two sets' radial functions on one chart, to compare them (figure 3.9: the old 12 G2 and the 12 extracted). */
    public static XYChart compareRadial(SymmetryFunctionSet a, SymmetryFunctionSet b, String title) {
        XYChart c = chart(title, "r_ij (Å)", RADIAL_TERM);
        for (SymmetryFunctionSet s : new SymmetryFunctionSet[]{a, b}) {
            double[] r = grid(0, s.maxCutoff());
            boolean first = true;
            // red and green as the notebook's caption says, in their colour-blind-safe variants; the second dashed
            Color color = s == a ? FigureStyle.VERMILLION : FigureStyle.BLUISH_GREEN;
            for (SymmetryFunction f : s.functions()) {
                if (!(f instanceof RadialSymmetryFunction rf)) continue;
                double[] y = new double[r.length];
                for (int i = 0; i < r.length; i++) y[i] = rf.radial(r[i]) * rf.cutoff().value(r[i]);
                XYSeries ser = line(c, s.name() + (first ? "" : " " + s.id(s.functions().indexOf(f))), r, y);
                ser.setLineColor(color);
                if (s != a) ser.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{7f, 4f}, 0f));
                ser.setShowInLegend(first);
                first = false;
            }
        }
        return FigureStyle.apply(c);
    }

    /**
     * The angular factor 2^(1−ζ)(1 + λ cos θ)^ζ of the set's angular functions against θ, one curve per distinct
     * (ζ, λ) — the angular half of the "physical representation" of the 60 G5.
     */
    public static XYChart angularTerms(SymmetryFunctionSet set) {
        XYChart c = chart("Angular factor of the G5 of " + set.name(), "θ_ijk (degrees)", "2^(1-ζ) (1 + λ cos θ)^ζ (dimensionless)");
        Map<String, double[]> seen = new LinkedHashMap<>();
        double[] deg = grid(0, 180);
        for (SymmetryFunction f : set.functions()) {
            if (!(f instanceof AngularSymmetryFunction a)) continue;
            String key = "ζ=" + SymmetryFunction.format(a.zeta()) + ", λ=" + SymmetryFunction.format(a.lambda());
            if (seen.containsKey(key)) continue;
            double[] y = new double[deg.length];
            for (int i = 0; i < deg.length; i++) {
                double base = 1 + a.lambda() * Math.cos(Math.toRadians(deg[i]));
                y[i] = base <= 0 ? 0 : Math.pow(2, 1 - a.zeta()) * Math.pow(base, a.zeta());
            }
            seen.put(key, y);
            line(c, key, deg, y);
        }
        if (seen.isEmpty()) throw new IllegalArgumentException("set " + set.name() + " has no angular functions");
        return FigureStyle.apply(c);
    }

    /** The radial factor exp(−η r²)·f_c(r) of one neighbour of the set's angular functions, one curve per η. */
    public static XYChart angularRadialTerms(SymmetryFunctionSet set) {
        XYChart c = chart("Radial factor of the G5 of " + set.name() + " (per neighbour)", "r (Å)", RADIAL_TERM);
        List<String> seen = new ArrayList<>();
        for (SymmetryFunction f : set.functions()) {
            if (!(f instanceof AngularSymmetryFunction a)) continue;
            String key = "η=" + SymmetryFunction.format(a.eta()) + (a.rs() != 0 ? ", r_s=" + SymmetryFunction.format(a.rs()) : "");
            if (seen.contains(key)) continue;
            seen.add(key);
            double[] r = grid(0, a.rc());
            double[] y = new double[r.length];
            for (int i = 0; i < r.length; i++) y[i] = Math.exp(-a.eta() * (r[i] - a.rs()) * (r[i] - a.rs())) * a.cutoff().value(r[i]);
            line(c, key, r, y);
        }
        if (seen.isEmpty()) throw new IllegalArgumentException("set " + set.name() + " has no angular functions");
        return FigureStyle.apply(c);
    }

    /**
     * G5 of a three-atom cluster, both neighbours at distance {@code r} from the centre, against the angle between
     * them, for the set's angular functions with the given η (evaluated by the library on actual clusters).
     */
    public static XYChart angularVersusAngle(SymmetryFunctionSet set, double eta, double r, Convention convention) {
        XYChart c = chart("G5 of a trimer, r_ij = r_ik = " + r + " Å, η = " + SymmetryFunction.format(eta) + " (" + convention + " convention)",
                "θ_jik (degrees)", "G5 (dimensionless)");
        double[] deg = grid(1, 180);
        boolean any = false;
        for (int k = 0; k < set.size(); k++) {
            if (!(set.function(k) instanceof AngularSymmetryFunction a) || a.eta() != eta) continue;
            any = true;
            double[] y = new double[deg.length];
            for (int i = 0; i < deg.length; i++) y[i] = a.evaluate(trimer(a, r, deg[i]), 0, convention);
            line(c, set.id(k) + " ζ=" + SymmetryFunction.format(a.zeta()) + ", λ=" + SymmetryFunction.format(a.lambda()), deg, y);
        }
        if (!any) throw new IllegalArgumentException("set " + set.name() + " has no angular function with eta " + eta);
        return FigureStyle.apply(c);
    }

    private static Configuration trimer(AngularSymmetryFunction a, double r, double degrees) {
        double t = Math.toRadians(degrees);
        return Configuration.builder().id("trimer").pbc(false, false, false)
                .atoms(new String[]{a.centre(), a.neighbour1(), a.neighbour2()},
                        new double[]{0, 0, 0, r, 0, 0, r * Math.cos(t), r * Math.sin(t), 0}).build();
    }

    /**
     * The descriptors of several configurations side by side: for every function (x = column number), the mean over
     * the atoms, as its base-10 logarithm (the means span 20 decades, more than a log axis labels legibly). In a
     * crystal all atoms are alike; in a liquid they are not, see {@link #spreadProfiles}.
     */
    public static XYChart meanProfiles(DescriptorCalculator calculator, Configuration... configurations) {
        XYChart c = chart("Mean over atoms of each function of " + calculator.set().name() + " (" + calculator.convention() + ")",
                "function (column number)", "log₁₀ of mean G over atoms (dimensionless)");
        c.getStyler().setXAxisTickMarkSpacingHint(90);
        for (Configuration conf : configurations) {
            double[][] s = DescriptorStatistics.columns(calculator.compute(conf));
            double[] y = positive(s[0]);
            for (int i = 0; i < y.length; i++) y[i] = Math.log10(y[i]);
            colour(conf, line(c, label(conf), columnNumbers(s[0].length), y));
        }
        return groups(FigureStyle.apply(c), calculator.set());
    }

    /** The relative spread (standard deviation / mean over atoms) of every function, per configuration. */
    public static XYChart spreadProfiles(DescriptorCalculator calculator, Configuration... configurations) {
        XYChart c = chart("Spread over atoms of each function of " + calculator.set().name(), "function (column number)",
                "std / mean over atoms (dimensionless)");
        c.getStyler().setXAxisTickMarkSpacingHint(90);
        for (Configuration conf : configurations) {
            double[][] s = DescriptorStatistics.columns(calculator.compute(conf));
            double[] cv = new double[s[0].length];
            for (int f = 0; f < cv.length; f++) cv[f] = s[0][f] == 0 ? 0 : s[1][f] / s[0][f];
            colour(conf, line(c, label(conf), columnNumbers(cv.length), cv));
        }
        return groups(FigureStyle.apply(c), calculator.set());
    }

    /** A configuration labelled with a phase takes the phase's colour. */
    private static void colour(Configuration conf, XYSeries s) {
        conf.label("phase").ifPresent(p -> {
            try {
                s.setLineColor(FigureStyle.phase(p));
            } catch (IllegalArgumentException notAPhase) {
                // a free-form label: keep the palette colour
            }
        });
    }

    /** Dashed lines between the descriptor groups of a column axis, each span named at the top. */
    private static XYChart groups(XYChart c, SymmetryFunctionSet set) {
        List<int[]> spans = new ArrayList<>();
        List<FigureStyle.Group> names = new ArrayList<>();
        for (int k = 0; k < set.size(); k++) {
            FigureStyle.Group g = FigureStyle.Group.of(set.function(k));
            if (names.isEmpty() || names.get(names.size() - 1) != g) {
                names.add(g);
                spans.add(new int[]{k + 1, k + 1});
            } else spans.get(spans.size() - 1)[1] = k + 1;
        }
        if (spans.size() < 2) return c;
        double yTop = c.getStyler().getYAxisMax();
        double yLow = c.getStyler().getYAxisMin();
        double yText = c.getStyler().isYAxisLogarithmic() ? yTop / Math.pow(yTop / yLow, 0.04) : yTop - 0.04 * (yTop - yLow);
        c.getStyler().setAnnotationLineColor(new Color(120, 120, 120)).setAnnotationLineStroke(
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{4f, 4f}, 0f))
                .setAnnotationTextFont(FigureStyle.font(java.awt.Font.PLAIN, 12f)).setAnnotationTextFontColor(new Color(70, 70, 70));
        for (int i = 0; i < spans.size(); i++) {
            if (i > 0) c.addAnnotation(new AnnotationLine(spans.get(i)[0] - 0.5, true, false));
            if (spans.get(i)[1] - spans.get(i)[0] >= 0.08 * set.size())
                c.addAnnotation(new AnnotationText(names.get(i).label(), 0.5 * (spans.get(i)[0] + spans.get(i)[1]), yText, false));
        }
        return c;
    }

    private static final String RADIAL_TERM = "exp(−η (r − r_s)²) · f_c(r) (dimensionless)";

    /** For each group among the functions, one shade per member, light to dark. */
    private static Map<FigureStyle.Group, Color[]> shades(List<? extends SymmetryFunction> fs) {
        Map<FigureStyle.Group, Integer> n = new EnumMap<>(FigureStyle.Group.class);
        for (SymmetryFunction f : fs) n.merge(FigureStyle.Group.of(f), 1, Integer::sum);
        Map<FigureStyle.Group, Color[]> out = new EnumMap<>(FigureStyle.Group.class);
        n.forEach((g, k) -> out.put(g, FigureStyle.shades(g.colour(), k)));
        return out;
    }

    static String label(Configuration c) {
        return c.id() + c.label("phase").map(p -> " (" + p + ")").orElse("");
    }

    private static double[] columnNumbers(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i + 1;
        return x;
    }

    /** Log axes cannot show 0: values below 1e-30 are drawn at 1e-30. */
    private static double[] positive(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], 1e-30);
        return out;
    }
}
