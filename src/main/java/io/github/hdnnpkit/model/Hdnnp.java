package io.github.hdnnpkit.model;

import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.model.backend.AdamSettings;
import io.github.hdnnpkit.model.backend.Engine;
import io.github.hdnnpkit.model.backend.JavaBackend;
import io.github.hdnnpkit.model.forces.EnergyAndForces;
import io.github.hdnnpkit.model.forces.ForceField;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A trained high-dimensional neural network potential (sections 2.3–2.5): one atomic network shared by every atom
 * (all atoms are Al), the configuration energy {@code E_s = Σ_i E_i}. It carries everything needed to predict from raw
 * descriptors: the preconditioning statistics of the training split, the target normalisation, the feature ids it
 * was trained on and the name of the descriptor set they come from. Immutable.
 */
public final class Hdnnp {
    private final Layout layout;
    private final float[] parameters;
    private final Preconditioner preconditioner;
    private final TargetNormalisation normalisation;
    private final String descriptorSet;
    private final String element;
    private final Map<String, String> metadata;
    private final SymmetryFunctionSet functions;   // null when the inputs are not known symmetry functions
    private final Convention convention;
    private volatile ForceField forceField;   // built on first use

    public Hdnnp(Layout layout, float[] parameters, Preconditioner preconditioner, TargetNormalisation normalisation,
                 String descriptorSet, String element, Map<String, String> metadata) {
        this(layout, parameters, preconditioner, normalisation, descriptorSet, element, metadata, null, null);
    }

    /**
     * @param functions  the symmetry functions of the inputs, ids equal to the feature ids in input order (or null)
     * @param convention the angular-sum convention the descriptors were computed with (null with no functions)
     */
    public Hdnnp(Layout layout, float[] parameters, Preconditioner preconditioner, TargetNormalisation normalisation,
                 String descriptorSet, String element, Map<String, String> metadata, SymmetryFunctionSet functions,
                 Convention convention) {
        this.layout = Objects.requireNonNull(layout);
        if (parameters.length != layout.parameterCount())
            throw new IllegalArgumentException(parameters.length + " parameters for layout " + layout + ", expected " + layout.parameterCount());
        if (preconditioner.features() != layout.inputs())
            throw new IllegalArgumentException("preconditioner has " + preconditioner.features() + " features, layout " + layout + " expects " + layout.inputs());
        for (float p : parameters) if (!Float.isFinite(p)) throw new IllegalArgumentException("non-finite network parameter");
        this.parameters = parameters.clone();
        this.preconditioner = preconditioner;
        this.normalisation = Objects.requireNonNull(normalisation);
        this.descriptorSet = descriptorSet == null ? "" : descriptorSet;
        this.element = element == null ? "Al" : element;
        this.metadata = Map.copyOf(new LinkedHashMap<>(metadata));
        if (functions != null) {
            if (!functions.ids().equals(preconditioner.featureIds()))
                throw new IllegalArgumentException("symmetry-function ids do not match the model's features");
            Objects.requireNonNull(convention, "a convention is needed with symmetry functions");
        }
        this.functions = functions;
        this.convention = functions == null ? null : convention;
    }

    /**
     * A copy that knows the symmetry functions behind its features, so it predicts straight from positions and
     * exports to n2p2. The set may hold more functions than the model uses; they are picked by id.
     */
    public Hdnnp withDescriptors(SymmetryFunctionSet set, Convention convention) {
        int[] cols = new int[featureIds().size()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = set.indexOf(featureIds().get(j));
            if (cols[j] < 0) throw new IllegalArgumentException("set " + set.name() + " has no function " + featureIds().get(j));
        }
        return new Hdnnp(layout, parameters, preconditioner, normalisation, descriptorSet, element, metadata, set.select(set.name(), cols),
                convention);
    }

    /** The symmetry functions of the inputs, in input order, when known. */
    public Optional<SymmetryFunctionSet> functions() { return Optional.ofNullable(functions); }

    /** The angular-sum convention of the descriptors, when the functions are known. */
    public Optional<Convention> convention() { return Optional.ofNullable(convention); }

    /** Energies (eV) of configurations straight from their positions: descriptors are computed on the fly. */
    public double[] predict(List<Configuration> configurations) {
        if (functions == null)
            throw new IllegalStateException("this potential does not know its symmetry functions; predict from a descriptor matrix instead");
        return predict(new DescriptorCalculator(functions, convention).compute(configurations));
    }

