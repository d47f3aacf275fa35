package io.github.hdnnpkit.bench;

import io.github.hdnnpkit.descriptors.DescriptorMatrix;
import io.github.hdnnpkit.model.Initialisation;
import io.github.hdnnpkit.model.Layout;
import io.github.hdnnpkit.model.backend.AdamSettings;
import io.github.hdnnpkit.model.backend.Backend;
import io.github.hdnnpkit.model.backend.Engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seconds per training epoch of one back-end (not a unit test; run by {@code src/bench/epoch-benchmark.sh}, one JVM
 * per configuration so peak memory is per run). An epoch = one Adam step per mini-batch of 64 over the training
 * configurations plus the validation forward pass, as in {@code Trainer}. Prints one JSON line.
 *
 * <pre>java ... EpochBenchmark BACKEND INPUTS THREADS [CONFIGS ATOMS EPOCHS DATA_DIR]</pre>
 * Data: uniform random descriptors in [-1, 1] and targets (timing does not depend on the values), generated with a
 * fixed seed and written once as raw float32 to DATA_DIR/x{INPUTS}.f32 so the PyTorch peer reads the same numbers.
 */
public final class EpochBenchmark {
    public static void main(String[] args) throws IOException {
        String backend = args[0];
        int inputs = Integer.parseInt(args[1]), threads = Integer.parseInt(args[2]);
        int configs = args.length > 3 ? Integer.parseInt(args[3]) : 4200;
        int atoms = args.length > 4 ? Integer.parseInt(args[4]) : 256;
        int epochs = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        Path dataDir = Path.of(args.length > 6 ? args[6] : "target/bench");
        int nTrain = Math.round(configs * 0.8f), nVal = configs - nTrain, batch = 64;

        float[] all = data(dataDir, inputs, configs, atoms);
        DescriptorMatrix train = matrix(all, 0, nTrain, atoms, inputs);
        DescriptorMatrix val = matrix(all, nTrain, nVal, atoms, inputs);
        all = null;
        float[] targets = new float[nTrain];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < nTrain; i++) targets[i] = (float) r.nextGaussian();

        Layout layout = Layout.of(inputs, 10, 10);
        List<Double> seconds = new ArrayList<>();
        try (Engine e = Backend.named(backend).open(layout, Initialisation.glorotUniform(layout, 1), AdamSettings.THESIS, threads)) {
            Engine.Prepared pt = e.prepare(train, targets), pv = e.prepare(val, null);
            train = null;
            val = null;
            int[] order = new int[nTrain];
            for (int i = 0; i < nTrain; i++) order[i] = i;
            for (int epoch = 0; epoch <= epochs; epoch++) {       // epoch 0 warms the JIT / ND4J up and is not counted
                long t0 = System.nanoTime();
                for (int from = 0; from < nTrain; from += batch)
                    e.trainStep(pt, Arrays.copyOfRange(order, from, Math.min(nTrain, from + batch)), 1e-3);
                e.energies(pv);
                if (epoch > 0) seconds.add((System.nanoTime() - t0) * 1e-9);
            }
            double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "{\"backend\":\"%s\",\"inputs\":%d,\"threads\":%d,\"configs\":%d,\"atoms\":%d,\"train_configs\":%d,"
                            + "\"median_s_per_epoch\":%.4f,\"min_s\":%.4f,\"max_s\":%.4f,\"peak_rss_mb\":%d,\"heap_max_mb\":%d}%n",
                    e.backendName(), inputs, threads, configs, atoms, nTrain, s[s.length / 2], s[0], s[s.length - 1], peakRssMb(),
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    static DescriptorMatrix matrix(float[] all, int first, int n, int atoms, int inputs) {
        float[] v = Arrays.copyOfRange(all, first * atoms * inputs, (first + n) * atoms * inputs);
        int[] off = new int[n + 1];
        for (int c = 0; c <= n; c++) off[c] = c * atoms;
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < inputs; j++) ids.add("f" + j);
        return new DescriptorMatrix(v, off, ids);
    }

    /** The benchmark data, written once (raw little-endian float32, configs × atoms × inputs). */
    static float[] data(Path dir, int inputs, int configs, int atoms) throws IOException {
        Path f = dir.resolve(String.format(Locale.ROOT, "x%d_%dx%d.f32", inputs, configs, atoms));
        long n = (long) configs * atoms * inputs;
        float[] v = new float[Math.toIntExact(n)];
        if (Files.exists(f) && Files.size(f) == 4 * n) {
            try (FileChannel ch = FileChannel.open(f)) {
                ByteBuffer b = ByteBuffer.allocate(1 << 24).order(ByteOrder.LITTLE_ENDIAN);
                int k = 0;
                while (ch.read(b) > 0 || b.position() > 0) {
                    b.flip();
                    while (b.remaining() >= 4) v[k++] = b.getFloat();
                    b.compact();
                    if (k == v.length) break;
                }
            }
            return v;
        }
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < v.length; i++) v[i] = (float) (2 * r.nextDouble() - 1);
        Files.createDirectories(dir);
        Path tmp = dir.resolve(f.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 24).order(ByteOrder.LITTLE_ENDIAN);
            for (float x : v) {
                if (!b.hasRemaining()) { b.flip(); ch.write(b); b.clear(); }
                b.putFloat(x);
            }
            b.flip();
            ch.write(b);
        }
        Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return v;
    }

    static long peakRssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status")))
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D+", "")) >> 10;
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
