package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.structure.Configuration;

import java.util.List;

/**
 * How well a potential reproduces reference energies and forces on some configurations: energy RMSE and MAE per atom
 * (meV/atom) and the RMSE of the force components (eV/Å, n2p2's force error), from analytic forces in double
 * precision.
 *
 * @param configurations  how many configurations were compared
 * @param forceComponents how many force components (3 per atom)
 */
public record ForceMetrics(int configurations, double energyRmseMeVPerAtom, double energyMaeMeVPerAtom, double forceRmse, long forceComponents) {

    /** The metrics of several disjoint parts as one. */
    public static ForceMetrics combine(ForceMetrics... parts) {
        int n = 0;
        long k = 0;
        double se = 0, ae = 0, sf = 0;
        for (ForceMetrics m : parts) {
            n += m.configurations;
            k += m.forceComponents;
            se += Math.pow(m.energyRmseMeVPerAtom, 2) * m.configurations;
            ae += m.energyMaeMeVPerAtom * m.configurations;
            sf += m.forceRmse * m.forceRmse * m.forceComponents;
        }
        return new ForceMetrics(n, Math.sqrt(se / n), ae / n, Math.sqrt(sf / k), k);
    }

    /** The metrics of {@code model} on the configurations {@code indices} of {@code all} (each needs energy and forces). */
    public static ForceMetrics of(Hdnnp model, List<Configuration> all, int[] indices) {
        if (indices.length == 0) throw new IllegalArgumentException("no configurations to evaluate");
        ForceField field = model.forceField();
        double se = 0, ae = 0, sf = 0;
        long components = 0;
        for (int c : indices) {
            Configuration cf = all.get(c);
            if (!cf.hasEnergy() || !cf.hasForces())
                throw new IllegalArgumentException("configuration " + c + " (" + cf.id() + ") lacks a reference energy or forces");
            EnergyAndForces ef = field.compute(cf);
            double d = (ef.energy() - cf.energy()) / cf.size();
            se += d * d;
            ae += Math.abs(d);
            double[] f = ef.forces(), ref = cf.forces();
            for (int k = 0; k < f.length; k++) sf += (f[k] - ref[k]) * (f[k] - ref[k]);
            components += f.length;
        }
        return new ForceMetrics(indices.length, 1000 * Math.sqrt(se / indices.length), 1000 * ae / indices.length, Math.sqrt(sf / components), components);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d configurations: energy RMSE %.3f meV/atom (MAE %.3f), force RMSE %.4f eV/Å",
                configurations, energyRmseMeVPerAtom, energyMaeMeVPerAtom, forceRmse);
    }
}
