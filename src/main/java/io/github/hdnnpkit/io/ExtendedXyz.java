package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Extended XYZ, the ASE/QUIP text format: per frame a line with the atom count, a comment line of {@code key=value}
 * pairs and one line per atom whose columns the {@code Properties} key describes. The kit writes
 * <pre>
 * 256
 * Lattice="l 0 0 0 l 0 0 0 l" Properties=species:S:1:pos:R:3:forces:R:3:energies:R:1 energy=-859.1 pbc="T T T" id=... config_type=300K temperature=300 phase=solid
 * Al 0.12 1.98 ... (x y z fx fy fz e_atom)
 * </pre>
 * which {@code ase.io.read(..., index=":")} reads with energy, forces and per-atom energies. Files ending in
 * {@code .gz} are (de)compressed transparently. Keys other than {@code Lattice}, {@code Properties}, {@code energy},
 * {@code pbc} and {@code id} become the configuration's labels. Numbers are written with Java's shortest exact
 * representation, so a write/read round trip is lossless.
 */
public final class ExtendedXyz {
    private static final Set<String> RESERVED = Set.of("Lattice", "Properties", "energy", "pbc", "id");

    private ExtendedXyz() {
    }

    /** All configurations of the file, in order. */
    public static List<Configuration> read(Path file) {
        List<Configuration> out = new ArrayList<>();
        forEach(file, out::add);
        return out;
    }

    /** Streams the file frame by frame without holding it in memory. */
    public static void forEach(Path file, Consumer<Configuration> action) {
        try (FrameReader r = open(file)) {
            while (r.hasNext()) action.accept(r.next());
        }
    }

    /** Number of frames in the file (reads it through, validating every frame). */
    public static int count(Path file) {
        int[] n = {0};
        forEach(file, c -> n[0]++);
        return n[0];
    }

