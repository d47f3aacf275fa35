package io.github.hdnnpkit.thesis;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A thesis conclusion checked on the kit's data: holds, fails or unclear, with the figure or p-value that decides
 * it. Every study notebook ends with a table of these.
 */
public record Verdict(String claim, Outcome outcome, String evidence) {
    public enum Outcome {
        HOLDS, FAILS, UNCLEAR;

        @Override
        public String toString() { return name().toLowerCase(Locale.ROOT); }
    }

    public Verdict {
        Objects.requireNonNull(claim);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(evidence);
    }

    public static Verdict holds(String claim, String evidence) { return new Verdict(claim, Outcome.HOLDS, evidence); }

    public static Verdict fails(String claim, String evidence) { return new Verdict(claim, Outcome.FAILS, evidence); }

    public static Verdict unclear(String claim, String evidence) { return new Verdict(claim, Outcome.UNCLEAR, evidence); }

    /** Holds if the condition is true, fails otherwise. */
    public static Verdict of(String claim, boolean holds, String evidence) {
        return new Verdict(claim, holds ? Outcome.HOLDS : Outcome.FAILS, evidence);
    }

    /**
     * A claim of a difference ("A is better than B") decided by a one-sided p-value: holds if p < α, fails if the
     * opposite direction is significant, unclear otherwise (the difference is within the noise).
     */
    public static Verdict ofDifference(String claim, double pClaimed, double pOpposite, double alpha, String evidence) {
        Outcome o = pClaimed < alpha ? Outcome.HOLDS : pOpposite < alpha ? Outcome.FAILS : Outcome.UNCLEAR;
        return new Verdict(claim, o, evidence);
    }

    public static Table table(String title, List<Verdict> verdicts) {
        StringColumn c = StringColumn.create("thesis conclusion"), o = StringColumn.create("on the kit's data"), e = StringColumn.create("evidence");
        for (Verdict v : verdicts) {
            c.append(v.claim());
            o.append(v.outcome().toString());
            e.append(v.evidence());
        }
        return Table.create(title, c, o, e);
    }
}
