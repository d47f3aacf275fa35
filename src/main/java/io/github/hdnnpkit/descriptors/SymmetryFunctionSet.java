package io.github.hdnnpkit.descriptors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named, immutable, ordered list of symmetry functions — the columns of a descriptor matrix, in this order.
 *
 * <p>Every function has a stable short id: {@code G<type>_<nnn>}, numbered per type in the order of the set that
 * first defined it ({@code G2_001 .. G2_269, G5_001 .. G5_060} for thesis-329, matching the thesis's "G2(feature41)").
 * A subset made with {@link #select} keeps its parent's ids, so a column of the 57-function set A is still called by
 * the number it has in the 329.
 */
public final class SymmetryFunctionSet {
    private final String name;
    private final List<SymmetryFunction> functions;
    private final List<String> ids;
    private final Map<String, Integer> byId;

    private SymmetryFunctionSet(String name, List<SymmetryFunction> functions, List<String> ids) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a set needs a name");
        if (functions.isEmpty()) throw new IllegalArgumentException("set " + name + " has no functions");
        if (functions.size() != ids.size()) throw new IllegalArgumentException("one id per function");
        this.name = name;
        this.functions = List.copyOf(functions);
        this.ids = List.copyOf(ids);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < ids.size(); i++)
            if (m.put(ids.get(i), i) != null) throw new IllegalArgumentException("set " + name + ": duplicate id " + ids.get(i));
        this.byId = Map.copyOf(m);
    }

    /** A set with fresh ids numbered per type in list order. */
    public static SymmetryFunctionSet of(String name, List<? extends SymmetryFunction> functions) {
        int[] counter = new int[6];
        List<String> ids = new ArrayList<>();
        for (SymmetryFunction f : functions) ids.add(id(f.type(), ++counter[f.type()]));
        return new SymmetryFunctionSet(name, new ArrayList<>(functions), ids);
    }

    /** A set with explicit ids (e.g. read back from a cache or a CSV header). */
    public static SymmetryFunctionSet withIds(String name, List<? extends SymmetryFunction> functions, List<String> ids) {
        return new SymmetryFunctionSet(name, new ArrayList<>(functions), ids);
    }

    public String name() { return name; }

    public int size() { return functions.size(); }

    public SymmetryFunction function(int i) { return functions.get(i); }

    public List<SymmetryFunction> functions() { return functions; }

    public String id(int i) { return ids.get(i); }

    public List<String> ids() { return ids; }

    /** Column of a function id, or -1. */
    public int indexOf(String id) { return byId.getOrDefault(id, -1); }

    /** The parameter display names, in order. */
    public List<String> names() { return functions.stream().map(SymmetryFunction::name).toList(); }

    /** Largest cutoff radius: the neighbour list the whole set needs. */
    public double maxCutoff() { return functions.stream().mapToDouble(SymmetryFunction::rc).max().orElseThrow(); }

    /** The elements that appear as centre or neighbour. */
    public Set<String> elements() {
        Set<String> s = new TreeSet<>();
        for (SymmetryFunction f : functions) {
            s.add(f.centre());
            if (f instanceof RadialSymmetryFunction r) s.add(r.neighbour());
            if (f instanceof AngularSymmetryFunction a) {
                s.add(a.neighbour1());
                s.add(a.neighbour2());
            }
        }
        return s;
    }

    /** The same functions and ids under another name. */
    public SymmetryFunctionSet renamed(String newName) {
        return new SymmetryFunctionSet(newName, functions, ids);
    }

    /** The subset of the given columns, in the given order, keeping their ids. */
    public SymmetryFunctionSet select(String newName, int... columns) {
        List<SymmetryFunction> f = new ArrayList<>();
        List<String> i = new ArrayList<>();
        for (int c : columns) {
            Objects.checkIndex(c, size());
            f.add(functions.get(c));
            i.add(ids.get(c));
        }
        return new SymmetryFunctionSet(newName, f, i);
    }

    /** Column indices of the radial (G1–G3) functions. */
    public int[] radialColumns() {
        return java.util.stream.IntStream.range(0, size()).filter(c -> !functions.get(c).isAngular()).toArray();
    }

    /** Column indices of the angular (G4, G5) functions. */
    public int[] angularColumns() {
        return java.util.stream.IntStream.range(0, size()).filter(c -> functions.get(c).isAngular()).toArray();
    }

    public SymmetryFunctionSet radialOnly() { return select(name + "-radial", radialColumns()); }

    public SymmetryFunctionSet angularOnly() { return select(name + "-angular", angularColumns()); }

    /**
     * {@code k} functions evenly spaced through the set (thesis section 4.2): columns round(i·(n−1)/(k−1)),
     * i = 0..k−1, the first and last always included; {@code k = 1} takes the first.
     */
    public SymmetryFunctionSet evenlySpaced(int k) {
        return select(name + "-even" + k, evenlySpacedColumns(size(), k));
    }

    /** The columns {@link #evenlySpaced} picks out of n. */
    public static int[] evenlySpacedColumns(int n, int k) {
        if (k < 1 || k > n) throw new IllegalArgumentException("cannot take " + k + " evenly spaced of " + n);
        int[] c = new int[k];
        for (int i = 0; i < k; i++) c[i] = k == 1 ? 0 : (int) Math.round(i * (n - 1) / (double) (k - 1));
        return c;
    }

    /**
     * "G2_007": what {@code String.format("G%d_%03d", type, n)} gives, without it: its format-string regex was the
     * only regex work of a descriptor run's start, and enough to set the JIT compiling the regex engine.
     */
    static String id(int type, int n) {
        String digits = Integer.toString(n);
        return "G" + type + "_" + "000".substring(Math.min(3, digits.length())) + digits;
    }

    /**
     * A hash of everything that determines the values (functions with full-precision parameters, cutoffs, order) but
     * not the name or the ids: the cache key of a descriptor matrix.
     */
    public String fingerprint() {
        try {
            // one update of the whole text (the same digest as one per function): a descriptor run computes this
            // once, cold, where each interpreted update call cost more than hashing its bytes
            StringBuilder text = new StringBuilder(functions.size() * 96);
            for (SymmetryFunction f : functions) text.append(f).append('\n');
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymmetryFunctionSet s && name.equals(s.name) && functions.equals(s.functions) && ids.equals(s.ids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, functions, ids);
    }

    @Override
    public String toString() {
        long radial = functions.stream().filter(f -> !f.isAngular()).count();
        return "SymmetryFunctionSet[" + name + ": " + size() + " functions, " + radial + " radial, " + (size() - radial) + " angular]";
    }
}