    /** An iterator over the frames; close it when done (or read it to the end, which closes it). */
    public static FrameReader open(Path file) {
        try {
            return new FrameReader(file, TextFiles.reader(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the configurations to {@code file} (gzip when it ends in .gz) through a temporary file. */
    public static void write(Path file, List<Configuration> configurations) {
        TextFiles.writeAtomically(file, w -> {
            for (Configuration c : configurations) writeFrame(w, c);
        });
    }

    /** Appends one frame to an open writer. */
    public static void writeFrame(Writer w, Configuration c) throws IOException {
        int n = c.size();
        StringBuilder sb = new StringBuilder(64 * (n + 2));
        sb.append(n).append('\n');
        if (c.lattice().isPresent()) {
            Lattice l = c.lattice().get();
            sb.append("Lattice=\"");
            for (int i = 0; i < 3; i++)
                for (int k = 0; k < 3; k++) {
                    if (i + k > 0) sb.append(' ');
                    sb.append(l.component(i, k));
                }
            sb.append("\" ");
        }
        sb.append("Properties=species:S:1:pos:R:3");
        if (c.hasForces()) sb.append(":forces:R:3");
        if (c.hasAtomicEnergies()) sb.append(":energies:R:1");
        if (c.hasEnergy()) sb.append(" energy=").append(c.energy());
        boolean[] pbc = c.pbc();
        sb.append(" pbc=\"").append(pbc[0] ? 'T' : 'F').append(' ').append(pbc[1] ? 'T' : 'F').append(' ')
                .append(pbc[2] ? 'T' : 'F').append('"');
        if (!c.id().isEmpty()) sb.append(" id=").append(quote(c.id()));
        for (Map.Entry<String, String> e : c.labels().entrySet()) {
            String key = e.getKey();
            if (RESERVED.contains(key) || key.isEmpty() || !key.chars().allMatch(ch -> ch > ' ' && ch != '=' && ch != '"'))
                throw new IllegalArgumentException("configuration " + c.id() + ": label key '" + key + "' cannot be written to extended XYZ");
            sb.append(' ').append(key).append('=').append(quote(e.getValue()));
        }
        sb.append('\n');
        double[] pos = c.positions();
        double[] f = c.hasForces() ? c.forces() : null;
        double[] ea = c.hasAtomicEnergies() ? c.atomicEnergies() : null;
        for (int i = 0; i < n; i++) {
            sb.append(c.species(i));
            for (int k = 0; k < 3; k++) sb.append(' ').append(pos[3 * i + k]);
            if (f != null) for (int k = 0; k < 3; k++) sb.append(' ').append(f[3 * i + k]);
            if (ea != null) sb.append(' ').append(ea[i]);
            sb.append('\n');
        }
        w.write(sb.toString());
    }

    private static String quote(String v) {
        boolean plain = !v.isEmpty() && v.chars().allMatch(ch -> ch > ' ' && ch != '"' && ch != '=' && ch != '\\');
        if (plain) return v;
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /**
     * Parses a comment line into ordered key/value pairs: {@code key=value}, {@code key="quoted value"} (with
     * backslash escapes) and bare {@code key} (value {@code T}, as ASE reads flags).
     */
    static Map<String, String> parseHeader(String line, Path file, long lineNo) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = 0, n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= n) break;
            int k0 = i;
            while (i < n && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) i++;
            String key = line.substring(k0, i);
            while (i < n && line.charAt(i) == ' ') i++;
            if (i >= n || line.charAt(i) != '=') {
                kv.put(key, "T");
                continue;
            }
            i++; // '='
            while (i < n && line.charAt(i) == ' ') i++;
            StringBuilder v = new StringBuilder();
            if (i < n && (line.charAt(i) == '"' || line.charAt(i) == '\'' || line.charAt(i) == '{')) {
                char open = line.charAt(i), close = open == '{' ? '}' : open;
                i++;
                boolean closed = false;
                while (i < n) {
                    char ch = line.charAt(i++);
                    if (ch == '\\' && i < n) {
                        char e = line.charAt(i++);
                        v.append(e == 'n' ? '\n' : e);
                    } else if (ch == close) {
                        closed = true;
                        break;
                    } else v.append(ch);
                }
                if (!closed) throw new InputFormatException(file, lineNo, "unterminated quoted value of key '" + key + "'");
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) v.append(line.charAt(i++));
            }
            if (key.isEmpty()) throw new InputFormatException(file, lineNo, "a value without a key in the comment line");
            kv.put(key, v.toString());
        }
        return kv;
    }

    /** Reads frames one at a time; every error names the file and line. */
    public static final class FrameReader extends AbstractFrameReader {
        private int frame;

        private FrameReader(Path file, BufferedReader in) {
            super(file, in);
        }

        @Override
        protected Configuration readFrame() {
            String first;
            do {
                first = readLine();
                if (first == null) return null;
            } while (first.isBlank());
            long countLine = lineNo;
            int n = TextFiles.parseInt(first.trim(), file, countLine, "the atom count of frame " + frame);
            if (n < 0) throw new InputFormatException(file, countLine, "negative atom count " + n);
            String comment = readLine();
            if (comment == null) throw new InputFormatException(file, countLine, "frame " + frame + " ends after its atom count");
            long commentLine = lineNo;
            Map<String, String> kv = parseHeader(comment, file, commentLine);

            // columns
            String props = kv.getOrDefault("Properties", "species:S:1:pos:R:3");
            String[] p = props.split(":");
            if (p.length % 3 != 0) throw new InputFormatException(file, commentLine, "Properties must be name:type:count triples, found '" + props + "'");
            int col = 0, speciesCol = -1, posCol = -1, forceCol = -1, energyCol = -1;
            for (int j = 0; j < p.length; j += 3) {
                int count = TextFiles.parseInt(p[j + 2], file, commentLine, "the column count of property " + p[j]);
                String name = p[j];
                switch (name) {
                    case "species" -> speciesCol = col;
                    case "pos" -> { if (count != 3) throw new InputFormatException(file, commentLine, "pos must have 3 columns"); posCol = col; }
                    case "forces", "force" -> { if (count != 3) throw new InputFormatException(file, commentLine, name + " must have 3 columns"); forceCol = col; }
                    case "energies", "energy" -> { if (count != 1) throw new InputFormatException(file, commentLine, name + " must have 1 column"); energyCol = col; }
                    default -> { } // other per-atom properties are skipped
                }
                col += count;
            }
            if (speciesCol < 0 || posCol < 0)
                throw new InputFormatException(file, commentLine, "Properties must include species and pos, found '" + props + "'");
            int columns = col;

            Configuration.Builder b = Configuration.builder();
            b.id(kv.containsKey("id") ? kv.get("id") : file.getFileName() + "#" + frame);
            Lattice lattice = null;
            if (kv.containsKey("Lattice")) {
                String[] t = kv.get("Lattice").trim().split("\\s+");
                if (t.length != 9) throw new InputFormatException(file, commentLine, "Lattice needs 9 numbers, found " + t.length);
                double[][] v = new double[3][3];
                for (int j = 0; j < 9; j++) v[j / 3][j % 3] = TextFiles.parseDouble(t[j], file, commentLine, "Lattice");
                try {
                    lattice = Lattice.of(v[0], v[1], v[2]);
                } catch (IllegalArgumentException e) {
                    throw new InputFormatException(file, commentLine, e.getMessage(), e);
                }
                b.lattice(lattice);
            }
            if (kv.containsKey("pbc")) {
                String[] t = kv.get("pbc").trim().split("\\s+");
                if (t.length != 3) throw new InputFormatException(file, commentLine, "pbc needs 3 flags, found '" + kv.get("pbc") + "'");
                b.pbc(flag(t[0], commentLine), flag(t[1], commentLine), flag(t[2], commentLine));
            } else {
                b.pbc(lattice != null, lattice != null, lattice != null);   // ASE's default
            }
            if (kv.containsKey("energy")) b.energy(TextFiles.parseDouble(kv.get("energy"), file, commentLine, "energy"));
            for (Map.Entry<String, String> e : kv.entrySet())
                if (!RESERVED.contains(e.getKey())) b.label(e.getKey(), e.getValue());

            String[] species = new String[n];
            double[] pos = new double[3 * n];
            double[] f = forceCol >= 0 ? new double[3 * n] : null;
            double[] ea = energyCol >= 0 ? new double[n] : null;
            String[] t = new String[columns];
            for (int a = 0; a < n; a++) atom(a, n, t, columns, props, speciesCol, posCol, forceCol, energyCol, species, pos, f, ea);
            b.atoms(species, pos).forces(f).atomicEnergies(ea);
            frame++;
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(file, commentLine, e.getMessage(), e);
            }
        }

        /**
         * Atom line a of the frame. A method of its own, called once per line, so that the JIT compiles it early and
         * once (the descriptor command runs without on-stack replacement, which would otherwise be the only way to
         * compile a loop over the lines of one long frame).
         */
        private void atom(int a, int n, String[] t, int columns, String props, int speciesCol, int posCol, int forceCol,
                          int energyCol, String[] species, double[] pos, double[] f, double[] ea) {
            String s = readLine();
            if (s == null)
                throw new InputFormatException(file, lineNo + 1, "file ends inside frame " + frame + ": atom " + (a + 1) + " of " + n + " missing (truncated file?)");
            int found = TextFiles.tokenize(s, t);
            if (found != columns)
                throw new InputFormatException(file, lineNo, "expected " + columns + " columns (" + props + "), found " + found);
            species[a] = t[speciesCol];
            if (!ChemicalElements.isSymbol(species[a]))
                throw new InputFormatException(file, lineNo, "unknown species '" + species[a] + "' (expected a chemical element symbol)");
            for (int k = 0; k < 3; k++) pos[3 * a + k] = TextFiles.parseDouble(t[posCol + k], file, lineNo, "pos");
            if (f != null) for (int k = 0; k < 3; k++) f[3 * a + k] = TextFiles.parseDouble(t[forceCol + k], file, lineNo, "forces");
            if (ea != null) ea[a] = TextFiles.parseDouble(t[energyCol], file, lineNo, "energies");
        }

        private boolean flag(String t, long line) {
            return switch (t) {
                case "T", "True", "true", "1" -> true;
                case "F", "False", "false", "0" -> false;
                default -> throw new InputFormatException(file, line, "pbc flag must be T or F, found '" + t + "'");
            };
        }
    }
}
