package io.github.hdnnpkit.model.n2p2;

import io.github.hdnnpkit.io.N2p2InputData;
import io.github.hdnnpkit.model.forces.EnergyAndForces;
import io.github.hdnnpkit.structure.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs n2p2's own {@code nnp-predict} on an exported potential: the independent check of the export and of the
 * kit's forces. n2p2 is not a dependency of the kit; {@link #locate()} finds a build ({@code $N2P2_BIN}, else
 * {@code $HOME/n2p2/bin}) and callers skip the check with a message where there is none.
 *
 * <p>{@code nnp-predict 0} predicts the one structure of {@code input.data} in its working directory and writes
 * (n2p2 v2.3.0, {@code application/nnp-predict.cpp}) {@code energy.out} — after {@code #} header lines one row
 * {@code conf natoms Eref Ennp Ediff E_offset} — and {@code nnforces.out}, one row per atom
 * {@code conf index fxRef fyRef fzRef fx fy fz}, all in physical units ({@code %24.16E}).
 */
public final class N2p2Predict {
    private final Path executable;

    private N2p2Predict(Path executable) {
        this.executable = executable;
    }

    /** The {@code nnp-predict} of {@code $N2P2_BIN} or {@code $HOME/n2p2/bin}, if it exists and is executable. */
    public static Optional<N2p2Predict> locate() {
        String bin = System.getenv("N2P2_BIN");
        Path dir = bin != null && !bin.isBlank() ? Path.of(bin) : Path.of(System.getProperty("user.home"), "n2p2", "bin");
        Path exe = dir.resolve("nnp-predict");
        return Files.isExecutable(exe) ? Optional.of(new N2p2Predict(exe)) : Optional.empty();
    }

    /** Where {@link #locate()} looks, for the skip message. */
    public static String searchPath() {
        String bin = System.getenv("N2P2_BIN");
        return (bin != null && !bin.isBlank() ? bin : Path.of(System.getProperty("user.home"), "n2p2", "bin").toString()) + "/nnp-predict";
    }

    public Path executable() { return executable; }

    /**
     * Energy and forces of one configuration from the potential in {@code potential} ({@code input.nn},
     * {@code scaling.data}, {@code weights.NNN.data} as {@link N2p2Export} writes them), computed by n2p2 in
     * {@code work} (created; the potential's files are copied in). The configuration needs energy and forces labels
     * for {@code input.data}; they are n2p2's reference columns and do not affect the prediction. Atomic energies are
     * not read (NaN).
     *
     * @throws IOException when n2p2 fails, times out (2 minutes) or writes something unexpected; the message carries the
     *                     end of its log
     */
    public EnergyAndForces predict(Path potential, Configuration c, Path work) throws IOException {
        Files.createDirectories(work);
        try (Stream<Path> files = Files.list(potential)) {
            for (Path f : files.toList())
                if (Files.isRegularFile(f)) Files.copy(f, work.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        N2p2InputData.write(work.resolve("input.data"), List.of(c));
        Process p = new ProcessBuilder(executable.toString(), "0").directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("nnp-predict.stdout").toFile()).start();
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(executable + " did not finish within 2 minutes in " + work);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + executable, e);
        }
        if (p.exitValue() != 0) throw new IOException(executable + " exited with " + p.exitValue() + " in " + work + ": " + tail(work));
        double energy = energy(work.resolve("energy.out"), c.size());
        double[] forces = forces(work.resolve("nnforces.out"), c.size());
        double[] atomic = new double[c.size()];
        java.util.Arrays.fill(atomic, Double.NaN);
        return new EnergyAndForces(energy, forces, atomic);
    }

    static double energy(Path file, int atoms) throws IOException {
        List<String[]> rows = rows(file);
        if (rows.size() != 1 || rows.get(0).length < 4)
            throw new IOException(file + ": expected one row 'conf natoms Eref Ennp ...', found " + rows.size() + " rows");
        String[] t = rows.get(0);
        if (Integer.parseInt(t[1]) != atoms) throw new IOException(file + ": n2p2 read " + t[1] + " atoms, the configuration has " + atoms);
        return parse(t[3], file);
    }

    static double[] forces(Path file, int atoms) throws IOException {
        List<String[]> rows = rows(file);
        if (rows.size() != atoms) throw new IOException(file + ": " + rows.size() + " force rows for " + atoms + " atoms");
        double[] f = new double[3 * atoms];
        for (String[] t : rows) {
            if (t.length < 8) throw new IOException(file + ": expected 'conf index fxRef fyRef fzRef fx fy fz', got " + String.join(" ", t));
            int a = Integer.parseInt(t[1]) - 1;
            if (a < 0 || a >= atoms) throw new IOException(file + ": atom index " + t[1] + " out of 1.." + atoms);
            for (int x = 0; x < 3; x++) f[3 * a + x] = parse(t[5 + x], file);
        }
        return f;
    }

    private static List<String[]> rows(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("n2p2 wrote no " + file);
        List<String[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = l.trim();
            if (s.isEmpty() || s.startsWith("#")) continue;
            out.add(s.split("\\s+"));
        }
        return out;
    }

    private static double parse(String s, Path file) throws IOException {
        try {
            return Double.parseDouble(s.toUpperCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + s + "' is not a number");
        }
    }

    private static String tail(Path work) throws IOException {
        Path log = work.resolve("nnp-predict.stdout");
        if (!Files.exists(log)) return "(no output)";
        List<String> l = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", l.subList(Math.max(0, l.size() - 15), l.size()));
    }
}
