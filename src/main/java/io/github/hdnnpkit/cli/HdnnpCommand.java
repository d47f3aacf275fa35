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

    /**
     * The command line for these arguments: when the first one names a subcommand, only that one is built (picocli
     * reflects over every option of every command it is given, about half of the start-up of a short run);
     * otherwise (help, version, a typo) all of them, so that the usage lists every verb.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            for (ServiceLoader.Provider<Subcommand> p : ServiceLoader.load(Subcommand.class).stream().toList()) {
                Command c = p.type().getAnnotation(Command.class);
                if (c != null && c.name().equals(args[0])) {
                    CommandLine cl = new CommandLine(new HdnnpCommand());
                    cl.addSubcommand(p.get());
                    return cl;
                }
            }
        }
        return commandLine();
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"hdnnp-kit " + Versions.kit(), "Java " + Runtime.version(), "DL4J/ND4J " + Versions.DL4J,
                    "Tribuo " + Versions.TRIBUO};
        }
    }
}
