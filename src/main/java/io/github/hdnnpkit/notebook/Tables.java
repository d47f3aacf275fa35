package io.github.hdnnpkit.notebook;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables as HTML for notebooks: {@code display("text/html", Tables.html(table));}. Numbers are printed as
 * Tablesaw formats them; long tables are cut to {@code maxRows} with a note, never silently.
 */
public final class Tables {
    private Tables() {
    }

    public static String html(Table table) {
        return html(table, 60);
    }

    public static String html(Table table, int maxRows) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<table class=\"hdnnp\" style=\"border-collapse:collapse\">");
        if (table.name() != null && !table.name().isBlank())
            sb.append("<caption style=\"font-weight:bold\">").append(escape(table.name())).append("</caption>");
        sb.append("<thead><tr>");
        for (Column<?> c : table.columns()) sb.append("<th>").append(escape(c.name())).append("</th>");
        sb.append("</tr></thead><tbody>");
        int n = Math.min(table.rowCount(), maxRows);
        for (int r = 0; r < n; r++) {
            sb.append("<tr>");
            for (Column<?> c : table.columns())
                sb.append("<td style=\"text-align:right;padding:0 6px\">").append(escape(c.getString(r))).append("</td>");
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        if (table.rowCount() > n)
            sb.append("<p><i>").append(table.rowCount() - n).append(" more rows of ").append(table.rowCount()).append(" not shown</i></p>");
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
