package io.github.hdnnpkit.io;

import io.github.hdnnpkit.descriptors.AngularG4;
import io.github.hdnnpkit.descriptors.AngularG5;
import io.github.hdnnpkit.descriptors.AngularSymmetryFunction;
import io.github.hdnnpkit.descriptors.CutoffFunction;
import io.github.hdnnpkit.descriptors.RadialG1;
import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.RadialG3;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The symmetry-function part of n2p2's {@code input.nn}: the {@code symfunction_short} lines and the keywords they
 * depend on ({@code number_of_elements}, {@code elements}, {@code cutoff_type}). Other keywords are ignored on
 * reading. Supported function types, with n2p2's field order:
 * <pre>
 * symfunction_short &lt;centre&gt; 2 &lt;neighbour&gt; eta rs rc                        (G2)
 * symfunction_short &lt;centre&gt; 3 &lt;neighbour1&gt; &lt;neighbour2&gt; eta lambda zeta rc [rs]   (G4, "narrow")
 * symfunction_short &lt;centre&gt; 9 &lt;neighbour1&gt; &lt;neighbour2&gt; eta lambda zeta rc [rs]   (G5, "wide")
 * </pre>
 * n2p2 has one {@code cutoff_type} for all functions (default: 1 = cosine, alpha 0). G1 is written as a G2 with
 * η = r_s = 0 (the same function); G3 has no n2p2 counterpart and is refused.
 */
public final class N2p2InputNn {
    private N2p2InputNn() {
    }

    /**
     * Reads the set from an {@code input.nn}; the set is named after the file, or after its directory when the file
     * is called {@code input.nn}.
     */
    public static SymmetryFunctionSet read(Path file) {
        String fileName = file.getFileName().toString();
        Path parent = file.toAbsolutePath().getParent();
        String name = fileName.equals("input.nn") && parent != null && parent.getFileName() != null
                ? parent.getFileName().toString() : fileName;
        return read(file, name);
    }

