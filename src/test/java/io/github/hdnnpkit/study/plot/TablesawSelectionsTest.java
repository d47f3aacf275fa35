package io.github.hdnnpkit.study.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tablesaw's row selections need fastutil 8; DL4J brings 6.5.7, and with it {@code copy()}, {@code where()} and
 * {@code append()} threw AbstractMethodError (the pom now pins fastutil 8). Fails again if the pin is lost.
 */
class TablesawSelectionsTest {
    @Test
    void copyWhereAndAppendWork() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3), StringColumn.create("s", "a", "b", "c"));
        Table c = t.copy();
        c.append(t);
        assertEquals(6, c.rowCount());
        assertEquals(2, c.where(c.doubleColumn("x").isGreaterThan(2.5)).rowCount());
        assertEquals("b", c.stringColumn("s").get(4));
    }
}
