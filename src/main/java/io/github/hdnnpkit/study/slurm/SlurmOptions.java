package io.github.hdnnpkit.study.slurm;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a study's job array asks SLURM for. Every array task runs one shard; each shard trains
 * {@code cpusPerTask} models at once, one thread each (the kit's setting: one core per model).
 *
 * @param partition        {@code --partition}, or null for the cluster's default
 * @param time             {@code --time} per shard in sbatch's forms ({@code MM}, {@code HH:MM:SS}, {@code D-HH:MM}, ...), or null
 * @param cpusPerTask      {@code --cpus-per-task}: cores per shard, and models trained at once
 * @param arrayParallelism the {@code %K} of {@code --array}: at most K shards run at once; null for no limit
 */
public record SlurmOptions(String partition, String time, int cpusPerTask, Integer arrayParallelism) {
    private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d+(:\\d+){0,2}|(?i:infinite|unlimited)");
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]+");

    public SlurmOptions {
        if (partition != null && !PARTITION.matcher(partition).matches())
            throw new IllegalArgumentException("partition '" + partition + "': expected a SLURM partition name (letters, digits, _ . , -)");
        if (time != null && !TIME.matcher(time).matches())
            throw new IllegalArgumentException("time '" + time + "': expected minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS");
        if (cpusPerTask < 1) throw new IllegalArgumentException("cpus per task must be ≥ 1, got " + cpusPerTask);
        if (arrayParallelism != null && arrayParallelism < 1)
            throw new IllegalArgumentException("array parallelism must be ≥ 1, got " + arrayParallelism);
    }

    /** The cluster's default partition and time limit, one core per shard, no limit on running shards. */
    public static SlurmOptions defaults() {
        return new SlurmOptions(null, null, 1, null);
    }

    public SlurmOptions withPartition(String p) { return new SlurmOptions(p, time, cpusPerTask, arrayParallelism); }

    public SlurmOptions withTime(String t) { return new SlurmOptions(partition, t, cpusPerTask, arrayParallelism); }

    public SlurmOptions withCpusPerTask(int c) { return new SlurmOptions(partition, time, c, arrayParallelism); }

    public SlurmOptions withArrayParallelism(Integer k) { return new SlurmOptions(partition, time, cpusPerTask, k); }

    /** The {@code #SBATCH} lines these options add to a job script. */
    List<String> directives() {
        List<String> out = new ArrayList<>();
        if (partition != null) out.add("#SBATCH --partition=" + partition);
        if (time != null) out.add("#SBATCH --time=" + time);
        out.add("#SBATCH --cpus-per-task=" + cpusPerTask);
        return out;
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        if (partition != null) o.addProperty("partition", partition);
        if (time != null) o.addProperty("time", time);
        o.addProperty("cpus_per_task", cpusPerTask);
        if (arrayParallelism != null) o.addProperty("array_parallelism", arrayParallelism);
        return o;
    }

    static SlurmOptions fromJson(JsonObject o) {
        return new SlurmOptions(o.has("partition") ? o.get("partition").getAsString() : null, o.has("time") ? o.get("time").getAsString() : null,
                o.get("cpus_per_task").getAsInt(), o.has("array_parallelism") ? o.get("array_parallelism").getAsInt() : null);
    }
}
