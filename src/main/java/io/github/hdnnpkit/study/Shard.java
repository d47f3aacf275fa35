package io.github.hdnnpkit.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shard {@code index} of {@code count} of a study ({@code 1 ≤ index ≤ count}, written {@code i/N} as on the command
 * line and in a SLURM array task id). The distinct models of a study ({@link Study#byHash()}, in study order) are
 * dealt round-robin: model {@code j} (from 0) belongs to shard {@code j mod N + 1}. So the split depends only on the
 * study, every model is in exactly one shard, shards differ in size by at most one, and neighbouring models (often
 * the seeds of one subset, of similar cost) land on different shards. A shard trains into the same
 * {@link ResultStore} as the whole study, so a shard that runs twice or is re-queued after a failure trains only what
 * is missing and never writes a model twice.
 *
 * <p>The assignment changes when models are added to or removed from the study: run the shards of one study file,
 * the one staged for the cluster, not of a file edited since.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1) throw new IllegalArgumentException("a study splits into at least 1 shard, got " + count);
        if (index < 1 || index > count)
            throw new IllegalArgumentException("shard " + index + "/" + count + ": the index runs from 1 to " + count);
    }

    /** The whole study as one shard. */
    public static Shard all() { return new Shard(1, 1); }

    /** Parses {@code i/N}, e.g. {@code 2/4}. */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("shard '" + text + "': expected i/N, e.g. 2/4");
        int i, n;
        try {
            i = Integer.parseInt(t.substring(0, slash).trim());
            n = Integer.parseInt(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard '" + text + "': expected i/N with whole numbers, e.g. 2/4");
        }
        return new Shard(i, n);
    }

    /** All {@code n} shards, 1 to n. */
    public static List<Shard> of(int n) {
        List<Shard> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) out.add(new Shard(i, n));
        return out;
    }

    /** The hashes of this shard's models, in study order. */
    public Set<String> hashes(Study study) {
        Set<String> out = new LinkedHashSet<>();
        int j = 0;
        for (String h : study.byHash().keySet()) {
            if (j % count == index - 1) out.add(h);
            j++;
        }
        return out;
    }

    /**
     * This shard's part of the study: every specification whose model is in the shard (two names of one model stay
     * together), under the study's own name, so it uses the study's result store.
     */
    public Study select(Study study) {
        Set<String> mine = hashes(study);
        return new Study(study.name(), study.specs().stream().filter(s -> mine.contains(s.hash())).toList());
    }

    @Override
    public String toString() { return index + "/" + count; }
}
