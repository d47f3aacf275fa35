package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.descriptors.DescriptorCache;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.notebook.Workspace;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.nio.file.Path;
import java.util.HexFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the forests learn from: the descriptor matrix (atom rows grouped by configuration) and, aligned with its
 * configurations, the references (total energy, per-atom forces, per-atom energies when the data has them) and the
 * labels the thesis used as inputs (series, temperature, phase).
 *
 * <p>The matrix is held, not copied: the forests' Tribuo datasets are built straight from its rows.
 */
public final class ForestData {
    /** Label keys of the kit's data set (extended XYZ comment keys). */
    public static final String SERIES_KEY = "config_type", TEMPERATURE_KEY = "temperature", PHASE_KEY = "phase";
    /** Label value when a configuration has no such label. */
    public static final String UNKNOWN = "unknown";

    private final String dataId;
    private final String descriptorSet;
    private final DescriptorMatrix descriptors;
    private final double[] energies;
    private final double[] forces;
    private final double[] atomicEnergies;
    private final String[] series;
    private final double[] temperatures;
    private final String[] phases;

    /**
     * @param dataId         identifies the data set in provenance (e.g. manifest checksum or folder)
     * @param descriptorSet  name of the descriptor set the matrix was computed with
     * @param descriptors    one row per atom, grouped by configuration
     * @param energies       total reference energy per configuration (eV)
     * @param forces         per-atom forces flat (fx, fy, fz per matrix row, eV/Å), or null
     * @param atomicEnergies per-atom energies per matrix row (eV), or null
     * @param series         series label per configuration ({@link #UNKNOWN} when absent)
     * @param temperatures   temperature per configuration in K (NaN when absent)
     * @param phases         phase label per configuration ({@link #UNKNOWN} when absent)
     */
    public ForestData(String dataId, String descriptorSet, DescriptorMatrix descriptors, double[] energies, double[] forces,
                      double[] atomicEnergies, String[] series, double[] temperatures, String[] phases) {
        this.dataId = Objects.requireNonNull(dataId, "dataId");
        this.descriptorSet = Objects.requireNonNull(descriptorSet, "descriptorSet");
        this.descriptors = Objects.requireNonNull(descriptors, "descriptors");
        int n = descriptors.configurations(), rows = descriptors.rows();
        check(energies.length == n, "energies", energies.length, n);
        for (int c = 0; c < n; c++)
            if (!Double.isFinite(energies[c])) throw new IllegalArgumentException("configuration " + c + " has no finite energy");
        if (forces != null) check(forces.length == 3 * rows, "force components", forces.length, 3 * rows);
        if (atomicEnergies != null) check(atomicEnergies.length == rows, "atomic energies", atomicEnergies.length, rows);
        check(series.length == n, "series labels", series.length, n);
        check(temperatures.length == n, "temperatures", temperatures.length, n);
        check(phases.length == n, "phase labels", phases.length, n);
        this.energies = energies.clone();
        this.forces = forces == null ? null : forces.clone();
        this.atomicEnergies = atomicEnergies == null ? null : atomicEnergies.clone();
        this.series = series.clone();
        this.temperatures = temperatures.clone();
        this.phases = phases.clone();
    }

    private static void check(boolean ok, String what, int got, int expected) {
        if (!ok) throw new IllegalArgumentException(what + ": got " + got + ", expected " + expected + " (one per descriptor-matrix configuration/row)");
    }

    /**
     * Aligns configurations with the descriptor matrix computed from them (same order, same atom counts). Forces and
     * atomic energies are taken when every configuration has them.
     */
    public static ForestData of(String dataId, String descriptorSet, List<Configuration> configurations, DescriptorMatrix descriptors) {
        int n = configurations.size();
        if (n != descriptors.configurations())
            throw new IllegalArgumentException(n + " configurations but the descriptor matrix has " + descriptors.configurations());
        int rows = descriptors.rows();
        double[] e = new double[n];
        boolean allForces = true, allAtomic = true;
        String[] series = new String[n], phases = new String[n];
        double[] temps = new double[n];
        for (int c = 0; c < n; c++) {
            Configuration cf = configurations.get(c);
            if (cf.size() != descriptors.atomsIn(c))
                throw new IllegalArgumentException("configuration " + c + " (" + cf.id() + ") has " + cf.size()
                        + " atoms but the descriptor matrix has " + descriptors.atomsIn(c) + " rows for it");
            if (!cf.hasEnergy()) throw new IllegalArgumentException("configuration " + c + " (" + cf.id() + ") has no energy");
            e[c] = cf.energy();
            allForces &= cf.hasForces();
            allAtomic &= cf.hasAtomicEnergies();
            series[c] = cf.label(SERIES_KEY).orElse(UNKNOWN);
            phases[c] = cf.label(PHASE_KEY).orElse(UNKNOWN);
            temps[c] = cf.label(TEMPERATURE_KEY).map(ForestData::parseTemperature).orElse(Double.NaN);
        }
        double[] f = allForces ? new double[3 * rows] : null;
        double[] a = allAtomic ? new double[rows] : null;
        for (int c = 0; c < n; c++) {
            Configuration cf = configurations.get(c);
            int first = descriptors.firstAtom(c);
            if (f != null) System.arraycopy(cf.forces(), 0, f, 3 * first, 3 * cf.size());
            if (a != null) System.arraycopy(cf.atomicEnergies(), 0, a, first, cf.size());
        }
        return new ForestData(dataId, descriptorSet, descriptors, e, f, a, series, temps, phases);
    }

