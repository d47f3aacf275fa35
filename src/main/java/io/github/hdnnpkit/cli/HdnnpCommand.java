package io.github.hdnnpkit.cli;

import io.github.hdnnpkit.util.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ServiceLoader;

/**
 * The {@code hdnnp} command. Subcommands are found through {@link ServiceLoader} ({@link Subcommand}, listed in
 * {@code META-INF/services}), so each domain package adds its verb without this class knowing it.
 */
@Command(name = "hdnnp", mixinStandardHelpOptions = true, versionProvider = HdnnpCommand.VersionProvider.class,
        description = "Behler-Parrinello neural-network potentials and the selection of their descriptors.",
        subcommandsRepeatable = false)
public final class HdnnpCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with every registered subcommand. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HdnnpCommand());
        for (Subcommand s : ServiceLoader.load(Subcommand.class)) cl.addSubcommand(s);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"hdnnp-kit " + Versions.kit(), "Java " + Runtime.version(), "DL4J/ND4J " + Versions.DL4J,
                    "Tribuo " + Versions.TRIBUO};
        }
    }
}
