package io.github.hdnnpkit.baseline;

import io.github.hdnnpkit.model.TrainingResult;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A forest and the HDNNP judged on the same held-out configurations. The HDNNP's {@link TrainingResult#test()} is
 * the error on its split's test part; a forest on the same split is judged on the same configurations, and a forest
 * restricted to one series (the 950 K experiment) on a subset of them, where the HDNNP's error is recomputed from its
 * test predictions of exactly that subset. A forest whose test configurations the HDNNP trained or validated on
 * cannot be compared with it: that is an error, not a footnote.
 */
public final class ForestVersusHdnnp {
    private ForestVersusHdnnp() {
    }

    /**
     * The HDNNP's errors on the forest's test configurations, in the same definitions as
     * {@link ForestMetrics.Energy#errors()}.
     *
     * @throws IllegalArgumentException when some of the forest's test configurations are not among the HDNNP's
     */
    public static TrainingResult.Errors hdnnpTest(TrainingResult hdnnp, ForestResult forest) {
        int[] mine = forest.test().configurations();
        TrainingResult.Predictions p = hdnnp.testPredictions();
        int[] theirs = p.configurations();
        if (Arrays.equals(mine, sorted(theirs))) return hdnnp.test();
        Map<Integer, Integer> at = new HashMap<>();
        for (int i = 0; i < theirs.length; i++) at.put(theirs[i], i);
        int missing = 0;
        for (int c : mine) if (!at.containsKey(c)) missing++;
        if (missing > 0)
            throw new IllegalArgumentException("forest " + forest.setup().label() + " is judged on " + mine.length
                    + " test configurations, " + missing + " of which are not in the HDNNP's " + theirs.length
                    + " (it trained or validated on them, or never saw them): train both on one split");
        int[] atoms = p.atoms();
        double[] ref = p.reference(), pred = p.predicted();
        int[] a = new int[mine.length];
        double[] r = new double[mine.length], q = new double[mine.length];
        for (int j = 0; j < mine.length; j++) {
            int i = at.get(mine[j]);
            a[j] = atoms[i];
            r[j] = ref[i];
            q[j] = pred[i];
        }
        return new TrainingResult.Predictions(mine, a, r, q).errors();
    }

    /** True when the forest's test configurations are exactly the HDNNP's (not a subset). */
    public static boolean sameTestPart(TrainingResult hdnnp, ForestResult forest) {
        return Arrays.equals(forest.test().configurations(), sorted(hdnnp.testPredictions().configurations()));
    }

    /** "HDNNP 22-10-10-1 (400 epochs, best 380)". */
    static String label(TrainingResult hdnnp) {
        return "HDNNP " + hdnnp.provenance().layout() + " (" + hdnnp.lastEpoch() + " epochs, best " + hdnnp.bestEpoch() + ")";
    }

    private static int[] sorted(int[] a) {
        int[] b = a.clone();
        Arrays.sort(b);
        return b;
    }
}
