package io.github.hdnnpkit.thesis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class VerdictComparisonTest {

    @Test
    void aConclusionChangesWhenTheTwoVerdictsDiffer() {
        var same = new VerdictComparison("holds", Verdict.holds("A beats B", "p = 0.01"), Verdict.holds("A beats B", "p = 0.002"));
        var weaker = new VerdictComparison("holds", Verdict.holds("A beats B", "p = 0.01"), Verdict.unclear("A beats B", "p = 0.4"));
        var reversed = new VerdictComparison("holds", Verdict.unclear("C", "p = 0.3"), Verdict.fails("C", "p = 0.001"));
        assertFalse(same.changed());
        assertTrue(weaker.changed());
        assertTrue(reversed.changed());
        assertEquals("A beats B", weaker.claim());
    }

    @Test
    void verdictsOfDifferentClaimsCannotBePaired() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new VerdictComparison("holds", Verdict.holds("A beats B", ""), Verdict.holds("B beats A", "")));
        assertTrue(e.getMessage().contains("B beats A"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VerdictComparison.pair("holds", List.of(Verdict.holds("x", "")), List.of()));
    }

    @Test
    void theTableHasOneRowPerConclusionWithBothVerdictsAndTheChange() {
        var rows = VerdictComparison.pair("holds (one run)",
                List.of(Verdict.holds("x", "ea"), Verdict.fails("y", "eb")),
                List.of(Verdict.holds("x", "fa"), Verdict.unclear("y", "fb")));
        var t = VerdictComparison.table("t", "Adam", "EKF", rows);
        assertEquals(2, t.rowCount());
        assertEquals(List.of("thesis conclusion", "thesis (Adam)", "kit Adam", "kit EKF", "changed", "Adam evidence", "EKF evidence"), t.columnNames());
        assertEquals("no", t.stringColumn("changed").get(0));
        assertEquals("yes", t.stringColumn("changed").get(1));
        assertEquals("fails", t.stringColumn("kit Adam").get(1));
        assertEquals("unclear", t.stringColumn("kit EKF").get(1));
        assertEquals("fb", t.stringColumn("EKF evidence").get(1));
        assertEquals("holds (one run)", t.stringColumn("thesis (Adam)").get(0));
    }
}
