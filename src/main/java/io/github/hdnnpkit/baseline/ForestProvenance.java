package io.github.hdnnpkit.baseline;

import java.util.List;
import java.util.Map;

/**
 * Where a forest result comes from, enough to reproduce it.
 *
 * @param dataId                   the data set
 * @param descriptorSet            the descriptor set the matrix was computed with
 * @param descriptorIds            descriptor columns given to the forest
 * @param continuousInputs         continuous inputs as Tribuo saw them
 * @param categoricalInputs        categorical groups (one-hot, Tribuo's {@code name@value})
 * @param binsPerInput             quantile bins actually used per continuous input (empty when exact values)
 * @param splitSeed                seed of the shared configuration split
 * @param splitScheme              how the split was drawn ({@link io.github.hdnnpkit.data.Split.Scheme})
 * @param trainConfigurations      configurations in the training part (after any series restriction)
 * @param validationConfigurations configurations in the validation part
 * @param testConfigurations       configurations in the held-out test part
 * @param treeSeeds                the seed of every tree (bootstrap draw and feature draws), derived from the forest seed
 * @param targetOffsets            training mean of each output, subtracted before Tribuo sees the targets (they are
 *                                 stored as float inside Tribuo's trees) and added back to predictions
 * @param trainer                  the Tribuo trainer of each tree, as Tribuo describes it
 * @param versions                 kit, Java and library versions
 * @param created                  ISO-8601 time of the run
 */
public record ForestProvenance(String dataId, String descriptorSet, List<String> descriptorIds,
                               List<String> continuousInputs, List<String> categoricalInputs, List<Integer> binsPerInput,
                               long splitSeed, String splitScheme, int trainConfigurations,
                               int validationConfigurations, int testConfigurations,
                               List<Long> treeSeeds, List<Double> targetOffsets, String trainer,
                               Map<String, String> versions, String created) {
    public ForestProvenance {
        descriptorIds = List.copyOf(descriptorIds);
        continuousInputs = List.copyOf(continuousInputs);
        categoricalInputs = List.copyOf(categoricalInputs);
        binsPerInput = List.copyOf(binsPerInput);
        treeSeeds = List.copyOf(treeSeeds);
        targetOffsets = List.copyOf(targetOffsets);
        versions = Map.copyOf(versions);
    }
}
