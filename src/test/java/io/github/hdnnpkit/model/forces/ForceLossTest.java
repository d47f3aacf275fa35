package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorDerivatives;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SetDerivativeEvaluator;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The energy + force loss gradient (with its second-order pass) against central differences in every parameter. */
class ForceLossTest {

    /** Reference labels: some random energy and forces, so both residuals are non-zero. */
    static Configuration labelled(Configuration c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] f = new double[3 * c.size()];
        for (int k = 0; k < f.length; k++) f[k] = r.nextGaussian() * 0.3;
        return c.toBuilder().energy(-3.3 * c.size() + r.nextGaussian()).forces(f).build();
    }

    static void check(Activation hidden, String layers, Preconditioner.Method method, double forceWeight) {
        Hdnnp base = ForceTestModels.randomPotential(ForceTestModels.set(), Convention.THESIS, method, layers, 9);
        Layout layout = base.layout().withHidden(hidden);
        Configuration c = labelled(ForceTestModels.triclinic(14, 5), 3);
        DescriptorDerivatives d = new SetDerivativeEvaluator(ForceTestModels.set(), Convention.THESIS).evaluate(c);
        float[] pf = base.parameters();
        double[] p = new double[pf.length];
        for (int k = 0; k < p.length; k++) p[k] = pf[k];
        double[] grad = new double[p.length];
        ForceLoss loss = new ForceLoss(layout, p, base.preconditioner(), base.normalisation(), forceWeight);
        double l0 = loss.loss(loss.accumulate(c, d, null, 1.0, grad));
        double gmax = 0;
        for (double g : grad) gmax = Math.max(gmax, Math.abs(g));
        assertTrue(gmax > 0 && l0 > 0);
        double h = 1e-6, worst = 0;
        int worstAt = -1;
        double[] scratch = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            double keep = p[k];
            p[k] = keep + h;
            double lp = loss.loss(loss.accumulate(c, d, null, 1.0, scratch));
            p[k] = keep - h;
            double lm = loss.loss(loss.accumulate(c, d, null, 1.0, scratch));
            p[k] = keep;
            double err = Math.abs((lp - lm) / (2 * h) - grad[k]) / gmax;
            if (err > worst) {
                worst = err;
                worstAt = k;
            }
        }
        assertTrue(worst < 1e-6, hidden + " " + layers + " w_F=" + forceWeight + ": worst relative error " + worst + " at parameter " + worstAt);
    }

    @Test
    void gradientMatchesFiniteDifferencesForEveryActivation() {
        check(Activation.TANH, "7-5-1", Preconditioner.Method.SCALE, 3.0);
        check(Activation.SIGMOID, "6-1", Preconditioner.Method.STANDARDISE, 0.5);
        check(Activation.SOFTPLUS, "5-4-1", Preconditioner.Method.SCALE_AND_SHIFT, 1.0);
        check(Activation.TANH, "7-5-1", Preconditioner.Method.SCALE, 0.0);     // energy only
    }

    @Test
    void theForceTermIsTheMeanSquaredForceErrorInNetworkUnits() {
        Hdnnp m = ForceTestModels.randomPotential(ForceTestModels.set(), Convention.THESIS, Preconditioner.Method.SCALE, "6-1", 2);
        Configuration c = labelled(Crystals.randomDense("Al", 20, 7.6, 2.3, 4), 8);
        EnergyAndForces ef = m.energyAndForces(c);
        double ss = 0;
        for (int k = 0; k < 3 * c.size(); k++) ss += Math.pow((ef.forces()[k] - c.forces()[k]) / m.normalisation().scale(), 2);
        double de = (ef.energy() - c.energy()) / m.normalisation().scale() / c.size();
        float[] pf = m.parameters();
        double[] p = new double[pf.length];
        for (int k = 0; k < p.length; k++) p[k] = pf[k];
        ForceLoss loss = new ForceLoss(m.layout(), p, m.preconditioner(), m.normalisation(), 2.0);
        ForceLoss.Terms t = loss.accumulate(c, new SetDerivativeEvaluator(m.functions().get(), Convention.THESIS).evaluate(c), null, 1.0, new double[p.length]);
        assertEquals(ss / (3 * c.size()), t.force(), 1e-12 * t.force());
        assertEquals(de * de, t.energy(), 1e-9 * t.energy());
    }
}
