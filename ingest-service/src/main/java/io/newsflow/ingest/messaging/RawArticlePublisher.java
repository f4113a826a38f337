package io.newsflow.ingest.messaging;

import io.newsflow.events.RawArticle;
import io.newsflow.events.Telemetry;
import io.newsflow.events.TraceParent;
import io.newsflow.ingest.IngestConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

/**
 * Publishes raw articles to {@code articles.raw}, keyed by article id, with the W3C {@code traceparent}
 * header and the submitting key's label ({@code newsflow-submitted-by}). The returned Uni completes only when Kafka
 * has acknowledged the record (acks=all, idempotent producer: see application.properties); it fails with
 * {@link ArticleTooLargeException} when Kafka refuses the record's size, else with {@link BrokerUnavailableException}.
 */
@ApplicationScoped
public class RawArticlePublisher {

    private final MutinyEmitter<RawArticle> emitter;
    private final IngestConfig config;

    public RawArticlePublisher(@Channel("articles-raw") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
                               MutinyEmitter<RawArticle> emitter, IngestConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /** @param submittedBy the submitting key's label, or null when unknown (no header then) */
    public Uni<Void> publish(RawArticle article, TraceParent trace, String submittedBy) {
        var headers = new RecordHeaders().add(Telemetry.TRACEPARENT, trace.header().getBytes(StandardCharsets.UTF_8));
        if (submittedBy != null) {
            headers.add(Telemetry.SUBMITTED_BY, submittedBy.getBytes(StandardCharsets.UTF_8));
        }
        Message<RawArticle> message = Message.of(article)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).withHeaders(headers).build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(config.publishTimeout()).failWith(TimeoutException::new)
                .onFailure().transform(RawArticlePublisher::classify);
    }

    /** A record Kafka finds too large is the article's fault (413); anything else is the broker's (503). */
    static RuntimeException classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException) {
                return new ArticleTooLargeException(t.getMessage(), e);
            }
        }
        return new BrokerUnavailableException("Kafka did not acknowledge the article: " + e.getClass().getSimpleName(), e);
    }
}
