package io.github.hdnnpkit.study;

import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCache;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The data a study's models share, loaded once: the full descriptor matrix of the data's descriptor set (every
 * model selects its columns from it, read-only), the configuration energies and series (for splits), and a
 * fingerprint of the configurations so that stored results of other data are recognised as stale.
 *
 * @param functions the symmetry functions behind the columns (null for data given only as a matrix)
 */
public record StudyData(String dataId, String fingerprint, DescriptorMatrix descriptors, double[] energies, String[] series,
                        String descriptorSet, SymmetryFunctionSet functions, Convention convention) {
    public StudyData {
        Objects.requireNonNull(descriptors);
        if (energies.length != descriptors.configurations() || series.length != descriptors.configurations())
            throw new IllegalArgumentException(energies.length + " energies and " + series.length + " series for "
                    + descriptors.configurations() + " configurations");
        energies = energies.clone();
        series = series.clone();
    }

    /** In-memory data (tests, synthetic studies): every configuration in one series unless given. */
    public static StudyData of(String name, DescriptorMatrix descriptors, double[] energies) {
        String[] s = new String[energies.length];
        java.util.Arrays.fill(s, name);
        return new StudyData(DataSpec.MEMORY + name, name + "#" + Integer.toHexString(java.util.Arrays.hashCode(energies)), descriptors,
                energies, s, name, null, Convention.N2P2);
    }

    /** Loads the data set a spec names and its descriptor matrix, through the descriptor cache in {@code cacheDir}. */
    public static StudyData load(DataSpec spec, Path cacheDir, Progress progress, Cancellation cancellation) {
        Dataset ds = dataset(spec);
        SymmetryFunctionSet set = ThesisSets.byName(spec.descriptorSet());
        DescriptorCalculator calc = new DescriptorCalculator(set, spec.convention());
        DescriptorMatrix m = new DescriptorCache(cacheDir).getOrCompute(ds.configurations(), calc, progress, cancellation);
        List<Configuration> cs = ds.configurations();
        double[] e = new double[cs.size()];
        for (int c = 0; c < e.length; c++) {
            if (!cs.get(c).hasEnergy()) throw new IllegalArgumentException("configuration " + cs.get(c).id() + " of " + spec.source() + " has no energy");
            e[c] = cs.get(c).energy();
        }
        String fp = HexFormat.of().formatHex(DescriptorCache.dataFingerprint(cs)).substring(0, 16);
        return new StudyData(ds.source() + (spec.stride() > 1 ? " every " + spec.stride() + "th snapshot" : "") + " (" + cs.size() + " configurations)", fp, m, e, ds.seriesOfConfigurations(), set.name(), set,
                spec.convention());
    }

    /** The configurations a spec names (series left out, stride applied). */
    static Dataset dataset(DataSpec spec) {
        if (spec.inMemory()) throw new IllegalArgumentException("data " + spec.source() + " is in memory: register it with the study runner");
        Dataset ds = switch (spec.source()) {
            case "fixture" -> Dataset.fixture();
            case "generated" -> Dataset.generated();
            default -> Dataset.load(Path.of(spec.source()));
        };
        ds = ds.withoutLabelsPresent(spec.without());
        return spec.stride() > 1 ? ds.everyNthPerLabel(spec.stride()) : ds;
    }

    /** The file in which {@link #load} keeps (or will keep) the descriptor matrix of a spec's data in {@code cacheDir}. */
    static Path descriptorFile(DataSpec spec, Path cacheDir) {
        return new DescriptorCache(cacheDir).fileFor(dataset(spec).configurations(),
                new DescriptorCalculator(ThesisSets.byName(spec.descriptorSet()), spec.convention()));
    }

    @Override public double[] energies() { return energies.clone(); }

    @Override public String[] series() { return series.clone(); }

    /** The training data of one model: its feature columns (copied), the energies and its split. */
    public TrainingData trainingData(ModelSpec spec) {
        List<String> ids = descriptors.featureIds();
        int[] cols = new int[spec.features().size()];
        for (int i = 0; i < cols.length; i++) {
            String id = spec.features().get(i);
            cols[i] = ids.indexOf(id);
            if (cols[i] < 0) throw new IllegalArgumentException("model " + spec.name() + " asks for feature " + id + ", which "
                    + descriptorSet + " does not have (its ids run " + ids.get(0) + " … " + ids.get(ids.size() - 1) + ")");
        }
        boolean all = cols.length == ids.size();
        for (int i = 0; all && i < cols.length; i++) all = cols[i] == i;
        // every column in order: share the matrix (training only reads it) instead of a copy of up to gigabytes
        DescriptorMatrix d = all ? descriptors : descriptors.selectFeatures(cols);
        var split = spec.split().resolve(series);
        SymmetryFunctionSet f = functions == null ? null : functions.select(descriptorSet + "/" + spec.subset(), cols);
        return new TrainingData(d, energies, split, dataId, descriptorSet + "/" + spec.subset(), f, f == null ? null : convention);
    }
}
