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
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * n2p2's {@code input.data} format, read and written as a stream of configurations:
 * <pre>
 * begin
 * comment free text
 * lattice ax ay az          (0 or 3 lines; 3 = periodic in all directions)
 * lattice bx by bz
 * lattice cx cy cz
 * atom x y z element c n fx fy fz
 * energy E
 * charge Q
 * end
 * </pre>
 * Units are whatever the file holds (the kit uses Å and eV). Column {@code c} is the atomic charge and {@code n} is
 * unused by n2p2; we read {@code n} into the per-atom energies when any is non-zero and write the per-atom energies
 * there (0 when unknown), so files of classical potentials keep them. Atom charges and the total charge are read and
 * checked but not kept (the kit's systems are neutral). Forces are always kept (n2p2 requires the columns).
 *
 * <p>The comment is kept as label {@code comment}; {@code key=value} words in it also become labels, and
 * {@code id=...} becomes the configuration id (otherwise {@code <file name>#<index>}, 0-based). Writing puts the
 * {@code comment} label back verbatim, or, if there is none, {@code id=... key=value ...}.
 *
 * <p>Every malformed line raises {@link InputFormatException} naming the file and line; I/O failures are
 * {@link UncheckedIOException}s. Files ending in {@code .gz} are (de)compressed transparently.
 */
public final class N2p2InputData {
    private N2p2InputData() {
    }

    /** All configurations of the file, in order. */
    public static List<Configuration> read(Path file) {
        List<Configuration> all = new ArrayList<>();
        forEach(file, all::add);
        return all;
    }

    /** Streams the configurations one by one without holding the file in memory. */
    public static void forEach(Path file, Consumer<Configuration> action) {
        try (ConfigurationReader r = open(file)) {
            Configuration c;
            while ((c = r.next()) != null) action.accept(c);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A lazy stream of the configurations; close it (try-with-resources).
     */
    public static Stream<Configuration> stream(Path file) {
        ConfigurationReader r = open(file);
        Iterator<Configuration> it = new Iterator<>() {
            Configuration next = advance();

            private Configuration advance() {
                try {
                    return r.next();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override public boolean hasNext() { return next != null; }

            @Override
            public Configuration next() {
                if (next == null) throw new NoSuchElementException();
                Configuration c = next;
                next = advance();
                return c;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        r.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** A pull reader: {@link ConfigurationReader#next()} returns null at the end of the file ({@code .gz} is read transparently). */
    public static ConfigurationReader open(Path file) {
        try {
            return new ConfigurationReader(file, TextFiles.reader(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads configurations one at a time. */
    public static final class ConfigurationReader implements Closeable {
        private final Path file;
        private final BufferedReader in;
        private long lineNo;
        private int index;

        private ConfigurationReader(Path file, BufferedReader in) {
            this.file = file;
            this.in = in;
        }

        private InputFormatException error(String msg) {
            return new InputFormatException(file, lineNo, msg);
        }

        /**
         * The next configuration, or null at the end of the file; a file without any configuration is an
         * {@link InputFormatException}.
         */
        public Configuration next() throws IOException {
            String line;
            // skip blank lines between frames
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) break;
            }
            if (line == null) {
                if (index == 0)   // an empty file is a mistake (wrong path, failed run), not zero configurations
                    throw new InputFormatException(file, 0, "no configuration in the file (" + (lineNo == 0 ? "empty file" : lineNo + " blank lines") + ")");
                return null;
            }
            String[] t = TextFiles.fields(line);
            if (!t[0].equals("begin")) throw error("expected 'begin', found '" + abbreviate(line) + "'");
            long beginLine = lineNo;
            Frame f = new Frame(beginLine);
            boolean ended = false;
            while (!ended && (line = in.readLine()) != null) {
                lineNo++;
                ended = line(line, f);
            }
            String comment = f.comment;
            List<double[]> lattice = f.lattice, atoms = f.atoms;
            List<String> species = f.species;
            double energy = f.energy;
            if (!ended) throw error("end of file inside the configuration begun at line " + beginLine + " (missing 'end')");
            if (lattice.size() != 0 && lattice.size() != 3)
                throw error("configuration begun at line " + beginLine + " has " + lattice.size() + " lattice lines, expected 0 or 3");
            if (atoms.isEmpty()) throw error("configuration begun at line " + beginLine + " has no atoms");

            int n = atoms.size();
            double[] pos = new double[3 * n], forces = new double[3 * n], ea = new double[n];
            boolean anyAtomicEnergy = false;
            for (int i = 0; i < n; i++) {
                double[] a = atoms.get(i);
                System.arraycopy(a, 0, pos, 3 * i, 3);
                System.arraycopy(a, 3, forces, 3 * i, 3);
                ea[i] = a[6];
                anyAtomicEnergy |= a[6] != 0.0;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            String id = file.getFileName() + "#" + index;
            if (comment != null) {
                labels.put("comment", comment);
                for (String w : TextFiles.fields(comment)) {
                    int eq = w.indexOf('=');
                    if (eq > 0 && eq < w.length() - 1) {
                        String k = w.substring(0, eq), v = w.substring(eq + 1);
                        if (k.equals("id")) id = v;
                        else labels.putIfAbsent(k, v);
                    }
                }
            }
            Configuration.Builder b = Configuration.builder().id(id).atoms(species.toArray(new String[0]), pos)
                    .forces(forces).energy(energy).labels(labels);
            if (anyAtomicEnergy) b.atomicEnergies(ea);
            if (lattice.isEmpty()) b.pbc(false, false, false);
            else {
                try {
                    b.lattice(Lattice.of(lattice.get(0), lattice.get(1), lattice.get(2)));
                } catch (IllegalArgumentException e) {
                    throw new InputFormatException(file, beginLine, "configuration begun here: " + e.getMessage(), e);
                }
            }
            index++;
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(file, beginLine, "configuration begun here: " + e.getMessage(), e);
            }
        }

        /** What the lines of one configuration have given so far. */
        private static final class Frame {
            final long beginLine;
            String comment;
            final List<double[]> lattice = new ArrayList<>(3);
            final List<String> species = new ArrayList<>();
            final List<double[]> atoms = new ArrayList<>();   // x y z fx fy fz n
            double energy = Double.NaN;

            Frame(long beginLine) {
                this.beginLine = beginLine;
            }
        }

        /**
         * One line inside a configuration; true at its {@code end}. A method of its own, called once per line: a
         * short method called often is JIT-compiled once and early, while a line loop holding all of this was
         * compiled only by on-stack replacement near the end of a 200-configuration run (0.3 s of compiler time).
         */
        private boolean line(String line, Frame f) throws InputFormatException {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) return false;
            String[] t = TextFiles.fields(trimmed);
            switch (t[0]) {
                case "comment" -> f.comment = trimmed.length() > 7 ? trimmed.substring(7).trim() : "";
                case "lattice" -> {
                    if (!f.atoms.isEmpty()) throw error("lattice line after atom lines");
                    if (f.lattice.size() == 3) throw error("more than 3 lattice lines");
                    expectFields(t, 4, "lattice x y z");
                    double[] v = new double[3];
                    for (int k = 0; k < 3; k++) v[k] = number(t[k + 1], LATTICE_NAMES[k]);
                    f.lattice.add(v);
                }
                case "atom" -> atom(t, f);
                case "energy" -> {
                    expectFields(t, 2, "energy E");
                    f.energy = number(t[1], "energy");
                }
                case "charge" -> {
                    expectFields(t, 2, "charge Q");
                    number(t[1], "charge");
                }
                case "end" -> {
                    return true;
                }
                case "begin" -> throw error("'begin' before the 'end' of the configuration begun at line " + f.beginLine);
                default -> throw error("unknown keyword '" + t[0] + "' (expected comment, lattice, atom, energy, charge or end)");
            }
            return false;
        }

        /** An atom line's numeric fields (token index), where they go in the 7 values x y z fx fy fz n, and names. */
        private static final String[] LATTICE_NAMES = {"lattice x", "lattice y", "lattice z"};
        private static final int[] ATOM_TOKENS = {1, 2, 3, 7, 8, 9, 6};
        private static final String[] ATOM_NAMES = {"x", "y", "z", "fx", "fy", "fz", "n (atomic energy)"};

        private void atom(String[] t, Frame f) throws InputFormatException {
            expectFields(t, 10, "atom x y z element charge n fx fy fz");
            if (!ChemicalElements.isSymbol(t[4]))
                throw error("unknown species '" + t[4] + "' (expected a chemical element symbol)");
            double[] a = new double[7];
            // one call site in a loop, not seven: C2 then inlines the number parser once (the unrolled form was a
            // 0.3 s compile of line(), a fifth of a 200-configuration run's compiler time)
            for (int k = 0; k < 7; k++) a[k] = number(t[ATOM_TOKENS[k]], ATOM_NAMES[k]);
            number(t[5], "atomic charge");
            f.species.add(t[4]);
            f.atoms.add(a);
        }

        private void expectFields(String[] t, int n, String form) throws InputFormatException {
            if (t.length != n)
                throw error("'" + t[0] + "' line has " + t.length + " fields, expected " + n + " (" + form + ")");
        }

        private double number(String s, String what) throws InputFormatException {
            try {
                return DecimalNumbers.parse(s);
            } catch (NumberFormatException e) {
                throw numberError(s, what, e);
            }
        }

        private InputFormatException numberError(String s, String what, NumberFormatException e) {
            return error(what + " is " + e.getMessage() + ": '" + abbreviate(s) + "' (expected a finite decimal number)");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /**
     * Writes the configurations to a temporary file next to {@code file}, then moves it into place (gzip when the
     * name ends in {@code .gz}). Every configuration needs energy and forces ({@link #write(Writer, Configuration)});
     * they are checked before anything is written.
     */
    public static void write(Path file, List<Configuration> configurations) {
        configurations.forEach(N2p2InputData::requireLabels);   // before any file exists
        TextFiles.writeAtomically(file, out -> {
            for (Configuration c : configurations) write(out, c);
        });
    }

    /**
     * Writes one configuration (full double precision, round-trip exact). The configuration needs its reference energy
     * and forces: the format has no way to say "unknown" (n2p2 reads a missing energy line as 0 and every atom line
     * carries forces), so writing an unlabelled structure would invent labels. Unlabelled structures go to extended
     * XYZ, which writes only the properties present.
     *
     * @throws IllegalArgumentException when the configuration lacks energy or forces, or is partly periodic
     */
    public static void write(Writer out, Configuration c) throws IOException {
        requireLabels(c);
        boolean[] pbc = c.pbc();
        boolean periodic = pbc[0] || pbc[1] || pbc[2];
        if (periodic && !(pbc[0] && pbc[1] && pbc[2]))
            throw new IllegalArgumentException("configuration " + c.id() + " is periodic in some directions only; n2p2 input.data cannot say so");
        out.write("begin\n");
        out.write("comment " + comment(c) + "\n");
        if (periodic) {
            Lattice l = c.lattice().orElseThrow();
            for (int i = 0; i < 3; i++)
                out.write("lattice " + num(l.component(i, 0)) + " " + num(l.component(i, 1)) + " " + num(l.component(i, 2)) + "\n");
        }
        double[] p = c.positions();
        double[] f = c.forces();
        // the n column is unused by n2p2; all zeros read back as "no atomic energies"
        double[] ea = c.hasAtomicEnergies() ? c.atomicEnergies() : new double[c.size()];
        for (int i = 0; i < c.size(); i++) {
            out.write("atom " + num(p[3 * i]) + " " + num(p[3 * i + 1]) + " " + num(p[3 * i + 2]) + " " + c.species(i)
                    + " 0.0 " + num(ea[i]) + " " + num(f[3 * i]) + " " + num(f[3 * i + 1]) + " " + num(f[3 * i + 2]) + "\n");
        }
        out.write("energy " + num(c.energy()) + "\n");
        out.write("charge 0.0\n");
        out.write("end\n");
    }

    private static void requireLabels(Configuration c) {
        if (c.hasEnergy() && c.hasForces()) return;
        String missing = c.hasEnergy() ? "forces" : c.hasForces() ? "energy" : "energy or forces";
        throw new IllegalArgumentException("configuration " + c.id() + " has no reference " + missing
                + ": n2p2 input.data cannot mark them unknown (n2p2 would read 0), so it is not written; write extended XYZ instead");
    }

    private static String comment(Configuration c) {
        String given = c.labels().get("comment");
        if (given != null) return given.replace('\n', ' ');
        StringBuilder sb = new StringBuilder("id=" + c.id().replaceAll("\\s+", "_"));
        c.labels().forEach((k, v) -> sb.append(' ').append(k.replaceAll("\\s+", "_")).append('=').append(v.replaceAll("\\s+", "_")));
        return sb.toString();
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
