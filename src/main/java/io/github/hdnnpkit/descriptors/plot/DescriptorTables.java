package io.github.hdnnpkit.descriptors.plot;

import io.github.hdnnpkit.descriptors.AngularSymmetryFunction;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.RadialSymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.structure.Configuration;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tablesaw views of sets and descriptor values for the notebooks. */
public final class DescriptorTables {
    private DescriptorTables() {
    }

    /** One row per function: id, name, type, parameters, cutoff. */
    public static Table functions(SymmetryFunctionSet set) {
        StringColumn id = StringColumn.create("id"), name = StringColumn.create("name");
        IntColumn type = IntColumn.create("type");
        DoubleColumn eta = DoubleColumn.create("eta"), rs = DoubleColumn.create("r_s"), zeta = DoubleColumn.create("zeta"),
                lambda = DoubleColumn.create("lambda"), rc = DoubleColumn.create("r_c");
        for (int k = 0; k < set.size(); k++) {
            SymmetryFunction f = set.function(k);
            id.append(set.id(k));
            name.append(f.fullName());
            type.append(f.type());
            rc.append(f.rc());
            if (f instanceof RadialG2 g) {
                eta.append(g.eta());
                rs.append(g.rs());
            } else if (f instanceof AngularSymmetryFunction a) {
                eta.append(a.eta());
                rs.append(a.rs());
            } else {
                eta.appendMissing();
                rs.appendMissing();
            }
            if (f instanceof AngularSymmetryFunction a) {
                zeta.append(a.zeta());
                lambda.append(a.lambda());
            } else {
                zeta.appendMissing();
                lambda.appendMissing();
            }
        }
        return Table.create(set.name(), id, name, type, eta, rs, zeta, lambda, rc);
    }

    /** The thesis's named sets: size, radial and angular counts, first and last ids. */
    public static Table thesisSets() {
        StringColumn name = StringColumn.create("set"), first = StringColumn.create("first id"), last = StringColumn.create("last id");
        IntColumn size = IntColumn.create("functions"), radial = IntColumn.create("radial"), angular = IntColumn.create("angular");
        for (String n : ThesisSets.NAMES) {
            SymmetryFunctionSet s = ThesisSets.byName(n);
            name.append(n);
            size.append(s.size());
            radial.append(s.radialColumns().length);
            angular.append(s.angularColumns().length);
            first.append(s.id(0));
            last.append(s.id(s.size() - 1));
        }
        return Table.create("thesis sets", name, size, radial, angular, first, last);
    }

    /**
     * Per configuration and block of functions (radial with r_s = 0, shifted radial, angular): mean, standard
     * deviation over atoms of the block's mean value, min and max — the solid/liquid comparison in numbers.
     */
    public static Table compare(DescriptorCalculator calculator, Configuration... configurations) {
        StringColumn conf = StringColumn.create("configuration"), block = StringColumn.create("functions");
        IntColumn count = IntColumn.create("count");
        DoubleColumn mean = DoubleColumn.create("mean"), sd = DoubleColumn.create("std over atoms"),
                min = DoubleColumn.create("min"), max = DoubleColumn.create("max");
        SymmetryFunctionSet set = calculator.set();
        String[] blocks = {"radial, r_s = 0", "radial, shifted", "angular"};
        for (Configuration c : configurations) {
            double[][] rows = calculator.compute(c);
            for (int b = 0; b < blocks.length; b++) {
                int n = 0;
                double[] perAtom = new double[rows.length];
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int f = 0; f < set.size(); f++) {
                    if (block(set.function(f)) != b) continue;
                    n++;
                    for (int a = 0; a < rows.length; a++) {
                        perAtom[a] += rows[a][f];
                        lo = Math.min(lo, rows[a][f]);
                        hi = Math.max(hi, rows[a][f]);
                    }
                }
                if (n == 0) continue;
                double m = 0, s = 0;
                for (double v : perAtom) m += v / n;
                m /= rows.length;
                for (double v : perAtom) s += (v / n - m) * (v / n - m);
                conf.append(DescriptorCharts.label(c));
                block.append(blocks[b]);
                count.append(n);
                mean.append(m);
                sd.append(Math.sqrt(s / Math.max(1, rows.length - 1)));
                min.append(lo);
                max.append(hi);
            }
        }
        return Table.create("descriptors by block", conf, block, count, mean, sd, min, max);
    }

    private static int block(SymmetryFunction f) {
        if (f.isAngular()) return 2;
        if (f instanceof RadialG2 g && g.rs() != 0) return 1;
        return f instanceof RadialSymmetryFunction ? 0 : 2;
    }
}
