package io.github.hdnnpkit.thesis;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Objects;

/**
 * One thesis conclusion decided twice on the kit's data, under two trainings (notebook 13: the thesis's Adam and the
 * extended Kalman filter), beside what the thesis itself concluded. A conclusion "changes" when the two kit verdicts
 * differ; "unclear" against "holds" counts as a change (what one training showed, the other cannot).
 *
 * @param thesis what the thesis concluded, in words (e.g. "holds (one training each)")
 * @param first  the verdict under the first training (Adam)
 * @param second the verdict under the second training (EKF), on the same claim
 */
public record VerdictComparison(String thesis, Verdict first, Verdict second) {
    public VerdictComparison {
        Objects.requireNonNull(thesis, "thesis");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (!first.claim().equals(second.claim()))
            throw new IllegalArgumentException("the two verdicts are about different claims: '" + first.claim() + "' and '" + second.claim() + "'");
    }

    public String claim() { return first.claim(); }

    /** True when the second training's verdict differs from the first's. */
    public boolean changed() { return first.outcome() != second.outcome(); }

    /** Pairs two lists of verdicts claim by claim (same order, same claims), with one thesis verdict for all. */
    public static List<VerdictComparison> pair(String thesis, List<Verdict> first, List<Verdict> second) {
        if (first.size() != second.size())
            throw new IllegalArgumentException(first.size() + " verdicts under the first training but " + second.size() + " under the second");
        List<VerdictComparison> out = new java.util.ArrayList<>();
        for (int i = 0; i < first.size(); i++) out.add(new VerdictComparison(thesis, first.get(i), second.get(i)));
        return out;
    }

    /** One row per conclusion: the claim, the thesis's verdict, both kit verdicts, changed or not, and both evidences. */
    public static Table table(String title, String firstName, String secondName, List<VerdictComparison> rows) {
        StringColumn claim = StringColumn.create("thesis conclusion"), thesis = StringColumn.create("thesis (Adam)"),
                a = StringColumn.create("kit " + firstName), b = StringColumn.create("kit " + secondName), changed = StringColumn.create("changed"),
                ea = StringColumn.create(firstName + " evidence"), eb = StringColumn.create(secondName + " evidence");
        for (VerdictComparison r : rows) {
            claim.append(r.claim());
            thesis.append(r.thesis());
            a.append(r.first().outcome().toString());
            b.append(r.second().outcome().toString());
            changed.append(r.changed() ? "yes" : "no");
            ea.append(r.first().evidence());
            eb.append(r.second().evidence());
        }
        return Table.create(title, claim, thesis, a, b, changed, ea, eb);
    }
}
