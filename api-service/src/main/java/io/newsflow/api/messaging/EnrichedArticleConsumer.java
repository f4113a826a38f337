package io.newsflow.api.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.PoisonRecordException;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.events.TraceParent;
import io.newsflow.support.retry.RetryBackoff;
import io.newsflow.support.retry.TransientFailures;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Stores the records of {@code articles.enriched} a batch (one poll) at a time, in one transaction. The batch is
 * acknowledged (its offsets committed) only after that transaction committed; a poison record is nacked, which
 * sends it to {@code articles.enriched.dlq}, and the good records of its batch are stored. A database that is away
 * is waited for with backoff, never skipped. The trace id of each record's {@code traceparent} header is stored
 * with its article, and so is the label of the ingest key in its {@code newsflow-submitted-by} header. What
 * PostgreSQL cannot hold but the store can repair (NUL characters, out-of-range dates) is repaired, never
 * dead-lettered ({@link io.newsflow.api.service.StorableArticles}).
 *
 * <p>Shutting down ends the wait at once and leaves the batch neither acknowledged nor nacked: its offsets stay
 * uncommitted, so the next consumer of the partitions gets it again, and nothing of it goes to the DLQ.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, not from the first record
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);
    private static final int MAX_SUBMITTED_BY = 200;

    private final ArticleStore store;
    private final ObjectMapper json;
    private final Timer storeTimer;
    private final DistributionSummary batchSize;
    private final Counter retries;
    private final Counter articlesIn;
    private final Counter articlesOut;
    private final Counter deadLettered;
    private final RetryBackoff backoff = new RetryBackoff();

    /** A record that parsed, with what it carries. */
    private record Parsed(KafkaRecord<String, String> record, EnrichedArticle article, String traceId, String submittedBy) {
    }

    /** A record that goes to the DLQ, and why. */
    private record Poison(KafkaRecord<String, String> record, Throwable reason) {
    }

    /** Shutdown began while storing: the batch is left as it is. */
    private static final class ShuttingDown extends Exception {
        ShuttingDown() {
            super(null, null, false, false);
        }
    }

    public EnrichedArticleConsumer(ArticleStore store, ObjectMapper json, MeterRegistry registry) {
        this.store = store;
        this.json = json;
        this.storeTimer = Timer.builder(Telemetry.DB_WRITE_DURATION)
                .description("Time of the transaction that stores one batch of enriched articles")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        this.batchSize = DistributionSummary.builder("newsflow.api.store.batch.size")
                .description("Records per batch taken from articles.enriched").publishPercentiles(0.5, 0.99)
                .register(registry);
        this.retries = Counter.builder("newsflow.api.store.retries")
                .description("Attempts to store that failed on a transient database failure and were retried")
                .register(registry);
        this.articlesIn = Counter.builder(Telemetry.ARTICLES_IN).description("Enriched records consumed").register(registry);
        this.articlesOut = Counter.builder(Telemetry.ARTICLES_OUT).description("Articles stored (transaction committed)")
                .register(registry);
        this.deadLettered = Counter.builder(Telemetry.DLQ_RECORDS).tag(Telemetry.TAG_TOPIC, Topics.ENRICHED_DLQ)
                .description("Records sent to a dead-letter topic").register(registry);
    }

    /** Runs before the messaging connectors close: a batch still waiting for the database is let go, uncommitted. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        backoff.stop();
    }

    @Incoming("articles-enriched")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Parsed> parsed = new ArrayList<>();
        List<Poison> poison = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            articlesIn.increment();
            String traceId = TraceParent.continueOrStart(record.getHeaders()).traceId();
            try {
                parsed.add(new Parsed(record, parse(record.getPayload()), traceId, submittedBy(record.getHeaders())));
            } catch (PoisonRecordException e) {
                poison.add(new Poison(record, e));
            }
        }
        batchSize.record(batch.getRecords().size());
        try {
            storeBatch(parsed, poison);
        } catch (ShuttingDown e) {
            LOG.infof("Shutting down: a batch of %d records is left uncommitted and will be delivered again",
                    batch.getRecords().size());
            return CompletableFuture.completedFuture(null);
        }
        // Only now, with the stored records committed: the DLQ's own acknowledgement of a record may commit its offset.
        return deadLetter(poison).thenCompose(sent -> batch.ack());
    }

    /** All in one transaction; when that fails for a record's sake, one by one so that only that record is poison. */
    private void storeBatch(List<Parsed> parsed, List<Poison> poison) throws ShuttingDown {
        if (parsed.isEmpty()) {
            return;
        }
        List<ArticleStore.Incoming> articles = parsed.stream().map(p -> new ArticleStore.Incoming(p.article(), p.traceId(), p.submittedBy())).toList();
        RuntimeException failure = storeWithRetries(() -> store.storeAll(articles), parsed.size() + " articles");
        if (failure == null) {
            parsed.forEach(this::stored);
            return;
        }
        LOG.warnf("Storing a batch of %d articles failed (%s); storing them one by one", parsed.size(), rootMessage(failure));
        for (Parsed p : parsed) {
            withMdc(p.record(), p.traceId(), () -> {
                RuntimeException e = storeWithRetries(() -> store.store(p.article(), p.traceId(), p.submittedBy()), "article " + p.article().id());
                if (e == null) {
                    stored(p);
                } else {
                    poison.add(new Poison(p.record(), e));
                }
            });
        }
    }

    /** @return null when stored, else the failure that is not transient */
    private RuntimeException storeWithRetries(Runnable storing, String what) throws ShuttingDown {
        Duration delay = RetryBackoff.FIRST;
        while (!backoff.isStopping()) {
            try {
                storeTimer.record(storing);
                return null;
            } catch (RuntimeException e) {
                if (backoff.isStopping()) {
                    break; // the failure may come from the datasource closing under us: not the records' fault
                }
                if (!TransientFailures.isTransient(e)) {
                    return e;
                }
                retries.increment();
                LOG.warnf("Database unavailable while storing %s (%s); retrying in %d ms", what, rootMessage(e), delay.toMillis());
                if (backoff.stoppedWhileWaiting(delay)) {
                    break;
                }
                delay = RetryBackoff.next(delay);
            }
        }
        throw new ShuttingDown();
    }

    private void stored(Parsed p) {
        articlesOut.increment();
        withMdc(p.record(), p.traceId(), () -> LOG.debugf("Stored article %s", p.article().id()));
    }

    /** The failure strategy (application.properties) sends every nacked record to articles.enriched.dlq. */
    private CompletionStage<Void> deadLetter(List<Poison> poison) {
        CompletableFuture<?>[] sent = poison.stream().map(p -> {
            deadLettered.increment();
            return p.record().nack(p.reason()).toCompletableFuture();
        }).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent);
    }

    private static <E extends Exception> void withMdc(KafkaRecord<String, String> record, String traceId, MdcWork<E> work) throws E {
        MDC.put(Telemetry.MDC_TRACE_ID, traceId);
        MDC.put(Telemetry.MDC_ARTICLE_ID, String.valueOf(record.getKey()));
        try {
            work.run();
        } finally {
            MDC.remove(Telemetry.MDC_TRACE_ID);
            MDC.remove(Telemetry.MDC_ARTICLE_ID);
        }
    }

    @FunctionalInterface
    private interface MdcWork<E extends Exception> {
        void run() throws E;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * The label of the ingest key that submitted the article (ingest sets it, enrich copies it); null when absent.
     * Only printable characters are kept, at most {@value #MAX_SUBMITTED_BY} of them: it is a name, not content.
     */
    static String submittedBy(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(Telemetry.SUBMITTED_BY);
        if (header == null || header.value() == null) {
            return null;
        }
        String label = new String(header.value(), StandardCharsets.UTF_8).codePoints()
                .filter(c -> !Character.isISOControl(c) && !Character.isSurrogate((char) c) && c != 0xFFFD)
                .limit(MAX_SUBMITTED_BY)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return label.isEmpty() ? null : label;
    }

    EnrichedArticle parse(String value) {
        EnrichedArticle article = EventJson.readRecord(json, value, EnrichedArticle.class, EnrichedArticle.SCHEMA_VERSION);
        try {
            UUID.fromString(article.id()); // the article table is keyed by UUID
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("The record's article id is not a UUID", e);
        }
        return article;
    }

}
