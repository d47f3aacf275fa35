package io.github.hdnnpkit.study;

import io.github.hdnnpkit.descriptors.RadialG2;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.model.TrainingConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The thesis's chapter-3 and appendix-B experiments, each one call that builds a {@link Study} around a template:
 * the depth scan of table 3.1 on the 12 G2 of {@code thesis-22}, the train fractions of figure 3.5, 12 against 22
 * features on the original and the extracted descriptors (table 3.3, figure 3.8), the data-set reduction of table 3.2
 * as a learning curve over strides, and the batch sizes of figure B.1. Add seeds with {@link Study#withSeeds}.
 *
 * <p>Models that two experiments share are one model: the depth scan's 12-10-10-1 is the train-fraction study's
 * 0.8 and the feature study's "original 12" (same data, features, layout, training and split, hence the same
 * {@link ModelSpec#hash()}), and is trained once.
 *
 * <pre>{@code
 * var t = ModelSpec.Template.thesis(plan.data("thesis-22"), plan.training());
 * Study depth = ChapterThreeStudies.depthScan(t, 5, 10, 20, 50).withSeeds(plan.seedList());
 * }</pre>
 */
public final class ChapterThreeStudies {
    /** The reconstructed 22 of section 3.1. */
    public static final String ORIGINAL = "thesis-22";
    /** The 22 of the 329 closest to them (section 3.3). */
    public static final String EXTRACTED = "thesis-22-extracted";
    /** Table 3.1's depths of the two hidden layers. */
    public static final List<Integer> THESIS_DEPTHS = List.of(5, 10, 15, 20, 30, 40, 50);
    /** Figure 3.5's train fractions ("validation split" in the thesis's words) and the structures it tried them on. */
    public static final List<Double> THESIS_TRAIN_FRACTIONS = List.of(0.8, 0.7, 0.6);
    public static final List<Integer> FRACTION_DEPTHS = List.of(5, 10, 15);
    /** Figure B.1's batch sizes. */
    public static final List<Integer> THESIS_BATCH_SIZES = List.of(64, 700, 4200);
    /**
     * Appendix B's least validation losses (eV² per configuration, Keras's MSE) for batch 64, 700 and 4200, 10-10
     * hidden layers, 4200 configurations — read off figure B.1 by the thesis's text ("minimized to 0.26 while batch
     * size N=700 and 4200 has respectively 0.51 and 0.69"); no train losses were given.
     */
    public static final Map<String, double[]> PUBLISHED_B1 = Map.of("64", new double[]{Double.NaN, 0.26},
            "700", new double[]{Double.NaN, 0.51}, "4200", new double[]{Double.NaN, 0.69});

    private ChapterThreeStudies() {
    }

    /** The 12 radial G2 of a 22-set (its first 12 ids), checked to be G2. */
    public static List<String> radial12(String descriptorSet) {
        SymmetryFunctionSet s = set22(descriptorSet);
        for (int i = 0; i < 12; i++)
            if (!(s.function(i) instanceof RadialG2))
                throw new IllegalStateException(descriptorSet + ": function " + s.id(i) + " is not a G2; the 12 G2 must come first");
        return s.ids().subList(0, 12);
    }

    /** All 22 ids of a 22-set, in input order (12 G2, then 10 G5). */
    public static List<String> all22(String descriptorSet) {
        return set22(descriptorSet).ids();
    }

    private static SymmetryFunctionSet set22(String name) {
        if (!name.equals(ORIGINAL) && !name.equals(EXTRACTED))
            throw new IllegalArgumentException("chapter 3 uses " + ORIGINAL + " or " + EXTRACTED + ", not " + name);
        SymmetryFunctionSet s = ThesisSets.byName(name);
        if (s.size() != 22) throw new IllegalStateException(name + " has " + s.size() + " functions, expected 22");
        return s;
    }

    /**
     * Section 3.1, table 3.1, figures 3.1, 3.3, 3.4: the 12 G2 with two hidden layers of {@code d} neurons for each
     * depth {@code d}. Tags: {@code depth}; group by the built-in {@code layout} ({@code 12-10-10-1}) to meet the
     * thesis's table.
     */
    public static Study depthScan(ModelSpec.Template t, int... depths) {
        String set = t.data().descriptorSet();
        List<ModelSpec> specs = new ArrayList<>();
        for (int d : depths)
            specs.add(t.withHidden(d, d).model("12-" + d + "-" + d + "-1", radial12(set), Map.of("depth", Integer.toString(d))));
        return Study.of("depth scan", specs);
    }

    /**
     * Figure 3.5: the structures {@code (d, d)} trained with each train fraction (the 10 % test part stays the same,
     * {@link SplitSpec#random}). Tags: {@code depth}, {@code structure}; the fraction is the built-in key
     * {@code train_fraction}.
     */
    public static Study trainFractions(ModelSpec.Template t, int[] depths, double... fractions) {
        String set = t.data().descriptorSet();
        List<ModelSpec> specs = new ArrayList<>();
        for (int d : depths)
            for (double f : fractions)
                specs.add(t.withHidden(d, d).withSplit(SplitSpec.random(f)).model(String.format(Locale.ROOT, "12-%d-%d-1 train %.2f", d, d, f),
                        radial12(set), Map.of("depth", Integer.toString(d), "structure", "(" + d + ", " + d + ")")));
        return Study.of("train fractions", specs);
    }

    /**
     * Section 3.3, table 3.3, figure 3.8: the 12 G2 and all 22 of the original and of the extracted descriptors, each
     * with the template's network. Tags: {@code descriptors} (original / extracted), {@code set}
     * ({@code original 12}, {@code extracted 22}, ...).
     */
    public static Study featureCounts(ModelSpec.Template original, ModelSpec.Template extracted) {
        List<ModelSpec> specs = new ArrayList<>();
        for (var e : Map.of("original", original, "extracted", extracted).entrySet()) {
            String expected = e.getKey().equals("original") ? ORIGINAL : EXTRACTED;
            if (!e.getValue().data().descriptorSet().equals(expected))
                throw new IllegalArgumentException("the " + e.getKey() + " template must carry " + expected + ", not " + e.getValue().data().descriptorSet());
        }
        for (String which : List.of("original", "extracted")) {
            ModelSpec.Template t = which.equals("original") ? original : extracted;
            String set = t.data().descriptorSet();
            specs.add(t.model(which + " 12", radial12(set), Map.of("descriptors", which, "set", which + " 12")));
            specs.add(t.model(which + " 22", all22(set), Map.of("descriptors", which, "set", which + " 22")));
        }
        return Study.of("12 and 22 features", specs);
    }

    /**
     * Table 3.2 as a learning curve: all 22 features of the template's data at every stride given (every n-th
     * snapshot of each series). The number of configurations of each is read from the runner's data (descriptors
     * are computed, or read from the cache, here) and kept as the tag {@code configurations}; tag {@code stride}.
     * Each stride has its own split, so the test configurations differ between the points of the curve.
     */
    public static Study dataReduction(ModelSpec.Template t, StudyRunner runner, int... strides) {
        List<ModelSpec> specs = new ArrayList<>();
        for (int s : strides) {
            DataSpec d = t.data().withStride(s);
            int n = runner.data(d).energies().length;
            ModelSpec.Template ts = new ModelSpec.Template(d, t.hidden(), t.activation(), t.training(), t.split());
            specs.add(ts.model("22 features, stride " + s, all22(d.descriptorSet()),
                    Map.of("stride", Integer.toString(s), "configurations", Integer.toString(n))));
        }
        return Study.of("data reduction", specs);
    }

    /** Figure B.1: all 22 features of the template's data with each batch size; the built-in key is {@code batch_size}. */
    public static Study batchSizes(ModelSpec.Template t, int... batches) {
        List<ModelSpec> specs = new ArrayList<>();
        for (int b : batches) {
            TrainingConfig c = t.training().withBatchSize(b);
            specs.add(t.withTraining(c).model("22 features, batch " + b, all22(t.data().descriptorSet())));
        }
        return Study.of("batch sizes", specs);
    }

    /** The published losses of table 3.3 by the feature study's {@code set} keys; the original 12 from table 3.1's 12-10-10-1. */
    public static Map<String, double[]> publishedFeatureCounts() {
        Map<String, double[]> m = new LinkedHashMap<>();
        var t31 = io.github.hdnnpkit.thesis.PublishedResults.losses(io.github.hdnnpkit.thesis.PublishedResults.table31(), "structure");
        var t33 = io.github.hdnnpkit.thesis.PublishedResults.losses(io.github.hdnnpkit.thesis.PublishedResults.table33(), "structure");
        m.put("original 12", t31.get("12-10-10-1"));
        m.put("extracted 12", t33.get("12-10-10-1"));
        m.put("extracted 22", t33.get("22-10-10-1"));
        return m;
    }
}
