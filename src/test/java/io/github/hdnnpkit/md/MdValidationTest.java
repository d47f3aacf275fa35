package io.github.hdnnpkit.md;

import io.github.hdnnpkit.data.LammpsGenerator;
import io.github.hdnnpkit.md.plot.MdCharts;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The validation driver with a candidate whose answer is known: LJ in the kit against the same LJ in LAMMPS. */
class MdValidationTest {
    private static final MdValidation.Settings SETTINGS = new MdValidation.Settings(90, 5, 250, 300, 1000, 10, 7.5, 50, 3);

    @Test
    void theSamePotentialValidatesAndAWrongOneDoesNot(@TempDir Path dir) {
        assumeTrue(Files.isExecutable(LammpsGenerator.findLmp()), "LAMMPS (lmp) is not installed; skipping the MD validation driver test");
        Configuration start = MolecularDynamicsTest.argon(9);
        LennardJones lj = LennardJones.argon(LennardJones.Truncation.SHIFTED);
        MdValidation.Comparison same = MdValidation.compare("LJ", start, lj, LammpsMd.of(lj), SETTINGS, dir.resolve("same"), Progress.NONE, Cancellation.none());
        // a potential 30 % too deep: bound more strongly, its energy per atom is ~30 % lower
        LennardJones deep = new LennardJones(1.3 * lj.epsilon(), lj.sigma(), lj.cutoff(), lj.truncation());
        MdValidation.Comparison wrong = MdValidation.compare("deep LJ", start, deep, LammpsMd.of(lj), SETTINGS, dir.resolve("wrong"), Progress.NONE, Cancellation.none());

        double tol = 4 * Math.hypot(same.kit().potentialEnergyStdError(), same.reference().potentialEnergyStdError()) + 1e-3;
        assertEquals(0, same.potentialEnergyDifference(), tol, same.toString());
        assertTrue(Math.abs(wrong.potentialEnergyDifference()) > 10 * tol, wrong.toString());
        assertTrue(same.rdfDifference() < 0.08, "same potential, same structure: " + same);
        assertTrue(wrong.rdfDifference() > 1.5 * same.rdfDifference(), "a wrong potential shows in g(r): " + wrong + " vs " + same);
        // both engines' NVE conserves energy to well below a meV/atom/ps at 5 fs
        assertTrue(Math.abs(same.kit().drift().perAtomPerPs()) < 1e-3, same.toString());
        assertTrue(Math.abs(same.reference().drift().perAtomPerPs()) < 1e-3, same.toString());
        assertEquals(same.reference().meanTemperature(), same.kit().meanTemperature(), 0.1 * 90, same.toString());

        XYChart rdf = MdCharts.rdf(List.of(same, wrong)), msd = MdCharts.msd(List.of(same));
        assertEquals(4, rdf.getSeriesMap().size());
        assertEquals(2, msd.getSeriesMap().size());
    }
}
