package io.github.hdnnpkit.study.slurm;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The parsing of SLURM's output, with recorded answers of SLURM 22.05 (the real cluster is SlurmClusterTest's). */
class SlurmClientTest {
    private final List<List<String>> calls = new ArrayList<>();

    private SlurmClient answering(Map<String, SlurmClient.Output> byCommand) {
        return new SlurmClient(cmd -> {
            calls.add(cmd);
            SlurmClient.Output o = byCommand.get(cmd.get(0));
            if (o == null) throw new java.io.IOException("Cannot run program \"" + cmd.get(0) + "\"");
            return o;
        });
    }

    @Test
    void sbatchIdsAreParsedWithOrWithoutAClusterName() {
        SlurmClient c = answering(Map.of("sbatch", new SlurmClient.Output(0, "4711;cluster-a\n", "")));
        assertEquals("4711", c.submit(Path.of("/s/job.sbatch"), "2,4%1"));
        assertEquals(List.of("sbatch", "--parsable", "--array=2,4%1", "/s/job.sbatch"), calls.get(0));
        assertEquals("12", answering(Map.of("sbatch", new SlurmClient.Output(0, "12\n", ""))).submit(Path.of("j"), "1-3"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> answering(Map.of("sbatch",
                new SlurmClient.Output(1, "", "sbatch: error: invalid partition specified: gpu\n"))).submit(Path.of("j"), "1"));
        assertTrue(e.getMessage().contains("invalid partition specified: gpu"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> answering(Map.of("sbatch", new SlurmClient.Output(0, "Submitted batch job 3\n", "")))
                .submit(Path.of("j"), "1"));
    }

    @Test
    void taskStatesComeFromSqueueThenSacctOrScontrol() {
        Map<String, SlurmClient.Output> answers = new LinkedHashMap<>();
        answers.put("squeue", new SlurmClient.Output(0, "7_3|RUNNING\n7_4|PENDING\n99_1|RUNNING\n8_2|PENDING\n", ""));
        answers.put("sacct", new SlurmClient.Output(1, "", "Slurm accounting storage is disabled\n"));
        answers.put("scontrol", new SlurmClient.Output(0,
                "JobId=9 ArrayJobId=7 ArrayTaskId=1 ArrayTaskThrottle=0 JobName=hdnnp-t UserId=root(0) JobState=COMPLETED Reason=None\n"
                        + "JobId=10 ArrayJobId=7 ArrayTaskId=2 JobName=hdnnp-t JobState=CANCELLED Reason=None\n"
                        + "JobId=11 ArrayJobId=7 ArrayTaskId=3 JobName=hdnnp-t JobState=RUNNING Reason=None\n", ""));
        Map<String, String> s = answering(answers).taskStates(List.of("7", "8"));
        assertEquals(Map.of("7_3", "RUNNING", "7_4", "PENDING", "8_2", "PENDING", "7_1", "COMPLETED", "7_2", "CANCELLED"), s,
                "other jobs (99) left out; squeue wins over scontrol for a running task");

        answers.put("sacct", new SlurmClient.Output(0, "7_1|COMPLETED\n7_2|CANCELLED by 0\n7_3|RUNNING\n", ""));
        calls.clear();
        Map<String, String> a = answering(answers).taskStates(List.of("7"));
        assertEquals("CANCELLED", a.get("7_2"), "sacct's 'CANCELLED by uid' is the state CANCELLED");
        assertTrue(calls.stream().noneMatch(c -> c.get(0).equals("scontrol")), "no scontrol where sacct answers");
    }

    @Test
    void noControllerIsReportedNotThrown() {
        SlurmClient none = answering(Map.of());
        assertFalse(none.available());
        assertTrue(none.unavailableReason().contains("Cannot run program \"sinfo\""), none.unavailableReason());
        SlurmClient down = answering(Map.of("sinfo", new SlurmClient.Output(1, "", "slurm_load_partitions: Unable to contact slurm controller\n")));
        assertFalse(down.available());
        assertTrue(down.unavailableReason().contains("Unable to contact slurm controller"));
        assertTrue(assertThrows(IllegalStateException.class, () -> none.cancel("3_1")).getMessage().contains("must be on PATH"));
    }

    @Test
    void arraySpecsCompressRuns() {
        assertEquals("1-4", SlurmStudy.arraySpec(List.of(1, 2, 3, 4)));
        assertEquals("2,4", SlurmStudy.arraySpec(List.of(2, 4)));
        assertEquals("1-2,5,7-9", SlurmStudy.arraySpec(List.of(1, 2, 5, 7, 8, 9)));
        assertEquals("3", SlurmStudy.arraySpec(List.of(3)));
    }

    @Test
    void optionsAreValidatedAndBecomeDirectives() {
        SlurmOptions o = new SlurmOptions("short", "1-02:30:00", 4, 2);
        assertEquals(List.of("#SBATCH --partition=short", "#SBATCH --time=1-02:30:00", "#SBATCH --cpus-per-task=4"), o.directives());
        assertEquals(o, SlurmOptions.fromJson(o.toJson()));
        for (String t : new String[]{"30", "30:00", "2:00:00", "1-12", "1-12:00", "UNLIMITED"}) assertEquals(t, SlurmOptions.defaults().withTime(t).time());
        assertThrows(IllegalArgumentException.class, () -> SlurmOptions.defaults().withTime("2h"));
        assertThrows(IllegalArgumentException.class, () -> SlurmOptions.defaults().withPartition("a b"));
        assertThrows(IllegalArgumentException.class, () -> SlurmOptions.defaults().withCpusPerTask(0));
        assertThrows(IllegalArgumentException.class, () -> SlurmOptions.defaults().withArrayParallelism(0));
    }
}
