package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.descriptors.DescriptorDerivatives;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SetDerivativeEvaluator;
import io.github.hdnnpkit.model.Hdnnp;
import io.github.hdnnpkit.model.TargetNormalisation;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.NeighbourList;

import java.util.Objects;

/**
 * Energies and analytic forces of a trained {@link Hdnnp} straight from positions:
 * <pre>
 *   E = scale · Σ_i N(x_i) + N_atoms · e_ref,     x_{i,f} = s_min + c_f (G_{i,f} − centre_f)
 *   F_j = −∂E/∂r_j = −scale · Σ_i Σ_f (∂N/∂x_{i,f}) · c_f · ∂G_{i,f}/∂r_j
 * </pre>
 * with c_f the preconditioner's factor (0 for a feature constant on the training split, which the model maps to 0)
 * and scale, e_ref the target normalisation. Everything in double precision, including the network (the model's
 * float parameters widened), so energies agree with {@link Hdnnp#predict} (float network) to ~1e-7 relative and the
 * forces are the exact negative gradient of these energies.
 *
 * <p>Thread-safe (scratch per call).
 */
public final class ForceField {
    private final Hdnnp model;
    private final SetDerivativeEvaluator derivatives;
    private final double[] factor;
    private final float[] parameters;

    public ForceField(Hdnnp model) {
        this.model = Objects.requireNonNull(model);
        this.derivatives = new SetDerivativeEvaluator(model.functions().orElseThrow(() -> new IllegalStateException(
                "this potential does not know its symmetry functions; forces need them (Hdnnp.withDescriptors(set, convention))")),
                model.convention().orElseThrow());
        Preconditioner pre = model.preconditioner();
        this.factor = new double[pre.features()];
        for (int f = 0; f < factor.length; f++) factor[f] = pre.isConstant(f) ? 0.0 : pre.factor(f);
        this.parameters = model.parameters();
    }

    public Hdnnp model() { return model; }

    /** The cutoff of the neighbour list the potential needs (Å). */
    public double cutoff() { return derivatives.maxCutoff(); }

    public EnergyAndForces compute(Configuration c) {
        return compute(c, NeighbourList.of(c, derivatives.maxCutoff()));
    }

    /** From a neighbour list of cutoff ≥ {@link #cutoff()} (e.g. one an MD loop keeps). */
    public EnergyAndForces compute(Configuration c, NeighbourList nl) {
        DescriptorDerivatives d = derivatives.evaluate(c, nl);
        int n = c.size(), nf = factor.length;
        double[] x = precondition(model.preconditioner(), d.values(), n);
        AtomicNetwork net = AtomicNetwork.of(model.layout(), parameters);
        AtomicNetwork.Pass pass = net.forward(x, n);
        double[] g = net.inputGradient(pass);
        TargetNormalisation norm = model.normalisation();
        for (int i = 0; i < n; i++)
            for (int f = 0; f < nf; f++) g[i * nf + f] *= norm.scale() * factor[f];
        double[] forces = d.contract(g);
        for (int k = 0; k < forces.length; k++) forces[k] = -forces[k];
        double[] atomic = pass.energies();
        double total = 0;
        for (int i = 0; i < n; i++) {
            atomic[i] = atomic[i] * norm.scale() + norm.referencePerAtom();
            total += atomic[i];
        }
        return new EnergyAndForces(total, forces, atomic);
    }

    /** Preconditions raw (atom, feature) values in place of a copy, in double. */
    static double[] precondition(Preconditioner pre, double[] raw, int atoms) {
        int nf = pre.features();
        double[] x = new double[raw.length];
        for (int i = 0; i < atoms; i++)
            for (int f = 0; f < nf; f++) x[i * nf + f] = pre.apply(f, raw[i * nf + f]);
        return x;
    }
}
