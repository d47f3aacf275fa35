package io.github.hdnnpkit.model.backend;

import io.github.hdnnpkit.model.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense-layer loops written with the JDK Vector API, register-blocked: a block is two vectors of atoms, and every
 * inner iteration works on a tile of five neurons × two vectors — ten independent accumulators, enough to cover the
 * fused multiply-add's latency on both FMA ports (a single chain of FMAs runs at a quarter of the machine's rate), with
 * seven loads per ten FMAs. Widths that are not a multiple of five repeat the tile's last neuron (computed twice, the
 * same bits, stored or added once).
 *
 * <p>Results are the same bits whatever the JIT does (C2's SIMD code or the Vector API's Java fallback), so studies
 * run on several JVMs give the same numbers: only lane-wise IEEE operations (add, multiply, fma, divide, min/max,
 * blend) are used, gradients are summed per lane and folded in a fixed order ({@link Kernels#foldLanes}), row sums
 * are reduced lane by lane in index order, and tanh is {@link Kernels#tanh}'s rational function. Softplus still uses
 * the API's EXP/LOG1P operators and is not covered by that guarantee.
 *
 * <p>The width is the JVM's preferred one (512 bits on AVX-512, 256 on AVX2 or under {@code -XX:UseAVX=2}) unless
 * {@code -Dhdnnp.vector.bits} asks for another; it is fixed when the class loads, because the Vector API compiles to
 * SIMD code only for a species the JIT sees as a constant.
 */
final class VectorKernels extends Kernels {
    private static final VectorSpecies<Float> S = species();
    private static final int L = S.length(), B = 2 * L;
    /** {@code B} ones then {@code B} zeros: the mask of the first r atoms of a block is {@code TAIL[B - r ..]}. */
    private static final float[] TAIL = new float[2 * B];

    static {
        java.util.Arrays.fill(TAIL, 0, B, 1f);
    }

    private static VectorSpecies<Float> species() {
        String bits = System.getProperty("hdnnp.vector.bits", "");
        if (bits.isEmpty()) return FloatVector.SPECIES_PREFERRED;
        VectorSpecies<Float> s = switch (bits.trim()) {
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException("-Dhdnnp.vector.bits=" + bits + ": expected 128, 256 or 512");
        };
        return s.vectorBitSize() <= FloatVector.SPECIES_PREFERRED.vectorBitSize() ? s : FloatVector.SPECIES_PREFERRED;
    }

    /** e.g. {@code vector-512-avx512}: the width, and on x86 the instruction set it implies (the JVM picks 256 bits under AVX2). */
    @Override
    String name() {
        int bits = S.vectorBitSize();
        String arch = System.getProperty("os.arch", "");
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        return "vector-" + bits + (!x86 ? "" : bits >= 512 ? "-avx512" : bits == 256 ? "-avx2" : "-sse");
    }

    @Override
    int block() { return B; }

    @Override
    int lanes() { return L; }

    /** {@link Kernels#tanh} lane by lane: the same clamp, polynomials and division, so vector and scalar agree bit for bit. */
    static FloatVector tanh(FloatVector v) {
        FloatVector x = v.max(-Kernels.TANH_CLAMP).min(Kernels.TANH_CLAMP);
        FloatVector x2 = x.mul(x);
        FloatVector p = x2.fma(Kernels.A13, Kernels.A11);
        p = x2.fma(p, FloatVector.broadcast(S, Kernels.A9));
        p = x2.fma(p, FloatVector.broadcast(S, Kernels.A7));
        p = x2.fma(p, FloatVector.broadcast(S, Kernels.A5));
        p = x2.fma(p, FloatVector.broadcast(S, Kernels.A3));
        p = x2.fma(p, FloatVector.broadcast(S, Kernels.A1));
        p = x.mul(p);
        FloatVector q = x2.fma(Kernels.B6, Kernels.B4);
        q = x2.fma(q, FloatVector.broadcast(S, Kernels.B2));
        q = x2.fma(q, FloatVector.broadcast(S, Kernels.B0));
        FloatVector r = p.div(q);
        // tiny arguments: tanh(x) = x to float precision (the scalar form returns x there too)
        return r.blend(v, v.abs().compare(VectorOperators.LT, Kernels.TANH_TINY));
    }

    private static FloatVector activate(Activation f, FloatVector x) {
        return switch (f) {
            case TANH -> tanh(x);
            case SIGMOID -> tanh(x.mul(0.5f)).fma(0.5f, 0.5f);
            case RELU -> x.max(0f);
            case LEAKY_RELU -> x.blend(x.mul((float) Activation.LEAKY_ALPHA), x.compare(VectorOperators.LT, 0f));
            case SOFTPLUS -> perLane(x, Activation.SOFTPLUS, true);
            case LINEAR -> x;
        };
    }

    private static FloatVector derivative(Activation f, FloatVector y) {
        return switch (f) {
            case TANH -> y.mul(y).neg().add(1f);
            case SIGMOID -> y.mul(y.neg().add(1f));
            case RELU -> FloatVector.zero(S).blend(1f, y.compare(VectorOperators.GT, 0f));
            case LEAKY_RELU -> FloatVector.broadcast(S, (float) Activation.LEAKY_ALPHA).blend(1f, y.compare(VectorOperators.GE, 0f));
            case SOFTPLUS -> perLane(y, Activation.SOFTPLUS, false);
            case LINEAR -> FloatVector.broadcast(S, 1f);
        };
    }

    /**
     * The scalar kernels' formula lane by lane: the Vector API's EXP/LOG1P are SVML intrinsics in C2 and Java code
     * elsewhere, which round differently, and a seeded training must give the same bits on every JVM.
     */
    private static FloatVector perLane(FloatVector v, Activation f, boolean value) {
        float[] a = v.toArray();
        for (int i = 0; i < a.length; i++) a[i] = value ? Kernels.activate(f, a[i]) : Kernels.derivative(f, a[i]);
        return FloatVector.fromArray(S, a, 0);
    }

    private static FloatVector load(float[] a, int i) { return FloatVector.fromArray(S, a, i); }

    private static FloatVector bcast(float v) { return FloatVector.broadcast(S, v); }

    @Override
    void forward(float[] p, int wo, int bo, int nin, int nout, float[] x, int xo, float[] z, int blocks, Activation f) {
        int last = nout - 1;
        for (int b = 0; b < blocks; b++) {
            int xb = xo + b * nin * B, zb = b * nout * B;
            for (int o = 0; o < nout; o += 5) {
                int o1 = Math.min(o + 1, last), o2 = Math.min(o + 2, last), o3 = Math.min(o + 3, last), o4 = Math.min(o + 4, last);
                forwardTile(p, wo + o * nin, wo + o1 * nin, wo + o2 * nin, wo + o3 * nin, wo + o4 * nin,
                        p[bo + o], p[bo + o1], p[bo + o2], p[bo + o3], p[bo + o4], nin, x, xb,
                        z, zb + o * B, zb + o1 * B, zb + o2 * B, zb + o3 * B, zb + o4 * B);
            }
            // the activation as a loop of its own, over the block just written (in L1): called from a hot loop, the
            // JIT inlines it; called once per accumulator at the end of a tile it would not, and would box the vectors
            for (int j = zb, end = zb + nout * B; j < end; j += L) activate(f, load(z, j)).intoArray(z, j);
        }
    }

    /** Five neurons (weight rows w0..w4, biases c0..c4; repeats allowed) × one block of atoms, before the activation. */
    private static void forwardTile(float[] p, int w0, int w1, int w2, int w3, int w4, float c0, float c1, float c2, float c3, float c4,
                                    int nin, float[] x, int xb, float[] z, int z0, int z1, int z2, int z3, int z4) {
        FloatVector a00 = bcast(c0), a01 = a00, a10 = bcast(c1), a11 = a10, a20 = bcast(c2), a21 = a20;
        FloatVector a30 = bcast(c3), a31 = a30, a40 = bcast(c4), a41 = a40;
        for (int i = 0, xi = xb; i < nin; i++, xi += B) {
            FloatVector x0 = load(x, xi), x1 = load(x, xi + L);
            FloatVector w = bcast(p[w0 + i]);
            a00 = x0.fma(w, a00);
            a01 = x1.fma(w, a01);
            w = bcast(p[w1 + i]);
            a10 = x0.fma(w, a10);
            a11 = x1.fma(w, a11);
            w = bcast(p[w2 + i]);
            a20 = x0.fma(w, a20);
            a21 = x1.fma(w, a21);
            w = bcast(p[w3 + i]);
            a30 = x0.fma(w, a30);
            a31 = x1.fma(w, a31);
            w = bcast(p[w4 + i]);
            a40 = x0.fma(w, a40);
            a41 = x1.fma(w, a41);
        }
        // repeated neurons are stored more than once, with the same bits; the last store is the real one
        a40.intoArray(z, z4);
        a41.intoArray(z, z4 + L);
        a30.intoArray(z, z3);
        a31.intoArray(z, z3 + L);
        a20.intoArray(z, z2);
        a21.intoArray(z, z2 + L);
        a10.intoArray(z, z1);
        a11.intoArray(z, z1 + L);
        a00.intoArray(z, z0);
        a01.intoArray(z, z0 + L);
    }

    @Override
    void accumulateGradient(float[] d, int nout, float[] x, int xo, int nin, int blocks, float[] gl, int wo, int bo) {
        int dStride = nout * B, xStride = nin * B;
        for (int o = 0; o < nout; o++) {
            FloatVector s = FloatVector.zero(S);
            for (int b = 0, db = o * B; b < blocks; b++, db += dStride) s = s.add(load(d, db)).add(load(d, db + L));
            int q = (bo + o) * L;
            load(gl, q).add(s).intoArray(gl, q);
        }
        int o = 0;
        for (; o + 5 <= nout; o += 5) {
            int i = 0;
            for (; i + 2 <= nin; i += 2) gradientTile(d, o * B, dStride, x, xo + i * B, xStride, blocks, gl, (wo + o * nin + i) * L, nin * L);
            if (i < nin) gradientColumn(d, o * B, dStride, x, xo + i * B, xStride, blocks, gl, (wo + o * nin + i) * L, nin * L);
        }
        // rows left over when the width is not a multiple of five: one weight at a time, two chains
        for (; o < nout; o++)
            for (int i = 0; i < nin; i++) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0;
                for (int b = 0, db = o * B, xb = xo + i * B; b < blocks; b++, db += dStride, xb += xStride) {
                    a0 = load(d, db).fma(load(x, xb), a0);
                    a1 = load(d, db + L).fma(load(x, xb + L), a1);
                }
                int q = (wo + o * nin + i) * L;
                load(gl, q).add(a0.add(a1)).intoArray(gl, q);
            }
    }

    /*
     * The gradient tile: rows o..o+4 of the delta × inputs i, i+1, summed over all blocks into ten per-lane
     * accumulators, then added once to the lane buffer (q: lane offset of weight (o, i); qRow: from one row to the
     * next). All offsets inside a block are compile-time multiples of B and L, so the JIT addresses the fourteen
     * loads of an iteration from two base registers.
     */
    private static void gradientTile(float[] d, int db, int dStride, float[] x, int xb, int xStride, int blocks, float[] gl, int q, int qRow) {
        FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00, a40 = a00, a41 = a00;
        for (int b = 0; b < blocks; b++, db += dStride, xb += xStride) {
            FloatVector u0 = load(x, xb), u1 = load(x, xb + B), dv = load(d, db);
            a00 = dv.fma(u0, a00);
            a01 = dv.fma(u1, a01);
            dv = load(d, db + B);
            a10 = dv.fma(u0, a10);
            a11 = dv.fma(u1, a11);
            dv = load(d, db + 2 * B);
            a20 = dv.fma(u0, a20);
            a21 = dv.fma(u1, a21);
            dv = load(d, db + 3 * B);
            a30 = dv.fma(u0, a30);
            a31 = dv.fma(u1, a31);
            dv = load(d, db + 4 * B);
            a40 = dv.fma(u0, a40);
            a41 = dv.fma(u1, a41);
            u0 = load(x, xb + L);
            u1 = load(x, xb + B + L);
            dv = load(d, db + L);
            a00 = dv.fma(u0, a00);
            a01 = dv.fma(u1, a01);
            dv = load(d, db + B + L);
            a10 = dv.fma(u0, a10);
            a11 = dv.fma(u1, a11);
            dv = load(d, db + 2 * B + L);
            a20 = dv.fma(u0, a20);
            a21 = dv.fma(u1, a21);
            dv = load(d, db + 3 * B + L);
            a30 = dv.fma(u0, a30);
            a31 = dv.fma(u1, a31);
            dv = load(d, db + 4 * B + L);
            a40 = dv.fma(u0, a40);
            a41 = dv.fma(u1, a41);
        }
        // written out: a helper taking vectors would not be inlined at this cold call site and would box them
        load(gl, q).add(a00).intoArray(gl, q);
        load(gl, q + L).add(a01).intoArray(gl, q + L);
        q += qRow;
        load(gl, q).add(a10).intoArray(gl, q);
        load(gl, q + L).add(a11).intoArray(gl, q + L);
        q += qRow;
        load(gl, q).add(a20).intoArray(gl, q);
        load(gl, q + L).add(a21).intoArray(gl, q + L);
        q += qRow;
        load(gl, q).add(a30).intoArray(gl, q);
        load(gl, q + L).add(a31).intoArray(gl, q + L);
        q += qRow;
        load(gl, q).add(a40).intoArray(gl, q);
        load(gl, q + L).add(a41).intoArray(gl, q + L);
    }

    /** The tile for a last, odd input: rows o..o+4 × one input, the block's two vectors in separate chains. */
    private static void gradientColumn(float[] d, int db, int dStride, float[] x, int xb, int xStride, int blocks, float[] gl, int q, int qRow) {
        FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00, a40 = a00, a41 = a00;
        for (int b = 0; b < blocks; b++, db += dStride, xb += xStride) {
            FloatVector u0 = load(x, xb), u1 = load(x, xb + L);
            a00 = load(d, db).fma(u0, a00);
            a01 = load(d, db + L).fma(u1, a01);
            a10 = load(d, db + B).fma(u0, a10);
            a11 = load(d, db + B + L).fma(u1, a11);
            a20 = load(d, db + 2 * B).fma(u0, a20);
            a21 = load(d, db + 2 * B + L).fma(u1, a21);
            a30 = load(d, db + 3 * B).fma(u0, a30);
            a31 = load(d, db + 3 * B + L).fma(u1, a31);
            a40 = load(d, db + 4 * B).fma(u0, a40);
            a41 = load(d, db + 4 * B + L).fma(u1, a41);
        }
        load(gl, q).add(a00.add(a01)).intoArray(gl, q);
        q += qRow;
        load(gl, q).add(a10.add(a11)).intoArray(gl, q);
        q += qRow;
        load(gl, q).add(a20.add(a21)).intoArray(gl, q);
        q += qRow;
        load(gl, q).add(a30.add(a31)).intoArray(gl, q);
        q += qRow;
        load(gl, q).add(a40.add(a41)).intoArray(gl, q);
    }

    @Override
    void backpropagate(float[] p, int wo, int nin, int nout, float[] d, float[] h, float[] dPrev, int blocks, Activation f) {
        int last = nin - 1;
        for (int b = 0; b < blocks; b++) {
            int db = b * nout * B, hb = b * nin * B;
            for (int i = 0; i < nin; i += 5) {
                int i1 = Math.min(i + 1, last), i2 = Math.min(i + 2, last), i3 = Math.min(i + 3, last), i4 = Math.min(i + 4, last);
                backTile(p, wo, nin, nout, i, i1, i2, i3, i4, d, db, dPrev, hb);
            }
            for (int j = hb, end = hb + nin * B; j < end; j += L) load(dPrev, j).mul(derivative(f, load(h, j))).intoArray(dPrev, j);
        }
    }

    /** Five inputs (i0..i4, repeats allowed) × one block: the transposed product (the derivative comes after). */
    private static void backTile(float[] p, int wo, int nin, int nout, int i0, int i1, int i2, int i3, int i4,
                                 float[] d, int db, float[] dPrev, int hb) {
        FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00, a40 = a00, a41 = a00;
        for (int o = 0, dv = db, w = wo; o < nout; o++, dv += B, w += nin) {
            FloatVector d0 = load(d, dv), d1 = load(d, dv + L);
            FloatVector c = bcast(p[w + i0]);
            a00 = d0.fma(c, a00);
            a01 = d1.fma(c, a01);
            c = bcast(p[w + i1]);
            a10 = d0.fma(c, a10);
            a11 = d1.fma(c, a11);
            c = bcast(p[w + i2]);
            a20 = d0.fma(c, a20);
            a21 = d1.fma(c, a21);
            c = bcast(p[w + i3]);
            a30 = d0.fma(c, a30);
            a31 = d1.fma(c, a31);
            c = bcast(p[w + i4]);
            a40 = d0.fma(c, a40);
            a41 = d1.fma(c, a41);
        }
        a40.intoArray(dPrev, hb + i4 * B);
        a41.intoArray(dPrev, hb + i4 * B + L);
        a30.intoArray(dPrev, hb + i3 * B);
        a31.intoArray(dPrev, hb + i3 * B + L);
        a20.intoArray(dPrev, hb + i2 * B);
        a21.intoArray(dPrev, hb + i2 * B + L);
        a10.intoArray(dPrev, hb + i1 * B);
        a11.intoArray(dPrev, hb + i1 * B + L);
        a00.intoArray(dPrev, hb + i0 * B);
        a01.intoArray(dPrev, hb + i0 * B + L);
    }

    @Override
    void outputDelta(float[] p, int wo, int nk, float g, float[] h, float[] d, int n, Activation f) {
        int blocks = blocks(n), rest = n - (blocks - 1) * B;
        for (int b = 0; b < blocks; b++) {
            int mask = b == blocks - 1 ? B - rest : 0;      // TAIL offset: all ones except in the last block
            FloatVector m0 = load(TAIL, mask), m1 = load(TAIL, mask + L);
            for (int k = 0; k < nk; k++) {
                FloatVector c = bcast(g * p[wo + k]);
                int at = (b * nk + k) * B;
                derivative(f, load(h, at)).mul(c).mul(m0).intoArray(d, at);
                derivative(f, load(h, at + L)).mul(c).mul(m1).intoArray(d, at + L);
            }
        }
    }

    @Override
    void rowSums(float[] h, int ho, int nk, int n, float[] s) {
        int blocks = blocks(n), rest = n - (blocks - 1) * B;
        float[] lanes = new float[L];
        for (int k = 0; k < nk; k++) {
            FloatVector acc = FloatVector.zero(S);
            int at = ho + k * B;
            for (int b = 0; b < blocks - 1; b++, at += nk * B) acc = acc.add(load(h, at)).add(load(h, at + L));
            if (blocks > 0) {
                int mask = B - rest;
                acc = acc.add(load(h, at).mul(load(TAIL, mask))).add(load(h, at + L).mul(load(TAIL, mask + L)));
            }
            acc.intoArray(lanes, 0);
            float t = 0;
            for (int l = 0; l < L; l++) t += lanes[l];
            s[k] = t;
        }
    }
}
