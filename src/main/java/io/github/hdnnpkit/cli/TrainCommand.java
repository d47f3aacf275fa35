package io.github.hdnnpkit.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.data.Split;
import io.github.hdnnpkit.descriptors.Convention;
import io.github.hdnnpkit.descriptors.DescriptorCache;
import io.github.hdnnpkit.descriptors.DescriptorCalculator;
import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.descriptors.Preconditioner;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.io.StructureFiles;
import io.github.hdnnpkit.model.Activation;
import io.github.hdnnpkit.model.EarlyStopping;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.PotentialStore;
import io.github.hdnnpkit.model.LearningRateSchedule;
import io.github.hdnnpkit.model.Trainer;
import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.model.TrainingData;
import io.github.hdnnpkit.model.TrainingResult;
import io.github.hdnnpkit.model.n2p2.N2p2Export;
import io.github.hdnnpkit.model.optim.KalmanFilter;
import io.github.hdnnpkit.model.forces.ForceMetrics;
import io.github.hdnnpkit.model.forces.ForceTrainer;
import io.github.hdnnpkit.model.forces.ForceTrainingOptions;
import io.github.hdnnpkit.model.forces.ForceTrainingResult;
import io.github.hdnnpkit.model.optim.LevenbergMarquardt;
import io.github.hdnnpkit.model.optim.Optimiser;
import io.github.hdnnpkit.structure.Configuration;
import io.github.hdnnpkit.structure.ConfigurationException;
import io.github.hdnnpkit.util.Cancellation;
import io.github.hdnnpkit.util.Progress;
import io.github.hdnnpkit.util.StagedOutputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hdnnp train}: trains an HDNNP on a data set (a generated data-set folder or a structure file with reference
 * energies) and prints a JSON summary on stdout: best and last epochs, the train, validation and test errors (losses
 * as Keras's MSE in eV² per configuration and per atom, RMSE/MAE in meV/atom), the split and the provenance.
 *
 * <p>{@code --split} chooses how the configurations are divided: {@code random} (the default, {@link Split#thesis}
 * for the default fraction and seed), {@code blocks:N} (contiguous blocks of N snapshots of every series) or
 * {@code series:A,B} (whole series held out for testing). The validation part chooses the best epoch, so the test
 * part is the one that judges the model.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a high-dimensional neural network potential and print a JSON summary.")
public final class TrainCommand implements Callable<Integer>, Subcommand {
    @Option(names = "--data", required = true, paramLabel = "DIR_OR_FILE",
            description = "A data-set folder (manifest.json, as made by `hdnnp generate`) or a structure file: " + StructureFiles.SUPPORTED + ".")
    Path data;

    @Option(names = "--set", required = true, paramLabel = "NAME_OR_INPUT_NN", description = "Symmetry-function set: a named set (thesis-329, thesis-22, thesis-57A...) or an n2p2 input.nn.")
    String set;

    @Option(names = "--features", paramLabel = "IDS|evenly:K", description = "Subset of the set: comma-separated ids (G2_001,...) or evenly:K (K evenly spaced functions, section 4.2).")
    String features;

    @Option(names = "--convention", defaultValue = "n2p2", paramLabel = "n2p2|thesis", description = "Angular sums over j<k (n2p2, default) or all j≠k (thesis).")
    String convention;

    @Option(names = "--layout", required = true, paramLabel = "57-10-10-1", description = "Network in the thesis's notation; the first number must equal the number of features.")
    String layout;

    @Option(names = "--activation", defaultValue = "tanh", description = "Hidden activation: tanh, sigmoid, relu, leakyrelu, softplus.")
    String activation;

    @Option(names = "--seed", defaultValue = "101", description = "Seed of the initial weights and the shuffling.")
    long seed;

    @Option(names = "--split", defaultValue = "random", paramLabel = "random|blocks:N|series:A,B",
            description = "How configurations are split into train, validation and test. random (default): 10 %% test, then "
                    + "--train-fraction of the rest to training; blocks:N: each series (in file order, i.e. time order) cut into "
                    + "blocks of N snapshots, 10 %% of the blocks to test and the rest as random, block by block; series:A,B: the "
                    + "named series (config_type labels, e.g. 950K,500K) are the test part, the rest as random.")
    String splitSpec;

    @Option(names = "--split-seed", defaultValue = "101", description = "Seed of the split, its test part included (thesis: 101).")
    long splitSeed;

    @Option(names = "--train-fraction", defaultValue = "0.8",
            description = "Share of the non-test configurations that train; the others validate (thesis: 0.8).")
    double trainFraction;

    @Option(names = "--epochs", defaultValue = "1000", description = "Maximum number of epochs.")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "Configurations per mini-batch.")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam's initial learning rate.")
    double lr;

    @Option(names = "--schedule", defaultValue = "constant", description = "constant, step[:drop_rate[:epochs_drop[:min]]] or exp[:k_exp].")
    String schedule;

    @Option(names = "--patience", defaultValue = "50", description = "Early-stopping patience in epochs (0: off).")
    int patience;

    @Option(names = "--min-delta", defaultValue = "1e-5", description = "Early-stopping min_delta (eV² per configuration).")
    double minDelta;

    @Option(names = "--preconditioning", defaultValue = "scale", description = "scale, shift, stand, 'scale and shift' or none.")
    String preconditioning;

    @Option(names = "--no-normalise", description = "Train on raw energies instead of normalised ones.")
    boolean noNormalise;

    @Option(names = "--no-shuffle", description = "Keep the batch order fixed.")
    boolean noShuffle;

    @Option(names = "--backend", defaultValue = "java", description = "java (vectorised), java-scalar or dl4j.")
    String backend;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "adam|ekf|lm",
            description = "adam (the thesis's; --lr, --batch, --schedule), ekf (n2p2's global extended Kalman filter, one update per "
                    + "configuration) or lm (Levenberg-Marquardt on the whole training split, one step per epoch).")
    String optimizer;

    @Option(names = "--kalman", split = ",", paramLabel = "KEY=VALUE",
            description = "EKF parameters other than n2p2's defaults: epsilon=0.01, q0=0.01, q_tau=2.302, q_min=1e-6, eta0=0.01, "
                    + "eta_tau=2.302, eta_max=1 (taus in e-folds per epoch), e.g. --kalman q0=0.001,eta_max=0.5.")
    java.util.Map<String, Double> kalman;

    @Option(names = "--lm-damping", paramLabel = "LAMBDA", description = "Levenberg-Marquardt's initial damping (default 0.01).")
    Double lmDamping;

    @Option(names = "--force-weight", paramLabel = "W",
            description = "Train on energies and forces (n2p2's force_weight; the data need reference forces): with adam the loss "
                    + "(dE/N)^2 + W*mean(dF^2), with ekf n2p2's force-component updates scaled by W. The epoch with the lowest "
                    + "validation loss is kept; --schedule, --patience, --checkpoint, --cache and --result do not apply.")
    Double forceWeight;

    @Option(names = "--force-energy-ratio", paramLabel = "R",
            description = "With --force-weight and --optimizer ekf: force updates per energy update (n2p2's force_energy_ratio, default 3).")
    Double forceEnergyRatio;

    @Option(names = "--threads", defaultValue = "1", description = "Threads for this model.")
    int threads;

    @Option(names = "--time-budget", paramLabel = "MINUTES", description = "Stop after this time and keep the best model so far.")
    Double budgetMinutes;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Checkpoint folder; a run with the same folder resumes.")
    Path checkpoint;

    @Option(names = "--checkpoint-every", defaultValue = "50", description = "Epochs between checkpoints.")
    int checkpointEvery;

    @Option(names = "--cache", paramLabel = "DIR", description = "Descriptor cache folder.")
    Path cache;

    @Option(names = "--out", paramLabel = "DIR", description = "Save the trained potential to this folder.")
    Path out;

    @Option(names = "--result", paramLabel = "FILE.json", description = "Write the full result (history, predictions) as JSON.")
    Path result;

    @Option(names = "--export-n2p2", paramLabel = "DIR", description = "Also write the potential in n2p2's format.")
    Path n2p2;

    @Option(names = "--without", split = ",", defaultValue = "1000K",
            description = "Series left out of a data-set folder (the thesis dropped 1000K; give --without= to keep all).")
    java.util.List<String> without;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Mixin
    StructureInput input = new StructureInput();

    @Override
    public Integer call() throws IOException {
        try {
            return run();
        } catch (ConfigurationException e) {
            // the configuration knows its id, not its file
            System.err.println("hdnnp train: " + data + ": " + e.getMessage());
            return 2;
        } catch (io.github.hdnnpkit.io.InputFormatException | java.nio.file.NoSuchFileException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("hdnnp train: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file: " : "") + e.getMessage());
            return 2;
        }
    }

    private int run() throws IOException {
        checkOutputTargets();
        SplitSpec how = SplitSpec.parse(splitSpec);
        Optimiser opt = optimiser();          // parsed before any work, like the split
        io.github.hdnnpkit.model.backend.BackendType.parse(backend);
        SymmetryFunctionSet functions = DescriptorsCommand.resolveSet(set);
        functions = selectFeatures(functions, features);
        Convention conv = Convention.parse(convention);
        Layout l = Layout.parse(layout, Activation.parse(activation));
        if (l.inputs() != functions.size())
            throw new IllegalArgumentException("layout " + layout + " has " + l.inputs() + " inputs but " + functions.size() + " features are selected");
        List<Configuration> configurations;
        String dataId;
        if (Files.isDirectory(data)) {
            Dataset all = Dataset.load(data), ds = all.withoutLabelsPresent(without);
            configurations = ds.configurations();
            dataId = ds.source() + (ds == all ? "" : " without " + String.join(",", without));
        } else {
            configurations = input.read(data);
            dataId = data.toAbsolutePath().toString();
        }
        dataId += " (" + configurations.size() + " configurations)";
        double[] e = new double[configurations.size()];
        for (int c = 0; c < e.length; c++) {
            if (!configurations.get(c).hasEnergy())
                throw new IllegalArgumentException("configuration " + c + " (" + configurations.get(c).id() + ") in " + data + " has no reference energy");
            e[c] = configurations.get(c).energy();
        }
        Split split = how.split(configurations, data, trainFraction, splitSeed);   // before the descriptors: bad labels or a bad split cost nothing
        Progress progress = quiet ? Progress.NONE : new io.github.hdnnpkit.util.ConsoleProgress(System.err);
        if (forceWeight != null) return trainWithForces(opt, l, configurations, split, functions, conv, dataId, how, progress);
        if (forceEnergyRatio != null) throw new IllegalArgumentException("--force-energy-ratio needs --force-weight");
        DescriptorCalculator calc = new DescriptorCalculator(functions, conv);
        DescriptorMatrix d = cache != null ? new DescriptorCache(cache).getOrCompute(configurations, calc, progress, Cancellation.none())
                : calc.compute(configurations, progress, Cancellation.none());
        TrainingData td = new TrainingData(d, e, split, dataId, functions.name(), functions, conv);
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(epochs).withBatchSize(batch).withLearningRate(lr)
                .withSchedule(LearningRateSchedule.parse(schedule)).withEarlyStopping(new EarlyStopping(minDelta, patience, true))
                .withPreconditioning(Preconditioner.Method.parse(preconditioning)).withNormaliseTargets(!noNormalise)
                .withShuffle(!noShuffle).withSeed(seed).withBackend(backend).withThreads(threads).withOptimiser(opt);
        Trainer trainer = new Trainer(cfg).progress(progress);
        if (budgetMinutes != null) trainer.cancellation(Cancellation.withBudget(Duration.ofMillis((long) (budgetMinutes * 60_000))));
        if (checkpoint != null) trainer.checkpoints(checkpoint, checkpointEvery);
        TrainingResult r = trainer.train(l, td);
        JsonObject splitJson = splitJson(how, split);
        JsonObject summary = r.summaryJson();
        summary.add("split", splitJson);
        writeOutputs(r, summary, splitJson);
        System.out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(summary));
        return 0;
    }

    /** {@code --force-weight}: {@link ForceTrainer} with Adam or the Kalman filter; the summary adds test energy and force errors. */
    private int trainWithForces(Optimiser opt, Layout l, List<Configuration> configurations, Split split, SymmetryFunctionSet functions,
                                Convention conv, String dataId, SplitSpec how, Progress progress) throws IOException {
        notWithForces("--checkpoint", checkpoint);
        notWithForces("--cache", cache);
        notWithForces("--result", result);
        notWithForces("--time-budget", budgetMinutes);
        if (!backend.equals("java")) throw new IllegalArgumentException("force training runs on the java back-end only, not " + backend);
        if (forceEnergyRatio != null && !(opt instanceof KalmanFilter))
            throw new IllegalArgumentException("--force-energy-ratio sets the ekf optimiser's force updates, but --optimizer is " + opt.name());
        ForceTrainingOptions o = (opt instanceof KalmanFilter ? ForceTrainingOptions.kalman() : ForceTrainingOptions.defaults())
                .withOptimiser(opt).withEpochs(epochs).withBatchSize(batch).withLearningRate(lr).withForceWeight(forceWeight)
                .withPreconditioning(Preconditioner.Method.parse(preconditioning)).withSeed(seed).withThreads(threads);
        if (forceEnergyRatio != null) o = o.withForceEnergyRatio(forceEnergyRatio);
        ForceTrainingResult r = new ForceTrainer(o).progress(progress).train(l, configurations, split, functions, conv);
        ForceMetrics test = ForceMetrics.of(r.potential(), configurations, split.test());
        JsonObject summary = new JsonObject();
        summary.addProperty("layout", l.notation());
        summary.addProperty("descriptor_set", functions.name());
        summary.addProperty("data", dataId);
        summary.addProperty("best_epoch", r.bestEpoch());
        summary.addProperty("seconds", r.seconds());
        for (var part : java.util.Map.of("validation", r.validation(), "test", test).entrySet()) {
            JsonObject m = new JsonObject();
            m.addProperty("configurations", part.getValue().configurations());
            m.addProperty("energy_rmse_meV_per_atom", part.getValue().energyRmseMeVPerAtom());
            m.addProperty("energy_mae_meV_per_atom", part.getValue().energyMaeMeVPerAtom());
            m.addProperty("force_rmse_eV_per_A", part.getValue().forceRmse());
            summary.add(part.getKey(), m);
        }
        JsonObject settings = new JsonObject();
        o.asMetadata().forEach(settings::addProperty);
        summary.add("force_training", settings);
        summary.add("split", splitJson(how, split));
        try (StagedOutputs staged = new StagedOutputs()) {
            if (out != null) {
                r.potential().save(staged.stage(out));
                summary.addProperty("potential", out.toAbsolutePath().normalize().toString());
            }
            if (n2p2 != null) {
                N2p2Export.write(r.potential(), staged.stage(n2p2));
                summary.addProperty("n2p2", n2p2.toAbsolutePath().normalize().toString());
            }
            staged.commit();
        }
        System.out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(summary));
        return 0;
    }

    private static void notWithForces(String option, Object value) {
        if (value != null) throw new IllegalArgumentException(option + " does not apply to force training (--force-weight)");
    }

    /** {@code --optimizer} with {@code --kalman} / {@code --lm-damping}; parameters of another optimiser are an error. */
    Optimiser optimiser() {
        Optimiser o = Optimiser.parse(optimizer);
        if (kalman != null && !kalman.isEmpty() && !(o instanceof KalmanFilter))
            throw new IllegalArgumentException("--kalman sets the ekf optimiser's parameters, but --optimizer is " + o.name());
        if (lmDamping != null && !(o instanceof LevenbergMarquardt))
            throw new IllegalArgumentException("--lm-damping sets the lm optimiser's damping, but --optimizer is " + o.name());
        if (o instanceof KalmanFilter k && kalman != null) {
            for (String key : kalman.keySet())
                if (!k.parameters().containsKey(key))
                    throw new IllegalArgumentException("--kalman " + key + ": unknown parameter; expected one of " + k.parameters().keySet());
            java.util.function.BiFunction<String, Double, Double> v = (key, d) -> kalman.getOrDefault(key, d);
            o = new KalmanFilter(v.apply("epsilon", k.epsilon()), v.apply("q0", k.q0()), v.apply("q_tau", k.qTau()), v.apply("q_min", k.qMin()),
                    v.apply("eta0", k.eta0()), v.apply("eta_tau", k.etaTau()), v.apply("eta_max", k.etaMax()));
        }
        if (o instanceof LevenbergMarquardt l && lmDamping != null) o = l.withDamping(lmDamping);
        return o;
    }

    /**
     * Potential, result JSON and n2p2 export, all or nothing: each is written under a temporary name next to its
     * target and all are moved into place only once every one was written, so a failing export leaves neither a
     * partial new output nor a damaged old one.
     */
    private void writeOutputs(TrainingResult r, JsonObject summary, JsonObject splitJson) throws IOException {
        try (StagedOutputs staged = new StagedOutputs()) {
            if (out != null) {
                r.potential().save(staged.stage(out));
                summary.addProperty("potential", out.toAbsolutePath().normalize().toString());
            }
            if (result != null) {
                JsonObject full = r.toJsonObject();
                full.add("split", splitJson);
                Files.writeString(staged.stage(result), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(full),
                        java.nio.charset.StandardCharsets.UTF_8);
                summary.addProperty("result", result.toAbsolutePath().normalize().toString());
            }
            if (n2p2 != null) {
                N2p2Export.write(r.potential(), staged.stage(n2p2));
                summary.addProperty("n2p2", n2p2.toAbsolutePath().normalize().toString());
            }
            staged.commit();
        }
    }

    /**
     * Before any work: the output folders are replaced whole, so an existing one must hold nothing but what it will be
     * replaced by (a saved potential, an n2p2 export) — never a user's other files.
     */
    private void checkOutputTargets() throws IOException {
        if (out != null) requireReplaceable(out, "--out", n -> n.equals(PotentialStore.JSON) || n.equals(PotentialStore.WEIGHTS)
                || n.equals(PotentialStore.FUNCTIONS));
        if (n2p2 != null) requireReplaceable(n2p2, "--export-n2p2", n -> n.equals("input.nn") || n.equals("scaling.data")
                || n.matches("weights\\.\\d{3}\\.data"));
        if (result != null && Files.isDirectory(result)) throw new IllegalArgumentException("--result " + result + " is a folder, expected a JSON file");
    }

    private static void requireReplaceable(Path dir, String option, java.util.function.Predicate<String> ours) throws IOException {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(option + " " + dir + " is a file, expected a folder");
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            List<String> foreign = s.map(p -> p.getFileName().toString()).filter(ours.negate()).sorted().toList();
            if (!foreign.isEmpty())
                throw new IllegalArgumentException(option + " " + dir + " holds other files (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                        + (foreign.size() > 5 ? ", ..." : "") + "); it would be replaced whole: give a new or empty folder");
        }
    }

    /** The split as the summary reports it: the option as given, the scheme, the seed and the size of each part. */
    private static JsonObject splitJson(SplitSpec spec, Split split) {
        JsonObject o = new JsonObject();
        o.addProperty("spec", spec.text());
        o.addProperty("scheme", split.scheme().name().toLowerCase(java.util.Locale.ROOT));
        o.addProperty("seed", split.seed());
        o.addProperty("train_configurations", split.train().length);
        o.addProperty("validation_configurations", split.validation().length);
        o.addProperty("test_configurations", split.test().length);
        if (!spec.testSeries().isEmpty()) {
            com.google.gson.JsonArray a = new com.google.gson.JsonArray();
            spec.testSeries().forEach(a::add);
            o.add("test_series", a);
        }
        if (spec.blockLength() > 0) o.addProperty("block_length", spec.blockLength());
        return o;
    }

    /**
     * A parsed {@code --split}: {@code random}, {@code blocks:N} ({@code blockLength} N) or {@code series:A,B}
     * ({@code testSeries}). Parsed before any work, so a typo costs no descriptor computation.
     */
    record SplitSpec(String text, int blockLength, List<String> testSeries) {
        static SplitSpec parse(String spec) {
            String t = spec == null ? "" : spec.trim();
            String lower = t.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("random")) return new SplitSpec(t, 0, List.of());
            if (lower.startsWith("blocks:")) {
                String n = t.substring("blocks:".length()).trim();
                int length;
                try {
                    length = Integer.parseInt(n);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--split " + t + ": expected blocks:N with N a whole number of snapshots, e.g. blocks:20");
                }
                if (length < 1) throw new IllegalArgumentException("--split " + t + ": the block length must be at least 1 snapshot");
                return new SplitSpec(t, length, List.of());
            }
            if (lower.startsWith("series:")) {
                List<String> names = java.util.Arrays.stream(t.substring("series:".length()).split(",")).map(String::trim).toList();
                if (names.isEmpty() || names.stream().anyMatch(String::isEmpty))
                    throw new IllegalArgumentException("--split " + t + ": expected series:A,B with the test series' names, e.g. series:950K,500K");
                return new SplitSpec(t, 0, names);
            }
            throw new IllegalArgumentException("--split '" + t + "': expected random, blocks:N or series:A,B");
        }

        /** The split of these configurations ({@code source} names them in messages). */
        Split split(List<Configuration> configurations, Path source, double trainFraction, long seed) {
            if (blockLength == 0 && testSeries.isEmpty()) return Split.byConfiguration(configurations.size(), trainFraction, seed);
            String[] series = new String[configurations.size()];
            for (int c = 0; c < series.length; c++) {
                series[c] = configurations.get(c).labels().get("config_type");
                if (series[c] == null)
                    throw new IllegalArgumentException("--split " + text + " needs the series of every configuration, but configuration " + c
                            + " (" + configurations.get(c).id() + ") in " + source + " has no config_type label");
            }
            return blockLength > 0 ? Split.byTimeBlocks(series, blockLength, Split.DEFAULT_TEST_FRACTION, trainFraction, seed)
                    : Split.bySeries(series, testSeries, trainFraction, seed);
        }
    }

    /** The subset named by {@code --features}: comma-separated ids, or {@code evenly:K}. */
    static SymmetryFunctionSet selectFeatures(SymmetryFunctionSet set, String spec) {
        if (spec == null || spec.isBlank()) return set;
        if (spec.startsWith("evenly:")) {
            int k = Integer.parseInt(spec.substring("evenly:".length()).trim());
            return set.select(set.name() + "-evenly" + k, SymmetryFunctionSet.evenlySpacedColumns(set.size(), k));
        }
        String[] ids = spec.split(",");
        int[] cols = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            cols[i] = set.indexOf(ids[i].trim());
            if (cols[i] < 0) throw new IllegalArgumentException("set " + set.name() + " has no function '" + ids[i].trim() + "'");
        }
        return set.select(set.name() + "-" + ids.length, cols);
    }
}
