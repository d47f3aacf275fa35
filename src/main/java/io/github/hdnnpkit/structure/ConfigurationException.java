package io.github.hdnnpkit.structure;

/**
 * A configuration that is well-formed but cannot be used for the computation asked of it: atoms that overlap, or an
 * element the descriptor set or potential has no functions for. The message names the configuration and the atoms
 * (0-based indices); a caller that knows the file the configuration came from adds it (the command line does).
 */
public final class ConfigurationException extends IllegalArgumentException {
    private final String configuration;

    public ConfigurationException(String configuration, String problem) {
        super("configuration " + configuration + ": " + problem);
        this.configuration = configuration;
    }

    /** The id of the offending configuration. */
    public String configuration() { return configuration; }
}
