package io.github.hdnnpkit.model.backend;

import java.util.Locale;

/**
 * The back-ends a training can name: {@code java} (the Vector API where the JVM has it), {@code java-scalar} (plain
 * loops) and {@code dl4j} (SameDiff). {@link #label()} is the spelling in study files and provenance.
 */
public enum BackendType {
    JAVA("java"), JAVA_SCALAR("java-scalar"), DL4J("dl4j");

    private final String label;

    BackendType(String label) { this.label = label; }

    public String label() { return label; }

    /** A fresh back-end of this type. */
    public Backend open() {
        return switch (this) {
            case JAVA -> JavaBackend.best();
            case JAVA_SCALAR -> JavaBackend.scalar();
            case DL4J -> new Dl4jBackend();
        };
    }

    /** The type for a CLI or study-file name, aliases included ({@code java-vector}, {@code fast}, {@code scalar}, {@code samediff}). */
    public static BackendType parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "java", "java-vector", "fast" -> JAVA;
            case "java-scalar", "scalar" -> JAVA_SCALAR;
            case "dl4j", "samediff", "dl4j-samediff" -> DL4J;
            default -> throw new IllegalArgumentException("unknown back-end '" + name + "'; expected java, java-scalar or dl4j");
        };
    }

    @Override
    public String toString() { return label; }
}
