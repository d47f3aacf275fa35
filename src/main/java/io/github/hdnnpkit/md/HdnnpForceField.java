package io.github.hdnnpkit.md;

import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.forces.EnergyAndForces;
import io.github.hdnnpkit.structure.Configuration;

import java.util.Objects;

/**
 * A trained {@link Hdnnp} as an MD force field: energies and analytic forces from {@link Hdnnp#energyAndForces}
 * (double precision, F = −∂E/∂r). The model must know its symmetry functions ({@link Hdnnp#withDescriptors}).
 */
public final class HdnnpForceField implements ForceField {
    private final Hdnnp model;
    private final io.github.hdnnpkit.model.forces.ForceField compiled;

    public HdnnpForceField(Hdnnp model) {
        this.model = Objects.requireNonNull(model, "model");
        this.compiled = model.forceField();
    }

    public Hdnnp model() { return model; }

    @Override
    public Evaluation evaluate(Configuration configuration) {
        EnergyAndForces ef = compiled.compute(configuration);
        return new Evaluation(ef.energy(), ef.forces());
    }

    @Override
    public String name() {
        return "HDNNP " + model.layout().notation() + " (" + model.descriptorSet() + ")";
    }
}
