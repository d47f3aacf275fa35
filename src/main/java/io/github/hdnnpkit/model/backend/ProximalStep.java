package io.github.hdnnpkit.model.backend;

/**
 * Something applied to the parameters right after each optimiser step: the proximal operator of a non-smooth
 * penalty (lasso, group lasso, LassoNet's hierarchy), which a gradient step cannot handle because the penalty has
 * no gradient at zero, the very point it is meant to reach.
 */
@FunctionalInterface
public interface ProximalStep {
    /**
     * Changes the parameters in place.
     *
     * @param parameters   the engine's flat parameters in {@link io.github.hdnnpkit.model.Layout}'s order (live, not a copy)
     * @param skip         the engine's skip weights θ (live), or null without a skip term
     * @param learningRate the learning rate of the step just taken (a proximal step scales its threshold by it)
     */
    void apply(float[] parameters, float[] skip, double learningRate);
}
