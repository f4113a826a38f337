package io.newsflow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code newsflow ingest-key --file FILE}: prints the ingest key, $NEWSFLOW_API_KEY or else the one kept in FILE,
 * which is created once. {@code ./newsflow up} hands it to ingest-service; {@code ingest} reads the same file.
 */
@Command(name = "ingest-key", hidden = true, description = "Print the ingest key; create the kept one when missing.")
final class IngestKeyCommand implements Callable<Integer> {

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "where the key is kept")
    Path file;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    IngestKeyCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public Integer call() {
        try {
            out.println(IngestCommand.IngestKey.findOrCreate(env, file).value());
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("newsflow: could not create an ingest key in " + Newsflow.pretty(file) + ": " + e.getMessage());
            return 1;
        }
    }
}
