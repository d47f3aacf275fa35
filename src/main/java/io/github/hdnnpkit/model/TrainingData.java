package io.github.hdnnpkit.model;

import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;

import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.util.Objects;

/**
 * What a training needs: raw descriptors of every configuration, reference energies (eV), the train / validation /
 * test split by configuration, and ids for provenance.
 *
 * @param dataId        identifies the data set (e.g. file name and checksum)
 * @param descriptorSet name of the descriptor set the columns come from
 */
public record TrainingData(DescriptorMatrix descriptors, double[] energies, Split split, String dataId, String descriptorSet,
                           SymmetryFunctionSet functions, Convention convention) {
    public TrainingData {
        Objects.requireNonNull(descriptors);
        Objects.requireNonNull(split);
        if (energies.length != descriptors.configurations())
            throw new IllegalArgumentException(energies.length + " energies for " + descriptors.configurations() + " configurations");
        for (int c = 0; c < energies.length; c++)
            if (!Double.isFinite(energies[c])) throw new IllegalArgumentException("energy of configuration " + c + " is " + energies[c]);
        for (int[] part : new int[][]{split.train(), split.validation(), split.test()})
            for (int c : part)
                if (c < 0 || c >= energies.length)
                    throw new IllegalArgumentException("split refers to configuration " + c + " of " + energies.length);
        // a model is judged on configurations no training decision saw: all three parts are required
        if (split.train().length == 0 || split.validation().length == 0 || split.test().length == 0)
            throw new IllegalArgumentException("the split needs training, validation and test configurations: " + split);
        energies = energies.clone();
        dataId = dataId == null ? "unnamed" : dataId;
        descriptorSet = descriptorSet == null ? (functions != null ? functions.name() : "unnamed") : descriptorSet;
        if (functions != null && convention == null) throw new IllegalArgumentException("symmetry functions need a convention");
    }

    /** Descriptors without known symmetry functions (e.g. read from CSV). */
    public TrainingData(DescriptorMatrix descriptors, double[] energies, Split split, String dataId, String descriptorSet) {
        this(descriptors, energies, split, dataId, descriptorSet, null, null);
    }

    public TrainingData(DescriptorMatrix descriptors, double[] energies, Split split) {
        this(descriptors, energies, split, "unnamed", "unnamed");
    }

    /**
     * The training data of a data set: its descriptors for the given set (computed on all cores, with progress),
     * its reference energies, and its seeded split by configuration.
     */
    public static TrainingData of(Dataset dataset, SymmetryFunctionSet set, Convention convention, Split split, Progress progress) {
        DescriptorMatrix d = new DescriptorCalculator(set, convention).compute(dataset.configurations(), progress, Cancellation.none());
        return of(dataset, d, set, convention, split);
    }

    /** As {@link #of(Dataset, SymmetryFunctionSet, Convention, Split, Progress)} with descriptors already computed (e.g. cached). */
    public static TrainingData of(Dataset dataset, DescriptorMatrix descriptors, SymmetryFunctionSet set, Convention convention, Split split) {
        double[] e = new double[dataset.size()];
        for (int c = 0; c < e.length; c++) {
            Configuration cf = dataset.get(c);
            if (!cf.hasEnergy()) throw new IllegalArgumentException("configuration " + c + " (" + cf.id() + ") has no reference energy");
            e[c] = cf.energy();
        }
        return new TrainingData(descriptors, e, split, dataset.source() + " (" + dataset.size() + " configurations)", set.name(), set, convention);
    }

    @Override
    public double[] energies() { return energies.clone(); }

    /** The same data restricted to the given feature columns (by index). */
    public TrainingData selectFeatures(int[] columns) {
        DescriptorMatrix d = descriptors.selectFeatures(columns);
        return new TrainingData(d, energies, split, dataId, descriptorSet, functions, convention);
    }
}
