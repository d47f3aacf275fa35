package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads descriptor tables in the thesis's CSV layout — one row per atom, the atoms of a configuration on consecutive
 * rows, symmetry-function columns, then {@code Fx, Fy, Fz, Energy} — into {@link ForestData}, streaming (gzip when the
 * name ends in {@code .gz}). Recognised columns (case-insensitive), every other numeric column is a descriptor:
 * <ul>
 *   <li>{@code configuration} / {@code config} / {@code structure}: configuration id; without it, every
 *       {@code atomsPerConfiguration} rows form a configuration (the thesis's files: 256)</li>
 *   <li>{@code config_type} / {@code series}: series label; {@code temperature}; {@code phase}</li>
 *   <li>{@code Fx, Fy, Fz}: forces; {@code Energy}: see {@link EnergyColumn}; {@code atomic_energy} / {@code energies}:
 *       the atom's own energy</li>
 *   <li>a leading unnamed or {@code Unnamed: 0} / {@code index} column (a pandas index) and an {@code atom} column
 *       are skipped</li>
 * </ul>
 * Bad input is rejected with the file, line and what was expected.
 */
public final class DescriptorCsv {
    /** What the {@code Energy} column of each atom row holds. */
    public enum EnergyColumn {
        /** the configuration's total energy, repeated on its rows */
        TOTAL,
        /** the configuration's energy per atom E/N, repeated on its rows */
        PER_ATOM,
        /** the atom's own energy; the configuration's energy is their sum */
        ATOMIC;

        public static EnergyColumn parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "total", "configuration" -> TOTAL;
                case "per-atom", "share", "e/n" -> PER_ATOM;
                case "atomic", "atom" -> ATOMIC;
                default -> throw new IllegalArgumentException("energy column '" + s + "': expected total, per-atom or atomic");
            };
        }
    }

    private DescriptorCsv() {
    }

    public static ForestData read(Path file, int atomsPerConfiguration, EnergyColumn energy, String descriptorSet) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return read(r, file.toString(), atomsPerConfiguration, energy, descriptorSet);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static ForestData read(BufferedReader r, String name, int atomsPerConfiguration, EnergyColumn energyMeaning,
                           String descriptorSet) throws IOException {
        String header = r.readLine();
        if (header == null) throw new IllegalArgumentException(name + ": empty file, expected a header line");
        String[] cols = split(header);
        int cConfig = -1, cSeries = -1, cTemp = -1, cPhase = -1, cE = -1, cAtomic = -1, skip = -1;
        int[] cF = {-1, -1, -1};
        List<Integer> desc = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < cols.length; j++) {
            String c = cols[j].trim(), l = c.toLowerCase(Locale.ROOT);
            switch (l) {
                case "configuration", "config", "structure" -> cConfig = j;
                case "config_type", "series" -> cSeries = j;
                case "temperature" -> cTemp = j;
                case "phase" -> cPhase = j;
                case "fx" -> cF[0] = j;
                case "fy" -> cF[1] = j;
                case "fz" -> cF[2] = j;
                case "energy" -> cE = j;
                case "atomic_energy", "energies" -> cAtomic = j;
                case "atom" -> skip = j;    // atom index within the configuration (hdnnp descriptors CSV)
                default -> {
                    if (j == 0 && (l.isEmpty() || l.equals("index") || l.startsWith("unnamed"))) skip = j;
                    else {
                        desc.add(j);
                        ids.add(c);
                    }
                }
            }
        }
        if (cE < 0) throw new IllegalArgumentException(name + ":1: no Energy column in the header");
        if (desc.isEmpty()) throw new IllegalArgumentException(name + ":1: no descriptor columns in the header");
        if (cConfig < 0 && atomsPerConfiguration <= 0)
            throw new IllegalArgumentException(name + ": no configuration column; give the number of atoms per configuration");
        boolean forces = cF[0] >= 0 && cF[1] >= 0 && cF[2] >= 0;
        int f = desc.size();
        float[] values = new float[1 << 16];
        int rows = 0;
        double[] fr = new double[forces ? 3 << 14 : 0];
        double[] atomic = new double[1 << 14];
        double[] energyRows = new double[1 << 14];
        List<Integer> offsets = new ArrayList<>(List.of(0));
        List<String> series = new ArrayList<>(), phases = new ArrayList<>();
        List<Double> temps = new ArrayList<>();
        String lastConfig = null;
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            String[] t = split(line);
            if (t.length != cols.length)
                throw new IllegalArgumentException(name + ":" + lineNo + ": " + t.length + " fields, expected " + cols.length);
            boolean newConfig = cConfig >= 0 ? !t[cConfig].equals(lastConfig) : rows % atomsPerConfiguration == 0;
            if (newConfig && rows > 0) offsets.add(rows);
            if (newConfig) {
                lastConfig = cConfig >= 0 ? t[cConfig] : null;
                series.add(cSeries >= 0 ? t[cSeries].trim() : ForestData.UNKNOWN);
                phases.add(cPhase >= 0 ? t[cPhase].trim() : ForestData.UNKNOWN);
                temps.add(cTemp >= 0 ? temperature(t[cTemp], name, lineNo) : Double.NaN);
            }
            if ((long) (rows + 1) * f > values.length) values = Arrays.copyOf(values, Math.max(values.length * 2, (rows + 1) * f));
            for (int q = 0; q < f; q++) values[rows * f + q] = (float) number(t[desc.get(q)], name, lineNo, ids.get(q));
            if (rows >= energyRows.length) {
                energyRows = Arrays.copyOf(energyRows, rows * 2);
                atomic = Arrays.copyOf(atomic, rows * 2);
                if (forces) fr = Arrays.copyOf(fr, rows * 6);
            }
            energyRows[rows] = number(t[cE], name, lineNo, "Energy");
            atomic[rows] = cAtomic >= 0 ? number(t[cAtomic], name, lineNo, cols[cAtomic]) : Double.NaN;
            if (forces) for (int k = 0; k < 3; k++) fr[3 * rows + k] = number(t[cF[k]], name, lineNo, cols[cF[k]]);
            rows++;
        }
        if (rows == 0) throw new IllegalArgumentException(name + ": no data rows");
        offsets.add(rows);
        int n = offsets.size() - 1;
        if (cConfig < 0 && rows % atomsPerConfiguration != 0)
            throw new IllegalArgumentException(name + ": " + rows + " rows is not a multiple of " + atomsPerConfiguration + " atoms per configuration");
        int[] off = offsets.stream().mapToInt(Integer::intValue).toArray();
        double[] e = new double[n];
        for (int c = 0; c < n; c++) {
            int first = off[c], count = off[c + 1] - off[c];
            switch (energyMeaning) {
                case TOTAL, PER_ATOM -> {
                    for (int i = first + 1; i < off[c + 1]; i++)
                        if (energyRows[i] != energyRows[first])
                            throw new IllegalArgumentException(name + ": configuration " + c + " (rows " + (first + 2) + ".."
                                    + (off[c + 1] + 1) + ") has different Energy values; with Energy per configuration they must repeat");
                    e[c] = energyMeaning == EnergyColumn.TOTAL ? energyRows[first] : energyRows[first] * count;
                }
                case ATOMIC -> {
                    for (int i = first; i < off[c + 1]; i++) e[c] += energyRows[i];
                }
            }
        }
        double[] atomicEnergies = energyMeaning == EnergyColumn.ATOMIC ? Arrays.copyOf(energyRows, rows)
                : cAtomic >= 0 ? Arrays.copyOf(atomic, rows) : null;
        DescriptorMatrix m = new DescriptorMatrix(Arrays.copyOf(values, rows * f), off, ids);
        return new ForestData(name, descriptorSet, m, e, forces ? Arrays.copyOf(fr, 3 * rows) : null, atomicEnergies,
                series.toArray(String[]::new), temps.stream().mapToDouble(Double::doubleValue).toArray(), phases.toArray(String[]::new));
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    private static double number(String s, String name, int line, String column) {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ":" + line + ": column " + column + ": '" + s + "' is not a finite number");
        }
    }

    /** A temperature in kelvin from "950", "950K" or a series label such as "1500KH" (its leading number). */
    private static double temperature(String s, String name, int line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]*)?)").matcher(s);
        if (!m.find()) throw new IllegalArgumentException(name + ":" + line + ": temperature '" + s + "' does not start with a number");
        return Double.parseDouble(m.group(1));
    }
}
