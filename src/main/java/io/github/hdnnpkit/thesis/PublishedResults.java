package io.github.hdnnpkit.thesis;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The numbers the thesis published, quoted verbatim from its tables so notebooks can put them beside the kit's own
 * results. They come from the thesis's private ab initio data, not from the kit's LAMMPS stand-in: they are a
 * reference for shape and order of magnitude, never an expected value of a test.
 *
 * <p><b>What the published losses are.</b> The thesis's code compiled its Keras model with
 * {@code loss='mean_squared_error'}: every {@code train_loss} / {@code val_loss} below is the plain mean squared error
 * of the configuration energies over configurations, in eV² per configuration — not eq. 2.6, which has a ½ in front
 * — and every "per atom" column is that number divided by 256, the atoms of each configuration (it is not the MSE of
 * the energy per atom, which would be divided by 256²). {@code train_loss} is Keras's running mean over the epoch's
 * mini-batches, {@code val_loss} the loss on the 20 % validation split after the epoch; the thesis had no separate
 * test split, so its validation loss is the only quality it reports. The kit's {@link io.github.hdnnpkit.model.TrainingResult}
 * reports the same quantities, and {@link ThesisComparison} puts both side by side with the RMSE in meV/atom that the
 * field uses ({@code 1000·sqrt(MSE)/256} for 256-atom configurations).
 */
public final class PublishedResults {
    private PublishedResults() {
    }

    /** Table 3.1: 12 G2 features, depth of the two hidden layers varied (structure, time/epoch, losses, epochs). */
    public static Table table31() {
        String[] structure = {"12-5-5-1", "12-10-10-1", "12-15-15-1", "12-20-20-1", "12-30-30-1", "12-40-40-1", "12-50-50-1"};
        int[] secondsPerEpoch = {4, 8, 7, 4, 20, 17, 20};
        double[] train = {0.3788, 0.3361, 0.4757, 0.3052, 0.9721, 0.9548, 1.5048};
        double[] val = {0.3687, 0.3403, 0.3149, 0.2964, 0.8571, 0.7397, 0.7291};
        double[] trainAtom = {0.001480, 0.001313, 0.001858, 0.001192, 0.003797, 0.003730, 0.005878};
        double[] valAtom = {0.001440, 0.001329, 0.001230, 0.001158, 0.003348, 0.002889, 0.002848};
        int[] maxEpoch = {2886, 2787, 2120, 2415, 1174, 1222, 1243};
        int[] minimaEpoch = {2835, 2736, 2069, 2364, 1123, 1171, 1192};
        return Table.create("Thesis table 3.1: 12 radial features, hidden depth varied",
                StringColumn.create("structure", structure), IntColumn.create("s_per_epoch", secondsPerEpoch),
                DoubleColumn.create("train_loss", train), DoubleColumn.create("val_loss", val),
                DoubleColumn.create("train_loss_atom", trainAtom), DoubleColumn.create("val_loss_atom", valAtom),
                IntColumn.create("max_epoch", maxEpoch), IntColumn.create("minima_epoch", minimaEpoch));
    }

    /** Table 3.3: the 12 and 22 features extracted from the 329, 10-10 hidden layers. */
    public static Table table33() {
        return Table.create("Thesis table 3.3: extracted 12 and 22 features",
                StringColumn.create("structure", "12-10-10-1", "22-10-10-1"),
                DoubleColumn.create("train_loss", 0.2342, 0.2225), DoubleColumn.create("val_loss", 0.2562, 0.2402),
                IntColumn.create("max_epoch", 829, 2469), IntColumn.create("minima_epoch", 779, 2419));
    }

    /** Table 4.1: the least loss for various numbers of evenly spaced variables (two rows for 72). */
    public static Table table41() {
        String[] structure = {"1-10-10-1", "2-10-10-1", "4-10-10-1", "8-10-10-1", "33-10-10-1", "37-10-10-1", "43-10-10-1",
                "50-10-10-1", "57-10-10-1", "61-10-10-1", "63-10-10-1", "67-10-10-1", "72-10-10-1", "72-10-10-1", "329-10-10-1"};
        int[] variables = {1, 2, 4, 8, 33, 37, 43, 50, 57, 61, 63, 67, 72, 72, 329};
        double[] train = {23.79942, 10.69884, 4.29620, 0.37002, 0.16829, 0.17391, 0.23797, 0.15996, 0.14539, 0.16667, 0.14009,
                0.15445, 0.17484, 0.14639, 0.18733};
        double[] val = {21.66137, 10.67151, 4.16097, 0.37806, 0.17480, 0.17132, 0.20454, 0.17176, 0.14478, 0.17574, 0.16553,
                0.17527, 0.16777, 0.15255, 0.15951};
        double[] valAtom = {0.084615, 0.041686, 0.016254, 0.001477, 0.000683, 0.000669, 0.000799, 0.000671, 0.000566, 0.000686,
                0.000647, 0.000685, 0.000655, 0.000596, 0.000623};
        double[] trainAtom = {0.092966, 0.041792, 0.016782, 0.001445, 0.000657, 0.000679, 0.000930, 0.000625, 0.000568, 0.000651,
                0.000547, 0.000603, 0.000683, 0.000572, 0.000732};
        int[] maxEpoch = {377, 1872, 3139, 1794, 1053, 1372, 1470, 2222, 1046, 1509, 1517, 1005, 1577, 1498, 2199};
        int[] minimaEpoch = {327, 1822, 3089, 1744, 1003, 1322, 1420, 2172, 996, 1459, 1467, 955, 1527, 1448, 2149};
        return Table.create("Thesis table 4.1: least loss per number of variables",
                StringColumn.create("structure", structure), IntColumn.create("variables", variables),
                DoubleColumn.create("train_loss", train), DoubleColumn.create("val_loss", val),
                DoubleColumn.create("val_loss_atom", valAtom), DoubleColumn.create("train_loss_atom", trainAtom),
                IntColumn.create("max_epoch", maxEpoch), IntColumn.create("minima_epoch", minimaEpoch));
    }

