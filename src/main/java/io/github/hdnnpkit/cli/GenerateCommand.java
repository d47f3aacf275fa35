package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.data.GenerationProtocol;
import io.github.hdnnpkit.data.Label;
import io.github.hdnnpkit.data.LammpsGenerator;
import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hdnnp generate}: the aluminium reference data with LAMMPS, resumable per temperature series. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate the aluminium data set with LAMMPS (Mendelev's EAM potential): one gzipped extended-XYZ file",
                "per temperature series plus manifest.json. Running again on the same folder resumes: finished series are reused."})
public final class GenerateCommand implements Callable<Integer>, Subcommand {
    @Option(names = "--out", description = "output folder (default: data/generated of the project)")
    Path out;

    @Option(names = "--labels", split = ",", description = "series to generate, e.g. 300K,1500KH (default: all 22 of data/labels.tsv)")
    List<String> labels;

    @Option(names = "--configurations", defaultValue = "200", description = "snapshots per series (default: ${DEFAULT-VALUE})")
    int configurations;

    @Option(names = "--interval", defaultValue = "150", description = "MD steps between snapshots (default: ${DEFAULT-VALUE})")
    int interval;

    @Option(names = "--threads", description = "concurrent LAMMPS processes (default: number of cores)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "2021", description = "base seed; each series derives its own (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--label-table", description = "label table (default: data/labels.tsv)")
    Path labelTable;

    @Option(names = "--lmp", description = "LAMMPS executable (default: HDNNP_LMP, lmp on the PATH, /usr/bin/lmp)")
    Path lmp;

    @Option(names = "--potential", description = "Al_mm.eam.fs (default: LAMMPS_POTENTIALS or /usr/share/lammps/potentials)")
    Path potential;

    @Option(names = "--template", description = "LAMMPS input template (default: data/lammps/aluminium.in)")
    Path template;

    @Override
    public Integer call() {
        List<Label> table = labelTable == null ? Label.thesis() : Label.read(labelTable);
        List<Label> chosen = labels == null ? table : labels.stream().map(n -> Label.named(table, n.trim())).toList();
        LammpsGenerator.Options o = new LammpsGenerator.Options(
                out == null ? Workspace.generated() : out, chosen,
                GenerationProtocol.defaults().withConfigurations(configurations).withInterval(interval),
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, seed,
                lmp == null ? LammpsGenerator.findLmp() : lmp, potential == null ? LammpsGenerator.findPotential() : potential,
                template == null ? Workspace.data().resolve("lammps").resolve("aluminium.in") : template);
        Cancellation cancel = Cancellation.none();
        LammpsGenerator.Report r;
        try {
            r = new LammpsGenerator(o).generate(new io.github.hdnnpkit.util.ConsoleProgress(System.err), cancel);
        } catch (LammpsGenerator.GenerationException | IllegalStateException e) {
            // expected failures (LAMMPS missing, a series that failed): a message, not a stack trace
            System.err.println("hdnnp generate: " + e.getMessage());
            return 1;
        }
        System.out.printf("%d series generated, %d reused, %d configurations in %s (%.0f s)%n", r.generated(), r.reused(),
                r.manifest().totalConfigurations(), o.out().toAbsolutePath(), r.seconds());
        return 0;
    }
}
