package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorDerivatives;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SetDerivativeEvaluator;
import io.github.hdnnpkit.descriptors.SetEvaluator;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.model.optim.LevenbergMarquardt;
import io.github.hdnnpkit.structure.Configuration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Kalman filter's force observations: one column of the descriptor Jacobian against central differences of the
 * descriptor values, the force component against {@link ForceField} (the contraction over the whole configuration),
 * its parameter gradient against central differences, and force training with the filter against energy-only.
 */
class KalmanForceUpdatesTest {

    @Test
    void aColumnIsTheCentralDifferenceOfEveryDescriptorAndZeroElsewhere() {
        SymmetryFunctionSet set = ForceTestModels.set();
        Configuration c = ForceTestModels.triclinic(14, 7);
        DescriptorDerivatives d = new SetDerivativeEvaluator(set, Convention.THESIS).evaluate(c);
        SetEvaluator values = new SetEvaluator(set, Convention.THESIS);
        int nf = set.size();
        for (int atom : new int[]{0, 5, 13})
            for (int axis = 0; axis < 3; axis++) {
                DescriptorDerivatives.Column col = d.column(atom, axis);
                assertEquals(atom, col.atoms()[0]);
                double h = 1e-5;
                double[] plus = values.evaluate(moved(c, atom, axis, h)), minus = values.evaluate(moved(c, atom, axis, -h));
                for (int i = 0; i < c.size(); i++) {
                    int row = indexOf(col.atoms(), i);
                    for (int f = 0; f < nf; f++) {
                        double fd = (plus[i * nf + f] - minus[i * nf + f]) / (2 * h);
                        double analytic = row < 0 ? 0 : col.values()[row * nf + f];
                        assertEquals(fd, analytic, 1e-6 * (1 + Math.abs(fd)), "atom " + i + " function " + f + " moving " + atom + "/" + axis);
                    }
                }
            }
    }

    @Test
    void theForceComponentIsTheForceFieldsAndItsGradientTheCentralDifference() {
        Hdnnp model = ForceTestModels.randomPotential(ForceTestModels.set(), Convention.THESIS, Preconditioner.Method.SCALE, "6-4-1", 5);
        Configuration c = ForceTestModels.triclinic(14, 3);
        DescriptorDerivatives d = new SetDerivativeEvaluator(ForceTestModels.set(), Convention.THESIS).evaluate(c);
        double[] ref = new ForceField(model).compute(c).forces();
        double[] p = new double[model.parameters().length];
        for (int k = 0; k < p.length; k++) p[k] = model.parameters()[k];
        try (KalmanForceUpdates u = new KalmanForceUpdates(KalmanFilter.N2P2, model.layout(), p, model.preconditioner(), model.normalisation(), 1, 1, 10, 1)) {
            SplittableRandom r = new SplittableRandom(4);
            for (int t = 0; t < 4; t++) {
                int atom = r.nextInt(c.size()), axis = r.nextInt(3);
                double[] fg = u.forceAndGradient(d, atom, axis);
                double physical = fg[0] * model.normalisation().scale();
                assertEquals(ref[3 * atom + axis], physical, 1e-9 * (1 + Math.abs(physical)), "F of atom " + atom + " axis " + axis);
                for (int k = 0; k < p.length; k += 3) {
                    double h = 1e-6, keep = p[k];
                    p[k] = keep + h;
                    double fp = u.forceAndGradient(d, atom, axis)[0];
                    p[k] = keep - h;
                    double fm = u.forceAndGradient(d, atom, axis)[0];
                    p[k] = keep;
                    double fd = (fp - fm) / (2 * h);
                    assertEquals(fd, fg[1 + k], 1e-6 * (1 + Math.abs(fd)), "dF/dθ_" + k);
                }
            }
        }
    }

    @Test
    void theFilterWithForcesLowersTheForceErrorBelowTheEnergyOnlyFilter() {
        List<Configuration> cs = ForceTrainerTest.labelled(30, 4);
        Split split = Split.random(cs.size(), 0.2, 0.8, 5);
        Layout layout = Layout.parse(ForceTrainerTest.SET.size() + "-8-1");
        ForceTrainingOptions o = ForceTrainingOptions.kalman().withEpochs(4).withThreads(2).withSeed(2).withComponentsPerConfiguration(8);
        ForceTrainingResult withForces = new ForceTrainer(o.withForceWeight(1.0)).train(layout, cs, split, ForceTrainerTest.SET, Convention.THESIS);
        ForceTrainingResult energyOnly = new ForceTrainer(o.withForceWeight(0.0)).train(layout, cs, split, ForceTrainerTest.SET, Convention.THESIS);
        ForceMetrics f = ForceMetrics.of(withForces.potential(), cs, split.test()), e = ForceMetrics.of(energyOnly.potential(), cs, split.test());
        assertTrue(f.forceRmse() < 0.7 * e.forceRmse(), "test force RMSE with forces " + f + " vs energy only " + e);
        assertFalse(Double.isNaN(withForces.history().get(0).trainForceTerm()));
        assertEquals("ekf", withForces.potential().metadata().get("force_training.optimiser"));
        assertEquals("3.0", withForces.potential().metadata().get("force_training.force_energy_ratio"));
        float[] again = new ForceTrainer(o.withForceWeight(1.0)).train(layout, cs, split, ForceTrainerTest.SET, Convention.THESIS).potential().parameters();
        assertArrayEquals(withForces.potential().parameters(), again, "same seed and threads, same potential");
    }

    @Test
    void levenbergMarquardtIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForceTrainingOptions.defaults().withOptimiser(LevenbergMarquardt.DEFAULTS));
        assertTrue(e.getMessage().contains("adam and ekf"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ForceTrainingOptions.kalman().withForceEnergyRatio(-1));
        assertThrows(IllegalArgumentException.class, () -> ForceTrainingOptions.kalman().withComponentsPerConfiguration(0));
    }

    private static Configuration moved(Configuration c, int atom, int axis, double h) {
        double[] x = c.positions();
        x[3 * atom + axis] += h;
        return c.toBuilder().atoms(c.species(), x).build();
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }
}
