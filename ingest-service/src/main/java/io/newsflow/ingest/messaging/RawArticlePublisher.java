package io.newsflow.ingest.messaging;

import io.newsflow.events.RawArticle;
import io.newsflow.ingest.IngestConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.TimeoutException;

/**
 * Publishes raw articles to {@code articles.raw}, keyed by article id. The returned Uni completes only
 * when Kafka has acknowledged the record (acks=all, idempotent producer: see application.properties).
 */
@ApplicationScoped
public class RawArticlePublisher {

    private final MutinyEmitter<Record<String, RawArticle>> emitter;
    private final IngestConfig config;

    public RawArticlePublisher(@Channel("articles-raw") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
                               MutinyEmitter<Record<String, RawArticle>> emitter, IngestConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public Uni<Void> publish(RawArticle article) {
        return Uni.createFrom().deferred(() -> emitter.send(Record.of(article.id(), article)))
                .ifNoItem().after(config.publishTimeout()).failWith(TimeoutException::new)
                .onFailure().transform(e -> new BrokerUnavailableException(
                        "Kafka did not acknowledge the article: " + e.getClass().getSimpleName(), e));
    }
}
