package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.data.PhaseCheck;
import io.github.hdnnpkit.notebook.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hdnnp dataset}: summarise a data-set folder, check its phases, or write a subsample of it (the fixture). */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Summarise a data set (per series: count, mean and spread of E/atom, volume), check each series' phase",
                "(bond order q6 and solid-like atoms, diffusion), or write every n-th configuration of each series to a new folder."})
public final class DatasetCommand implements Callable<Integer>, Subcommand {
    @Parameters(arity = "0..1", description = "data-set folder (default: data/generated)")
    Path dir;

    @Option(names = "--phase-check", description = "also print the structural phase check")
    boolean phaseCheck;

    @Option(names = "--every", description = "with --out: keep every n-th configuration of each series")
    Integer every;

    @Option(names = "--out", description = "write the subsample here (e.g. data/fixture)")
    Path out;

    @Override
    public Integer call() {
        Dataset d = Dataset.load(dir == null ? Workspace.generated() : dir);
        System.out.println(d.summary().printAll());
        if (phaseCheck) System.out.println(PhaseCheck.table(d).printAll());
        if (out != null) {
            if (every == null) throw new IllegalArgumentException("--out needs --every N");
            Dataset s = d.everyNthPerLabel(every);
            s.save(out, "every " + every + "-th configuration of each series, starting with the first");
            System.out.println("wrote " + s.size() + " configurations to " + out);
        }
        return 0;
    }
}
