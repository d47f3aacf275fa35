package io.github.hdnnpkit.study;

import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The thesis's chapter-4 experiments, each one call that builds a {@link Study} of models around a template whose
 * data carry the full thesis-329 matrix ({@link DataSpec#thesis329}). Features are the 329's stable ids
 * ({@code G2_001 … G2_269}, {@code G5_001 … G5_060}); add seeds with {@link Study#withSeeds}.
 *
 * <pre>{@code
 * var t = ModelSpec.Template.thesis(DataSpec.thesis329(profile), training);
 * Study s = ThesisStudies.evenlySpaced(t, 8, 33, 57, 72, 329).withSeeds(5);
 * }</pre>
 */
public final class ThesisStudies {
    private static final SymmetryFunctionSet T329 = ThesisSets.thesis329();

    private ThesisStudies() {
    }

    /** The feature groups of section 4.1 (figures 4.1–4.3). */
    public enum Group {
        /** the 201 G2 with r_s = 0, η from 0.0013 to 2 ("G2-E-Zero") */
        G2_RS0("G2 r_s=0", 0, 201),
        /** the 68 shifted G2, η = 1.85, r_s from 0.05 to 6.8 Å ("G2-E-Non-Zero") */
        G2_SHIFTED("G2 shifted", 201, 269),
        /** the 60 angular G5 */
        G5("G5", 269, 329),
        /** all 269 radial G2 */
        G2_ALL("G2 all", 0, 269),
        /** the whole 329 */
        ALL("all 329", 0, 329);

        private final String label;
        private final int from, to;

        Group(String label, int from, int to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }

        public String label() { return label; }

        /** The ids of this group, in the 329's order. */
        public List<String> ids() { return T329.ids().subList(from, to); }
    }

    /** Section 4.1: each group trained by itself (201, 68, 60) and together (269 radial, all 329). */
    public static Study groups(ModelSpec.Template t) {
        return groups(t, Group.values());
    }

    public static Study groups(ModelSpec.Template t, Group... groups) {
        checkTemplate(t);
        List<ModelSpec> specs = new ArrayList<>();
        for (Group g : groups)
            specs.add(t.model(g.label() + " (" + g.ids().size() + ")", g.ids(), Map.of("group", g.label(), "k", Integer.toString(g.ids().size()))));
        return Study.of("groups", specs);
    }

    /** The ids of {@code k} functions evenly spaced through the 329 (section 4.2's {@code linspace}). */
    public static List<String> evenly(int k) {
        return ids(SymmetryFunctionSet.evenlySpacedColumns(T329.size(), k));
    }

    /** Section 4.2, table 4.1, figure 4.4: {@code k} evenly spaced functions for every k given. */
    public static Study evenlySpaced(ModelSpec.Template t, int... ks) {
        checkTemplate(t);
        List<ModelSpec> specs = new ArrayList<>();
        for (int k : ks) specs.add(t.model("evenly-" + k, evenly(k), Map.of("k", Integer.toString(k))));
        return Study.of("evenly spaced", specs);
    }

    /**
     * Table 3.3 against table 4.1: the 22 functions extracted from the 329 (section 3.3), the 57-set A (section 4.2's
     * best) and all 329, on the same data. Group by the built-in key {@code features} (22, 57, 329).
     */
    public static Study featureCounts(ModelSpec.Template t) {
        checkTemplate(t);
        return Study.of("22, 57 and 329 features", List.of(
                t.model("22 extracted", ThesisSets.thesis22Extracted().ids()),
                t.model("57-A", fiftySeven('A')),
                t.model("all 329", Group.ALL.ids())));
    }

    /** The ids of the thesis's 57-set A, B, C or D (section 4.3). */
    public static List<String> fiftySeven(char set) {
        return ThesisSets.fiftySeven(set).ids();
    }

    /** Section 4.3, figure 4.5: the four shifted sets of 57 (A is section 4.2's best 57). */
    public static Study shifted57(ModelSpec.Template t) {
        checkTemplate(t);
        List<ModelSpec> specs = new ArrayList<>();
        for (char c = 'A'; c <= 'D'; c++)
            specs.add(t.model("57-" + c, fiftySeven(c), Map.of("set", String.valueOf(c), "k", "57")));
        return Study.of("shifted 57", specs);
    }

    /**
     * Appendix D, table D.1: the base set and, for each chosen 1-based position of it, the base without that
     * feature. Tags: {@code dropped} (the id, or {@code none}), {@code position}.
     */
    public static Study dropOne(ModelSpec.Template t, String baseLabel, List<String> base, int... positions) {
        checkTemplate(t);
        List<ModelSpec> specs = new ArrayList<>();
        specs.add(t.model(baseLabel, base, Map.of("dropped", "none", "position", "0", "k", Integer.toString(base.size()))));
        for (int p : positions) {
            if (p < 1 || p > base.size()) throw new IllegalArgumentException("position " + p + " is outside 1.." + base.size());
            List<String> f = new ArrayList<>(base);
            String dropped = f.remove(p - 1);
            specs.add(t.model(baseLabel + " -" + dropped, f, Map.of("dropped", dropped, "position", Integer.toString(p),
                    "k", Integer.toString(f.size()))));
        }
        return Study.of("drop one of " + baseLabel, specs);
    }

    /** Every position of the base: all drop-ones. */
    public static Study dropEach(ModelSpec.Template t, String baseLabel, List<String> base) {
        int[] all = new int[base.size()];
        for (int i = 0; i < all.length; i++) all[i] = i + 1;
        return dropOne(t, baseLabel, base, all);
    }

    /**
     * The kit id of a feature named as in table D.1, e.g. {@code G2(feature41)} → {@code G2_041},
     * {@code G5(feature5)} → {@code G5_005} (the thesis numbers G2 and G5 separately, from 1).
     */
    public static String idOfThesisName(String thesisName) {
        var m = java.util.regex.Pattern.compile("(G[25])\\(feature(\\d+)\\)").matcher(thesisName.trim());
        if (!m.matches()) throw new IllegalArgumentException("'" + thesisName + "' is not a table D.1 name like G2(feature41)");
        String id = String.format(Locale.ROOT, "%s_%03d", m.group(1), Integer.parseInt(m.group(2)));
        if (T329.indexOf(id) < 0) throw new IllegalArgumentException(thesisName + " → " + id + " is not in thesis-329");
        return id;
    }

    /** How many features of an id list fall in each group of section 4.1 (for describing a selection). */
    public static Map<String, Integer> composition(List<String> ids) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Group g : List.of(Group.G2_RS0, Group.G2_SHIFTED, Group.G5)) {
            var set = new java.util.HashSet<>(g.ids());
            m.put(g.label(), (int) ids.stream().filter(set::contains).count());
        }
        return m;
    }

    private static List<String> ids(int[] cols) {
        List<String> out = new ArrayList<>(cols.length);
        for (int c : cols) out.add(T329.id(c));
        return out;
    }

    private static void checkTemplate(ModelSpec.Template t) {
        String set = t.data().descriptorSet();
        if (!set.equalsIgnoreCase("thesis-329"))
            throw new IllegalArgumentException("the thesis's chapter-4 studies choose columns of thesis-329; the template's data carry " + set);
    }
}
