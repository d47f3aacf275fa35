package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.io.StructureFiles;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.ConfigurationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code hdnnp predict}: energies of structures from a saved potential, descriptors computed on the fly. CSV on stdout
 * (or {@code --out}): {@code structure,id,atoms,energy_eV,energy_per_atom_eV,reference_eV}. With {@code --forces FILE}
 * the analytic forces (double precision) go to a second CSV, one row per atom:
 * {@code structure,id,atom,element,fx_eV_per_A,fy_eV_per_A,fz_eV_per_A,reference_fx,reference_fy,reference_fz}
 * (reference columns empty where the structure file has no forces).
 */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Predict energies of structures with a saved potential.")
public final class PredictCommand implements Callable<Integer>, Subcommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A potential saved by `hdnnp train --out`.")
    Path model;

    @Option(names = "--structures", required = true, paramLabel = "DIR_OR_FILE", description = "A data-set folder or a structure file: " + StructureFiles.SUPPORTED + ".")
    Path structures;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the CSV here instead of stdout.")
    Path out;

    @Option(names = "--forces", paramLabel = "FILE.csv", description = "Also write the force on every atom (eV/Å) to this CSV.")
    Path forces;

    @Mixin
    StructureInput input = new StructureInput();

    @Override
    public Integer call() throws IOException {
        try {
            Hdnnp potential = Hdnnp.load(model);
            List<Configuration> cs = Files.isDirectory(structures) ? Dataset.load(structures).configurations() : input.read(structures);
            double[] e = potential.predict(cs);
            StringWriter sw = new StringWriter();
            PrintWriter w = new PrintWriter(sw);
            w.println("structure,id,atoms,energy_eV,energy_per_atom_eV,reference_eV");
            for (int c = 0; c < e.length; c++) {
                Configuration cf = cs.get(c);
                w.println(c + "," + cf.id() + "," + cf.size() + "," + e[c] + "," + e[c] / cf.size() + "," + (cf.hasEnergy() ? Double.toString(cf.energy()) : ""));
            }
            w.flush();
            if (forces != null) TextFiles.writeAtomically(forces, wr -> writeForces(potential, cs, wr));
            if (out == null) System.out.print(sw);
            else TextFiles.writeAtomically(out, wr -> wr.write(sw.toString()));
            return 0;
        } catch (ConfigurationException e) {
            System.err.println("hdnnp predict: " + structures + ": " + e.getMessage());
            return 2;
        } catch (InputFormatException | java.nio.file.NoSuchFileException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("hdnnp predict: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file: " : "") + e.getMessage());
            return 2;
        }
    }

    static void writeForces(Hdnnp potential, List<Configuration> cs, java.io.Writer w) throws IOException {
        w.write("structure,id,atom,element,fx_eV_per_A,fy_eV_per_A,fz_eV_per_A,reference_fx,reference_fy,reference_fz\n");
        for (int c = 0; c < cs.size(); c++) {
            Configuration cf = cs.get(c);
            double[] f = potential.forces(cf);
            double[] ref = cf.hasForces() ? cf.forces() : null;
            StringBuilder b = new StringBuilder();
            for (int a = 0; a < cf.size(); a++) {
                b.setLength(0);
                b.append(c).append(',').append(cf.id()).append(',').append(a).append(',').append(cf.species(a));
                for (int x = 0; x < 3; x++) b.append(',').append(f[3 * a + x]);
                for (int x = 0; x < 3; x++) b.append(',').append(ref == null ? "" : Double.toString(ref[3 * a + x]));
                w.write(b.append('\n').toString());
            }
        }
    }
}
