package io.newsflow.enrich.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrichment.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.PoisonRecordException;
import io.newsflow.events.RawArticle;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.events.TraceParent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;

/**
 * articles.raw -> enrichment -> articles.enriched, keyed by article id. The raw record is acknowledged
 * (and its offset committed) only once Kafka acknowledged the enriched record. A record that cannot be
 * processed is sent to articles.raw.dlq with the reason in its headers and the partition moves on.
 * The record's W3C {@code traceparent} header goes on to the enriched record as a child span of the same trace.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, not from the first record
public class RawArticleProcessor {

    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);

    private final Enricher enricher;
    private final ObjectMapper json;
    private final Timer enrichTimer;
    private final Counter articlesIn;
    private final Counter articlesOut;
    private final Counter deadLettered;

    public RawArticleProcessor(Enricher enricher, ObjectMapper json, MeterRegistry registry) {
        this.enricher = enricher;
        this.json = json;
        this.enrichTimer = Timer.builder(Telemetry.ENRICH_DURATION).description("Time to enrich one article")
                .publishPercentileHistogram().register(registry);
        // read from the enricher's own counter: correct with several records in flight at once
        FunctionCounter.builder("newsflow.enrich.tokens", enricher, Enricher::tokensProcessed)
                .description("Tokens processed by the NER tagger").register(registry);
        this.articlesIn = Counter.builder(Telemetry.ARTICLES_IN).description("Raw records consumed").register(registry);
        this.articlesOut = Counter.builder(Telemetry.ARTICLES_OUT).description("Enriched records acknowledged by Kafka")
                .register(registry);
        this.deadLettered = Counter.builder(Telemetry.DLQ_RECORDS).tag(Telemetry.TAG_TOPIC, Topics.RAW_DLQ)
                .description("Records sent to a dead-letter topic").register(registry);
    }

    @Incoming("articles-raw")
    @Outgoing("articles-enriched")
    @Blocking
    public Message<EnrichedArticle> process(Message<String> in) {
        var incoming = in.getMetadata(IncomingKafkaRecordMetadata.class);
        TraceParent trace = TraceParent.continueOrStart(incoming.map(m -> header(m.getHeaders().lastHeader(Telemetry.TRACEPARENT))).orElse(null));
        MDC.put(Telemetry.MDC_TRACE_ID, trace.traceId());
        incoming.map(m -> m.getKey()).ifPresent(key -> MDC.put(Telemetry.MDC_ARTICLE_ID, String.valueOf(key)));
        articlesIn.increment();
        try {
            EnrichedArticle enriched = enrich(in.getPayload());
            LOG.debugf("Enriched article %s: %d entities, %d dates", enriched.id(), enriched.entities().size(), enriched.dates().size());
            var headers = new RecordHeaders().add(Telemetry.TRACEPARENT, trace.header().getBytes(StandardCharsets.UTF_8));
            return in.withPayload(enriched)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(enriched.id()).withHeaders(headers).build())
                    .withAck(() -> in.ack().thenRun(articlesOut::increment));
        } catch (RuntimeException e) {
            // the failure strategy (application.properties) sends every nacked record to articles.raw.dlq
            deadLettered.increment();
            in.nack(e);
            return null;
        } finally {
            MDC.remove(Telemetry.MDC_TRACE_ID);
            MDC.remove(Telemetry.MDC_ARTICLE_ID);
        }
    }

    EnrichedArticle enrich(String value) {
        RawArticle raw = parse(value);
        EnrichedArticle enriched = enrichTimer.record(() -> enricher.enrich(raw));
        return enriched;
    }

    RawArticle parse(String value) {
        RawArticle raw = EventJson.readRecord(json, value, RawArticle.class, RawArticle.SCHEMA_VERSION);
        if ((raw.text() == null || raw.text().isBlank()) && (raw.html() == null || raw.html().isBlank())) {
            throw new PoisonRecordException("The record has neither text nor html", null);
        }
        return raw;
    }

    private static String header(Header h) {
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
