package io.github.hdnnpkit.study.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SLURM's client commands, as the kit uses them: {@code sbatch} to submit a job array, {@code squeue} for the tasks
 * still queued or running, {@code sacct} (when the cluster keeps accounting) or else {@code scontrol show job} (for
 * the jobs the controller still remembers) for the tasks that ended, {@code scancel} to stop one. They are found on
 * {@code PATH} and talk to the cluster that {@code SLURM_CONF} (or the system's configuration) names.
 */
public final class SlurmClient {
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern JOB_ID = Pattern.compile("\\d+");
    private static final Pattern TASK = Pattern.compile("(\\d+)_(\\d+)");

    /** What a command printed and returned. */
    public record Output(int exit, String out, String err) {
        boolean ok() { return exit == 0; }
    }

    /** Runs a command (a seam for tests of the parsing without a cluster). */
    @FunctionalInterface
    public interface Shell {
        Output run(List<String> command) throws IOException;
    }

    private final Shell shell;

    public SlurmClient() {
        this(SlurmClient::exec);
    }

    public SlurmClient(Shell shell) {
        this.shell = shell;
    }

    /** True when a SLURM controller answers ({@code sinfo} succeeds). */
    public boolean available() {
        try {
            return shell.run(List.of("sinfo", "-h", "-o", "%P")).ok();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Why no controller answers, for messages: sinfo's error, or that it is not installed. */
    public String unavailableReason() {
        try {
            Output o = shell.run(List.of("sinfo", "-h", "-o", "%P"));
            return o.ok() ? "" : "sinfo failed (exit " + o.exit() + "): " + o.err().strip();
        } catch (IOException | RuntimeException e) {
            return "sinfo cannot be run: " + e.getMessage();
        }
    }

    /** Submits a job script as an array ({@code --array=SPEC}, e.g. {@code 1-4%2} or {@code 3}); returns the job id. */
    public String submit(Path script, String array) {
        Output o = run("sbatch", "--parsable", "--array=" + array, script.toString());
        if (!o.ok()) throw new IllegalStateException("sbatch --array=" + array + " " + script + " failed (exit " + o.exit() + "): " + o.err().strip());
        // --parsable prints "jobid" or "jobid;cluster"
        String id = o.out().strip().split(";", 2)[0];
        if (!JOB_ID.matcher(id).matches()) throw new IllegalStateException("sbatch printed '" + o.out().strip() + "', expected a job id");
        return id;
    }

    /** Cancels a job, or one array task ({@code JOB_TASK}). */
    public void cancel(String id) {
        Output o = run("scancel", id);
        if (!o.ok()) throw new IllegalStateException("scancel " + id + " failed (exit " + o.exit() + "): " + o.err().strip());
    }

    /**
     * The state (e.g. {@code PENDING}, {@code RUNNING}, {@code COMPLETED}, {@code CANCELLED}) of every array task of
     * these jobs that the cluster knows, by {@code JOB_TASK}: squeue first (it is the truth for queued and running
     * tasks), then sacct, then scontrol for the ended tasks. A task the cluster has forgotten is absent.
     */
    public Map<String, String> taskStates(Collection<String> jobIds) {
        Map<String, String> out = new LinkedHashMap<>();
        if (jobIds.isEmpty()) return out;
        String user = System.getProperty("user.name");
        Output q = run("squeue", "-h", "-r", "-u", user, "-o", "%i|%T");
        if (!q.ok()) throw new IllegalStateException("squeue failed (exit " + q.exit() + "): " + q.err().strip());
        parseLines(q.out(), jobIds, out);
        Output a = run("sacct", "-n", "-P", "-X", "-j", String.join(",", jobIds), "-o", "JobID,State");
        if (a.ok()) {
            Map<String, String> ended = new LinkedHashMap<>();
            parseLines(a.out(), jobIds, ended);
            ended.forEach(out::putIfAbsent);
        } else {
            // no accounting (no slurmdbd): the controller still shows ended jobs for MinJobAge
            for (String id : jobIds) {
                Output s = run("scontrol", "-o", "show", "job", id);
                if (s.ok()) parseScontrol(s.out(), out);
            }
        }
        return out;
    }

    /** Lines {@code JOB_TASK|STATE ...} (squeue, sacct) of the given jobs. */
    static void parseLines(String text, Collection<String> jobIds, Map<String, String> into) {
        for (String line : text.split("\\R")) {
            String[] f = line.strip().split("\\|");
            if (f.length < 2) continue;
            Matcher m = TASK.matcher(f[0].strip());
            if (!m.matches() || !jobIds.contains(m.group(1))) continue;
            String state = f[1].strip().split("\\s+")[0];   // sacct: "CANCELLED by 0"
            into.putIfAbsent(m.group(1) + "_" + m.group(2), state);
        }
    }

    /** {@code scontrol -o show job}: one line per array task with ArrayJobId, ArrayTaskId and JobState. */
    static void parseScontrol(String text, Map<String, String> into) {
        for (String line : text.split("\\R")) {
            String job = field(line, "ArrayJobId"), task = field(line, "ArrayTaskId"), state = field(line, "JobState");
            if (job == null || task == null || state == null || !task.matches("\\d+")) continue;
            into.putIfAbsent(job + "_" + task, state);
        }
    }

    private static String field(String line, String key) {
        Matcher m = Pattern.compile("(?:^|\\s)" + key + "=(\\S+)").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private Output run(String... command) {
        try {
            return shell.run(List.of(command));
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " cannot be run (" + e.getMessage() + "): SLURM's client commands must be on PATH", e);
        }
    }

    static Output exec(List<String> command) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not return within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
        return new Output(p.exitValue(), out, err.join());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