    /** Where descriptor matrices are cached between runs: {@code build/descriptor-cache} of the project. */
    public static Path descriptorCache() {
        return Workspace.build().resolve("descriptor-cache");
    }

    /**
     * The forest inputs of a data set: its configurations and their descriptors of the given set, computed once and
     * cached ({@link #descriptorCache()}, keyed by the configurations' content and the set).
     */
    public static ForestData compute(Dataset dataset, SymmetryFunctionSet set, Progress progress, Cancellation cancellation) {
        return of(dataset.configurations(), dataset.source(), set, progress, cancellation);
    }

    /** As {@link #compute(Dataset, SymmetryFunctionSet, Progress, Cancellation)} for any list of configurations. */
    public static ForestData of(List<Configuration> configurations, String source, SymmetryFunctionSet set, Progress progress,
                                Cancellation cancellation) {
        DescriptorMatrix m = new DescriptorCache(descriptorCache())
                .getOrCompute(configurations, new DescriptorCalculator(set), progress, cancellation);
        String id = source + "#" + HexFormat.of().formatHex(DescriptorCache.dataFingerprint(configurations)).substring(0, 16);
        return of(id, set.name(), configurations, m);
    }

    private static double parseTemperature(String s) {
        String t = s.trim();
        if (t.endsWith("K")) t = t.substring(0, t.length() - 1);
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    public String dataId() { return dataId; }

    public String descriptorSet() { return descriptorSet; }

    public DescriptorMatrix descriptors() { return descriptors; }

    public int configurations() { return descriptors.configurations(); }

    public int atomsIn(int c) { return descriptors.atomsIn(c); }

    public int firstAtom(int c) { return descriptors.firstAtom(c); }

    /** Total reference energy of configuration c (eV). */
    public double energy(int c) { return energies[c]; }

    /** Reference energy per atom E/N of configuration c (eV/atom). */
    public double energyPerAtom(int c) { return energies[c] / descriptors.atomsIn(c); }

    /** Total reference energies per configuration (eV), a copy. */
    public double[] energies() { return energies.clone(); }

    public boolean hasForces() { return forces != null; }

    /** Force component k (0 = x) on matrix row {@code row}. */
    public double force(int row, int k) {
        if (forces == null) throw new IllegalStateException("data set " + dataId + " has no forces");
        return forces[3 * row + k];
    }

    public boolean hasAtomicEnergies() { return atomicEnergies != null; }

    /** Per-atom reference energy of matrix row {@code row} (eV). */
    public double atomicEnergy(int row) {
        if (atomicEnergies == null)
            throw new IllegalStateException("data set " + dataId + " has no per-atom energies (ab initio data never has them)");
        return atomicEnergies[row];
    }

    public String series(int c) { return series[c]; }

    public double temperature(int c) { return temperatures[c]; }

    public String phase(int c) { return phases[c]; }

    /** Indices of the configurations of one series, ascending. */
    public int[] configurationsOf(String seriesLabel) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < series.length; c++) if (series[c].equals(seriesLabel)) out.add(c);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Distinct series labels in order of first appearance. */
    public List<String> seriesLabels() {
        return Arrays.stream(series).distinct().toList();
    }

    @Override
    public String toString() {
        return "ForestData[" + dataId + ", " + descriptorSet + ", " + descriptors + (hasForces() ? ", forces" : "")
                + (hasAtomicEnergies() ? ", atomic energies" : "") + "]";
    }
}
