package io.github.hdnnpkit.model;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;

import java.util.Objects;

/**
 * What a training needs: raw descriptors of every configuration, reference energies (eV), the split by
 * configuration, and ids for provenance.
 *
 * @param dataId        identifies the data set (e.g. file name and checksum)
 * @param descriptorSet name of the descriptor set the columns come from
 */
public record TrainingData(DescriptorMatrix descriptors, double[] energies, Split split, String dataId, String descriptorSet) {
    public TrainingData {
        Objects.requireNonNull(descriptors);
        Objects.requireNonNull(split);
        if (energies.length != descriptors.configurations())
            throw new IllegalArgumentException(energies.length + " energies for " + descriptors.configurations() + " configurations");
        for (int c = 0; c < energies.length; c++)
            if (!Double.isFinite(energies[c])) throw new IllegalArgumentException("energy of configuration " + c + " is " + energies[c]);
        for (int[] part : new int[][]{split.train(), split.validation()})
            for (int c : part)
                if (c < 0 || c >= energies.length)
                    throw new IllegalArgumentException("split refers to configuration " + c + " of " + energies.length);
        if (split.train().length == 0 || split.validation().length == 0)
            throw new IllegalArgumentException("the split needs training and validation configurations: " + split);
        energies = energies.clone();
        dataId = dataId == null ? "unnamed" : dataId;
        descriptorSet = descriptorSet == null ? "unnamed" : descriptorSet;
    }

    public TrainingData(DescriptorMatrix descriptors, double[] energies, Split split) {
        this(descriptors, energies, split, "unnamed", "unnamed");
    }

    @Override
    public double[] energies() { return energies.clone(); }

    /** The same data restricted to the given feature columns (by index). */
    public TrainingData selectFeatures(int[] columns) {
        return new TrainingData(descriptors.selectFeatures(columns), energies, split, dataId, descriptorSet);
    }
}
