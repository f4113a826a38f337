package io.newsflow.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.events.ArticleIds;
import io.newsflow.events.RawArticle;
import io.newsflow.ingest.messaging.RawArticlePublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/** Gives a validated submission its id and publishes it. */
@ApplicationScoped
public class ArticleIntake {

    private final RawArticlePublisher publisher;
    private final Clock clock;
    private final Counter accepted;
    private final Counter unacknowledged;

    public ArticleIntake(RawArticlePublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
        this.accepted = Counter.builder("newsflow.ingest.articles").tag("outcome", "accepted")
                .description("Articles acknowledged by Kafka").register(registry);
        this.unacknowledged = Counter.builder("newsflow.ingest.articles").tag("outcome", "unacknowledged")
                .description("Articles Kafka did not acknowledge (answered 503)").register(registry);
    }

    /** Completes with the article id once Kafka acknowledged the record. */
    public Uni<String> accept(ArticleSubmission s) {
        RawArticle raw = toRawArticle(s, clock.instant());
        return publisher.publish(raw)
                .onItem().invoke(() -> accepted.increment())
                .onFailure().invoke(() -> unacknowledged.increment())
                .replaceWith(raw.id());
    }

    static RawArticle toRawArticle(ArticleSubmission s, Instant receivedAt) {
        String body = s.text() != null ? s.text() : s.html();
        String id = ArticleIds.derive(s.source(), s.externalId(), s.url(), s.title(), body);
        String basis = s.publishedAt() == null ? null : s.publishedAtFromPage() ? "page" : "given";
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, s.externalId(), s.url(), s.source(), s.title(),
                s.text(), s.html(), s.language(), s.publishedAt(), basis, receivedAt);
    }
}