    /** Reads the set from an {@code input.nn} under the given name. */
    public static SymmetryFunctionSet read(Path file, String name) {
        record Line(long number, String[] fields) {
        }
        List<Line> sf = new ArrayList<>();
        Set<String> elements = null;
        int cutoffType = 1;
        double alpha = 0.0;
        try (BufferedReader in = TextFiles.reader(file)) {
            String line;
            long no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                int hash = line.indexOf('#');
                String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (s.isEmpty()) continue;
                String[] t = s.split("\\s+");
                switch (t[0]) {
                    case "symfunction_short" -> sf.add(new Line(no, t));
                    case "elements" -> {
                        if (t.length < 2) throw new InputFormatException(file, no, "'elements' needs at least one element symbol");
                        elements = new LinkedHashSet<>(List.of(t).subList(1, t.length));
                        for (String e : elements)
                            if (!ChemicalElements.isSymbol(e)) throw new InputFormatException(file, no, "unknown element '" + e + "'");
                    }
                    case "cutoff_type" -> {
                        if (t.length < 2 || t.length > 3)
                            throw new InputFormatException(file, no, "'cutoff_type' line has " + t.length + " fields, expected 2 or 3 (cutoff_type type [alpha])");
                        try {
                            cutoffType = Integer.parseInt(t[1]);
                            alpha = t.length == 3 ? number(t[2], "cutoff alpha") : 0.0;
                            CutoffFunction.n2p2(cutoffType, alpha, 1.0);
                        } catch (IllegalArgumentException e) {
                            throw new InputFormatException(file, no, "bad cutoff_type: " + e.getMessage(), e);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (sf.isEmpty()) throw new InputFormatException(file, 0, "no symfunction_short lines");
        List<SymmetryFunction> functions = new ArrayList<>();
        for (Line l : sf) {
            try {
                functions.add(parse(l.fields(), cutoffType, alpha, elements));
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(file, l.number(), e.getMessage(), e);
            }
        }
        return SymmetryFunctionSet.of(name, functions);
    }

    private static SymmetryFunction parse(String[] t, int cutoffType, double alpha, Set<String> elements) {
        if (t.length < 3) throw new IllegalArgumentException("symfunction_short line has " + t.length + " fields, expected at least 3");
        String centre = element(t[1], elements);
        int type;
        try {
            type = Integer.parseInt(t[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("symmetry function type is not an integer: '" + t[2] + "'");
        }
        switch (type) {
            case 2 -> {
                if (t.length != 7)
                    throw new IllegalArgumentException("type 2 line has " + t.length + " fields, expected 7 (symfunction_short centre 2 neighbour eta rs rc)");
                double rc = number(t[6], "rc");
                return new RadialG2(centre, element(t[3], elements), number(t[4], "eta"), number(t[5], "rs"),
                        CutoffFunction.n2p2(cutoffType, alpha, rc));
            }
            case 3, 9 -> {
                if (t.length != 9 && t.length != 10)
                    throw new IllegalArgumentException("type " + type + " line has " + t.length
                            + " fields, expected 9 or 10 (symfunction_short centre " + type + " neighbour1 neighbour2 eta lambda zeta rc [rs])");
                String n1 = element(t[3], elements), n2 = element(t[4], elements);
                double eta = number(t[5], "eta"), lambda = number(t[6], "lambda"), zeta = number(t[7], "zeta");
                double rc = number(t[8], "rc"), rs = t.length == 10 ? number(t[9], "rs") : 0.0;
                CutoffFunction fc = CutoffFunction.n2p2(cutoffType, alpha, rc);
                return type == 3 ? new AngularG4(centre, n1, n2, eta, zeta, lambda, rs, fc)
                        : new AngularG5(centre, n1, n2, eta, zeta, lambda, rs, fc);
            }
            default -> throw new IllegalArgumentException("symmetry function type " + type + " is not supported (supported: 2, 3, 9)");
        }
    }

    private static String element(String s, Set<String> elements) {
        if (!ChemicalElements.isSymbol(s)) throw new IllegalArgumentException("unknown element '" + s + "'");
        if (elements != null && !elements.contains(s))
            throw new IllegalArgumentException("element '" + s + "' is not in the 'elements' line " + elements);
        return s;
    }

    private static double number(String s, String what) {
        try {
            // RuNNer-era files write Fortran exponents (1.0d-3)
            return DecimalNumbers.parseFortran(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is " + e.getMessage() + ": '" + s + "' (expected a finite decimal number)");
        }
    }

    /** The {@code symfunction_short} line of one function (full double precision). */
    public static String line(SymmetryFunction f) {
        if (f instanceof RadialG1 g)
            return "symfunction_short " + g.centre() + " 2 " + g.neighbour() + " 0.0 0.0 " + num(g.rc());
        if (f instanceof RadialG2 g)
            return "symfunction_short " + g.centre() + " 2 " + g.neighbour() + " " + num(g.eta()) + " " + num(g.rs()) + " " + num(g.rc());
        if (f instanceof RadialG3)
            throw new IllegalArgumentException("G3 (cos(kappa r)) has no n2p2 symmetry-function type: " + f.name());
        AngularSymmetryFunction a = (AngularSymmetryFunction) f;
        return "symfunction_short " + a.centre() + " " + (a.includesJk() ? 3 : 9) + " " + a.neighbour1() + " " + a.neighbour2()
                + " " + num(a.eta()) + " " + num(a.lambda()) + " " + num(a.zeta()) + " " + num(a.rc())
                + (a.rs() != 0 ? " " + num(a.rs()) : "");
    }

    /** The lines of a whole set, in its order. */
    public static List<String> lines(SymmetryFunctionSet set) {
        return set.functions().stream().map(N2p2InputNn::line).toList();
    }

    /**
     * Writes a minimal {@code input.nn} with the set's elements, cutoff type and functions (the network keywords are
     * left to the model exporter). All functions must share one cutoff kind, as n2p2 requires.
     */
    public static void write(Path file, SymmetryFunctionSet set) {
        CutoffFunction kind = set.function(0).cutoff().withRc(1.0);
        for (SymmetryFunction f : set.functions())
            if (!f.cutoff().withRc(1.0).equals(kind))
                throw new IllegalArgumentException("n2p2 has one cutoff_type per file; set " + set.name() + " mixes "
                        + kind + " and " + f.cutoff());
        Set<String> elements = set.elements();
        TextFiles.writeAtomically(file, out -> {
            out.write("# symmetry functions of set " + set.name() + " (" + set.size() + "), written by hdnnp-kit\n");
            out.write("number_of_elements " + elements.size() + "\n");
            out.write("elements " + String.join(" ", elements) + "\n");
            out.write("cutoff_type " + kind.n2p2Type() + " " + num(kind.n2p2Alpha()) + "\n");
            for (String l : lines(set)) out.write(l + "\n");
        });
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v) + (Math.abs(v) < 1 ? ".0" : "");
        return Double.toString(v);
    }
}
