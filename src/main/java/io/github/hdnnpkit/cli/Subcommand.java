package io.github.hdnnpkit.cli;

/**
 * Marker for a picocli {@code @Command} class that {@link HdnnpCommand} registers as a subcommand. Implementations
 * are listed in {@code META-INF/services/io.github.hdnnpkit.cli.Subcommand} and need a public no-argument constructor.
 */
public interface Subcommand {
}
