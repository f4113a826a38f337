package io.newsflow.cli;

import java.io.PrintStream;

/**
 * A progress bar on stderr, {@code [#########.....] 3/10}: redrawn in place on a terminal, one line per tenth in a
 * log. Messages go above it.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final int total;
    private int lastTenth = -1;

    Progress(PrintStream err, boolean terminal, int total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    void show(int done) {
        int filled = total > 0 ? done * WIDTH / total : WIDTH;
        String bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total;
        if (terminal) {
            err.print("\r" + bar + (done < total ? "" : "\n"));
            err.flush();
            return;
        }
        int tenth = total > 0 ? done * 10 / total : 10;
        if (done > 0 && (tenth != lastTenth || done == total)) {
            err.println(bar);
            lastTenth = tenth;
        }
    }

    /** A message line above the bar. */
    void report(String message) {
        err.println(terminal ? "\r\033[K" + message : message);
    }
}
