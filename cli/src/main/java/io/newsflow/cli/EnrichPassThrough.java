package io.newsflow.cli;

import io.newsflow.enrichment.cli.EnrichCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code newsflow enrich}: the enrichment module's own command, run as it is (it keeps stdout for JSON and parses its
 * own options, so the arguments pass through untouched; {@code newsflow enrich --help} shows them).
 */
@Command(name = "enrich",
        description = {"Run the enrichment alone (no Kafka, no database): one EnrichedArticle JSON per line on stdout.",
                "'-' reads NDJSON articles on stdin. 'newsflow enrich --help' lists its options."})
final class EnrichPassThrough implements Callable<Integer> {

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (arguments.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "enrich needs files or folders, or '-' to read NDJSON from stdin");
        }
        EnrichCommand.main(arguments.toArray(String[]::new)); // exits the JVM with the command's exit code
        return 0;
    }
}
