package io.github.hdnnpkit.model.optim;

import java.util.Map;

/**
 * Adam on mini-batches (section 2.4.1), the thesis's optimiser. Its learning rate, schedule, batch size and β1, β2, ε
 * are {@link io.github.hdnnpkit.model.TrainingConfig}'s {@code learningRate}, {@code schedule}, {@code batchSize} and
 * {@code adam}: every study and notebook of the thesis sets them there, and a specification with Adam hashes as it did
 * before optimisers were types.
 */
public record Adam() implements Optimiser {
    public static final Adam INSTANCE = new Adam();

    @Override
    public String name() { return "adam"; }

    @Override
    public Map<String, Object> parameters() { return Map.of(); }
}
