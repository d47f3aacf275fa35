package io.github.hdnnpkit.baseline;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.notebook.FigureStyle;
import io.github.hdnnpkit.notebook.Figures;
import io.github.hdnnpkit.notebook.ParityPlot;
import io.github.hdnnpkit.notebook.StyleAssertions;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ForestReportingTest {
    private static final ForestOptions TINY = ForestOptions.thesis().withTrees(4).withMaxDepth(8).withFeatureFraction(0.5f);

    @Test
    void resultsExportToJsonTablesAndFigures() throws Exception {
        ForestData data = SyntheticForestData.knownFunction(30, 8, 3, 5);
        Split split = Split.thesis(data.configurations());
        RandomForestBaseline rf = new RandomForestBaseline(TINY);
        ForestResult atoms = rf.fit(data, split, ForestSetup.thesisAtoms());
        ForestResult forces = rf.fit(data, split, ForestSetup.thesisForces());
        ForestResult configs = rf.fit(data, split, ForestSetup.configurations());

        JsonObject j = JsonParser.parseString(ForestJson.toJson(atoms, true)).getAsJsonObject();
        assertEquals("thesis-atoms", j.get("mode").getAsString());
        assertEquals(101, j.getAsJsonObject("provenance").get("splitSeed").getAsLong());
        assertEquals(4, j.getAsJsonObject("provenance").getAsJsonArray("treeSeeds").size());
        assertTrue(j.getAsJsonObject("validation_energy").get("rmseMeVPerAtom").getAsDouble() >= 0);
        // the test part beside validation: its figures, its size, its predictions on exactly the split's test configurations
        assertEquals("test", j.get("judged_on").getAsString());
        assertEquals(atoms.test().energy().rmseMeVPerAtom(), j.getAsJsonObject("test_energy").get("rmseMeVPerAtom").getAsDouble(), 0.0);
        assertEquals(split.test().length, j.get("test_configurations").getAsInt());
        assertEquals(split.test().length, j.getAsJsonObject("provenance").get("testConfigurations").getAsInt());
        assertEquals("RANDOM", j.getAsJsonObject("provenance").get("splitScheme").getAsString());
        assertTrue(j.has("validation_predictions"));
        var ids = j.getAsJsonObject("test_predictions").getAsJsonArray("configurations");
        assertArrayEquals(split.test(), java.util.stream.IntStream.range(0, ids.size()).map(i -> ids.get(i).getAsInt()).toArray());
        // a diagnostic that does not apply is null, not NaN (JSON has no NaN)
        JsonObject c = JsonParser.parseString(ForestJson.toJson(configs, false)).getAsJsonObject();
        assertTrue(c.getAsJsonObject("test_collapse").get("targetWithinConfigurationVariance").isJsonNull());
        assertFalse(c.has("test_predictions"), "predictions only on request");
        JsonObject f = JsonParser.parseString(ForestJson.toJson(forces, false)).getAsJsonObject();
        assertTrue(f.getAsJsonObject("validation_forces").has("rmse_over_zero_predictor"));
        assertEquals(forces.test().forces().rmseOverZeroPredictor(),
                f.getAsJsonObject("test_forces").get("rmse_over_zero_predictor").getAsDouble(), 0.0);
        assertFalse(f.has("test_energy"));

        Path tmp = Files.createTempDirectory("forest-json");
        Path out = ForestJson.write(atoms, false, tmp.resolve("rf.json"));
        assertTrue(Files.size(out) > 100);

        List<ForestResult> all = List.of(atoms, forces, configs);
        Table s = ForestTables.summary(all);
        assertEquals(2, s.rowCount());              // the force model has no energy row
        assertEquals(2, ForestTables.collapse(all).rowCount());
        assertEquals(3, ForestTables.forces(forces).rowCount());
        assertEquals(3, ForestTables.thesisBesideKit(all).rowCount());
        assertEquals(data.descriptors().features() + 2, ForestTables.importance(atoms, 100).rowCount());
        assertEquals(split.validation().length, ForestTables.predictions(configs, ForestResult.Part.VALIDATION).rowCount());
        assertEquals(split.test().length, ForestTables.predictions(configs, ForestResult.Part.TEST).rowCount());
        assertEquals(3, ForestTables.importanceByDescriptor(configs, 100).rowCount());   // mean and var of 3 descriptors

        for (var parity : List.of(ForestCharts.testPredict(atoms), ForestCharts.rows(atoms, true), ForestCharts.forces(forces))) {
            assertTrue(parity.image().getHeight() > parity.parity().getHeight(), parity.title() + " has its residual panel");
            StyleAssertions.assertStyled(parity.parity());
            StyleAssertions.assertStyled(parity.residuals());
        }
        // the test-predict plot draws all three parts, the test part as the split holds it
        var tp = ForestCharts.testPredict(configs);
        assertEquals(List.of("training", "validation", "test"), tp.series().stream().map(ParityPlot.Series::name).toList());
        assertEquals(split.test().length, tp.series().get(2).reference().length);
        assertTrue(tp.title().contains("test RMSE"), tp.title());
        // the cropped view keeps the thesis's "closer look": both parity axes cut to the predictions' range
        var cropped = ForestCharts.rows(atoms, true).parity().getStyler();
        double[] pred = atoms.test().rows().predicted(0);
        assertTrue(cropped.getYAxisMin() <= java.util.Arrays.stream(pred).min().orElseThrow());
        assertTrue(cropped.getYAxisMax() >= java.util.Arrays.stream(pred).max().orElseThrow());
        assertEquals(cropped.getXAxisMin(), cropped.getYAxisMin());
        var comparison = ForestCharts.comparison(all);
        StyleAssertions.assertStyled(comparison);
        assertEquals(FigureStyle.VALIDATION, comparison.getSeriesMap().get("validation").getFillColor());
        assertEquals(ForestCharts.TEST, comparison.getSeriesMap().get("test").getFillColor());
        assertTrue(Figures.png(comparison).length > 1000);
        StyleAssertions.assertStyled(ForestCharts.importance(configs, 10, true));
        assertTrue(Figures.png(ForestCharts.importance(configs, 10, true)).length > 1000);
    }
}
