package io.github.hdnnpkit.md;

import io.github.hdnnpkit.data.LammpsGenerator;
import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.Lattice;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The reference MD engine: runs an {@link MdProtocol} in LAMMPS ({@code units metal}, one serial process) from a
 * given state — positions and velocities written to a data file to the last digit — and reads the trajectory back as
 * an {@link MdTrajectory} with the kit's units (Å, fs, eV). Used with the EAM potential the data generator samples
 * ({@link #eam()}, {@code Al_mm.eam.fs}) to validate a trained potential, and with Lennard-Jones ({@link #of(LennardJones)})
 * to check the kit's integrator against LAMMPS's.
 *
 * <p>Ensembles map to {@code fix nve}; {@code fix nve} + {@code fix langevin T T damp seed zero yes}; and
 * {@code fix nvt temp T T damp tchain 1}. Each sampled segment dumps {@code id type xu yu zu vx vy vz} (unwrapped, so
 * MSDs need no unfolding) and prints {@code step pe ke temp} every interval. Neighbour lists are rebuilt whenever an
 * atom moved half the 1 Å skin (checked every step), so no pair inside the cutoff is ever missed. The work folder
 * keeps the input, data, log and dumps for inspection.
 */
public final class LammpsMd {
    private final Path lmp;
    private final List<String> pairCommands;
    private final List<String> elements;   // the pair style's element order, null when any single species will do
    private final String name;

    private LammpsMd(Path lmp, List<String> pairCommands, List<String> elements, String name) {
        this.lmp = Objects.requireNonNull(lmp);
        this.pairCommands = List.copyOf(pairCommands);
        this.elements = elements == null ? null : List.copyOf(elements);
        this.name = name;
    }

    /** Mendelev's aluminium EAM ({@code pair_style eam/fs}), the potential of the kit's reference data. */
    public static LammpsMd eam() {
        return eam(LammpsGenerator.findLmp(), LammpsGenerator.findPotential());
    }

    public static LammpsMd eam(Path lmp, Path potential) {
        return new LammpsMd(lmp, List.of("pair_style eam/fs", "pair_coeff * * " + potential.toAbsolutePath() + " Al"), List.of("Al"),
                "LAMMPS: eam/fs " + potential.getFileName());
    }

    /** The same Lennard-Jones potential in LAMMPS ({@code lj/cut} with energy shift, or {@code lj/smooth/linear}). */
    public static LammpsMd of(LennardJones lj) {
        List<String> pair = lj.truncation() == LennardJones.Truncation.SHIFTED
                ? List.of("pair_style lj/cut " + lj.cutoff(), "pair_coeff * * " + lj.epsilon() + " " + lj.sigma(), "pair_modify shift yes")
                : List.of("pair_style lj/smooth/linear " + lj.cutoff(), "pair_coeff * * " + lj.epsilon() + " " + lj.sigma());
        return new LammpsMd(LammpsGenerator.findLmp(), pair, null, "LAMMPS: " + lj.name());
    }

    /** Whether LAMMPS (and the EAM potential) are installed. */
    public static boolean available() {
        return LammpsGenerator.lammpsAvailable();
    }

    public String name() { return name; }

    /**
     * Runs the protocol in {@code work} (created; earlier contents of the same names are overwritten). The seed of
     * segment k's Langevin noise follows from the protocol's seed, so a run is reproducible (LAMMPS's noise is its own:
     * the kit and LAMMPS agree statistically, not sample by sample, under a Langevin thermostat).
     */
    public MdTrajectory run(MdState start, MdProtocol protocol, Path work, Progress progress, Cancellation cancellation) {
        long t0 = System.nanoTime();
        if (!Files.isExecutable(lmp))
            throw new IllegalStateException("LAMMPS executable not found at " + lmp + ": install it with `environment/kit` or `apt-get install lammps lammps-data`");
        Configuration c = start.configuration();
        Map<String, Integer> types = types(c);
        try {
            Files.createDirectories(work);
            TextFiles.writeAtomically(work.resolve("start.data"), w -> w.write(dataFile(start, types)));
            TextFiles.writeAtomically(work.resolve("md.in"), w -> w.write(input(protocol, types)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + work + ": " + e.getMessage(), e);
        }
        progress.start(name + ": " + protocol.totalSteps() + " steps of " + protocol.timestep() + " fs, " + c.size() + " atoms", protocol.totalSteps());
        execute(work, cancellation);
        List<MdSample> samples = new ArrayList<>();
        double time = 0;
        MdState last = null;
        for (int k = 0; k < protocol.segments().size(); k++) {
            MdSegment seg = protocol.segments().get(k);
            if (seg.sampled()) {
                List<double[][]> frames = readDump(work.resolve("segment" + k + ".dump"), c.size());
                List<double[]> thermo = readThermo(work.resolve("segment" + k + ".thermo"));
                if (frames.size() != seg.samples() || thermo.size() != seg.samples())
                    throw new IllegalStateException(work + ": segment " + k + " has " + frames.size() + " dumped frames and " + thermo.size()
                            + " thermo lines, expected " + seg.samples() + " of each");
                for (int i = 0; i < frames.size(); i++) {
                    double[] th = thermo.get(i);
                    int step = (int) th[0];
                    if (step != i * seg.sampleInterval())
                        throw new IllegalStateException(work.resolve("segment" + k + ".thermo") + ": line " + (i + 1) + " is step " + step + ", expected " + i * seg.sampleInterval());
                    samples.add(new MdSample(k, step, time + step * protocol.timestep(), th[1], th[2], th[3], frames.get(i)[0]));
                }
                if (k == protocol.segments().size() - 1) {
                    double[][] f = frames.get(frames.size() - 1);
                    last = MdState.withMasses(c.toBuilder().atoms(c.species(), f[0]).forces(null).atomicEnergies(null).build(), f[1], start.masses());
                }
            }
            time += seg.steps() * protocol.timestep();
            progress.update(protocol.segments().subList(0, k + 1).stream().mapToInt(MdSegment::steps).sum(), "segment " + k + " read");
        }
        progress.finish(name + ": " + samples.size() + " samples");
        return new MdTrajectory(name, protocol, c.toBuilder().forces(null).atomicEnergies(null).energy(Double.NaN).build(), samples, last,
                protocol.totalSteps(), false, null, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The reference's energy and forces for each configuration (single points, {@code run 0}, in one LAMMPS process):
     * copies of the configurations with their energy and forces replaced, e.g. to label structures the data set does
     * not have (short pairs, frames of a trained potential's MD). Energies and forces are written with 17 digits.
     */
    public List<Configuration> label(List<Configuration> configurations, Path work, Cancellation cancellation) {
        if (!Files.isExecutable(lmp))
            throw new IllegalStateException("LAMMPS executable not found at " + lmp + ": install it with `environment/kit` or `apt-get install lammps lammps-data`");
        if (configurations.isEmpty()) return List.of();
        StringBuilder in = new StringBuilder("# hdnnp-kit md.LammpsMd single points: ").append(name).append('\n');
        try {
            Files.createDirectories(work);
            Files.deleteIfExists(work.resolve("energies.txt"));
            for (int k = 0; k < configurations.size(); k++) {
                Configuration c = configurations.get(k);
                Map<String, Integer> types = types(c);
                double[] masses = new double[c.size()];
                for (int i = 0; i < masses.length; i++) masses[i] = Masses.of(c.species(i));
                String data = dataFile(MdState.withMasses(c, new double[3 * c.size()], masses), types);
                TextFiles.writeAtomically(work.resolve("point" + k + ".data"), w -> w.write(data));
                in.append("clear\nunits metal\natom_style atomic\nboundary p p p\natom_modify map array\nread_data point").append(k).append(".data\n");
                for (String pc : pairCommands) in.append(pc).append('\n');
                in.append("run 0\nprint \"$(pe:%.17g)\" append energies.txt screen no\n");
                in.append("write_dump all custom point").append(k).append(".dump id fx fy fz modify sort id format float %.17g\n");
            }
            TextFiles.writeAtomically(work.resolve("points.in"), w -> w.write(in.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + work + ": " + e.getMessage(), e);
        }
        execute(work, "points.in", cancellation);
        List<String> energies;
        try {
            energies = Files.readAllLines(work.resolve("energies.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + work.resolve("energies.txt") + ": " + e.getMessage(), e);
        }
        if (energies.size() != configurations.size())
            throw new IllegalStateException(work.resolve("energies.txt") + " has " + energies.size() + " energies for " + configurations.size() + " configurations");
        List<Configuration> out = new ArrayList<>(configurations.size());
        for (int k = 0; k < configurations.size(); k++) {
            Configuration c = configurations.get(k);
            Path dump = work.resolve("point" + k + ".dump");
            double e = number(energies.get(k).trim(), work.resolve("energies.txt"), k + 1, "energy");
            out.add(c.toBuilder().energy(e).forces(readForces(dump, c.size())).atomicEnergies(null).build());
        }
        return out;
    }

    /** A {@code write_dump ... id fx fy fz} file of one frame. */
    static double[] readForces(Path file, int atoms) {
        try (BufferedReader r = TextFiles.reader(file)) {
            String[] head = new String[9];
            for (int i = 0; i < 9; i++) {
                head[i] = r.readLine();
                if (head[i] == null) throw new InputFormatException(file, i + 1, "file ends inside the frame header (truncated dump?)");
            }
            if (!head[0].startsWith("ITEM: TIMESTEP")) throw new InputFormatException(file, 1, "expected 'ITEM: TIMESTEP', found '" + head[0] + "'");
            int n = (int) number(head[3].trim(), file, 4, "atom count");
            if (n != atoms) throw new InputFormatException(file, 4, n + " atoms, expected " + atoms);
            if (!head[8].trim().equals("ITEM: ATOMS id fx fy fz"))
                throw new InputFormatException(file, 9, "expected columns 'id fx fy fz', found '" + head[8] + "'");
            double[] f = new double[3 * n];
            for (int a = 0; a < n; a++) {
                String s = r.readLine();
                long lineNo = 10 + a;
                if (s == null) throw new InputFormatException(file, lineNo, "file ends at atom " + (a + 1) + " of " + n + " (truncated dump?)");
                String[] t = s.trim().split("\\s+");
                if (t.length != 4) throw new InputFormatException(file, lineNo, "expected 4 columns, found " + t.length);
                if ((int) number(t[0], file, lineNo, "id") != a + 1) throw new InputFormatException(file, lineNo, "atom id " + t[0] + " where " + (a + 1) + " was expected");
                for (int k = 0; k < 3; k++) f[3 * a + k] = number(t[1 + k], file, lineNo, "force");
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Integer> types(Configuration c) {
        Map<String, Integer> types = new LinkedHashMap<>();
        if (elements != null) {
            for (int i = 0; i < elements.size(); i++) types.put(elements.get(i), i + 1);
            for (int i = 0; i < c.size(); i++)
                if (!types.containsKey(c.species(i)))
                    throw new IllegalArgumentException(name + " knows only " + elements + ", configuration " + c.id() + " has " + c.species(i));
        } else {
            for (int i = 0; i < c.size(); i++) types.putIfAbsent(c.species(i), types.size() + 1);
            if (types.size() != 1) throw new IllegalArgumentException(name + " is a one-species potential; configuration " + c.id() + " has " + types.keySet());
        }
        return types;
    }

    /** The LAMMPS data file: atoms wrapped into the cell with image flags (so xu = x + n·L restores them), velocities in Å/ps. */
    static String dataFile(MdState s, Map<String, Integer> types) {
        Configuration c = s.configuration();
        Lattice l = c.lattice().orElseThrow(() -> new IllegalArgumentException("configuration " + c.id() + " has no cell; LAMMPS MD here is periodic"));
        for (int k = 0; k < 3; k++)
            if (!c.periodic(k)) throw new IllegalArgumentException("configuration " + c.id() + " is not periodic along direction " + k);
        if (l.component(0, 1) != 0 || l.component(0, 2) != 0 || l.component(1, 2) != 0)
            throw new IllegalArgumentException("configuration " + c.id() + ": LAMMPS needs a along x and b in the xy plane: " + l);
        double[][] a = {l.vector(0), l.vector(1), l.vector(2)};
        StringBuilder sb = new StringBuilder(100 * (c.size() + 20));
        sb.append("hdnnp-kit md start ").append(c.id()).append("\n\n");
        sb.append(c.size()).append(" atoms\n").append(types.size()).append(" atom types\n\n");
        sb.append("0 ").append(a[0][0]).append(" xlo xhi\n0 ").append(a[1][1]).append(" ylo yhi\n0 ").append(a[2][2]).append(" zlo zhi\n");
        if (a[1][0] != 0 || a[2][0] != 0 || a[2][1] != 0)
            sb.append(a[1][0]).append(' ').append(a[2][0]).append(' ').append(a[2][1]).append(" xy xz yz\n");
        sb.append("\nMasses\n\n");
        double[] m = s.masses();
        for (Map.Entry<String, Integer> t : types.entrySet()) {
            double mass = Double.NaN;
            for (int i = 0; i < c.size(); i++)
                if (c.species(i).equals(t.getKey())) {
                    if (Double.isNaN(mass)) mass = m[i];
                    else if (m[i] != mass) throw new IllegalArgumentException("atoms of " + t.getKey() + " have different masses; LAMMPS has one per type");
                }
            if (!Double.isNaN(mass)) sb.append(t.getValue()).append(' ').append(mass).append('\n');
            else sb.append(t.getValue()).append(" 1.0\n");   // a type of the pair style the configuration does not use
        }
        sb.append("\nAtoms # atomic\n\n");
        double[] p = s.positions();
        for (int i = 0; i < c.size(); i++) {
            double[] r = {p[3 * i], p[3 * i + 1], p[3 * i + 2]};
            double[] f = l.toFractional(r);
            long[] n = new long[3];
            for (int k = 0; k < 3; k++) n[k] = (long) Math.floor(f[k]);
            for (int x = 0; x < 3; x++) r[x] -= n[0] * a[0][x] + n[1] * a[1][x] + n[2] * a[2][x];
            sb.append(i + 1).append(' ').append(types.get(c.species(i))).append(' ').append(r[0]).append(' ').append(r[1]).append(' ').append(r[2])
                    .append(' ').append(n[0]).append(' ').append(n[1]).append(' ').append(n[2]).append('\n');
        }
        sb.append("\nVelocities\n\n");
        double[] v = s.velocities();
        for (int i = 0; i < c.size(); i++)
            sb.append(i + 1).append(' ').append(v[3 * i] * Units.FS_PER_PS).append(' ').append(v[3 * i + 1] * Units.FS_PER_PS)
                    .append(' ').append(v[3 * i + 2] * Units.FS_PER_PS).append('\n');
        return sb.toString();
    }

    private String input(MdProtocol protocol, Map<String, Integer> types) {
        StringBuilder sb = new StringBuilder();
        sb.append("# hdnnp-kit md.LammpsMd: ").append(name).append('\n');
        sb.append("units metal\natom_style atomic\nboundary p p p\natom_modify map array\nread_data start.data\n");
        for (String p : pairCommands) sb.append(p).append('\n');
        sb.append("neighbor 1.0 bin\nneigh_modify every 1 delay 0 check yes\n");
        sb.append("timestep ").append(protocol.timestep() / Units.FS_PER_PS).append('\n');
        sb.append("thermo_style custom step temp pe ke etotal\nthermo 1000\n");
        for (int k = 0; k < protocol.segments().size(); k++) {
            MdSegment seg = protocol.segments().get(k);
            sb.append("\n# segment ").append(k).append(": ").append(seg.ensemble().label()).append(", ").append(seg.steps()).append(" steps\n");
            sb.append("reset_timestep 0\n");
            Ensemble e = seg.ensemble();
            if (e instanceof Ensemble.Langevin l) {
                int seed = new SplittableRandom(protocol.segmentSeed(k)).nextInt(1, 900_000_000);
                sb.append("fix integrate all nve\n");
                sb.append(String.format(Locale.ROOT, "fix bath all langevin %s %s %s %d zero yes%n", l.temperature(), l.temperature(),
                        l.damping() / Units.FS_PER_PS, seed));
            } else if (e instanceof Ensemble.NoseHoover h) {
                sb.append(String.format(Locale.ROOT, "fix integrate all nvt temp %s %s %s tchain 1%n", h.temperature(), h.temperature(),
                        h.damping() / Units.FS_PER_PS));
            } else {
                sb.append("fix integrate all nve\n");
            }
            if (seg.sampled()) {
                int n = seg.sampleInterval();
                sb.append("dump snap all custom ").append(n).append(" segment").append(k).append(".dump id type xu yu zu vx vy vz\n");
                sb.append("dump_modify snap format float %.17g sort id\n");
                sb.append("fix energies all print ").append(n).append(" \"$(step) $(pe:%.17g) $(ke:%.17g) $(temp:%.17g)\" file segment")
                        .append(k).append(".thermo screen no\n");
            }
            sb.append("run ").append(seg.steps()).append('\n');
            if (seg.sampled()) sb.append("undump snap\nunfix energies\n");
            if (e instanceof Ensemble.Langevin) sb.append("unfix bath\n");
            sb.append("unfix integrate\n");
        }
        sb.append("print \"HDNNP_MD_DONE\"\n");
        return sb.toString();
    }

    private void execute(Path work, Cancellation cancellation) {
        execute(work, "md.in", cancellation);
    }

    private void execute(Path work, String input, Cancellation cancellation) {
        ProcessBuilder pb = new ProcessBuilder(lmp.toString(), "-nocite", "-screen", "none", "-log", "log.lammps", "-in", input)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("stdout.txt").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        try {
            Process proc = pb.start();
            try {
                while (!proc.waitFor(50, TimeUnit.MILLISECONDS)) {
                    if (cancellation.isCancelled()) {
                        proc.destroyForcibly().waitFor();
                        throw new IllegalStateException("cancelled while LAMMPS was running in " + work);
                    }
                }
            } catch (InterruptedException e) {
                proc.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while LAMMPS was running in " + work, e);
            }
            if (proc.exitValue() != 0) {
                String err = firstLine(work.resolve("log.lammps"));
                if (err == null) err = firstLine(work.resolve("stdout.txt"));
                throw new IllegalStateException("LAMMPS exited with " + proc.exitValue() + ": " + (err == null ? "no ERROR line" : err)
                        + " (log: " + work.resolve("log.lammps") + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + lmp + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Path file) {
        if (!Files.exists(file)) return null;
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith("ERROR")).findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** Frames of the dump this class writes: per frame {positions (Å), velocities (Å/fs)}, atoms in id order. */
    static List<double[][]> readDump(Path file, int atoms) {
        List<double[][]> out = new ArrayList<>();
        try (BufferedReader r = TextFiles.reader(file)) {
            long lineNo = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                if (!line.startsWith("ITEM: TIMESTEP")) throw new InputFormatException(file, lineNo, "expected 'ITEM: TIMESTEP', found '" + line + "'");
                String[] head = new String[8];
                for (int i = 0; i < 8; i++) {
                    head[i] = r.readLine();
                    lineNo++;
                    if (head[i] == null) throw new InputFormatException(file, lineNo, "file ends inside a frame header (truncated dump?)");
                }
                int n = Integer.parseInt(head[2].trim());
                if (n != atoms) throw new InputFormatException(file, lineNo - 5, n + " atoms, expected " + atoms);
                if (!head[7].trim().equals("ITEM: ATOMS id type xu yu zu vx vy vz"))
                    throw new InputFormatException(file, lineNo, "expected columns 'id type xu yu zu vx vy vz', found '" + head[7] + "'");
                double[] x = new double[3 * n], v = new double[3 * n];
                for (int a = 0; a < n; a++) {
                    String s = r.readLine();
                    lineNo++;
                    if (s == null) throw new InputFormatException(file, lineNo, "file ends at atom " + (a + 1) + " of " + n + " (truncated dump?)");
                    String[] t = s.trim().split("\\s+");
                    if (t.length != 8) throw new InputFormatException(file, lineNo, "expected 8 columns, found " + t.length);
                    int id = (int) number(t[0], file, lineNo, "id");
                    if (id != a + 1) throw new InputFormatException(file, lineNo, "atom id " + id + " where " + (a + 1) + " was expected (dump_modify sort id)");
                    for (int k = 0; k < 3; k++) {
                        x[3 * a + k] = number(t[2 + k], file, lineNo, "position");
                        v[3 * a + k] = number(t[5 + k], file, lineNo, "velocity") / Units.FS_PER_PS;
                    }
                }
                out.add(new double[][]{x, v});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static double number(String token, Path file, long line, String what) {
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, line, "expected a number for " + what + ", found '" + token + "'");
        }
    }

    /** Lines {@code step pe ke temp} of a segment's thermo file. */
    static List<double[]> readThermo(Path file) {
        List<double[]> out = new ArrayList<>();
        try (BufferedReader r = TextFiles.reader(file)) {
            long lineNo = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] t = line.trim().split("\\s+");
                if (t.length != 4) throw new InputFormatException(file, lineNo, "expected 'step pe ke temp', found '" + line + "'");
                double[] row = new double[4];
                for (int k = 0; k < 4; k++) row[k] = number(t[k], file, lineNo, "thermo column " + (k + 1));
                out.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
