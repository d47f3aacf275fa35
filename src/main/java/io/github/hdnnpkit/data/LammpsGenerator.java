package io.github.hdnnpkit.data;

import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.io.LammpsDump;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import io.github.hdnnpkit.util.Versions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Generates the aluminium reference data with LAMMPS: one serial {@code lmp} process per temperature series (no MPI),
 * up to {@link Options#threads()} at a time, each following {@code data/lammps/aluminium.in} with the label's
 * temperature, pressure, protocol and own seed. Each series ends as {@code <label>.extxyz.gz}, written to a temporary
 * file and moved into place only after the LAMMPS run finished and its output passed the checks (frame count, total
 * energy = sum of per-atom energies); {@code manifest.json} is written last. Running again on the same folder reuses
 * every complete series and regenerates only the missing ones, so an interrupted generation resumes per label.
 */
public final class LammpsGenerator {
    public static final String WORK_DIR = ".work";
    public static final String SUFFIX = ".extxyz.gz";
    public static final String POTENTIAL_NAME = "Al_mm.eam.fs";
    /** Where Debian's {@code lammps-data} installs the potentials. */
    public static final Path DEBIAN_POTENTIALS = Path.of("/usr/share/lammps/potentials");
    public static final long DEFAULT_SEED = 2021L;
    /** Total energy and the sum of per-atom energies must agree to this, eV. */
    static final double ENERGY_TOLERANCE = 1e-6;
    /** Largest drift of the mean energy per atom between the first and last quarter of a series, eV/atom. */
    static final double DRIFT_TOLERANCE = 0.010;
    /** Seeds tried per label before a non-stationary series is an error. */
    static final int MAX_ATTEMPTS = 4;

    private static final String INSTALL_HINT = "install LAMMPS with `environment/kit` or `apt-get install lammps lammps-data`";

    private final Options options;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * @param out       output folder
     * @param labels    the series to generate
     * @param protocol  MD protocol
     * @param threads   concurrent lmp processes
     * @param seed      base seed; each label's seed is derived from it and its name
     * @param lmp       the LAMMPS executable
     * @param potential {@code Al_mm.eam.fs}
     * @param template  the LAMMPS input template
     */
    public record Options(Path out, List<Label> labels, GenerationProtocol protocol, int threads, long seed, Path lmp,
                          Path potential, Path template) {
        public Options {
            Objects.requireNonNull(out);
            Objects.requireNonNull(protocol);
            Objects.requireNonNull(lmp);
            Objects.requireNonNull(potential);
            Objects.requireNonNull(template);
            labels = List.copyOf(labels);
            if (labels.isEmpty()) throw new IllegalArgumentException("no labels to generate");
            if (labels.stream().map(Label::name).distinct().count() != labels.size())
                throw new IllegalArgumentException("duplicate labels in " + labels.stream().map(Label::name).toList());
            if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }

        /** The thesis's 22 series, default protocol, one process per core, seed 2021, LAMMPS found on this machine. */
        public static Options defaults(Path out) {
            return new Options(out, Label.thesis(), GenerationProtocol.defaults(), Runtime.getRuntime().availableProcessors(),
                    DEFAULT_SEED, findLmp(), findPotential(), Workspace.data().resolve("lammps").resolve("aluminium.in"));
        }

        public Options withLabels(List<Label> l) { return new Options(out, l, protocol, threads, seed, lmp, potential, template); }

        public Options withProtocol(GenerationProtocol p) { return new Options(out, labels, p, threads, seed, lmp, potential, template); }

        public Options withThreads(int t) { return new Options(out, labels, protocol, t, seed, lmp, potential, template); }

        public Options withSeed(long s) { return new Options(out, labels, protocol, threads, s, lmp, potential, template); }

        public Options withOut(Path o) { return new Options(o, labels, protocol, threads, seed, lmp, potential, template); }
    }

    /** What happened to one series. */
    public record Outcome(String label, boolean reused, int configurations, double seconds) {
    }

    /** The result of a run: one outcome per series and the manifest written. */
    public record Report(List<Outcome> outcomes, Manifest manifest, double seconds) {
        public long generated() { return outcomes.stream().filter(o -> !o.reused()).count(); }

        public long reused() { return outcomes.stream().filter(Outcome::reused).count(); }
    }

    /** A failed or cancelled generation; finished series are kept and reused by the next run. */
    public static final class GenerationException extends RuntimeException {
        public GenerationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public LammpsGenerator(Options options) {
        this.options = options;
    }

    /** The LAMMPS executable: {@code HDNNP_LMP}, {@code lmp} on the PATH, or {@code /usr/bin/lmp}. */
    public static Path findLmp() {
        String env = System.getenv("HDNNP_LMP");
        if (env != null && !env.isBlank()) return Path.of(env);
        String path = System.getenv("PATH");
        if (path != null)
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir).resolve("lmp");
                if (Files.isExecutable(p)) return p;
            }
        return Path.of("/usr/bin/lmp");
    }

    /** Whether the LAMMPS executable exists on this machine. */
    public static boolean lammpsAvailable() {
        return Files.isExecutable(findLmp()) && Files.isRegularFile(findPotential());
    }

    /** {@code Al_mm.eam.fs}: in {@code LAMMPS_POTENTIALS} or Debian's lammps-data folder. */
    public static Path findPotential() {
        String env = System.getenv("LAMMPS_POTENTIALS");
        if (env != null && !env.isBlank() && Files.isRegularFile(Path.of(env).resolve(POTENTIAL_NAME)))
            return Path.of(env).resolve(POTENTIAL_NAME);
        return DEBIAN_POTENTIALS.resolve(POTENTIAL_NAME);
    }

    /** The seed of one label: derived from the base seed and the label's name, so it does not depend on order. */
    public static int labelSeed(long baseSeed, String label) {
        long h = 1125899906842597L;
        for (int i = 0; i < label.length(); i++) h = 31 * h + label.charAt(i);
        return new SplittableRandom(baseSeed ^ h * 0x9E3779B97F4A7C15L).nextInt(1, 1 << 30);
    }

    /** The final file of a label. */
    public static Path fileOf(Path out, String label) {
        return out.resolve(label + SUFFIX);
    }

    /** Runs (or resumes) the generation. */
    public Report generate(Progress progress, Cancellation cancellation) {
        long t0 = System.nanoTime();
        checkInstallation();
        Path out = options.out().toAbsolutePath();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        String version = lammpsVersion();
        try (FileChannel ch = FileChannel.open(out.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.tryLock()) {
            if (lock == null) throw new IllegalStateException("another generation is writing into " + out);
            removeLeftovers(out);
            Thread hook = new Thread(() -> running.forEach(Process::destroyForcibly), "hdnnp-generate-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                List<Outcome> outcomes = runAll(out, progress, cancellation);
                Manifest m = manifest(out, version);
                m.write(out);
                deleteTree(out.resolve(WORK_DIR));
                return new Report(outcomes, m, (System.nanoTime() - t0) / 1e9);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // the JVM is already shutting down and the hook is running
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + out + ": " + e.getMessage(), e);
        }
    }

    private List<Outcome> runAll(Path out, Progress progress, Cancellation cancellation) {
        List<Label> labels = options.labels();
        progress.start("generate " + labels.size() + " series with LAMMPS", labels.size());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), labels.size()), r -> {
            Thread t = new Thread(r, "lammps");
            t.setDaemon(true);
            return t;
        });
        Map<String, Future<Outcome>> futures = new LinkedHashMap<>();
        for (Label l : labels)
            futures.put(l.name(), pool.submit(() -> {
                Outcome o = generateOrReuse(out, l, cancellation);
                progress.update(done.incrementAndGet(), l.name() + (o.reused() ? " reused" : String.format(" done in %.0f s", o.seconds())));
                return o;
            }));
        pool.shutdown();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Throwable> failures = new LinkedHashMap<>();
        for (Map.Entry<String, Future<Outcome>> e : futures.entrySet()) {
            try {
                outcomes.add(e.getValue().get());
            } catch (ExecutionException ex) {
                failures.put(e.getKey(), ex.getCause());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
                failures.put(e.getKey(), ex);
            }
        }
        if (!failures.isEmpty()) {
            progress.finish("generation incomplete: " + failures.keySet());
            Throwable first = failures.values().iterator().next();
            boolean cancelled = cancellation.isCancelled();
            StringBuilder msg = new StringBuilder(cancelled ? "generation cancelled" : "generation failed");
            msg.append(" for ").append(failures.size()).append(" of ").append(labels.size()).append(" series (finished series are kept; run again to resume):");
            failures.forEach((k, v) -> msg.append("\n  ").append(k).append(": ").append(v.getMessage()));
            throw new GenerationException(msg.toString(), first);
        }
        progress.finish(outcomes.size() + " series ready in " + out);
        return outcomes;
    }

    private Outcome generateOrReuse(Path out, Label label, Cancellation cancellation) throws IOException, InterruptedException {
        Path file = fileOf(out, label.name());
        if (Files.exists(file)) {
            String why = completeness(file, label.name());
            if (why == null) return new Outcome(label.name(), true, options.protocol().configurations(), 0);
            System.err.println("hdnnp generate: regenerating " + label.name() + ": " + why);
            Files.delete(file);
        }
        long t0 = System.nanoTime();
        Path work = out.resolve(WORK_DIR).resolve(label.name());
        String lastProblem = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (cancellation.isCancelled()) throw new InterruptedException("cancelled before " + label.name() + " started");
            int seed = attemptSeed(options.seed(), label.name(), attempt);
            deleteTree(work);
            Files.createDirectories(work);
            runLammps(label, seed, work, cancellation);
            List<Configuration> configs = collect(label, seed, work);
            lastProblem = stationarity(configs);
            // a quench that crystallised before sampling began drifts no more: the bond order sees it
            if (lastProblem == null) lastProblem = PhaseCheck.phaseProblem(label.phase(), configs.stream().map(PhaseCheck::order).toList());
            if (lastProblem == null) {
                ExtendedXyz.write(file, configs);
                deleteTree(work);
                return new Outcome(label.name(), false, configs.size(), (System.nanoTime() - t0) / 1e9);
            }
            System.err.println("hdnnp generate: " + label.name() + " (seed " + seed + "): " + lastProblem
                    + (attempt + 1 < MAX_ATTEMPTS ? "; retrying with the next seed" : ""));
        }
        throw new IOException(label.name() + ": no stationary series in its phase in " + MAX_ATTEMPTS + " attempts: " + lastProblem
                + " (work files kept in " + work + ")");
    }

    /**
     * Null when the series is stationary, else why not: the mean energy per atom of the last quarter of the snapshots
     * must be within {@link #DRIFT_TOLERANCE} of the first quarter's. Thermal fluctuations of the quarter means are
     * about 1 meV/atom; a larger drift is a phase change during sampling, typically a quenched liquid crystallising.
     */
    static String stationarity(List<Configuration> series) {
        int n = series.size(), q = n / 4;
        if (q < 2) return null;
        double first = 0, last = 0;
        for (int i = 0; i < q; i++) {
            first += series.get(i).energy() / series.get(i).size();
            last += series.get(n - 1 - i).energy() / series.get(n - 1 - i).size();
        }
        double drift = (last - first) / q;
        if (Math.abs(drift) <= DRIFT_TOLERANCE) return null;
        return String.format(java.util.Locale.ROOT, "the energy drifted by %.1f meV/atom between the first and last quarter of the "
                + "sampling (a phase change, e.g. crystallisation)", 1000 * drift);
    }

    /** The seed of attempt k of a label: attempt 0 is {@link #labelSeed}; later ones follow from it deterministically. */
    public static int attemptSeed(long baseSeed, String label, int attempt) {
        return attempt == 0 ? labelSeed(baseSeed, label) : labelSeed(baseSeed, label + "#" + attempt);
    }

    /**
     * A short fingerprint of everything besides the seed that shapes a series (template, potential, protocol, the
     * label's own parameters): a finished file is only reused when it matches, so editing the template or the
     * protocol regenerates instead of mixing old and new data.
     */
    private String recipe(Label label) {
        String text = Checksums.sha256(options.template()) + "|" + Checksums.sha256(options.potential()) + "|"
                + options.protocol().withConfigurations(1) + "|" + label;
        return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    private Label labelNamed(String name) {
        return Label.named(options.labels(), name);
    }

    /**
     * Null when the file holds exactly the requested, stationary frames of this label and recipe, in the label's
     * phase ({@link PhaseCheck#phaseProblem}), else why not.
     */
    private String completeness(Path file, String label) {
        List<Integer> seeds = new ArrayList<>();
        for (int k = 0; k < MAX_ATTEMPTS; k++) seeds.add(attemptSeed(options.seed(), label, k));
        String recipe = recipe(labelNamed(label));
        List<Configuration> frames = new ArrayList<>();
        List<PhaseCheck.Order> orders = new ArrayList<>();
        String[] problem = {null};
        try {
            ExtendedXyz.forEach(file, c -> {
                if (problem[0] == null && !label.equals(c.labels().get("config_type")))
                    problem[0] = "frame " + frames.size() + " has config_type " + c.labels().get("config_type");
                String seed = c.labels().get("seed");
                if (problem[0] == null && (seed == null || !seeds.contains(Integer.valueOf(seed))))
                    problem[0] = "made with seed " + seed + ", this run's base seed gives " + seeds;
                if (problem[0] == null && !recipe.equals(c.labels().get("recipe")))
                    problem[0] = "made with another template, potential or protocol (recipe " + c.labels().get("recipe") + ")";
                // keep only what the stationarity and phase checks need
                orders.add(PhaseCheck.order(c));
                frames.add(Configuration.builder().id(c.id()).atoms(new String[]{"Al"}, new double[3]).pbc(false, false, false)
                        .energy(c.energy() / c.size()).build());
            });
        } catch (RuntimeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
        if (problem[0] != null) return problem[0];
        if (frames.size() != options.protocol().configurations())
            return "has " + frames.size() + " configurations, " + options.protocol().configurations() + " requested";
        String drift = stationarity(frames);
        return drift != null ? drift : PhaseCheck.phaseProblem(labelNamed(label).phase(), orders);
    }

    private void runLammps(Label label, int seed, Path work, Cancellation cancellation) throws IOException, InterruptedException {
        GenerationProtocol p = options.protocol();
        boolean melt = !label.protocol().equals("crystal");
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("potential", options.potential().toAbsolutePath().toString());
        vars.put("a0", num(p.latticeConstant()));
        vars.put("dt", num(p.timestep()));
        vars.put("seed", Integer.toString(seed));
        vars.put("temp", num(label.temperature()));
        vars.put("press", num(label.pressureBar()));
        vars.put("tmelt", melt ? num(p.meltTemperature()) : "0");
        vars.put("melt_steps", Integer.toString(p.meltSteps()));
        vars.put("cool_steps", Integer.toString(label.protocol().equals("melt-quench") ? p.quenchSteps() : p.coolSteps()));
        vars.put("npt_steps", Integer.toString(p.nptSteps()));
        vars.put("npt_avg_steps", Integer.toString(p.nptAverageSteps()));
        vars.put("nvt_steps", Integer.toString(p.nvtSteps()));
        vars.put("interval", Integer.toString(p.interval()));
        vars.put("sample_steps", Integer.toString(p.samplingSteps()));
        vars.put("tdamp", num(p.temperatureDamping()));
        vars.put("pdamp", num(p.pressureDamping()));
        vars.put("dumpfile", "snapshots.dump");
        vars.put("thermofile", "thermo.txt");
        List<String> cmd = new ArrayList<>(List.of(options.lmp().toString(), "-nocite", "-screen", "none", "-log", "log.lammps",
                "-in", options.template().toAbsolutePath().toString()));
        vars.forEach((k, v) -> {
            cmd.add("-var");
            cmd.add(k);
            cmd.add(v);
        });
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("stdout.txt").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process proc = pb.start();
        running.add(proc);
        try {
            while (!proc.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled()) {
                    proc.destroyForcibly().waitFor();
                    throw new InterruptedException("cancelled while LAMMPS was running " + label.name());
                }
            }
        } catch (InterruptedException e) {
            proc.destroyForcibly();
            throw e;
        } finally {
            running.remove(proc);
        }
        if (proc.exitValue() != 0) {
            String err = firstLine(work.resolve("log.lammps"), "ERROR");
            if (err == null) err = firstLine(work.resolve("stdout.txt"), "ERROR");
            throw new IOException("LAMMPS exited with " + proc.exitValue() + " for " + label.name() + ": "
                    + (err == null ? "no ERROR line" : err) + " (log: " + work.resolve("log.lammps") + ")");
        }
    }

    private List<Configuration> collect(Label label, int seed, Path work) throws IOException {
        Path thermo = work.resolve("thermo.txt");
        Map<String, String[]> byStep = new HashMap<>();
        try (BufferedReader r = TextFiles.reader(thermo)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] t = line.trim().split("\\s+");
                if (t.length != 4) throw new IOException(thermo + ": expected 'step pe temp press', found '" + line + "'");
                byStep.put(t[0], t);
            }
        }
        List<Configuration> out = new ArrayList<>();
        Path dump = work.resolve("snapshots.dump");
        LammpsDump.forEach(dump, LammpsDump.Options.withSpecies(Map.of(1, "Al")), c -> {
            String step = c.labels().get("step");
            String[] t = byStep.get(step);
            if (t == null) throw new IllegalStateException(thermo + ": no energy for step " + step);
            double pe = Double.parseDouble(t[1]);
            double sum = 0;
            for (double e : c.atomicEnergies()) sum += e;
            if (Math.abs(pe - sum) > ENERGY_TOLERANCE)
                throw new IllegalStateException(label.name() + " step " + step + ": LAMMPS pe " + pe + " eV but per-atom energies sum to " + sum);
            int index = out.size();
            out.add(Configuration.builder().id(String.format("%s-%03d", label.name(), index)).lattice(c.lattice().orElseThrow())
                    .pbc(true, true, true).atoms(c.species(), c.positions()).forces(c.forces()).atomicEnergies(c.atomicEnergies())
                    .energy(pe)
                    .label("config_type", label.name()).label("temperature", num(label.temperature()))
                    .label("phase", label.phase().toString()).label("pressure_bar", num(label.pressureBar()))
                    .label("protocol", label.protocol()).label("seed", Integer.toString(seed)).label("recipe", recipe(label))
                    .label("step", step)
                    .label("kinetic_temperature", t[2]).label("virial_pressure_bar", t[3])
                    .build());
        });
        if (out.size() != options.protocol().configurations())
            throw new IOException(dump + ": " + out.size() + " snapshots, expected " + options.protocol().configurations());
        return out;
    }

    private Manifest manifest(Path out, String version) {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (Label l : options.labels()) {
            Path f = fileOf(out, l.name());
            Configuration first;
            try (var r = ExtendedXyz.open(f)) {
                first = r.next();
            }
            entries.add(new Manifest.Entry(l.name(), l.temperature(), l.phase().toString(), l.pressureBar(), l.protocol(),
                    l.description(), Integer.parseInt(first.labels().get("seed")), f.getFileName().toString(),
                    options.protocol().configurations(), Checksums.sha256(f), first.lattice().orElseThrow().component(0, 0)));
        }
        return new Manifest(Manifest.SCHEMA_VERSION, "generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Versions.kit(),
                new Manifest.Engine(version, options.lmp().toString()),
                new Manifest.Potential(options.potential().getFileName().toString(), Checksums.sha256(options.potential()), potentialHeader()),
                options.template().getFileName().toString(), Checksums.sha256(options.template()), options.protocol(), options.seed(), entries, null);
    }

    private void checkInstallation() {
        if (!Files.isExecutable(options.lmp()))
            throw new IllegalStateException("LAMMPS executable not found at " + options.lmp() + ": " + INSTALL_HINT);
        if (!Files.isRegularFile(options.potential()))
            throw new IllegalStateException("potential " + options.potential() + " not found: " + INSTALL_HINT);
        if (!Files.isRegularFile(options.template()))
            throw new IllegalStateException("LAMMPS input template " + options.template() + " not found (it lives in data/lammps/ of the project)");
    }

    /** LAMMPS's version string from {@code lmp -h}, e.g. {@code 29 Sep 2021 - Update 2}. */
    private String lammpsVersion() {
        try {
            Process p = new ProcessBuilder(options.lmp().toString(), "-h").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            for (String line : text.split("\n")) {
                int i = line.indexOf("Simulator - ");
                if (i >= 0) return line.substring(i + "Simulator - ".length()).trim();
            }
            throw new IllegalStateException(options.lmp() + " -h did not print a LAMMPS version: " + INSTALL_HINT);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + options.lmp() + ": " + e.getMessage() + "; " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String potentialHeader() {
        try (BufferedReader r = TextFiles.reader(options.potential())) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String s = r.readLine();
                if (s != null) lines.add(s.strip());
            }
            return String.join("\n", lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Temporary files of interrupted writes and work folders of interrupted runs are never used: delete them. */
    private static void removeLeftovers(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            // under the generation lock no other writer is at work here, so every temporary file is a leftover
            for (Path p : s.filter(p -> TextFiles.isLeftover(p.getFileName().toString())).toList()) Files.deleteIfExists(p);
        }
        deleteTree(out.resolve(WORK_DIR));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            Collections.reverse(all);
            for (Path p : all) Files.deleteIfExists(p);
        }
    }

    private static String firstLine(Path file, String prefix) {
        if (!Files.exists(file)) return null;
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** A number as LAMMPS and the labels show it: integers without a decimal point. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
