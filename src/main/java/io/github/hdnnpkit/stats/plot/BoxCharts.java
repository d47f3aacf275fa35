package io.github.hdnnpkit.stats.plot;

import io.github.hdnnpkit.stats.BoxSummary;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.style.BoxStyler;

import java.awt.Color;
import java.awt.Font;
import java.util.Map;

/**
 * Box charts of groups of samples (the thesis's figure 3.4: losses of the last 50 epochs per layout) on XChart's
 * {@link BoxChart}. The boxes use XChart's {@code N_LESS_1_PLUS_1} quartiles, which place the p-quantile at the
 * 1-based position (n − 1)p + 1 with linear interpolation: R's type 7, numpy's default, the quartiles of
 * {@link BoxSummary}. XChart's whiskers are not Tukey's: it draws them at q1 − 1.5 IQR and q3 + 1.5 IQR cut to the
 * data's range, so where a group has outliers a whisker may end between observations rather than at the last one
 * inside the fence ({@link BoxSummary#lowerWhisker()}, {@link BoxSummary#upperWhisker()}). The points it marks
 * beyond the whiskers are Tukey's outliers ({@link BoxSummary#outliers()}): the fences are the same.
 */
public final class BoxCharts {
    private BoxCharts() {
    }

    /** One box per group, in the map's order. */
    public static BoxChart of(String title, String yAxisTitle, Map<String, double[]> groups) {
        if (groups == null || groups.isEmpty()) throw new IllegalArgumentException("a box chart needs at least one group");
        groups.forEach((name, x) -> BoxSummary.of(x)); // the same checks (non-empty, finite) as the summaries
        int width = Math.max(560, 110 * groups.size() + 160);
        BoxChart c = new BoxChartBuilder().width(width).height(440).title(title).yAxisTitle(yAxisTitle).build();
        BoxStyler s = c.getStyler();
        s.setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
        s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE).setPlotBorderColor(Color.GRAY)
                .setLegendVisible(false); // tool tips stay off: switched on after construction XChart 3.8.8 fails to paint
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setXAxisLabelRotation(groups.size() > 6 ? 30 : 0);
        groups.forEach(c::addSeries);
        return c;
    }
}