    /**
     * The energy (eV, double precision) and analytic forces (eV/Å) of one configuration, F = −∂E/∂r (see
     * {@link ForceField}). Needs the symmetry functions ({@link #withDescriptors}).
     */
    public EnergyAndForces energyAndForces(Configuration configuration) {
        return forceField().compute(configuration);
    }

    /** The forces (eV/Å) on every atom, flat (x, y, z per atom, length 3N). */
    public double[] forces(Configuration configuration) {
        return energyAndForces(configuration).forces();
    }

    /** The force field of this potential (compiled descriptor loops, reused by every call). */
    public ForceField forceField() {
        ForceField f = forceField;
        if (f == null) forceField = f = new ForceField(this);
        return f;
    }

    public Layout layout() { return layout; }

    /** A copy of the flat parameters (see {@link Layout} for their order). */
    public float[] parameters() { return parameters.clone(); }

    public Preconditioner preconditioner() { return preconditioner; }

    public TargetNormalisation normalisation() { return normalisation; }

    /** Name of the descriptor set the features come from (e.g. {@code thesis-329}). */
    public String descriptorSet() { return descriptorSet; }

    /** Ids of the input features, in the network's input order. */
    public List<String> featureIds() { return preconditioner.featureIds(); }

    /** The chemical element of the atomic network. */
    public String element() { return element; }

    public Map<String, String> metadata() { return metadata; }

    /** A copy with other metadata (e.g. provenance added after training). */
    public Hdnnp withMetadata(Map<String, String> more) {
        Map<String, String> m = new LinkedHashMap<>(metadata);
        m.putAll(more);
        return new Hdnnp(layout, parameters, preconditioner, normalisation, descriptorSet, element, m, functions, convention);
    }

    /**
     * The energies (eV) of every configuration of a raw (not preconditioned) descriptor matrix. The matrix may hold
     * more columns than the model uses; they are picked by feature id.
     */
    public double[] predict(DescriptorMatrix raw) {
        DescriptorMatrix x = preconditioner.apply(columnsFor(raw));
        try (Engine e = JavaBackend.best().open(layout, parameters, AdamSettings.THESIS, 1)) {
            double[] s = e.energies(e.prepare(x, null));
            for (int c = 0; c < s.length; c++) s[c] = normalisation.toEnergy(s[c], raw.atomsIn(c));
            return s;
        }
    }

    /** The model's own columns of {@code raw}, by id (the same matrix if it already matches). */
    public DescriptorMatrix columnsFor(DescriptorMatrix raw) {
        List<String> ids = featureIds();
        if (raw.featureIds().equals(ids)) return raw;
        int[] cols = new int[ids.size()];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < cols.length; j++) {
            cols[j] = raw.indexOf(ids.get(j));
            if (cols[j] < 0) missing.add(ids.get(j));
        }
        if (!missing.isEmpty())
            throw new IllegalArgumentException("the descriptors lack " + missing.size() + " feature(s) the model needs, e.g. " + missing.get(0)
                    + " (model trained on " + descriptorSet + ")");
        return raw.selectFeatures(cols);
    }

    /**
     * Euclidean norm of the first-layer weights leaving each input feature, {@code ||W1[:, j]||}: a feature whose
     * weights are all small barely influences the network (used by the weight-based selection of chapter 4).
     * Inputs are preconditioned, so the norms are comparable between features.
     */
    public double[] firstLayerWeightNorms() {
        int nin = layout.inputs(), nout = layout.size(1), wo = layout.weightOffset(1);
        double[] norms = new double[nin];
        for (int o = 0; o < nout; o++)
            for (int i = 0; i < nin; i++) {
                double w = parameters[wo + o * nin + i];
                norms[i] += w * w;
            }
        for (int i = 0; i < nin; i++) norms[i] = Math.sqrt(norms[i]);
        return norms;
    }

    /** First-layer weight norms by feature id, in input order. */
    public Map<String, Double> featureWeightNorms() {
        double[] n = firstLayerWeightNorms();
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < n.length; i++) m.put(featureIds().get(i), n[i]);
        return m;
    }

    /** Saves to a self-describing folder (see {@link PotentialStore}). */
    public Path save(Path folder) throws IOException {
        return PotentialStore.save(this, folder);
    }

    public static Hdnnp load(Path folder) throws IOException {
        return PotentialStore.load(folder);
    }

    @Override
    public String toString() {
        return "Hdnnp[" + element + ", " + layout + ", " + descriptorSet + ", " + preconditioner.method().thesisName() + "]";
    }
}
