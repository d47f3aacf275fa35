package io.github.hdnnpkit.md;

import io.github.hdnnpkit.bench.MdBenchmark;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Crystals;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HDNNP as an MD force field: its forces drive a trajectory whose energy velocity Verlet conserves as O(dt²). */
class HdnnpForceFieldTest {
    private static final Configuration AL = Crystals.displaced(Crystals.fcc("Al", Crystals.AL_A0, 2, 2, 2), 0.08, 4);
    private static final Hdnnp MODEL = MdBenchmark.randomPotential(AL);

    private static double energyError(double dt, double time) {
        MdState s = MdState.maxwellBoltzmann(AL, 600, 2);
        int steps = (int) Math.round(time / dt);
        MdTrajectory t = new MolecularDynamics(new HdnnpForceField(MODEL)).run(s, MdProtocol.of(dt, new MdSegment(Ensemble.nve(), steps, 1), 1),
                Progress.NONE, Cancellation.none());
        double e0 = t.samples().get(0).totalEnergy(), max = 0;
        for (MdSample x : t.samples()) max = Math.max(max, Math.abs(x.totalEnergy() - e0));
        return max;
    }

    @Test
    void forcesAreTheModelsAndDriveAnEnergyConservingTrajectory() {
        HdnnpForceField ff = new HdnnpForceField(MODEL);
        ForceField.Evaluation e = ff.evaluate(AL);
        assertArrayEquals(MODEL.forces(AL), e.forces(), 0);
        assertEquals(MODEL.energyAndForces(AL).energy(), e.energy(), 0);
        assertTrue(ff.name().contains("57-10-10-1"), ff.name());
        // if the forces were not −∇E the energy error would not shrink with dt at all. It shrinks faster than dt but
        // not as cleanly as dt² (measured ×2.3 per halving): the cosine cutoff's second derivative jumps at r_c, so the
        // force is only once differentiable where a pair crosses the cutoff (the LJ test with a smooth force gets ×4)
        double coarse = energyError(0.5, 30), fine = energyError(0.25, 30);
        assertTrue(coarse / fine > 2, "energy error halves at least with dt: " + coarse + " vs " + fine + " eV");
        assertTrue(fine / AL.size() < 1e-4, "energy conserved to 0.1 meV/atom at 0.25 fs: " + fine / AL.size());
    }
}
