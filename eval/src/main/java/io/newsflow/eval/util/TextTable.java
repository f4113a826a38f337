package io.newsflow.eval.util;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others right-aligned; "|" columns separate groups. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> separators = new ArrayList<>();

    public TextTable header(String... cells) {
        rows.add(cells);
        separators.add(rows.size());
        return this;
    }

    public TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** A horizontal rule before the next row. */
    public TextTable rule() {
        separators.add(rows.size());
        return this;
    }

    public String render() {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                widths[c] = Math.max(widths[c], r[c] == null ? 0 : r[c].length());
            }
        }
        int total = 0;
        for (int w : widths) {
            total += w + 2;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            if (separators.contains(i) && i > 0) {
                sb.append("  ").append("-".repeat(Math.max(0, total - 2))).append('\n');
            }
            String[] r = rows.get(i);
            sb.append("  ");
            for (int c = 0; c < columns; c++) {
                String cell = c < r.length && r[c] != null ? r[c] : "";
                if (c == 0 || cell.equals("|")) {
                    sb.append(pad(cell, widths[c], c == 0));
                } else {
                    sb.append(pad(cell, widths[c], false));
                }
                if (c < columns - 1) {
                    sb.append("  ");
                }
            }
            sb.append('\n');
        }
        return sb.toString().replaceAll(" +\n", "\n");
    }

    private static String pad(String s, int width, boolean left) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return left ? s + spaces : spaces + s;
    }

    public static String pct(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f", 100 * fraction);
    }

    public static String num(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    public static String fixed(double d, int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", d);
    }
}
