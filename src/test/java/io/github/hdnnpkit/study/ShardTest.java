package io.github.hdnnpkit.study;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ShardTest {
    /** Five distinct models, one of them under two names (same specification, so one hash). */
    private static final Study STUDY = StudyFile.parse(Path.of("five.yaml"), """
            name: five
            data: {source: fixture, descriptor_set: thesis-22}
            hidden: [3]
            training: {max_epochs: 3}
            models:
              - {name: a, features: radial}
              - {name: b, features: angular}
              - {name: c, features: "evenly:5"}
              - {name: a-again, features: radial}
              - {name: d, features: "evenly:8"}
              - {name: e, features: all}
            """);

    private static List<String> names(Study s) { return s.specs().stream().map(ModelSpec::name).toList(); }

    @Test
    void distinctModelsAreDealtRoundRobinInStudyOrder() {
        assertEquals(5, STUDY.byHash().size(), "a and a-again are one model");
        // distinct models in order: a, b, c, d, e -> shard 1 gets the 1st, 3rd, 5th; shard 2 the 2nd and 4th
        assertEquals(List.of("a", "c", "a-again", "e"), names(new Shard(1, 2).select(STUDY)), "both names of model a stay together");
        assertEquals(List.of("b", "d"), names(new Shard(2, 2).select(STUDY)));
        assertEquals(List.of("c"), names(new Shard(3, 5).select(STUDY)));
        assertEquals(names(STUDY), names(Shard.all().select(STUDY)));
        assertEquals("five", new Shard(2, 2).select(STUDY).name(), "a shard keeps the study's name, hence its store");
    }

    @Test
    void everyModelIsInExactlyOneShardForAnyCount() {
        for (int n = 1; n <= 5; n++) {
            Set<String> seen = new HashSet<>();
            List<Integer> sizes = new ArrayList<>();
            for (Shard s : Shard.of(n)) {
                Set<String> h = s.hashes(STUDY);
                sizes.add(h.size());
                for (String x : h) assertTrue(seen.add(x), "model " + x + " in two shards of " + n);
            }
            assertEquals(STUDY.byHash().keySet(), seen, "every model in some shard of " + n);
            assertTrue(sizes.stream().mapToInt(i -> i).max().orElseThrow() - sizes.stream().mapToInt(i -> i).min().orElseThrow() <= 1,
                    "balanced: " + sizes);
        }
    }

    @Test
    void parsesIOverNAndRejectsNonsenseClearly() {
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
        assertEquals("3/7", new Shard(3, 7).toString());
        for (String bad : new String[]{"0/4", "5/4", "2", "a/4", "2/0", "", "1/-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("shard"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4")).getMessage().contains("from 1 to 4"));
    }
}