    /**
     * Table D.1: least validation loss after dropping one of the 57 variables. {@code index} is the 1-based position
     * in the 57-variable set, {@code feature} the thesis's name of the dropped variable (1-based within its group).
     */
    public static Table tableD1() {
        int[] index = {6, 5, 13, 24, 20, 42, 40, 3, 27, 44, 9, 53, 12, 19, 23, 21, 2, 47, 14, 26, 57, 56, 32, 34, 17, 39, 41, 15, 30,
                50, 16, 10, 37, 7, 31, 4, 29, 18, 28, 54, 36, 1, 35, 11, 22, 45, 55, 48, 49, 38, 46, 43, 51, 33, 25, 8, 52};
        String[] feature = {"G2(feature41)", "G2(feature33)", "G2(feature97)", "G2(feature185)", "G2(feature153)", "G2(feature266)",
                "G2(feature258)", "G2(feature17)", "G2(feature206)", "G5(feature5)", "G2(feature65)", "G5(feature41)", "G2(feature89)",
                "G2(feature145)", "G2(feature177)", "G2(feature161)", "G2(feature9)", "G5(feature17)", "G2(feature105)",
                "G2(feature202)", "G5(feature57)", "G5(feature53)", "G2(feature226)", "G2(feature234)", "G2(feature129)",
                "G2(feature254)", "G2(feature262)", "G2(feature113)", "G2(feature218)", "G5(feature29)", "G2(feature121)",
                "G2(feature73)", "G2(feature246)", "G2(feature49)", "G2(feature222)", "G2(feature25)", "G2(feature214)",
                "G2(feature137)", "G2(feature210)", "G5(feature45)", "G2(feature242)", "G2(feature1)", "G2(feature238)",
                "G2(feature81)", "G2(feature169)", "G5(feature9)", "G5(feature49)", "G5(feature21)", "G5(feature25)",
                "G2(feature250)", "G5(feature13)", "G5(feature1)", "G5(feature33)", "G2(feature230)", "G2(feature193)",
                "G2(feature57)", "G5(feature37)"};
        double[] val = {0.14248, 0.14633, 0.14868, 0.14914, 0.15038, 0.15087, 0.15098, 0.15167, 0.15365, 0.15540, 0.15566, 0.15571,
                0.15597, 0.15671, 0.15678, 0.15704, 0.15809, 0.15822, 0.15875, 0.15933, 0.16087, 0.16096, 0.16205, 0.16208, 0.16217,
                0.16316, 0.16409, 0.16551, 0.16565, 0.16612, 0.16630, 0.16737, 0.16841, 0.16900, 0.16901, 0.16901, 0.16928, 0.16937,
                0.17036, 0.17143, 0.17197, 0.17252, 0.17550, 0.17681, 0.17688, 0.17716, 0.17994, 0.18067, 0.18239, 0.18247, 0.18284,
                0.18439, 0.18444, 0.18783, 0.19029, 0.19122, 0.19351};
        return Table.create("Thesis table D.1: least validation loss with one of the 57 variables removed",
                IntColumn.create("index", index), StringColumn.create("removed_var", feature), DoubleColumn.create("val_loss", val));
    }

    /**
     * The train and validation losses of a published table by a key column, e.g. {@code losses(table41(), "variables")}
     * → {@code "57" → {0.14539, 0.14478}}; a repeated key (table 4.1 lists 72 twice) keeps its first row. A table without
     * a {@code train_loss} column gives NaN for it.
     */
    public static java.util.Map<String, double[]> losses(Table t, String keyColumn) {
        java.util.Map<String, double[]> m = new java.util.LinkedHashMap<>();
        boolean hasTrain = t.columnNames().contains("train_loss");
        for (int r = 0; r < t.rowCount(); r++) {
            String k = t.column(keyColumn).getString(r);
            m.putIfAbsent(k, new double[]{hasTrain ? t.doubleColumn("train_loss").get(r) : Double.NaN, t.doubleColumn("val_loss").get(r)});
        }
        return m;
    }
}
