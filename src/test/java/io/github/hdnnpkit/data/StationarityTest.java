package io.github.hdnnpkit.data;

import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The generator's check that a series did not change phase while it was sampled. */
class StationarityTest {
    static List<Configuration> series(double[] perAtom) {
        List<Configuration> out = new ArrayList<>();
        for (double e : perAtom)
            out.add(Configuration.builder().atoms(new String[]{"Al", "Al"}, new double[6]).pbc(false, false, false).energy(2 * e).build());
        return out;
    }

    @Test
    void thermalNoiseIsStationary() {
        SplittableRandom r = new SplittableRandom(7);
        double[] e = new double[200];
        for (int i = 0; i < e.length; i++) e[i] = -3.2 + 0.008 * r.nextGaussian();   // 8 meV/atom, the hottest liquid's spread
        assertNull(LammpsGenerator.stationarity(series(e)));
    }

    @Test
    void crystallisationIsCaught() {
        double[] e = new double[200];
        for (int i = 0; i < e.length; i++) e[i] = i < 70 ? -3.248 : -3.303;   // the 500KS series of a first run
        String why = LammpsGenerator.stationarity(series(e));
        assertNotNull(why);
        assertTrue(why.contains("-55.0 meV/atom"), why);
    }

    @Test
    void tooShortSeriesAreNotJudged() {
        assertNull(LammpsGenerator.stationarity(series(new double[]{-3.3, -3.2, -3.1})));
    }

    @Test
    void attemptSeedsDifferAndStartWithTheLabelSeed() {
        assertEquals(LammpsGenerator.labelSeed(2021, "500KS"), LammpsGenerator.attemptSeed(2021, "500KS", 0));
        assertNotEquals(LammpsGenerator.attemptSeed(2021, "500KS", 0), LammpsGenerator.attemptSeed(2021, "500KS", 1));
        assertNotEquals(LammpsGenerator.labelSeed(2021, "500KS"), LammpsGenerator.labelSeed(2021, "500K"));
    }
}
