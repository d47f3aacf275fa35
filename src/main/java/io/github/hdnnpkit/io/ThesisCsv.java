package io.github.hdnnpkit.io;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.structure.Configuration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The thesis's CSV layout: a header, then one row per atom, {@code atomsPerConfiguration} (256) consecutive rows per
 * configuration, with the symmetry-function columns followed by {@code Fx, Fy, Fz, Energy}. Whether {@code Energy}
 * is the configuration's total energy repeated on each of its rows or the atom's own energy is not visible in the
 * file, so it is an explicit {@link EnergyMode}. A leading unnamed index column (as pandas writes it) is skipped.
 */
public final class ThesisCsv {
    public static final List<String> TARGET_COLUMNS = List.of("Fx", "Fy", "Fz", "Energy");

    private ThesisCsv() {
    }

    /** What the {@code Energy} column holds. */
    public enum EnergyMode {
        /** The configuration's total energy, the same on each of its rows (checked when reading). */
        PER_CONFIGURATION,
        /** Each atom's own energy; the configuration's energy is their sum. */
        PER_ATOM
    }

    /** @param atomsPerConfiguration rows per configuration (256 in the thesis); energy what Energy holds */
    public record Options(int atomsPerConfiguration, EnergyMode energy) {
        public Options {
            if (atomsPerConfiguration < 1) throw new IllegalArgumentException("atoms per configuration must be ≥ 1");
            Objects.requireNonNull(energy);
        }

        public static Options thesis(EnergyMode energy) {
            return new Options(256, energy);
        }
    }

    /** One configuration's rows. atomEnergies is null in {@link EnergyMode#PER_CONFIGURATION}. */
    public record Block(int index, float[] descriptors, double[] forces, double energy, double[] atomEnergies) {
    }

    /**
     * A whole file: the descriptor matrix, the energy of each configuration (eV), the forces (eV/Å, flat per row) and,
     * in {@link EnergyMode#PER_ATOM}, the atomic energies (else null).
     */
    public record Data(DescriptorMatrix descriptors, double[] energies, double[] forces, double[] atomEnergies) {
        public Data {
            int rows = descriptors.rows();
            if (energies.length != descriptors.configurations())
                throw new IllegalArgumentException(energies.length + " energies for " + descriptors.configurations() + " configurations");
            if (forces.length != 3 * rows) throw new IllegalArgumentException(forces.length + " force components for " + rows + " atoms");
            if (atomEnergies != null && atomEnergies.length != rows)
                throw new IllegalArgumentException(atomEnergies.length + " atomic energies for " + rows + " atoms");
        }
    }

    public static Data read(Path file, Options options) {
        List<String> ids = header(file);
        int f = ids.size();
        List<float[]> chunks = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        List<double[]> forces = new ArrayList<>(), atomE = new ArrayList<>();
        forEach(file, options, b -> {
            chunks.add(b.descriptors());
            energies.add(b.energy());
            forces.add(b.forces());
            if (b.atomEnergies() != null) atomE.add(b.atomEnergies());
        });
        int n = options.atomsPerConfiguration(), c = chunks.size();
        float[] values = new float[c * n * f];
        double[] fs = new double[3 * n * c];
        double[] ae = options.energy() == EnergyMode.PER_ATOM ? new double[n * c] : null;
        int[] offsets = new int[c + 1];
        for (int i = 0; i < c; i++) {
            System.arraycopy(chunks.get(i), 0, values, i * n * f, n * f);
            System.arraycopy(forces.get(i), 0, fs, i * 3 * n, 3 * n);
            if (ae != null) System.arraycopy(atomE.get(i), 0, ae, i * n, n);
            offsets[i + 1] = (i + 1) * n;
        }
        return new Data(new DescriptorMatrix(values, offsets, ids), energies.stream().mapToDouble(Double::doubleValue).toArray(), fs, ae);
    }

