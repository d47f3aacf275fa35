package io.github.hdnnpkit.study;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.notebook.Profile;

import java.util.List;
import java.util.Objects;

/**
 * Which data a model trains on, by name only, so a specification stays serialisable and free of shared state: the
 * data set ({@code fixture}, {@code generated}, a data-set folder, or {@code memory:NAME} for data registered with a
 * {@link StudyRunner} in memory), the series left out, and the descriptor set and convention whose matrix is
 * computed once (and cached) for every model of a study that names the same data.
 *
 * @param source        {@code fixture}, {@code generated}, {@code memory:NAME} or a folder with a {@code manifest.json}
 * @param without       series (config_type) left out, e.g. the thesis's {@code 1000K}
 * @param stride        every {@code stride}-th snapshot of each series (1 = all): a decorrelated reduction for quick runs
 * @param descriptorSet a {@link io.github.hdnnpkit.descriptors.ThesisSets} name whose ids the features refer to
 * @param convention    angular convention of the descriptors
 */
public record DataSpec(String source, List<String> without, int stride, String descriptorSet, Convention convention) {
    public static final String MEMORY = "memory:";

    public DataSpec {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) throw new IllegalArgumentException("data source must not be blank");
        without = List.copyOf(without);
        if (stride < 1) throw new IllegalArgumentException("stride must be ≥ 1, got " + stride);
        Objects.requireNonNull(descriptorSet, "descriptorSet");
        Objects.requireNonNull(convention, "convention");
    }

    /**
     * The thesis's data at the size of the profile (fixture in smoke, the generated set otherwise, 1000 K left out)
     * with the full thesis-329 matrix in the thesis's convention: every chapter-4 subset is a choice of its columns.
     */
    public static DataSpec thesis329(Profile profile) {
        return thesis(profile, "thesis-329");
    }

    /** As {@link #thesis329} with another descriptor set (e.g. {@code thesis-22}). */
    public static DataSpec thesis(Profile profile, String descriptorSet) {
        return new DataSpec(profile == Profile.SMOKE ? "fixture" : "generated", List.of("1000K"), 1, descriptorSet, Convention.THESIS);
    }

    /** Data registered in memory under this name with {@link StudyRunner#register}. */
    public static DataSpec memory(String name, String descriptorSet) {
        return new DataSpec(MEMORY + name, List.of(), 1, descriptorSet, Convention.N2P2);
    }

    public boolean inMemory() { return source.startsWith(MEMORY); }

    /** Every {@code n}-th snapshot of each series. */
    public DataSpec withStride(int n) { return new DataSpec(source, without, n, descriptorSet, convention); }
}
