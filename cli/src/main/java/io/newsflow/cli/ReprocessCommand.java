package io.newsflow.cli;

import io.newsflow.events.Topics;
import io.newsflow.infra.ConsumerOffsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * The Kafka step of {@code ./newsflow reprocess}: moves the enrich consumer group to the start of articles.raw.
 * Kafka allows that only while the group has no members; the script stops the enrich instances before and starts
 * them again after.
 */
@Command(name = "reprocess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Move the enrich consumer group to the start of articles.raw, so that every article is "
                + "enriched again when enrich next starts.",
                "Its consumers must be stopped first: './newsflow reprocess' stops and restarts them around this."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:could not reset (e.g. the group still has members)", "2:usage error"})
final class ReprocessCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
            description = "the Kafka broker (default: ${DEFAULT-VALUE})")
    String bootstrap;

    @Option(names = "--group", defaultValue = "newsflow-enrich", description = "the consumer group (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--topic", defaultValue = Topics.RAW, description = "the topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Override
    public Integer call() {
        // exits the JVM: 0 done, 1 failed (the reason on stderr)
        ConsumerOffsets.main(new String[]{"--bootstrap", bootstrap, "--group", group, "--topic", topic});
        return 0;
    }
}