    /** The descriptor column names of the file. */
    public static List<String> header(Path file) {
        try (BufferedReader r = TextFiles.reader(file)) {
            return parseHeader(r.readLine(), file).descriptorIds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private record Header(List<String> descriptorIds, boolean indexColumn, int columns) {
    }

    private static Header parseHeader(String line, Path file) {
        if (line == null) throw new InputFormatException(file, 1, "empty file; expected a header ending in " + String.join(",", TARGET_COLUMNS));
        List<String> cols = new ArrayList<>(Arrays.asList(line.split(",", -1)));
        cols.replaceAll(String::trim);
        boolean index = !cols.isEmpty() && (cols.get(0).isEmpty() || cols.get(0).startsWith("Unnamed"));
        List<String> body = index ? cols.subList(1, cols.size()) : cols;
        int n = body.size();
        if (n < 5) throw new InputFormatException(file, 1, "expected descriptor columns then " + TARGET_COLUMNS + ", found " + cols);
        for (int k = 0; k < 4; k++)
            if (!body.get(n - 4 + k).equalsIgnoreCase(TARGET_COLUMNS.get(k)))
                throw new InputFormatException(file, 1, "expected the last four columns to be " + TARGET_COLUMNS + ", found " + body.subList(n - 4, n));
        return new Header(List.copyOf(body.subList(0, n - 4)), index, cols.size());
    }

    /** Streams the file one configuration at a time. */
    public static void forEach(Path file, Options options, Consumer<Block> action) {
        try (BufferedReader r = TextFiles.reader(file)) {
            Header h = parseHeader(r.readLine(), file);
            int f = h.descriptorIds.size(), n = options.atomsPerConfiguration(), skip = h.indexColumn ? 1 : 0;
            long lineNo = 1;
            int config = 0, row = 0;
            float[] d = new float[n * f];
            double[] fs = new double[3 * n], ae = new double[n];
            double energy = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] t = line.split(",", -1);
                if (t.length != h.columns) throw new InputFormatException(file, lineNo, "expected " + h.columns + " columns, found " + t.length);
                for (int j = 0; j < f; j++) {
                    double v = TextFiles.parseDouble(t[skip + j].trim(), file, lineNo, h.descriptorIds.get(j));
                    d[row * f + j] = (float) v;
                }
                for (int k = 0; k < 3; k++) fs[3 * row + k] = TextFiles.parseDouble(t[skip + f + k].trim(), file, lineNo, TARGET_COLUMNS.get(k));
                double e = TextFiles.parseDouble(t[skip + f + 3].trim(), file, lineNo, "Energy");
                if (options.energy() == EnergyMode.PER_ATOM) {
                    ae[row] = e;
                    energy += e;
                } else if (row == 0) {
                    energy = e;
                } else if (e != energy) {
                    throw new InputFormatException(file, lineNo, String.format(Locale.ROOT,
                            "Energy %s differs from %s on the first row of configuration %d: is Energy per atom? (read with EnergyMode.PER_ATOM)",
                            t[skip + f + 3].trim(), energy, config));
                }
                if (++row == n) {
                    action.accept(new Block(config, d, fs, energy, options.energy() == EnergyMode.PER_ATOM ? ae : null));
                    config++;
                    row = 0;
                    energy = 0;
                    d = new float[n * f];
                    fs = new double[3 * n];
                    ae = new double[n];
                }
            }
            if (row != 0)
                throw new InputFormatException(file, lineNo, "file ends inside configuration " + config + " after " + row + " of "
                        + n + " rows (truncated file, or not " + n + " atoms per configuration?)");
            if (config == 0) throw new InputFormatException(file, 0, "no rows after the header: the file holds no configuration");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes descriptors with the forces and energies of the matching configurations (same order, same atom counts,
     * all of {@code options.atomsPerConfiguration()} atoms). In {@link EnergyMode#PER_ATOM} the configurations need
     * per-atom energies.
     */
    public static void write(Path file, DescriptorMatrix descriptors, List<Configuration> configurations, Options options) {
        if (descriptors.configurations() != configurations.size())
            throw new IllegalArgumentException(descriptors.configurations() + " descriptor blocks for " + configurations.size() + " configurations");
        int rows = descriptors.rows();
        double[] energies = new double[configurations.size()], forces = new double[3 * rows];
        double[] ae = options.energy() == EnergyMode.PER_ATOM ? new double[rows] : null;
        for (int c = 0; c < configurations.size(); c++) {
            Configuration conf = configurations.get(c);
            // the layout has no way to say "unknown": a missing label must not become NaN or 0 in the file
            if (!conf.hasEnergy() || !conf.hasForces())
                throw new IllegalArgumentException("configuration " + conf.id() + " has no reference " + (conf.hasEnergy() ? "forces" : "energy")
                        + "; the thesis CSV needs both");
            if (options.energy() == EnergyMode.PER_ATOM && !conf.hasAtomicEnergies())
                throw new IllegalArgumentException("configuration " + conf.id() + " has no atomic energies, which EnergyMode.PER_ATOM writes");
            if (conf.size() != descriptors.atomsIn(c))
                throw new IllegalArgumentException("configuration " + conf.id() + " has " + conf.size() + " atoms, its descriptor block " + descriptors.atomsIn(c));
            energies[c] = conf.energy();
            System.arraycopy(conf.forces(), 0, forces, 3 * descriptors.firstAtom(c), 3 * conf.size());
            if (ae != null) System.arraycopy(conf.atomicEnergies(), 0, ae, descriptors.firstAtom(c), conf.size());
        }
        write(file, new Data(descriptors, energies, forces, ae), options);
    }

    public static void write(Path file, Data data, Options options) {
        DescriptorMatrix m = data.descriptors();
        for (int c = 0; c < m.configurations(); c++)
            if (m.atomsIn(c) != options.atomsPerConfiguration())
                throw new IllegalArgumentException("configuration " + c + " has " + m.atomsIn(c) + " atoms, the layout needs " + options.atomsPerConfiguration());
        if (options.energy() == EnergyMode.PER_ATOM && data.atomEnergies() == null)
            throw new IllegalArgumentException("EnergyMode.PER_ATOM needs atomic energies");
        // the reader rejects NaN and infinities, so the writer must not produce them
        for (int c = 0; c < data.energies().length; c++)
            if (!Double.isFinite(data.energies()[c])) throw new IllegalArgumentException("configuration " + c + ": energy " + data.energies()[c] + " is not finite");
        for (int k = 0; k < data.forces().length; k++)
            if (!Double.isFinite(data.forces()[k])) throw new IllegalArgumentException("atom " + k / 3 + ": force " + data.forces()[k] + " is not finite");
        if (data.atomEnergies() != null)
            for (int a = 0; a < data.atomEnergies().length; a++)
                if (!Double.isFinite(data.atomEnergies()[a])) throw new IllegalArgumentException("atom " + a + ": energy " + data.atomEnergies()[a] + " is not finite");
        for (String id : m.featureIds())
            if (id.contains(",") || id.isBlank()) throw new IllegalArgumentException("feature id '" + id + "' cannot be a CSV column name");
        TextFiles.writeAtomically(file, w -> {
            w.write(String.join(",", m.featureIds()) + "," + String.join(",", TARGET_COLUMNS) + "\n");
            int f = m.features();
            float[] v = m.rawValues();
            StringBuilder sb = new StringBuilder(16 * (f + 4));
            for (int c = 0; c < m.configurations(); c++)
                for (int a = m.firstAtom(c); a < m.firstAtom(c) + m.atomsIn(c); a++) {
                    sb.setLength(0);
                    for (int j = 0; j < f; j++) sb.append(v[a * f + j]).append(',');
                    sb.append(data.forces()[3 * a]).append(',').append(data.forces()[3 * a + 1]).append(',').append(data.forces()[3 * a + 2]).append(',');
                    sb.append(options.energy() == EnergyMode.PER_ATOM ? data.atomEnergies()[a] : data.energies()[c]).append('\n');
                    w.write(sb.toString());
                }
        });
    }
}
