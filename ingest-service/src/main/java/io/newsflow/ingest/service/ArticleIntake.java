package io.newsflow.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.articles.ArticleSubmission;
import io.newsflow.events.RawArticle;
import io.newsflow.events.Telemetry;
import io.newsflow.events.TraceParent;
import io.newsflow.ingest.messaging.RawArticlePublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Gives a validated submission its id and publishes it. */
@ApplicationScoped
public class ArticleIntake {

    private static final Logger LOG = Logger.getLogger(ArticleIntake.class);

    private final RawArticlePublisher publisher;
    private final Clock clock;
    private final Counter accepted;
    private final Counter unacknowledged;
    private final Counter articlesIn;
    private final Counter articlesOut;

    public ArticleIntake(RawArticlePublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
        this.accepted = Counter.builder("newsflow.ingest.articles").tag("outcome", "accepted")
                .description("Articles acknowledged by Kafka").register(registry);
        this.unacknowledged = Counter.builder("newsflow.ingest.articles").tag("outcome", "unacknowledged")
                .description("Articles Kafka did not acknowledge (answered 503)").register(registry);
        this.articlesIn = Counter.builder(Telemetry.ARTICLES_IN).description("Valid articles submitted").register(registry);
        this.articlesOut = Counter.builder(Telemetry.ARTICLES_OUT).description("Articles acknowledged by Kafka on articles.raw")
                .register(registry);
    }

    /**
     * Completes with the article id once Kafka acknowledged the record, which carries the trace context and the
     * submitting key's label ({@code submittedBy}).
     */
    public Uni<String> accept(ArticleSubmission s, TraceParent trace, String submittedBy) {
        RawArticle raw = s.toRawArticle(clock.instant());
        articlesIn.increment();
        return publisher.publish(raw, trace, submittedBy)
                .onItem().invoke(() -> {
                    accepted.increment();
                    articlesOut.increment();
                    LOG.debugf("Article %s accepted (trace %s)", raw.id(), trace.traceId());
                })
                .onFailure().invoke(() -> unacknowledged.increment())
                .replaceWith(raw.id());
    }
}
