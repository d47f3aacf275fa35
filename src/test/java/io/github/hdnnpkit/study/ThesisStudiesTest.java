package io.github.hdnnpkit.study;

import io.github.hdnnpkit.model.TrainingConfig;
import io.github.hdnnpkit.notebook.Profile;
import io.github.hdnnpkit.thesis.PublishedResults;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ThesisStudiesTest {
    static final ModelSpec.Template T = ModelSpec.Template.thesis(DataSpec.thesis329(Profile.SMOKE), TrainingConfig.defaults());

    @Test
    void groupsAreTheThesisCounts() {
        Study s = ThesisStudies.groups(T);
        assertEquals(List.of(201, 68, 60, 269, 329), s.specs().stream().map(m -> m.features().size()).toList());
        assertEquals("G2_001", s.specs().get(0).features().get(0));
        assertEquals("G2_201", s.specs().get(0).features().get(200));
        assertEquals("G2_202", s.specs().get(1).features().get(0));
        assertEquals("G5_001", s.specs().get(2).features().get(0));
        assertEquals("201-10-10-1", s.specs().get(0).layout().notation());
    }

    @Test
    void evenlySpacedIncludesBothEndsAndSeedsMultiply() {
        List<String> three = ThesisStudies.evenly(3);
        // round(i * 328 / 2): columns 0, 164, 328 → G2_001, G2_165, G5_060
        assertEquals(List.of("G2_001", "G2_165", "G5_060"), three);
        Study s = ThesisStudies.evenlySpaced(T, 8, 57).withSeeds(3);
        assertEquals(6, s.size());
        assertEquals("evenly-8 seed 1", s.specs().get(0).name());
        assertEquals(3, s.specs().stream().filter(m -> m.tags().get("k").equals("57")).count());
    }

    @Test
    void shiftedSetsAreFiftySevenEachAndDiffer() {
        Study s = ThesisStudies.shifted57(T);
        assertEquals(4, s.size());
        for (ModelSpec m : s.specs()) assertEquals(57, m.features().size());
        // set A starts at feature numbers 1 / 202 / 1, set B one later
        assertEquals("G2_001", s.specs().get(0).features().get(0));
        assertEquals("G2_002", s.specs().get(1).features().get(0));
        assertEquals(Map.of("G2 r_s=0", 25, "G2 shifted", 17, "G5", 15), ThesisStudies.composition(s.specs().get(0).features()));
    }

    @Test
    void dropOneRemovesThePositionAndTableD1NamesMapToIds() {
        List<String> a = ThesisStudies.fiftySeven('A');
        Study s = ThesisStudies.dropOne(T, "57-A", a, 6, 57);
        assertEquals(3, s.size());
        assertEquals(56, s.specs().get(1).features().size());
        assertEquals(a.get(5), s.specs().get(1).tags().get("dropped"));
        assertFalse(s.specs().get(1).features().contains(a.get(5)));
        // table D.1's first row: index 6 of the 57 is G2(feature41); set A's G2 run 1, 9, 17, 25, 33, 41, …
        var d1 = PublishedResults.tableD1();
        assertEquals(6, d1.intColumn("index").get(0));
        assertEquals(ThesisStudies.idOfThesisName(d1.stringColumn("removed_var").get(0)), a.get(5));
        assertEquals("G2_041", ThesisStudies.idOfThesisName("G2(feature41)"));
        assertEquals("G5_005", ThesisStudies.idOfThesisName("G5(feature5)"));
        // every row of table D.1 names the feature at its index in set A
        for (int r = 0; r < d1.rowCount(); r++)
            assertEquals(a.get(d1.intColumn("index").get(r) - 1), ThesisStudies.idOfThesisName(d1.stringColumn("removed_var").get(r)), "row " + r);
    }
}
