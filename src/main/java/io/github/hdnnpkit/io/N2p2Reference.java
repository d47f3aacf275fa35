package io.github.hdnnpkit.io;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.structure.Configuration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of n2p2 reference values ({@code input.nn}, {@code input.data} and a per-atom value table
 * {@code G*.txt[.gz]}: "atom-index value value ...", '#' comments), and the comparison of the kit's values with it.
 * The kit ships one such directory (thesis-329 on a 256-atom aluminium configuration, n2p2 v2.3.0) in its tests.
 */
public final class N2p2Reference {
    private N2p2Reference() {
    }

    /** The outcome of a comparison: the worst relative error and where it occurred. */
    public record Comparison(int configurations, int atoms, int functions, double maxRelativeError, String worstFunction,
                             int worstAtom) {
        @Override
        public String toString() {
            return String.format("%d atoms x %d functions: max relative error %.3g (%s, atom %d)", atoms, functions,
                    maxRelativeError, worstFunction, worstAtom);
        }
    }

    /** The value table: one row per atom, in file order. */
    public static double[][] values(Path table) {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = TextFiles.reader(table)) {
            String line;
            long no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] t = line.trim().split("\\s+");
                if (TextFiles.parseInt(t[0], table, no, "atom index") != rows.size())
                    throw new InputFormatException(table, no, "atom index " + t[0] + ", expected " + rows.size());
                double[] v = new double[t.length - 1];
                for (int k = 1; k < t.length; k++) v[k - 1] = TextFiles.parseDouble(t[k], table, no, "value " + k);
                if (!rows.isEmpty() && v.length != rows.get(0).length)
                    throw new InputFormatException(table, no, v.length + " values, expected " + rows.get(0).length);
                rows.add(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.toArray(new double[0][]);
    }

    /** Computes the reference configuration(s) with the directory's input.nn and compares with its value table. */
    public static Comparison check(Path directory, Convention convention) {
        SymmetryFunctionSet set = N2p2InputNn.read(directory.resolve("input.nn"));
        List<Configuration> cs = N2p2InputData.read(directory.resolve("input.data"));
        Path table;
        try (Stream<Path> files = Files.list(directory)) {
            table = files.filter(p -> p.getFileName().toString().matches("G.*\\.txt(\\.gz)?")).sorted().findFirst()
                    .orElseThrow(() -> new InputFormatException(directory, 0, "no value table G*.txt[.gz]"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[][] ref = values(table);
        DescriptorCalculator calc = new DescriptorCalculator(set, convention, 1);
        double worst = 0;
        int worstAtom = -1, worstF = 0, row = 0, atoms = 0;
        for (Configuration c : cs) {
            double[][] v = calc.compute(c);
            for (double[] atom : v) {
                if (row >= ref.length) throw new InputFormatException(table, 0, "fewer rows than atoms in input.data");
                for (int f = 0; f < set.size(); f++) {
                    double e = ref[row][f] * (set.function(f).isAngular() ? convention.angularFactor() : 1);
                    double err = e == 0 ? Math.abs(atom[f]) : Math.abs(atom[f] - e) / Math.abs(e);
                    if (err > worst || worstAtom < 0) {
                        worst = Math.max(worst, err);
                        worstAtom = row;
                        worstF = f;
                    }
                }
                row++;
                atoms++;
            }
        }
        return new Comparison(cs.size(), atoms, set.size(), worst, set.id(worstF) + " " + set.function(worstF).name(), worstAtom);
    }
}
