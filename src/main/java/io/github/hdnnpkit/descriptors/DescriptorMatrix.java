package io.github.hdnnpkit.descriptors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The descriptors of a data set: one row per atom, one column per symmetry function, rows grouped by configuration
 * (configuration {@code c} owns rows {@code firstAtom(c) .. firstAtom(c+1)-1}).
 *
 * <p>Stored as float32 row-major: the full thesis set (4200 configurations × 256 atoms × 329 functions) is 1.4 GB in
 * float32 and would be 2.8 GB in double; the networks train in float32 anyway. Exact double values for exchange with
 * n2p2 come from the per-configuration calculator, not from this matrix.
 *
 * <p>Immutable by convention: the arrays are not exposed except through {@link #rawValues()}, which hot loops use
 * read-only.
 */
public final class DescriptorMatrix {
    private final float[] values;
    private final int[] atomOffsets;      // length configurations + 1
    private final List<String> featureIds;
    private final int features;

    /**
     * @param values      row-major values, {@code atomOffsets[last] * featureIds.size()} of them
     * @param atomOffsets first row of each configuration, plus the total row count at the end
     * @param featureIds  stable column ids (e.g. {@code G2_001})
     */
    public DescriptorMatrix(float[] values, int[] atomOffsets, List<String> featureIds) {
        Objects.requireNonNull(values);
        Objects.requireNonNull(atomOffsets);
        this.featureIds = List.copyOf(featureIds);
        this.features = this.featureIds.size();
        if (atomOffsets.length < 1 || atomOffsets[0] != 0) throw new IllegalArgumentException("atom offsets must start at 0");
        for (int i = 1; i < atomOffsets.length; i++)
            if (atomOffsets[i] <= atomOffsets[i - 1])
                throw new IllegalArgumentException("configuration " + (i - 1) + " has no atoms");
        long expected = (long) atomOffsets[atomOffsets.length - 1] * features;
        if (values.length != expected)
            throw new IllegalArgumentException("expected " + expected + " values, got " + values.length);
        this.values = values;
        this.atomOffsets = atomOffsets.clone();
    }

    public int configurations() { return atomOffsets.length - 1; }

    public int rows() { return atomOffsets[atomOffsets.length - 1]; }

    public int features() { return features; }

    public List<String> featureIds() { return featureIds; }

    public int firstAtom(int configuration) { return atomOffsets[configuration]; }

    public int atomsIn(int configuration) { return atomOffsets[configuration + 1] - atomOffsets[configuration]; }

    public float get(int row, int feature) { return values[row * features + feature]; }

    /** The backing row-major array; callers must not modify it. */
    public float[] rawValues() { return values; }

    /** Row offsets per configuration (length configurations + 1), a copy. */
    public int[] atomOffsets() { return atomOffsets.clone(); }

    /** The sub-matrix with only the given columns, in the given order. */
    public DescriptorMatrix selectFeatures(int[] columns) {
        List<String> ids = new ArrayList<>(columns.length);
        for (int c : columns) {
            if (c < 0 || c >= features) throw new IndexOutOfBoundsException("feature " + c + " of " + features);
            ids.add(featureIds.get(c));
        }
        int n = rows(), k = columns.length;
        float[] out = new float[n * k];
        for (int r = 0; r < n; r++) {
            int src = r * features, dst = r * k;
            for (int j = 0; j < k; j++) out[dst + j] = values[src + columns[j]];
        }
        return new DescriptorMatrix(out, atomOffsets, ids);
    }

    /** The sub-matrix with only the given configurations, in the given order. */
    public DescriptorMatrix selectConfigurations(int[] configurations) {
        int[] offsets = new int[configurations.length + 1];
        for (int i = 0; i < configurations.length; i++) offsets[i + 1] = offsets[i] + atomsIn(configurations[i]);
        float[] out = new float[offsets[configurations.length] * features];
        for (int i = 0; i < configurations.length; i++) {
            int c = configurations[i];
            System.arraycopy(values, atomOffsets[c] * features, out, offsets[i] * features, atomsIn(c) * features);
        }
        return new DescriptorMatrix(out, offsets, featureIds);
    }

    /** Column index of a feature id, or -1. */
    public int indexOf(String featureId) { return featureIds.indexOf(featureId); }

    @Override
    public String toString() {
        return "DescriptorMatrix[" + configurations() + " configurations, " + rows() + " atoms, " + features + " features]";
    }
}
