package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.descriptors.DescriptorDerivatives;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TargetNormalisation;
import io.github.hdnnpkit.structure.Configuration;

/**
 * The loss of one configuration and its gradient with respect to the network parameters, in the network's units
 * (energies t = (E − N e_ref)/scale, forces F/scale per Å):
 * <pre>
 *   L_c = (Δt_c / N_c)²  +  w_F · (1/3N_c) Σ_a |ΔF_a|²
 * </pre>
 * — the squared energy error per atom plus {@code force_weight} times the mean squared force component error, the
 * two quantities n2p2 weighs against each other. Its gradient: the energy term is ordinary back-propagation; the
 * force term, since F_a = −Σ_i (∇_x N_i)·(c ∘ ∂G_i/∂r_a), is −∂/∂θ Σ_i u_i·∇_x N_i with u_i = c ∘ Σ_a ΔF_a·∂G_i/∂r_a
 * held fixed: a directional input derivative differentiated by the weights ({@link AtomicNetwork}'s second-order
 * pass).
 */
final class ForceLoss {
    /** The two terms of one configuration's loss (unweighted force term: the mean squared component error). */
    record Terms(double energy, double force) {
    }

    private final AtomicNetwork network;
    private final Preconditioner preconditioner;
    private final TargetNormalisation normalisation;
    private final double[] factor;
    private final double forceWeight;

    ForceLoss(Layout layout, double[] parameters, Preconditioner preconditioner, TargetNormalisation normalisation, double forceWeight) {
        this.network = new AtomicNetwork(layout, parameters);
        this.preconditioner = preconditioner;
        this.normalisation = normalisation;
        this.forceWeight = forceWeight;
        this.factor = new double[preconditioner.features()];
        for (int f = 0; f < factor.length; f++) factor[f] = preconditioner.isConstant(f) ? 0 : preconditioner.factor(f);
    }

    /**
     * Adds {@code weight · ∂L_c/∂θ} to {@code gradient} and returns the terms. {@code d} may be null when the force
     * weight is 0 and {@code raw} holds the descriptor values (atom, feature).
     */
    Terms accumulate(Configuration c, DescriptorDerivatives d, double[] raw, double weight, double[] gradient) {
        int n = c.size(), nf = factor.length;
        double[] x = ForceField.precondition(preconditioner, d != null ? d.values() : raw, n);
        AtomicNetwork.Pass pass = network.forward(x, n);
        double dt = pass.energy() - normalisation.toNetwork(c.energy(), n);
        double energyTerm = dt * dt / ((double) n * n);
        double alpha = weight * 2 * dt / ((double) n * n);
        if (forceWeight == 0 || d == null) {
            network.accumulateParameterGradient(pass, alpha, null, gradient);
            return new Terms(energyTerm, Double.NaN);
        }
        double[] g = network.inputGradient(pass);
        for (int i = 0; i < n; i++)
            for (int f = 0; f < nf; f++) g[i * nf + f] *= factor[f];
        double[] f = d.contract(g);          // −F in network units
        double[] ref = c.forces();
        double ss = 0, inv = 1.0 / normalisation.scale();
        double[] delta = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            delta[k] = -f[k] - ref[k] * inv;
            ss += delta[k] * delta[k];
        }
        double forceTerm = ss / f.length;
        double[] u = d.project(delta);
        double s = -weight * forceWeight * 2.0 / f.length;
        for (int i = 0; i < n; i++)
            for (int q = 0; q < nf; q++) u[i * nf + q] *= s * factor[q];
        network.accumulateParameterGradient(pass, alpha, u, gradient);
        return new Terms(energyTerm, forceTerm);
    }

    double loss(Terms t) {
        return t.energy() + (forceWeight == 0 ? 0 : forceWeight * t.force());
    }
}
