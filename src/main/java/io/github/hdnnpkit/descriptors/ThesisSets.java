package io.github.hdnnpkit.descriptors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The symmetry-function sets of the thesis, for aluminium, each a named immutable {@link SymmetryFunctionSet}.
 * See {@code data/descriptor-sets.md} for the full account of the choices.
 *
 * <h2>thesis-329 (section 3.3)</h2>
 * 269 G2 then 60 G5, in the order the thesis's numpy code generates them, with numpy's {@code linspace} reproduced
 * bit for bit ({@code start + i·step}, last point set to {@code stop}) so the parameters equal those of the n2p2
 * reference {@code input.nn}:
 * <ul>
 * <li>G2, r_c = 6.8 Å: 201 with r_s = 0 and η = linspace(0, 2, 201) whose first η (0) is replaced by 0.0013;
 * then 68 with η = 1.85 and r_s = linspace(0.05, 6.8, 68);</li>
 * <li>G5, r_c = 4.4 Å: for each η in linspace(0, 2, 6) (first replaced by 0.0013), for each (ζ, λ) in (1,1), (1,−1),
 * (2,1), (2,−1), (4,1), (4,−1), (16,1), (16,−1), (64,1), (64,−1). The thesis's code lists 8 λ for 10 ζ (a typo);
 * λ alternates.</li>
 * </ul>
 *
 * <h2>thesis-22 (section 3.1), reconstructed</h2>
 * The appendix tables of the original 22 functions (12 G2 + 10 G5, from A. Saliou's work) were lost. The text gives
 * r_c = 6.8, η ∈ [0, 1.85], r_s ∈ [0, 6.105] for the G2 and "G5 at one η with the 10 (ζ, λ) pairs". We choose:
 * <ul>
 * <li>12 G2 centred on a regular r_s grid r_s = 0.555·k, k = 0..11, which ends exactly at the quoted 6.105 Å
 * (6.105 = 11 × 0.555); the unshifted k = 0 function is the wide Gaussian η = 0.0013 and the 11 shifted ones have
 * η = 1.85. These are the two parameter values the 329 set carries over verbatim (its first η is explicitly
 * <em>replaced</em> by 0.0013 and its shifted block uses η = 1.85), which is why we take them to come from the
 * original 22;</li>
 * <li>10 G5 with η = 0.0013, r_c = 4.4 and the 10 (ζ, λ) pairs, i.e. the first η block of the 329's G5 (again the
 * replaced 0.0013; the text gives no angular cutoff, 4.4 is the 329's).</li>
 * </ul>
 *
 * <h2>thesis-22-extracted (section 3.3)</h2>
 * "The closest representation that we have for 22 variables" taken out of the 329: for each G2 of thesis-22 the
 * G2 of the 329 with the same η and the nearest r_s (G2_001 for the unshifted one, then the shifted G2 nearest to
 * 0.555·k), and G5_001..G5_010. Ids are the 329's.
 *
 * <h2>thesis-57A..D (section 4.3)</h2>
 * The code {@code range(x,201,a)}, {@code range(y,270,b)} over G2 and {@code range(z,61,c)} over G5 with
 * a, b, c = 8, 4, 4 and (x, y, z) = (1, 202, 1), (2, 203, 2), (3, 204, 3), (4, 205, 4). The numbers are 1-based
 * feature numbers (G2 1..269, G5 1..60): with 0-based indices set D would ask for G2 number 269 of 0..268, out of
 * range, and 202 is the first shifted G2 (the 201 η-only ones are 1..201). Each set is 25 + 17 + 15 = 57 functions.
 * Note that {@code range(x, 201, ...)} never reaches G2 number 201.
 */
public final class ThesisSets {
    public static final String ELEMENT = "Al";
    public static final double RC_RADIAL = 6.8;
    public static final double RC_ANGULAR = 4.4;
    /** The (ζ, λ) pairs of the G5, in the thesis's order. */
    public static final double[][] ZETA_LAMBDA = {{1, 1}, {1, -1}, {2, 1}, {2, -1}, {4, 1}, {4, -1}, {16, 1}, {16, -1}, {64, 1}, {64, -1}};
    /** The names {@link #byName} knows. */
    public static final List<String> NAMES = List.of("thesis-329", "thesis-329-radial", "thesis-329-angular",
            "thesis-g2-eta", "thesis-g2-shifted", "thesis-22", "thesis-22-extracted",
            "thesis-57A", "thesis-57B", "thesis-57C", "thesis-57D");

    private static final SymmetryFunctionSet T329 = build329();

    private ThesisSets() {
    }

    /** numpy.linspace(start, stop, num) bit for bit: start + i·((stop − start)/(num − 1)), last point = stop. */
    public static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        if (num == 1) {
            y[0] = start;
            return y;
        }
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) y[i] = i * step + start;
        y[num - 1] = stop;
        return y;
    }

    /** The 329 functions of section 3.3. */
    public static SymmetryFunctionSet thesis329() {
        return T329;
    }

    private static SymmetryFunctionSet build329() {
        List<SymmetryFunction> f = new ArrayList<>();
        f.addAll(g2Eta());
        f.addAll(g2Shifted());
        CosineCutoff fa = new CosineCutoff(RC_ANGULAR);
        double[] eta = linspace(0.0, 2.0, 6);
        eta[0] = 0.0013;
        for (double e : eta)
            for (double[] zl : ZETA_LAMBDA) f.add(new AngularG5(ELEMENT, e, zl[0], zl[1], fa));
        return SymmetryFunctionSet.of("thesis-329", f);
    }

    private static List<RadialG2> g2Eta() {
        CosineCutoff fr = new CosineCutoff(RC_RADIAL);
        double[] eta = linspace(0.0, 2.0, 201);
        eta[0] = 0.0013;
        List<RadialG2> f = new ArrayList<>();
        for (double e : eta) f.add(new RadialG2(ELEMENT, ELEMENT, e, 0.0, fr));
        return f;
    }

    private static List<RadialG2> g2Shifted() {
        CosineCutoff fr = new CosineCutoff(RC_RADIAL);
        List<RadialG2> f = new ArrayList<>();
        for (double rs : linspace(0.05, 6.8, 68)) f.add(new RadialG2(ELEMENT, ELEMENT, 1.85, rs, fr));
        return f;
    }

    /** The 201 unshifted G2 of the 329 (figure 4.1, "G2-E-Zero"). */
    public static SymmetryFunctionSet g2EtaOnly() {
        return T329.select("thesis-g2-eta", IntStream.range(0, 201).toArray());
    }

    /** The 68 shifted G2 of the 329 (figure 4.2, "G2-E-Non-Zero"). */
    public static SymmetryFunctionSet g2Shifted329() {
        return T329.select("thesis-g2-shifted", IntStream.range(201, 269).toArray());
    }

    /** The reconstructed 22 functions of section 3.1 (see the class comment for the choices). */
    public static SymmetryFunctionSet thesis22() {
        CosineCutoff fr = new CosineCutoff(RC_RADIAL), fa = new CosineCutoff(RC_ANGULAR);
        List<SymmetryFunction> f = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            double rs = k * 555 / 1000.0;   // exact decimal 0.555·k, ending at 6.105
            f.add(new RadialG2(ELEMENT, ELEMENT, k == 0 ? 0.0013 : 1.85, rs, fr));
        }
        for (double[] zl : ZETA_LAMBDA) f.add(new AngularG5(ELEMENT, 0.0013, zl[0], zl[1], fa));
        return SymmetryFunctionSet.of("thesis-22", f);
    }

    /** The 22 functions of the 329 closest to {@link #thesis22()} (section 3.3), with the 329's ids. */
    public static SymmetryFunctionSet thesis22Extracted() {
        int[] cols = new int[22];
        List<SymmetryFunction> t22 = thesis22().functions();
        for (int c = 0; c < 12; c++) cols[c] = nearestG2((RadialG2) t22.get(c));
        for (int c = 0; c < 10; c++) cols[12 + c] = 269 + c;
        return T329.select("thesis-22-extracted", cols);
    }

    private static int nearestG2(RadialG2 target) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < 269; c++) {
            RadialG2 g = (RadialG2) T329.function(c);
            if (g.eta() != target.eta()) continue;
            double d = Math.abs(g.rs() - target.rs());
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best < 0) throw new IllegalStateException("no G2 with eta " + target.eta() + " in the 329");
        return best;
    }

    /**
     * Section 4.3's evenly spaced 57 functions: set 'A'..'D' (x, y, z = 1, 202, 1 shifted by 0..3; a, b, c = 8, 4, 4).
     */
    public static SymmetryFunctionSet fiftySeven(char set) {
        char s = Character.toUpperCase(set);
        if (s < 'A' || s > 'D') throw new IllegalArgumentException("sets of 57 are A, B, C, D, not " + set);
        int shift = s - 'A';
        return strided("thesis-57" + s, 8, 4, 4, 1 + shift, 202 + shift, 1 + shift);
    }

    /**
     * The section 4.3 code in general: G2 numbers {@code range(x, 201, a)} and {@code range(y, 270, b)}, G5 numbers
     * {@code range(z, 61, c)}, all 1-based feature numbers of the 329 (G2 1..269, G5 1..60).
     */
    public static SymmetryFunctionSet strided(String name, int a, int b, int c, int x, int y, int z) {
        List<Integer> cols = new ArrayList<>();
        for (int g = x; g < 201; g += a) cols.add(g2Number(g));
        for (int g = y; g < 270; g += b) cols.add(g2Number(g));
        for (int g = z; g < 61; g += c) cols.add(g5Number(g));
        return T329.select(name, cols.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int g2Number(int oneBased) {
        if (oneBased < 1 || oneBased > 269) throw new IllegalArgumentException("G2 feature numbers are 1..269: " + oneBased);
        return oneBased - 1;
    }

    private static int g5Number(int oneBased) {
        if (oneBased < 1 || oneBased > 60) throw new IllegalArgumentException("G5 feature numbers are 1..60: " + oneBased);
        return 269 + oneBased - 1;
    }

    /** {@code k} functions evenly spaced through thesis-329 (section 4.2). */
    public static SymmetryFunctionSet evenlySpaced(int k) {
        return T329.evenlySpaced(k).renamed("thesis-329-even" + k);
    }

    /** One of {@link #NAMES}, or {@code thesis-329-evenK}; case-insensitive. */
    public static SymmetryFunctionSet byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "thesis-329": return thesis329();
            case "thesis-329-radial": return T329.radialOnly();
            case "thesis-329-angular": return T329.angularOnly();
            case "thesis-g2-eta": return g2EtaOnly();
            case "thesis-g2-shifted": return g2Shifted329();
            case "thesis-22": return thesis22();
            case "thesis-22-extracted": return thesis22Extracted();
            default:
        }
        if (n.matches("thesis-57[a-d]")) return fiftySeven(n.charAt(9));
        if (n.matches("thesis-329-even\\d+")) return evenlySpaced(Integer.parseInt(n.substring(15)));
        throw new IllegalArgumentException("unknown set '" + name + "'; known: " + String.join(", ", NAMES) + ", thesis-329-evenK");
    }
}
