package io.github.hdnnpkit.model.forces;

import io.github.hdnnpkit.descriptors.DescriptorDerivatives;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.TargetNormalisation;
import io.github.hdnnpkit.model.optim.ExtendedKalmanFilter;
import io.github.hdnnpkit.model.optim.KalmanFilter;

/**
 * The observations of n2p2's global extended Kalman filter when it trains on energies and forces (Singraber et al.,
 * J. Chem. Theory Comput. 15, 3075 (2019); n2p2's {@code Training::update}). Every observation is one scalar:
 * <ul>
 *   <li>an <b>energy</b> update: ξ = t_c − E_c, h = ∂E_c/∂θ, the configuration's total energy in normalised units
 *       (as the energy-only filter of {@link io.github.hdnnpkit.model.Trainer});</li>
 *   <li>a <b>force</b> update: one Cartesian component F_{a,α} of one atom, ξ = w_F·s·(F^ref − F), h = w_F·s·∂F/∂θ,
 *       with w_F n2p2's {@code force_weight} and s = σ_E/σ_F, which turns the kit's force units (energy scale per Å)
 *       into n2p2's normalised ones (its {@code conv_length} = σ_F/σ_E makes the reference forces unit-variance).</li>
 * </ul>
 * ∂F/∂θ is the derivative of a directional input derivative by the weights: {@link AtomicNetwork}'s second-order
 * pass along u_i = −c ∘ ∂G_i/∂r_{a,α} ({@link DescriptorDerivatives#column}), over the atoms whose descriptors move
 * with atom a only — a force update costs a few dozen atoms' passes and one pass over P, not a configuration's.
 *
 * <p>Not thread-safe; the filter's P update is the part that runs on several threads.
 */
final class KalmanForceUpdates implements AutoCloseable {
    private final ExtendedKalmanFilter filter;
    private final double[] p;
    private final AtomicNetwork network;
    private final Preconditioner preconditioner;
    private final TargetNormalisation normalisation;
    private final double[] factor;
    private final double forceObservationScale;
    private final double[] jacobian;

    /**
     * @param parameters        the trainer's live parameters: updated in place after every observation
     * @param updatesPerEpoch   observations per epoch (energy and force), the N of the filter's q and η schedules
     * @param referenceForceRms σ_F, the RMS of the training split's reference force components (eV/Å)
     */
    KalmanForceUpdates(KalmanFilter settings, Layout layout, double[] parameters, Preconditioner preconditioner,
                       TargetNormalisation normalisation, double forceWeight, double referenceForceRms, int updatesPerEpoch, int threads) {
        this.p = parameters;
        this.filter = new ExtendedKalmanFilter(settings, parameters, updatesPerEpoch, threads);
        this.network = new AtomicNetwork(layout, parameters);
        this.preconditioner = preconditioner;
        this.normalisation = normalisation;
        this.factor = new double[preconditioner.features()];
        for (int f = 0; f < factor.length; f++) factor[f] = preconditioner.isConstant(f) ? 0 : preconditioner.factor(f);
        double sigmaF = referenceForceRms > 0 ? referenceForceRms / normalisation.scale() : 1.0;   // in network units
        this.forceObservationScale = forceWeight / sigmaF;
        this.jacobian = new double[parameters.length];
    }

    /** One energy observation from the configuration's raw descriptors (atom, feature); returns ξ² in network units. */
    double energy(double[] raw, int atoms, double reference) {
        double[] x = ForceField.precondition(preconditioner, raw, atoms);
        AtomicNetwork.Pass pass = network.forward(x, atoms);
        double xi = normalisation.toNetwork(reference, atoms) - pass.energy();
        java.util.Arrays.fill(jacobian, 0.0);
        network.accumulateParameterGradient(pass, 1.0, null, jacobian);
        observe(xi);
        return xi * xi;
    }

    /**
     * One force observation, component {@code axis} of atom {@code atom}, {@code reference} in eV/Å; returns the
     * squared component error in network units (before the scale of the observation).
     */
    double force(DescriptorDerivatives d, int atom, int axis, double reference) {
        Component c = component(d, atom, axis);
        double delta = reference / normalisation.scale() - c.force;
        java.util.Arrays.fill(jacobian, 0.0);
        network.accumulateParameterGradient(c.pass, 0.0, c.tangent, jacobian);
        double s = forceObservationScale;
        for (int k = 0; k < jacobian.length; k++) jacobian[k] *= s;
        observe(s * delta);
        return delta * delta;
    }

    /** The network's force component F_{a,α} in network units followed by its parameter gradient (tests). */
    double[] forceAndGradient(DescriptorDerivatives d, int atom, int axis) {
        Component c = component(d, atom, axis);
        double[] out = new double[p.length + 1];
        double[] grad = new double[p.length];
        network.accumulateParameterGradient(c.pass, 0.0, c.tangent, grad);
        out[0] = c.force;
        System.arraycopy(grad, 0, out, 1, p.length);
        return out;
    }

    /** The forward pass over the atoms that move with r_{a,α}, the tangent u = −c ∘ ∂G/∂r_{a,α}, and F = Σ u·∇_x N. */
    private record Component(AtomicNetwork.Pass pass, double[] tangent, double force) {
    }

    private Component component(DescriptorDerivatives d, int atom, int axis) {
        int nf = factor.length;
        DescriptorDerivatives.Column col = d.column(atom, axis);
        int[] moved = col.atoms();
        int m = moved.length;
        double[] raw = new double[m * nf];
        for (int k = 0; k < m; k++)
            for (int f = 0; f < nf; f++) raw[k * nf + f] = d.value(moved[k], f);
        AtomicNetwork.Pass pass = network.forward(ForceField.precondition(preconditioner, raw, m), m);
        double[] g = network.inputGradient(pass);
        double[] u = col.values();
        double force = 0;
        for (int k = 0; k < m * nf; k++) {
            u[k] *= -factor[k % nf];
            force += u[k] * g[k];
        }
        return new Component(pass, u, force);
    }

    private void observe(double error) {
        filter.update(jacobian, error);
        filter.weightsInto(p);
    }

    double eta() { return filter.eta(); }

    @Override
    public void close() { filter.close(); }
}
