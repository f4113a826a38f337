package io.newsflow.enrich.messaging;

import io.newsflow.enrich.service.ArticleEnrichment;
import io.newsflow.enrichment.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.Topics;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the extractor throws, Errors included, the raw record is dead-lettered with the throwable's class and
 * message, and the consumer of that partition goes on with the next record (on a real Kafka broker).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ExtractorFailuresTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Enricher enricher;

    /** Throws what the article's title names, as a real extractor failure would; enriches the others. */
    static final class FailingEnrichment extends ArticleEnrichment {
        FailingEnrichment(Enricher enricher) {
            super(enricher);
        }

        @Override
        public EnrichedArticle enrich(RawArticle raw) {
            switch (raw.title()) {
                case "throw StackOverflowError" -> throw new StackOverflowError();
                case "throw OutOfMemoryError" -> throw new OutOfMemoryError("Java heap space");
                case "throw ExceptionInInitializerError" ->
                        throw new ExceptionInInitializerError(new IllegalStateException("model missing"));
                case "throw IllegalStateException" -> throw new IllegalStateException("tagger broke");
                default -> {
                    return super.enrich(raw);
                }
            }
        }
    }

    @BeforeEach
    void installFailingExtractor() {
        QuarkusMock.installMockForType(new FailingEnrichment(enricher), ArticleEnrichment.class);
    }

    @Test
    void everyThrowableIsDeadLetteredWithItsClassAndMessageAndThePartitionGoesOn() throws Exception {
        List<String> keys = SamePartition.keys(5);
        String[] titles = {"throw StackOverflowError", "throw OutOfMemoryError", "throw ExceptionInInitializerError",
                "throw IllegalStateException", "Fine"};
        for (int i = 0; i < keys.size(); i++) {
            send(keys.get(i), titles[i], "Angela Merkel spoke in Berlin.");
        }

        TopicClient topics = new TopicClient(bootstrap);
        // the last record of the same partition is enriched: the consumer survived the four before it
        assertThat(topics.read(Topics.ENRICHED, keys.get(4), Duration.ofSeconds(60)).value()).contains("Angela Merkel");
        List<ConsumerRecord<String, String>> dlq = topics.readUntilKeys(Topics.RAW_DLQ, Duration.ofSeconds(60),
                keys.subList(0, 4).toArray(String[]::new));
        assertThat(reason(dlq, keys.get(0))).isEqualTo("The extractor failed: java.lang.StackOverflowError");
        assertThat(reason(dlq, keys.get(1))).isEqualTo("The extractor failed: java.lang.OutOfMemoryError: Java heap space");
        assertThat(reason(dlq, keys.get(2))).isEqualTo("The extractor failed: java.lang.ExceptionInInitializerError "
                + "(caused by java.lang.IllegalStateException: model missing)");
        assertThat(reason(dlq, keys.get(3))).isEqualTo("The extractor failed: java.lang.IllegalStateException: tagger broke");
        ConsumerRecord<String, String> overflow = find(dlq, keys.get(0));
        assertThat(overflow.value()).contains("throw StackOverflowError"); // the raw record as it came
        assertThat(TopicClient.header(overflow, "dead-letter-topic")).isEqualTo(Topics.RAW);
    }

    private void send(String id, String title, String text) throws Exception {
        new TopicClient(bootstrap).send(Topics.RAW, id, EventJson.mapper().writeValueAsString(new RawArticle(1, id, null,
                null, "test", title, text, null, null, null, null, Instant.now())));
    }

    private static ConsumerRecord<String, String> find(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + key));
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        return TopicClient.header(find(records, key), "dead-letter-reason");
    }
}
