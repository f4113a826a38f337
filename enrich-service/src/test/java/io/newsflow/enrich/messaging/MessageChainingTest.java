package io.newsflow.enrich.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.service.ArticleEnrichment;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw record's fate follows the enriched record's: acknowledged when Kafka acknowledged the enriched record,
 * dead-lettered when Kafka refused it for good, and left alone (uncommitted) once the service is shutting down.
 * Without a broker: the messages stand in for the connector's.
 */
class MessageChainingTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private RawArticleProcessor processor;

    /** A raw record as the connector hands it over: its ack and nack are recorded. */
    private static final class RawRecord {
        final AtomicInteger acks = new AtomicInteger();
        final AtomicReference<Throwable> nacked = new AtomicReference<>();
        final Message<String> message;

        RawRecord(String value) {
            message = Message.of(value, () -> {
                acks.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }, failure -> {
                nacked.set(failure);
                return CompletableFuture.completedFuture(null);
            });
        }
    }

    /** Echoes the raw article as enriched, without models. */
    private static final class EchoEnrichment extends ArticleEnrichment {
        EchoEnrichment() {
            super(null);
        }

        @Override
        public EnrichedArticle enrich(RawArticle raw) {
            return new EnrichedArticle(1, raw.id(), null, null, null, raw.title(), raw.text(), "en",
                    EnrichedArticle.PublishedAt.unknown(), raw.receivedAt(), List.of(), List.of(),
                    new EnrichedArticle.Enrichment("test", 1, null, null, null));
        }
    }

    @BeforeEach
    void createProcessor() {
        processor = new RawArticleProcessor(null, new EchoEnrichment(), EventJson.mapper(), registry);
    }

    @Test
    void theRawRecordIsAcknowledgedOnlyWhenKafkaAcknowledgedTheEnrichedRecord() throws Exception {
        String id = UUID.randomUUID().toString();
        RawRecord raw = new RawRecord(rawJson(id));

        Message<EnrichedArticle> out = processor.process(raw.message);
        assertThat(out.getPayload().id()).isEqualTo(id);
        assertThat(out.getMetadata(OutgoingKafkaRecordMetadata.class)).hasValueSatisfying(m -> {
            assertThat(m.getKey()).isEqualTo(id);
            assertThat(m.getHeaders().lastHeader(Telemetry.TRACEPARENT)).isNotNull();
        });
        assertThat(raw.acks).as("not before Kafka acknowledged the enriched record").hasValue(0);
        assertThat(counter(Telemetry.ARTICLES_OUT)).isZero();

        out.ack().toCompletableFuture().join();
        assertThat(raw.acks).hasValue(1);
        assertThat(raw.nacked).hasNullValue();
        assertThat(counter(Telemetry.ARTICLES_OUT)).isEqualTo(1);
    }

    @Test
    void anEnrichedRecordTooLargeForKafkaDeadLettersTheRawRecordWithTheReason() throws Exception {
        RawRecord raw = new RawRecord(rawJson(UUID.randomUUID().toString()));
        Message<EnrichedArticle> out = processor.process(raw.message);

        out.nack(new KafkaException("send failed", new RecordTooLargeException("The message is 90000 bytes"))).toCompletableFuture().join();
        assertThat(raw.nacked.get()).hasMessage("The enriched record is too large for Kafka: The message is 90000 bytes");
        assertThat(raw.acks).hasValue(0);
        assertThat(deadLettered()).isEqualTo(1);
    }

    @Test
    void aFailedSendOnceShutdownBeganLeavesTheRawRecordUncommittedNotDeadLettered() throws Exception {
        RawRecord raw = new RawRecord(rawJson(UUID.randomUUID().toString()));
        Message<EnrichedArticle> out = processor.process(raw.message);

        processor.onShutdown(new ShutdownEvent());
        out.nack(new KafkaException("Producer is closed forcefully.")).toCompletableFuture().join();
        assertThat(raw.nacked).as("not sent to the DLQ").hasNullValue();
        assertThat(raw.acks).as("not committed").hasValue(0);
        assertThat(deadLettered()).isZero();
    }

    @Test
    void aRecordThatArrivesOnceShutdownBeganIsNeitherEnrichedNorDeadLettered() throws Exception {
        processor.onShutdown(new ShutdownEvent());
        RawRecord raw = new RawRecord(rawJson(UUID.randomUUID().toString()));
        assertThat(processor.process(raw.message)).isNull();
        assertThat(raw.nacked).hasNullValue();
        assertThat(raw.acks).hasValue(0);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndNothingIsSent() {
        RawRecord raw = new RawRecord("{not json");
        assertThat(processor.process(raw.message)).isNull();
        assertThat(raw.nacked.get()).hasMessageStartingWith("Cannot read the record as RawArticle");
        assertThat(deadLettered()).isEqualTo(1);
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    private double deadLettered() {
        return registry.get(Telemetry.DLQ_RECORDS).tag(Telemetry.TAG_TOPIC, Topics.RAW_DLQ).counter().count();
    }

    private static String rawJson(String id) throws Exception {
        return EventJson.mapper().writeValueAsString(new RawArticle(1, id, null, null, "test", "Title",
                "Angela Merkel spoke in Berlin.", null, null, null, null, Instant.now()));
    }
}
