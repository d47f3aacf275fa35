package io.github.hdnnpkit.md;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The g(r) / drift acceptance of an MD validation, on hand-made g(r) whose differences are known in closed form. */
class MdToleranceTest {
    private static final int BINS = 80;
    private static final double R_MAX = 8.0;

    /** A first peak g = 3 − 20 (r − centre)² where that is above 1, 1 elsewhere, on 0.1 Å bins, times {@code scale}. */
    private static RadialDistribution peak(double centre, double scale) {
        double[] r = new double[BINS], g = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            r[b] = (b + 0.5) * R_MAX / BINS;
            g[b] = scale * Math.max(1.0, 3 - 20 * (r[b] - centre) * (r[b] - centre));
        }
        return new RadialDistribution(r, g, R_MAX, 100);
    }

    private static MdObservables observables(RadialDistribution rdf, double drift) {
        return new MdObservables("test", rdf, new MeanSquareDisplacement(new double[]{0, 10, 20}, new double[]{0, 1, 2}), 0.05,
                -3.0, 1e-3, 1500, new EnergyDrift(drift, 1e-6, 1e-5, 400), 30, 2.1);
    }

    private static MdValidation.Comparison comparison(RadialDistribution kit, double kitDrift) {
        return new MdValidation.Comparison("liquid", MdValidation.Settings.liquid(), observables(kit, kitDrift), observables(peak(2.83, 1), 1e-5), null);
    }

    @Test
    void theInterpolatedPeakIsTheVertexOfAParabolaBetweenBinCentres() {
        RadialDistribution g = peak(2.83, 1);
        // the three highest bins (2.75, 2.85, 2.95) lie on the parabola, so its vertex is exact
        assertEquals(2.85, g.firstPeak(), 1e-12);
        assertEquals(2.83, g.firstPeakInterpolated(), 1e-12);
        assertEquals(2.87, peak(2.87, 1).firstPeakInterpolated(), 1e-12);
    }

    @Test
    void theSameStructureWithinTheLimitsPassesAndEachCriterionCanFail() {
        MdValidation.Tolerance t = MdValidation.Tolerance.DEFAULT;
        assertTrue(comparison(peak(2.83, 1), 1e-5).verdict(t).passed());

        // g ×1.04: ∫|Δg|/∫g = 4 % exactly, peak unmoved -> passes; ×1.06 = 6 % -> the g(r) criterion alone fails
        MdValidation.Comparison four = comparison(peak(2.83, 1.04), 1e-5), six = comparison(peak(2.83, 1.06), 1e-5);
        assertEquals(0.04, four.rdfDifference(), 1e-12);
        assertTrue(four.verdict(t).passed(), four.verdict(t).toString());
        MdValidation.Verdict v6 = six.verdict(t);
        assertFalse(v6.passed());
        assertFalse(v6.rdf());
        assertTrue(v6.peak() && v6.drift(), v6.toString());

        // the peak 0.07 Å further out fails the peak criterion
        MdValidation.Comparison shifted = comparison(peak(2.90, 1), 1e-5);
        assertEquals(0.07, shifted.firstPeakShift(), 1e-12);
        assertFalse(shifted.verdict(t).peak(), shifted.verdict(t).toString());
        assertTrue(comparison(peak(2.87, 1), 1e-5).verdict(t).peak());

        // the right structure with an energy jump of a few meV/atom: the drift criterion fails
        MdValidation.Verdict hole = comparison(peak(2.83, 1), 2e-3).verdict(t);
        assertTrue(hole.rdf() && hole.peak());
        assertFalse(hole.drift());
        assertTrue(hole.toString().contains("FAIL"), hole.toString());
    }

    @Test
    void aFailedCandidateFailsAndBadTolerancesAreRefused() {
        var failed = new MdValidation.Comparison("liquid", MdValidation.Settings.liquid(), null, observables(peak(2.83, 1), 1e-5), "step 400: atoms 0.09 Å apart");
        MdValidation.Verdict v = failed.verdict(MdValidation.Tolerance.DEFAULT);
        assertFalse(v.passed() || v.rdf() || v.peak() || v.drift());
        assertTrue(v.detail().contains("0.09 Å apart"), v.detail());
        assertThrows(IllegalArgumentException.class, () -> new MdValidation.Tolerance(0, 0.05, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new MdValidation.Tolerance(0.05, Double.NaN, 1e-3));
    }
}
