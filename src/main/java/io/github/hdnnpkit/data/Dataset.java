package io.github.hdnnpkit.data;

import io.github.hdnnpkit.io.ExtendedXyz;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.structure.Configuration;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A labelled set of configurations: the aluminium series of the thesis or any set of extended-XYZ files with a
 * manifest. Configurations keep the order of their series (labels in table order, snapshots in time order), and
 * every filter returns a new {@code Dataset}; configuration indices, and therefore {@link #split()}, refer to this
 * order.
 *
 * <pre>{@code
 * Dataset all = Dataset.forProfile(Profile.current());        // fixture for smoke, generated set otherwise
 * Dataset thesis = all.withoutLabels("1000K");               // the thesis's 21 series, 4200 configurations
 * Split split = thesis.split();                              // 10 % test, the rest 80:20 (seed 101), by configuration
 * }</pre>
 */
public final class Dataset {
    /** The label the thesis dropped for outliers. */
    public static final String THESIS_DROPPED = "1000K";
    /** Boltzmann's constant, eV/K. */
    public static final double BOLTZMANN_EV = 8.617333262e-5;

    private final List<Label> labels;
    private final List<Configuration> configurations;
    private final Manifest manifest;      // null for a set built in memory
    private final String source;

    private Dataset(List<Label> labels, List<Configuration> configurations, Manifest manifest, String source) {
        this.labels = List.copyOf(labels);
        this.configurations = List.copyOf(configurations);
        this.manifest = manifest;
        this.source = source;
        Set<String> names = new java.util.HashSet<>();
        for (Label l : this.labels) names.add(l.name());
        for (Configuration c : this.configurations) {
            String t = c.labels().get("config_type");
            if (t == null || !names.contains(t))
                throw new IllegalArgumentException("configuration " + c.id() + " has config_type " + t + ", not one of " + names);
        }
    }

    /** An in-memory set; every configuration's {@code config_type} must name one of the labels. */
    public static Dataset of(List<Label> labels, List<Configuration> configurations) {
        return new Dataset(labels, configurations, null, "memory");
    }

    /**
     * Reads a data-set folder: its {@code manifest.json} and the extended-XYZ file of every label, checking each
     * file's SHA-256 and frame count against the manifest, so a damaged or half-written set is refused.
     */
    public static Dataset load(Path dir) {
        Manifest m = Manifest.read(dir);
        // the series are independent files: read them in parallel, keep the manifest's order
        List<List<Configuration>> perLabel = m.labels().parallelStream().map(e -> readChecked(dir, e)).toList();
        List<Label> labels = new ArrayList<>();
        List<Configuration> all = new ArrayList<>();
        for (int i = 0; i < perLabel.size(); i++) {
            labels.add(m.labels().get(i).label());
            all.addAll(perLabel.get(i));
        }
        return new Dataset(labels, all, m, dir.toAbsolutePath().toString());
    }

    private static List<Configuration> readChecked(Path dir, Manifest.Entry e) {
        Path f = dir.resolve(e.file());
        if (!Files.isRegularFile(f))
            throw new IllegalStateException(f + " listed in " + dir.resolve(Manifest.FILE_NAME) + " is missing");
        String sha = Checksums.sha256(f);
        if (!sha.equals(e.sha256()))
            throw new IllegalStateException(f + " does not match its checksum in the manifest (damaged or replaced file): "
                    + sha + " vs " + e.sha256());
        List<Configuration> cs = ExtendedXyz.read(f);
        if (cs.size() != e.configurations())
            throw new IllegalStateException(f + " holds " + cs.size() + " configurations, the manifest says " + e.configurations());
        for (Configuration c : cs)
            if (!e.name().equals(c.labels().get("config_type")))
                throw new IllegalStateException(f + ": configuration " + c.id() + " has config_type " + c.labels().get("config_type")
                        + ", the manifest lists the file under " + e.name());
        return cs;
    }

    /** The committed fixture ({@code data/fixture}): a few configurations of each of the 22 series. */
    public static Dataset fixture() {
        return load(Workspace.fixture());
    }

    /**
     * The generated full set ({@code data/generated}); if it is missing, an error that says how to make it.
     */
    public static Dataset generated() {
        Path dir = Workspace.generated();
        if (!Files.isRegularFile(dir.resolve(Manifest.FILE_NAME)))
            throw new IllegalStateException("the generated data set is missing or incomplete in " + dir
                    + ": run `environment/kit reproduce` or `hdnnp generate --out " + dir + "` (LAMMPS, a few minutes; resumes if interrupted)");
        return load(dir);
    }

    /** All 22 series at the size of the profile: the fixture for smoke, the generated set for walkthrough and full. */
    public static Dataset forProfile(Profile profile) {
        return profile == Profile.SMOKE ? fixture() : generated();
    }

    /** The thesis's data set at the size of the profile: {@link #forProfile} without the 1000 K series (21 series). */
    public static Dataset thesis(Profile profile) {
        return forProfile(profile).withoutLabels(THESIS_DROPPED);
    }

    public List<Label> labels() { return labels; }

    public List<String> labelNames() { return labels.stream().map(Label::name).toList(); }

    public Label label(String name) { return Label.named(labels, name); }

    public List<Configuration> configurations() { return configurations; }

    public Configuration get(int i) { return configurations.get(i); }

    public int size() { return configurations.size(); }

    public long atoms() { return configurations.stream().mapToLong(Configuration::size).sum(); }

    /** The manifest this set was read from (a subset keeps its parent's), if any. */
    public java.util.Optional<Manifest> manifest() { return java.util.Optional.ofNullable(manifest); }

    /** Where the set was read from. */
    public String source() { return source; }

    /** The label of configuration i. */
    public Label labelOf(int i) { return labelOf(configurations.get(i)); }

    public Label labelOf(Configuration c) { return label(c.labels().get("config_type")); }

    /** Configurations grouped by label, in label order. */
    public Map<String, List<Configuration>> byLabel() {
        Map<String, List<Configuration>> m = new LinkedHashMap<>();
        for (Label l : labels) m.put(l.name(), new ArrayList<>());
        for (Configuration c : configurations) m.get(c.labels().get("config_type")).add(c);
        m.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(m);
    }

    private Dataset derive(List<Label> keep, Predicate<Configuration> filter) {
        Set<String> names = new java.util.HashSet<>();
        for (Label l : keep) names.add(l.name());
        List<Configuration> cs = configurations.stream().filter(c -> names.contains(c.labels().get("config_type")) && filter.test(c)).toList();
        return new Dataset(keep, cs, manifest, source);
    }

    /** Without the named series (e.g. {@code "1000K"}, as the thesis did). */
    public Dataset withoutLabels(String... names) {
        List<String> drop = Arrays.asList(names);
        for (String n : drop) label(n);   // unknown names are an error, not a silent no-op
        return derive(labels.stream().filter(l -> !drop.contains(l.name())).toList(), c -> true);
    }

    /**
     * Without those of the named series that this data set has (a blank or absent name is skipped): the command
     * lines' {@code --without 1000K} default, which must also work on a user's data set that has no 1000K.
     */
    public Dataset withoutLabelsPresent(java.util.Collection<String> names) {
        String[] drop = names.stream().filter(s -> !s.isBlank() && labelNames().contains(s)).toArray(String[]::new);
        return drop.length == 0 ? this : withoutLabels(drop);
    }

    /** Only the named series, in the order given. */
    public Dataset onlyLabels(String... names) {
        List<Label> keep = Arrays.stream(names).map(this::label).toList();
        Dataset d = derive(keep, c -> true);
        List<Configuration> ordered = new ArrayList<>();
        Map<String, List<Configuration>> by = d.byLabel();
        for (Label l : keep) ordered.addAll(by.get(l.name()));
        return new Dataset(keep, ordered, manifest, source);
    }

    /** Only the series of the given phases. */
    public Dataset phases(Phase... phases) {
        List<Phase> p = Arrays.asList(phases);
        return derive(labels.stream().filter(l -> p.contains(l.phase())).toList(), c -> true);
    }

    /** The first {@code k} configurations of every series (in time order). */
    public Dataset firstPerLabel(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be ≥ 1, got " + k);
        List<Configuration> cs = new ArrayList<>();
        byLabel().values().forEach(v -> cs.addAll(v.subList(0, Math.min(k, v.size()))));
        return new Dataset(labels, cs, manifest, source);
    }

    /** Every {@code step}-th configuration of every series, starting with the first: decorrelated subsamples. */
    public Dataset everyNthPerLabel(int step) {
        if (step < 1) throw new IllegalArgumentException("step must be ≥ 1, got " + step);
        List<Configuration> cs = new ArrayList<>();
        byLabel().values().forEach(v -> {
            for (int i = 0; i < v.size(); i += step) cs.add(v.get(i));
        });
        return new Dataset(labels, cs, manifest, source);
    }

    /** The configurations at the given indices, in that order. */
    public Dataset subset(int[] indices) {
        List<Configuration> cs = new ArrayList<>(indices.length);
        for (int i : indices) cs.add(configurations.get(i));
        return new Dataset(labels, cs, manifest, source);
    }

    /** The kit's default split of this set: 10 % held out for testing, the rest 80:20 with seed 101 as in the thesis. */
    public Split split() {
        return Split.thesis(size());
    }

    /** 10 % test (the same configurations as {@link #split()}), the rest split with this train fraction and seed. */
    public Split split(double trainFraction, long seed) {
        return Split.byConfiguration(size(), trainFraction, seed);
    }

    /** Whole series held out for testing (e.g. {@code "950K", "1500KS"}), the rest 80:20 with seed 101. */
    public Split seriesSplit(String... testSeries) {
        return Split.bySeries(seriesOfConfigurations(), List.of(testSeries), Split.THESIS_TRAIN_FRACTION, Split.THESIS_SEED);
    }

    /**
     * Contiguous time blocks of {@code blockLength} snapshots per series, 10 % of the blocks to test and the rest
     * 80:20, seed 101: the split that does not flatter a model with near-duplicates of its test configurations.
     */
    public Split blockedSplit(int blockLength) {
        return Split.byTimeBlocks(seriesOfConfigurations(), blockLength, Split.DEFAULT_TEST_FRACTION, Split.THESIS_TRAIN_FRACTION, Split.THESIS_SEED);
    }

    /** The series (config_type) of every configuration, in index order. */
    public String[] seriesOfConfigurations() {
        String[] s = new String[configurations.size()];
        for (int i = 0; i < s.length; i++) s[i] = configurations.get(i).labels().get("config_type");
        return s;
    }

    public Dataset training(Split split) {
        checkSplit(split);
        return subset(split.train());
    }

    public Dataset validation(Split split) {
        checkSplit(split);
        return subset(split.validation());
    }

    public Dataset test(Split split) {
        checkSplit(split);
        return subset(split.test());
    }

    private void checkSplit(Split split) {
        if (split.size() != size())
            throw new IllegalArgumentException(split + " was made for " + split.size() + " configurations, this set has " + size());
    }

    /** Energy-per-atom statistics of every series, in label order (series without configurations are skipped). */
    public List<EnergyStatistics> energyStatistics() {
        List<EnergyStatistics> out = new ArrayList<>();
        byLabel().forEach((name, cs) -> {
            if (!cs.isEmpty()) out.add(EnergyStatistics.of(label(name), cs));
        });
        return out;
    }

    /** One row per configuration: label, T, phase, atoms, E, E/atom, volume, volume/atom. */
    public Table table() {
        int n = size();
        StringColumn id = StringColumn.create("id"), label = StringColumn.create("label"), phase = StringColumn.create("phase");
        DoubleColumn t = DoubleColumn.create("T (K)"), e = DoubleColumn.create("E (eV)"), epa = DoubleColumn.create("E/atom (eV)");
        DoubleColumn vol = DoubleColumn.create("volume (Å³)"), vpa = DoubleColumn.create("volume/atom (Å³)");
        IntColumn atoms = IntColumn.create("atoms");
        for (int i = 0; i < n; i++) {
            Configuration c = configurations.get(i);
            Label l = labelOf(c);
            id.append(c.id());
            label.append(l.name());
            t.append(l.temperature());
            phase.append(l.phase().toString());
            atoms.append(c.size());
            e.append(c.energy());
            epa.append(c.energy() / c.size());
            double v = c.lattice().map(x -> x.volume()).orElse(Double.NaN);
            vol.append(v);
            vpa.append(v / c.size());
        }
        return Table.create("configurations", id, label, t, phase, atoms, e, epa, vol, vpa);
    }

    /**
     * One row per series (the thesis's tables 2.1 and 3.2 in one): label, T, phase, pressure, configurations, mean
     * E/atom and its standard deviation in meV/atom, mean volume per atom.
     */
    public Table summary() {
        StringColumn label = StringColumn.create("label"), phase = StringColumn.create("phase"), protocol = StringColumn.create("protocol");
        DoubleColumn t = DoubleColumn.create("T (K)"), p = DoubleColumn.create("P (GPa)"), mean = DoubleColumn.create("mean E/atom (eV)");
        DoubleColumn std = DoubleColumn.create("std E/atom (meV)"), vpa = DoubleColumn.create("volume/atom (Å³)");
        IntColumn count = IntColumn.create("configurations");
        Map<String, List<Configuration>> by = byLabel();
        for (Label l : labels) {
            List<Configuration> cs = by.get(l.name());
            label.append(l.name());
            t.append(l.temperature());
            phase.append(l.phase().toString());
            p.append(l.pressureBar() / 1e4);
            protocol.append(l.protocol());
            count.append(cs.size());
            if (cs.isEmpty()) {
                mean.appendMissing();
                std.appendMissing();
                vpa.appendMissing();
            } else {
                EnergyStatistics s = EnergyStatistics.of(l, cs);
                mean.append(round(s.mean(), 5));
                std.append(round(1000 * s.std(), 2));
                vpa.append(round(cs.stream().mapToDouble(c -> c.lattice().orElseThrow().volume() / c.size()).average().orElseThrow(), 3));
            }
        }
        return Table.create("data set: " + labels.size() + " series, " + size() + " configurations", label, t, phase, p,
                protocol, count, mean, std, vpa);
    }

    /** The meaning of each series: name, T, phase, pressure, protocol, description. */
    public Table labelTable() {
        StringColumn name = StringColumn.create("label"), phase = StringColumn.create("phase"), protocol = StringColumn.create("protocol");
        StringColumn desc = StringColumn.create("meaning");
        DoubleColumn t = DoubleColumn.create("T (K)"), p = DoubleColumn.create("P (GPa)");
        for (Label l : labels) {
            name.append(l.name());
            t.append(l.temperature());
            phase.append(l.phase().toString());
            p.append(l.pressureBar() / 1e4);
            protocol.append(l.protocol());
            desc.append(l.description());
        }
        return Table.create("temperature series", name, t, phase, p, protocol, desc);
    }

    /** {@link #energyStatistics()} as a table, energies per atom; spread in meV/atom. */
    public Table energyStatisticsTable() {
        StringColumn name = StringColumn.create("label"), phase = StringColumn.create("phase");
        IntColumn n = IntColumn.create("n");
        DoubleColumn mean = DoubleColumn.create("mean (eV)"), std = DoubleColumn.create("std (meV)"), min = DoubleColumn.create("min − mean (meV)");
        DoubleColumn max = DoubleColumn.create("max − mean (meV)"), skew = DoubleColumn.create("skewness"), kurt = DoubleColumn.create("excess kurtosis");
        DoubleColumn harmonic = DoubleColumn.create("harmonic std (meV)");
        Map<String, List<Configuration>> by = byLabel();
        for (EnergyStatistics s : energyStatistics()) {
            // a harmonic solid in the canonical ensemble: var(E_pot) = (3N/2) (k_B T)^2, so std(E/N) = k_B T sqrt(3 / 2N)
            int atoms = by.get(s.label()).get(0).size();
            harmonic.append(round(1000 * BOLTZMANN_EV * s.temperature() * Math.sqrt(1.5 / atoms), 2));
            name.append(s.label());
            phase.append(s.phase().toString());
            n.append(s.count());
            mean.append(round(s.mean(), 5));
            std.append(round(1000 * s.std(), 2));
            min.append(round(1000 * (s.min() - s.mean()), 2));
            max.append(round(1000 * (s.max() - s.mean()), 2));
            skew.append(round(s.skewness(), 2));
            kurt.append(round(s.excessKurtosis(), 2));
        }
        return Table.create("energy per atom by series", name, phase, n, mean, std, harmonic, min, max, skew, kurt);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /**
     * Writes this set as a data-set folder: one extended-XYZ file per series and a manifest that records it as a
     * subsample of its source with {@code selection} (how it was chosen). Used to make the committed fixture.
     */
    public Manifest save(Path dir, String selection) {
        Objects.requireNonNull(selection);
        Map<String, List<Configuration>> by = byLabel();
        List<Manifest.Entry> entries = new ArrayList<>();
        Map<String, Manifest.Entry> parent = new LinkedHashMap<>();
        if (manifest != null) manifest.labels().forEach(e -> parent.put(e.name(), e));
        for (Label l : labels) {
            List<Configuration> cs = by.get(l.name());
            if (cs.isEmpty()) continue;
            Path f = dir.resolve(l.name() + LammpsGenerator.SUFFIX);
            ExtendedXyz.write(f, cs);
            Manifest.Entry pe = parent.get(l.name());
            entries.add(new Manifest.Entry(l.name(), l.temperature(), l.phase().toString(), l.pressureBar(), l.protocol(), l.description(),
                    pe == null ? 0 : pe.seed(), f.getFileName().toString(), cs.size(), Checksums.sha256(f), pe == null ? Double.NaN : pe.meanEdge()));
        }
        Manifest m = manifest == null
                ? new Manifest(Manifest.SCHEMA_VERSION, "subsample", now(), io.github.hdnnpkit.util.Versions.kit(), null, null, null, null,
                null, 0, entries, new Manifest.Derivation(source, selection))
                : new Manifest(Manifest.SCHEMA_VERSION, "subsample", now(), io.github.hdnnpkit.util.Versions.kit(), manifest.lammps(),
                manifest.potential(), manifest.template(), manifest.templateSha256(), manifest.protocol(), manifest.baseSeed(), entries,
                new Manifest.Derivation(manifest.kind() + " set created " + manifest.created(), selection));
        m.write(dir);
        return m;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Override
    public String toString() {
        return "Dataset[" + labels.size() + " series, " + size() + " configurations, " + source + "]";
    }
}
