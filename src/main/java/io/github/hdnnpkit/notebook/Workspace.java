package io.github.hdnnpkit.notebook;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project lives, so notebooks and commands find {@code data/} and {@code build/} whatever their working
 * directory: {@code HDNNP_HOME} (set by {@code environment/kit} and the kernelspec) or the nearest parent folder
 * holding the kit's {@code pom.xml}.
 */
public final class Workspace {
    public static final String ENV = "HDNNP_HOME";

    private Workspace() {
    }

    public static Path root() {
        String home = System.getProperty("hdnnp.home", System.getenv(ENV));
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath().normalize();
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isRegularFile(q.resolve("pom.xml")) && Files.isDirectory(q.resolve("notebooks"))) return q;
        }
        return p;
    }

    /** {@code data/} of the project. */
    public static Path data() {
        return root().resolve("data");
    }

    /** The small committed fixture used by tests and the smoke profile. */
    public static Path fixture() {
        return data().resolve("fixture");
    }

    /** The generated full data set (git-ignored). */
    public static Path generated() {
        return data().resolve("generated");
    }

    /** {@code build/}, for everything a run writes. */
    public static Path build() {
        return root().resolve("build");
    }
}
