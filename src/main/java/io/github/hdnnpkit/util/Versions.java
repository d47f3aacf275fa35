package io.github.hdnnpkit.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of the kit and the libraries it runs on, recorded in every run's provenance. */
public final class Versions {
    public static final String DL4J = "1.0.0-M2.1";
    public static final String TRIBUO = "4.3.2";

    private static final Properties BUILD = load();

    private Versions() {
    }

    /** The kit's own version, from the build. */
    public static String kit() {
        return BUILD.getProperty("version", "unknown");
    }

    /** Kit, Java and library versions, for provenance records. */
    public static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hdnnp-kit", kit());
        m.put("java", Runtime.version().toString());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("dl4j", DL4J);
        m.put("tribuo", TRIBUO);
        return m;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/hdnnp-kit.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
