package io.github.hdnnpkit.descriptors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The n2p2 v2.3.0 reference files copied into the test resources (from shared/reference/n2p2-thesis329). */
public final class ReferenceFiles {
    private ReferenceFiles() {
    }

    public static Path dir() {
        try {
            return Path.of(ReferenceFiles.class.getResource("/n2p2-thesis329/input.nn").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path inputNn() { return dir().resolve("input.nn"); }

    public static Path inputData() { return dir().resolve("input.data"); }

    /** n2p2's values: one row per atom, 329 columns in input.nn order. */
    public static double[][] values() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir().resolve("G329.txt.gz"))), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] t = line.trim().split("\\s+");
                if (Integer.parseInt(t[0]) != rows.size()) throw new IllegalStateException("atom index out of order: " + t[0]);
                double[] v = new double[t.length - 1];
                for (int k = 1; k < t.length; k++) v[k - 1] = Double.parseDouble(t[k]);
                rows.add(v);
            }
        }
        return rows.toArray(new double[0][]);
    }
}
