package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@link ForestOptions#thesis()} is scikit-learn 0.24's RandomForestRegressor with max_depth 20, random_state 101. */
class ForestOptionsTest {

    @Test
    void thesisOptionsAreScikitLearnsDefaults() {
        ForestOptions t = ForestOptions.thesis();
        assertEquals(100, t.trees());                 // n_estimators = 100 (default since 0.22)
        assertEquals(20, t.maxDepth());               // the thesis's max_depth
        assertEquals(1f, t.featureFraction());        // max_features = "auto" = n_features for regression
        assertEquals(2f, t.minChildWeight());         // min_samples_split = 2 (min_samples_leaf = 1)
        assertTrue(t.bootstrap());
        assertEquals(101L, t.seed());                 // random_state = 101
        assertEquals(0, t.bins());                    // exact thresholds
        assertEquals(t.withBins(ForestOptions.THESIS_BINS), ForestOptions.thesisBinned(), "the binned variant differs in its bins only");
    }

    /**
     * scikit-learn's defaults grow every tree until its leaves are pure: trees on all rows (no bootstrap), every
     * feature, exact thresholds, reproduces distinct training targets exactly.
     */
    @Test
    void theThesisTreeGrowsToPureLeaves() {
        ForestData data = SyntheticForestData.knownFunction(40, 1, 3, 5);   // one atom per configuration: distinct targets
        Split split = Split.thesis(data.configurations());
        ForestOptions one = ForestOptions.thesis().withTrees(2).withBootstrap(false).withMaxDepth(60);   // Tribuo ensembles need 2 trees
        ForestResult r = new RandomForestBaseline(one).fit(data, split, ForestSetup.atomicEnergies());
        assertEquals(0.0, r.train().energy().rmseMeVPerAtom(), 1e-3, "a fully grown tree fits its training rows");
        ForestResult binned = new RandomForestBaseline(one.withBins(4)).fit(data, split, ForestSetup.atomicEnergies());
        assertTrue(binned.train().energy().rmseMeVPerAtom() > 1.0, "4 bins cannot separate 32 rows: " + binned.train().energy().rmseMeVPerAtom());
    }

    @Test
    void thePlanBinsAndComparesWithExactSplits() {
        ForestPlan plan = ForestPlan.forProfile(Profile.SMOKE);
        assertEquals(ForestOptions.THESIS_BINS, plan.options().bins());
        assertEquals(1f, plan.options().featureFraction());
        ForestData data = SyntheticForestData.knownFunction(30, 8, 3, 21);
        ForestPlan small = new ForestPlan(Profile.SMOKE, plan.options(), 4, 5, "3-4-1", Progress.NONE);
        List<ForestResult> both = small.splitSearchComparison(data, Split.thesis(data.configurations()));
        assertEquals(ForestOptions.THESIS_BINS, both.get(0).options().bins());
        assertEquals(0, both.get(1).options().bins());
        assertEquals(both.get(0).trainRows(), both.get(1).trainRows(), "the same rows");
        assertEquals("950K", both.get(1).setup().onlySeries());
        assertEquals(2, ForestTables.options(both).rowCount());
    }
}
