package io.github.hdnnpkit.descriptors;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DescriptorCalculatorTest {
    static List<Configuration> data() {
        List<Configuration> cs = new ArrayList<>();
        for (int k = 0; k < 6; k++) cs.add(Crystals.displaced(Crystals.fcc("Al", 4.045, 2, 2, 2), 0.05 * k, k));
        cs.add(Crystals.randomDense("Al", 20, 7.5, 2.2, 1));
        return cs;
    }

    @Test
    void parallelMatrixEqualsPerConfigurationValues() {
        List<Configuration> cs = data();
        SymmetryFunctionSet set = ThesisSets.thesis22();
        AtomicLong updates = new AtomicLong(), started = new AtomicLong(), finished = new AtomicLong();
        Progress p = new Progress() {
            @Override public void start(String task, long total) { started.incrementAndGet(); assertEquals(7, total); }
            @Override public void update(long done, String message) { updates.incrementAndGet(); }
            @Override public void finish(String message) { finished.incrementAndGet(); }
        };
        DescriptorMatrix m = new DescriptorCalculator(set, Convention.THESIS, 2).compute(cs, p, Cancellation.none());
        assertEquals(7, m.configurations());
        assertEquals(6 * 32 + 20, m.rows());
        assertEquals(set.ids(), m.featureIds());
        assertEquals(1, started.get());
        assertEquals(7, updates.get());
        assertEquals(1, finished.get());
        DescriptorCalculator serial = new DescriptorCalculator(set, Convention.THESIS, 1);
        for (int c = 0; c < cs.size(); c++) {
            double[][] v = serial.compute(cs.get(c));
            for (int a = 0; a < v.length; a++)
                for (int f = 0; f < set.size(); f++) assertEquals((float) v[a][f], m.get(m.firstAtom(c) + a, f));
        }
        assertArrayEquals(m.rawValues(), serial.compute(cs).rawValues());
    }

    @Test
    void cancellationStopsTheWork() {
        Cancellation token = Cancellation.none();
        token.cancel();
        assertThrows(CancellationException.class,
                () -> new DescriptorCalculator(ThesisSets.thesis22(), Convention.N2P2, 2).compute(data(), Progress.NONE, token));
    }

    @Test
    void inOrderStreamingKeepsInputOrder() {
        List<Configuration> cs = data();
        List<String> seen = new ArrayList<>();
        new DescriptorCalculator(ThesisSets.thesis22(), Convention.N2P2, 2)
                .computeInOrder(cs.iterator(), (c, rows) -> seen.add(c.id() + ":" + rows.length), Progress.NONE, Cancellation.none());
        assertEquals(cs.stream().map(c -> c.id() + ":" + c.size()).toList(), seen);
    }

    @Test
    void minimumDistanceIsAnOption() {
        Configuration c = TestStructures.cluster(0, 0, 0, 0.3, 0, 0, 0, 2.5, 0);
        DescriptorCalculator calc = new DescriptorCalculator(ThesisSets.thesis22(), Convention.N2P2, 1);
        assertEquals(SetEvaluator.DEFAULT_MINIMUM_DISTANCE, calc.minimumDistance());
        assertEquals(3, calc.compute(c).length);
        io.github.hdnnpkit.structure.ConfigurationException e = assertThrows(io.github.hdnnpkit.structure.ConfigurationException.class,
                () -> calc.withMinimumDistance(0.5).compute(c));
        assertEquals("cluster", e.configuration());
        assertEquals(0.5, calc.withMinimumDistance(0.5).withThreads(2).minimumDistance());
        for (double bad : new double[]{0, -1, Double.NaN, 6.8, 100})
            assertThrows(IllegalArgumentException.class, () -> calc.withMinimumDistance(bad), Double.toString(bad));
    }
}
