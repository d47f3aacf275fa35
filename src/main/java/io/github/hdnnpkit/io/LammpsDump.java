package io.github.hdnnpkit.io;

import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * LAMMPS {@code dump custom} text files ({@code dump ID all custom N file id type x y z fx fy fz c_pe}), orthogonal
 * or triclinic boxes. Atoms are sorted by {@code id}; positions are shifted so the box origin is at zero (extended
 * XYZ and n2p2 have no origin) and, with {@link Options#wrap()}, wrapped into the cell, since LAMMPS lets atoms drift
 * slightly outside the box between re-neighbourings. Species come from an {@code element} column, the
 * {@link Options#species()} map from atom type, or the {@link Options#element()} of a single-type dump; a typed dump
 * without names is an error (see {@link Options}). The per-atom energy column (a {@code compute pe/atom}) is optional;
 * when present the configuration's energy is the sum of the atomic energies. Positions are {@code x y z}, unwrapped
 * {@code xu yu zu} or scaled {@code xs ys zs} (the first present); velocities and image flags are not read (a
 * {@link io.github.hdnnpkit.structure.Configuration} has no place for them). The timestep becomes the label {@code step}.
 */
public final class LammpsDump {
    private LammpsDump() {
    }

    /**
     * How atom types become elements. A dump with an {@code element} column names its atoms itself; otherwise the
     * types need names: a map for every type present ({@link #withSpecies}), or, when the dump holds a single type,
     * its element ({@link #forElement}). Without either, reading a typed dump is an error: naming atoms "1" and "2"
     * would only surface much later as a species no descriptor set knows.
     *
     * @param species      atom type → element symbol (empty when not given)
     * @param element      the element of a single-type dump, or null
     * @param energyColumn the per-atom energy column (e.g. {@code c_pe}); ignored when the dump does not have it
     * @param wrap         whether to wrap positions into the cell
     */
    public record Options(Map<Integer, String> species, String element, String energyColumn, boolean wrap) {
        public Options {
            species = Map.copyOf(species);
            Objects.requireNonNull(energyColumn);
            for (Map.Entry<Integer, String> e : species.entrySet()) {
                if (e.getKey() < 1) throw new IllegalArgumentException("LAMMPS atom types start at 1, found type " + e.getKey());
                if (!ChemicalElements.isSymbol(e.getValue()))
                    throw new IllegalArgumentException("type " + e.getKey() + ": '" + e.getValue() + "' is not a chemical element symbol");
            }
            if (element != null && !ChemicalElements.isSymbol(element))
                throw new IllegalArgumentException("'" + element + "' is not a chemical element symbol");
            if (element != null && !species.isEmpty())
                throw new IllegalArgumentException("give either a type map or the element of a single-type dump, not both");
        }

        /** A type map (possibly empty) and no single element, as before single-element dumps were supported. */
        public Options(Map<Integer, String> species, String energyColumn, boolean wrap) {
            this(species, null, energyColumn, wrap);
        }

        /** No type names (the dump needs an element column), energies from {@code c_pe}, positions wrapped. */
        public static Options defaults() {
            return new Options(Map.of(), null, "c_pe", true);
        }

        /** Defaults with a type → element map, e.g. {@code Map.of(1, "Al", 2, "Cu")}. */
        public static Options withSpecies(Map<Integer, String> species) {
            return new Options(species, null, "c_pe", true);
        }

        /** Defaults for a dump whose atoms all have one type, of the given element. */
        public static Options forElement(String element) {
            return new Options(Map.of(), Objects.requireNonNull(element), "c_pe", true);
        }

        /** The same options with another type map (and no single element). */
        public Options withTypes(Map<Integer, String> types) {
            return new Options(types, null, energyColumn, wrap);
        }

        /**
         * Parses a type map written {@code 1=Al,2=Cu} (the command line's {@code --types}).
         *
         * @throws IllegalArgumentException naming the malformed entry
         */
        public static Map<Integer, String> parseTypes(String text) {
            Map<Integer, String> m = new java.util.LinkedHashMap<>();
            for (String entry : text.split(",", -1)) {
                String[] kv = entry.trim().split("=", -1);
                if (kv.length != 2 || !kv[0].trim().matches("[0-9]+") || kv[1].isBlank())
                    throw new IllegalArgumentException("type map entry '" + entry.trim() + "' is not TYPE=ELEMENT (as in 1=Al,2=Cu)");
                int type = Integer.parseInt(kv[0].trim());
                String el = kv[1].trim();
                if (!ChemicalElements.isSymbol(el))
                    throw new IllegalArgumentException("type map entry '" + entry.trim() + "': '" + el + "' is not a chemical element symbol");
                if (m.put(type, el) != null) throw new IllegalArgumentException("type " + type + " appears twice in the type map '" + text + "'");
            }
            return m;
        }

        /** What a user can give to name the types, for error messages. */
        static String howToNameTypes() {
            return "name them with a type map (LammpsDump.Options.withSpecies(Map.of(1, \"Al\", 2, \"Cu\")); on the command line"
                    + " --types 1=Al,2=Cu) or, for a dump with a single type, its element (Options.forElement(\"Al\"); --element Al)";
        }
    }

    public static List<Configuration> read(Path file) {
        return read(file, Options.defaults());
    }

    public static List<Configuration> read(Path file, Options options) {
        List<Configuration> out = new ArrayList<>();
        forEach(file, options, out::add);
        return out;
    }

    public static void forEach(Path file, Consumer<Configuration> action) {
        forEach(file, Options.defaults(), action);
    }

    public static void forEach(Path file, Options options, Consumer<Configuration> action) {
        try (FrameReader r = open(file, options)) {
            while (r.hasNext()) action.accept(r.next());
        }
    }

    public static FrameReader open(Path file, Options options) {
        try {
            return new FrameReader(file, TextFiles.reader(file), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a dump with columns {@code id type x y z} (+ {@code fx fy fz} and {@code c_pe} when every configuration
     * has them), species mapped to types by {@code types}; LAMMPS can {@code rerun} it. The cell must be a LAMMPS cell
     * (a along x, b in the xy plane). The label {@code step} is used as timestep when present, else the frame index.
     */
    public static void write(Path file, List<Configuration> configurations, Map<String, Integer> types) {
        boolean forces = configurations.stream().allMatch(Configuration::hasForces);
        boolean energies = configurations.stream().allMatch(Configuration::hasAtomicEnergies);
        TextFiles.writeAtomically(file, w -> {
            int frame = 0;
            for (Configuration c : configurations) {
                Lattice l = c.lattice().orElseThrow(() -> new IllegalArgumentException("configuration " + c.id() + " has no cell"));
                if (l.component(0, 1) != 0 || l.component(0, 2) != 0 || l.component(1, 2) != 0)
                    throw new IllegalArgumentException("configuration " + c.id() + ": LAMMPS needs a along x and b in the xy plane: " + l);
                double ax = l.component(0, 0), bx = l.component(1, 0), by = l.component(1, 1);
                double cx = l.component(2, 0), cy = l.component(2, 1), cz = l.component(2, 2);
                boolean tri = bx != 0 || cx != 0 || cy != 0;
                StringBuilder sb = new StringBuilder(80 * (c.size() + 9));
                sb.append("ITEM: TIMESTEP\n").append(c.label("step").orElse(Integer.toString(frame))).append('\n');
                sb.append("ITEM: NUMBER OF ATOMS\n").append(c.size()).append('\n');
                if (!tri) {
                    sb.append("ITEM: BOX BOUNDS pp pp pp\n");
                    sb.append("0 ").append(ax).append('\n').append("0 ").append(by).append('\n').append("0 ").append(cz).append('\n');
                } else {
                    double xlo = Math.min(Math.min(0, bx), Math.min(cx, bx + cx)), xhi = ax + Math.max(Math.max(0, bx), Math.max(cx, bx + cx));
                    sb.append("ITEM: BOX BOUNDS xy xz yz pp pp pp\n");
                    sb.append(xlo).append(' ').append(xhi).append(' ').append(bx).append('\n');
                    sb.append(Math.min(0, cy)).append(' ').append(by + Math.max(0, cy)).append(' ').append(cx).append('\n');
                    sb.append("0 ").append(cz).append(' ').append(cy).append('\n');
                }
                sb.append("ITEM: ATOMS id type x y z").append(forces ? " fx fy fz" : "").append(energies ? " c_pe" : "").append('\n');
                double[] f = forces ? c.forces() : null;
                double[] e = energies ? c.atomicEnergies() : null;
                for (int i = 0; i < c.size(); i++) {
                    Integer type = types.get(c.species(i));
                    if (type == null) throw new IllegalArgumentException("no LAMMPS type for species " + c.species(i));
                    sb.append(i + 1).append(' ').append(type).append(' ').append(c.x(i)).append(' ').append(c.y(i)).append(' ').append(c.z(i));
                    if (f != null) sb.append(' ').append(f[3 * i]).append(' ').append(f[3 * i + 1]).append(' ').append(f[3 * i + 2]);
                    if (e != null) sb.append(' ').append(e[i]);
                    sb.append('\n');
                }
                w.write(sb.toString());
                frame++;
            }
        });
    }

    /** Reads frames one at a time; every error names the file and line. */
    public static final class FrameReader extends AbstractFrameReader {
        private final Options options;
        private int singleType;   // with Options.element(): the one type seen so far in the file, 0 before the first atom

        /** The element of the atom line {@code t}, from its element column or its type; errors name the line. */
        private String species(String[] t, int cType, int cEl) {
            Integer type = cType >= 0 ? TextFiles.parseInt(t[cType], file, lineNo, "type") : null;
            if (type != null && type < 1) throw new InputFormatException(file, lineNo, "atom type " + type + " (LAMMPS types start at 1)");
            if (cEl >= 0) {
                String el = t[cEl];
                if (!ChemicalElements.isSymbol(el))
                    throw new InputFormatException(file, lineNo, "unknown element '" + el + "' (expected a chemical element symbol)");
                String mapped = type == null ? null : options.species().get(type);
                if (mapped != null && !mapped.equals(el))
                    throw new InputFormatException(file, lineNo, "atom of type " + type + " is " + el + " in the element column but " + mapped + " in the type map");
                return el;
            }
            if (options.element() != null) {
                if (singleType == 0) singleType = type;
                if (type != singleType)
                    throw new InputFormatException(file, lineNo, "atom of type " + type + " after atoms of type " + singleType
                            + ": the element " + options.element() + " names a single-type dump; for several types give a type map (--types 1=Al,2=Cu)");
                return options.element();
            }
            String el = options.species().get(type);
            if (el == null)
                throw new InputFormatException(file, lineNo, "atom type " + type + " is not in the type map " + new java.util.TreeMap<>(options.species()));
            return el;
        }

        private FrameReader(Path file, BufferedReader in, Options options) {
            super(file, in);
            this.options = options;
        }

        /** The column of each quantity in a dump's atom lines (-1: absent; fx = -1 when there are no forces). */
        private record Columns(List<String> names, int id, int type, int element, int x, int y, int z, int fx, int fy,
                               int fz, int energy, String[] axes, boolean scaled) {
        }

        /**
         * Atom line a of a frame. A method of its own, called once per line, so that the JIT compiles it early and
         * once (the descriptor command runs without on-stack replacement, which would otherwise be the only way to
         * compile a loop over the lines of one long frame); split on white space without a regular expression.
         */
        private void atom(int a, int n, Columns c, String[] t, Lattice lattice, double xlo, double ylo, double zlo,
                          boolean[] pbc, int[] ids, String[] species, double[] pos, double[] f, double[] e) {
            String line = readLine();
            if (line == null)
                throw new InputFormatException(file, lineNo + 1, "file ends where atom " + (a + 1) + " of " + n + " was expected (truncated dump?)");
            int found = TextFiles.tokenize(line, t);
            if (found != t.length)
                throw new InputFormatException(file, lineNo, "expected " + t.length + " columns " + c.names() + ", found " + found);
            ids[a] = c.id() >= 0 ? TextFiles.parseInt(t[c.id()], file, lineNo, "id") : a + 1;
            species[a] = species(t, c.type(), c.element());
            String[] axes = c.axes();
            double px = TextFiles.parseDouble(t[c.x()], file, lineNo, axes[0]);
            double py = TextFiles.parseDouble(t[c.y()], file, lineNo, axes[1]);
            double pz = TextFiles.parseDouble(t[c.z()], file, lineNo, axes[2]);
            double[] r = c.scaled() ? lattice.toCartesian(new double[]{px, py, pz}) : new double[]{px - xlo, py - ylo, pz - zlo};
            if (options.wrap()) {
                // only atoms outside the cell are moved, so the others keep LAMMPS's digits exactly
                double[] s = lattice.toFractional(r);
                boolean outside = false;
                for (int k = 0; k < 3; k++)
                    if (pbc[k] && (s[k] < 0 || s[k] >= 1)) {
                        s[k] -= Math.floor(s[k]);
                        outside = true;
                    }
                if (outside) {
                    r = lattice.toCartesian(s);
                    for (int k = 0; k < 3; k++) if (pbc[k] && r[k] < 0 && r[k] > -1e-12) r[k] = 0;
                }
            }
            System.arraycopy(r, 0, pos, 3 * a, 3);
            if (c.fx() >= 0) {
                f[3 * a] = TextFiles.parseDouble(t[c.fx()], file, lineNo, "fx");
                f[3 * a + 1] = TextFiles.parseDouble(t[c.fy()], file, lineNo, "fy");
                f[3 * a + 2] = TextFiles.parseDouble(t[c.fz()], file, lineNo, "fz");
            }
            if (e != null) e[a] = TextFiles.parseDouble(t[c.energy()], file, lineNo, options.energyColumn());
        }

        private String line(String expected) {
            String s = readLine();
            if (s == null) throw new InputFormatException(file, lineNo + 1, "file ends where " + expected + " was expected (truncated dump?)");
            return s;
        }

        private String item(String name) {
            String s = line("ITEM: " + name);
            if (!s.startsWith("ITEM: " + name))
                throw new InputFormatException(file, lineNo, "expected 'ITEM: " + name + "', found '" + s + "'");
            return s;
        }

        @Override
        protected Configuration readFrame() {
            String first;
            do {
                first = readLine();
                if (first == null) return null;
            } while (first.isBlank());
            if (!first.startsWith("ITEM: TIMESTEP"))
                throw new InputFormatException(file, lineNo, "expected 'ITEM: TIMESTEP', found '" + first + "'");
            String step = line("the timestep").trim();
            TextFiles.parseInt(step.split("\\s+")[0], file, lineNo, "the timestep");
            item("NUMBER OF ATOMS");
            int n = TextFiles.parseInt(line("the atom count").trim(), file, lineNo, "the atom count");
            String bounds = item("BOX BOUNDS");
            boolean tri = bounds.contains("xy");
            String[] flags = bounds.substring("ITEM: BOX BOUNDS".length()).trim().split("\\s+");
            int flagStart = tri ? 3 : 0;
            boolean[] pbc = new boolean[3];
            for (int k = 0; k < 3; k++) pbc[k] = flags.length <= flagStart + k || flags[flagStart + k].equals("pp");
            double[][] b = new double[3][3];
            for (int k = 0; k < 3; k++) {
                String[] t = line("box bounds").trim().split("\\s+");
                if (t.length < (tri ? 3 : 2))
                    throw new InputFormatException(file, lineNo, "expected " + (tri ? 3 : 2) + " box-bound numbers, found " + t.length);
                for (int j = 0; j < (tri ? 3 : 2); j++) b[k][j] = TextFiles.parseDouble(t[j], file, lineNo, "box bounds");
            }
            double xy = tri ? b[0][2] : 0, xz = tri ? b[1][2] : 0, yz = tri ? b[2][2] : 0;
            double xlo = b[0][0] - Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
            double xhi = b[0][1] - Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
            double ylo = b[1][0] - Math.min(0, yz), yhi = b[1][1] - Math.max(0, yz);
            double zlo = b[2][0], zhi = b[2][1];
            Lattice lattice;
            try {
                lattice = Lattice.of(new double[]{xhi - xlo, 0, 0}, new double[]{xy, yhi - ylo, 0}, new double[]{xz, yz, zhi - zlo});
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(file, lineNo, e.getMessage(), e);
            }
            String atoms = item("ATOMS");
            long atomsLine = lineNo;
            List<String> cols = Arrays.asList(atoms.substring("ITEM: ATOMS".length()).trim().split("\\s+"));
            int cId = cols.indexOf("id"), cType = cols.indexOf("type"), cEl = cols.indexOf("element");
            // positions: wrapped x y z, else unwrapped xu yu zu (wrapped below when options.wrap()), else scaled xs ys zs
            String[] axes = cols.contains("x") ? new String[]{"x", "y", "z"} : cols.contains("xu") ? new String[]{"xu", "yu", "zu"}
                    : cols.contains("xs") ? new String[]{"xs", "ys", "zs"} : new String[]{"x", "y", "z"};
            boolean scaled = axes[0].equals("xs");
            int cx = cols.indexOf(axes[0]), cy = cols.indexOf(axes[1]), cz = cols.indexOf(axes[2]);
            int cfx = cols.indexOf("fx"), cfy = cols.indexOf("fy"), cfz = cols.indexOf("fz"), ce = cols.indexOf(options.energyColumn());
            if (cx < 0 || cy < 0 || cz < 0)
                throw new InputFormatException(file, atomsLine, "the dump needs position columns x y z, xu yu zu or xs ys zs, found " + cols);
            if (cType < 0 && cEl < 0) throw new InputFormatException(file, atomsLine, "the dump needs a type or element column, found " + cols);
            if (cEl < 0 && options.species().isEmpty() && options.element() == null)
                throw new InputFormatException(file, atomsLine, "the atoms have LAMMPS types but no element names; " + Options.howToNameTypes());
            boolean forces = cfx >= 0 && cfy >= 0 && cfz >= 0;
            if (!forces && (cfx >= 0 || cfy >= 0 || cfz >= 0))
                throw new InputFormatException(file, atomsLine, "forces need all of fx fy fz, found " + cols);

            int[] ids = new int[n];
            String[] species = new String[n];
            double[] pos = new double[3 * n], f = forces ? new double[3 * n] : null, e = ce >= 0 ? new double[n] : null;
            Columns c = new Columns(cols, cId, cType, cEl, cx, cy, cz, forces ? cfx : -1, cfy, cfz, ce, axes, scaled);
            String[] t = new String[cols.size()];
            for (int a = 0; a < n; a++) atom(a, n, c, t, lattice, xlo, ylo, zlo, pbc, ids, species, pos, f, e);
            // sort atoms by id: LAMMPS writes them in processor order unless dump_modify sort id
            Integer[] order = new Integer[n];
            for (int a = 0; a < n; a++) order[a] = a;
            Arrays.sort(order, (p, q) -> Integer.compare(ids[p], ids[q]));
            for (int a = 1; a < n; a++)
                if (ids[order[a]] == ids[order[a - 1]])
                    throw new InputFormatException(file, atomsLine, "atom id " + ids[order[a]] + " appears twice in timestep " + step);
            String[] sp = new String[n];
            double[] ps = new double[3 * n], fs = forces ? new double[3 * n] : null, es = e != null ? new double[n] : null;
            double energy = 0;
            for (int a = 0; a < n; a++) {
                int o = order[a];
                sp[a] = species[o];
                System.arraycopy(pos, 3 * o, ps, 3 * a, 3);
                if (forces) System.arraycopy(f, 3 * o, fs, 3 * a, 3);
                if (es != null) {
                    es[a] = e[o];
                    energy += e[o];
                }
            }
            Configuration.Builder cb = Configuration.builder().id(file.getFileName() + "@" + step).lattice(lattice)
                    .pbc(pbc[0], pbc[1], pbc[2]).atoms(sp, ps).forces(fs).atomicEnergies(es).label("step", step);
            if (es != null) cb.energy(energy);
            try {
                return cb.build();
            } catch (IllegalArgumentException ex) {
                throw new InputFormatException(file, atomsLine, ex.getMessage(), ex);
            }
        }
    }
}
