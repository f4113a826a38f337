package io.newsflow.events;

import java.util.List;

/**
 * The names the services, the Grafana dashboard and the operations docs share: metrics (Micrometer names,
 * with their Prometheus forms), their tags, the trace header and the MDC keys of the logs.
 * <p>
 * Micrometer turns {@code newsflow.articles.in} into {@code newsflow_articles_in_total} (counters),
 * {@code newsflow.enrich.duration} into {@code newsflow_enrich_duration_seconds_bucket/_count/_sum} (timers).
 */
public final class Telemetry {

    // ---- metrics: Micrometer names ------------------------------------------------------------------
    /** Counter: articles a service took in (ingest: valid submissions; enrich, api: records consumed). */
    public static final String ARTICLES_IN = "newsflow.articles.in";
    /** Counter: articles a service passed on (ingest, enrich: acknowledged by Kafka; api: stored). */
    public static final String ARTICLES_OUT = "newsflow.articles.out";
    /** Counter: records sent to a dead-letter topic, tagged {@link #TAG_TOPIC} with the DLQ topic. */
    public static final String DLQ_RECORDS = "newsflow.dlq.records";
    /** Timer with histogram buckets: time to enrich one article (enrich-service). */
    public static final String ENRICH_DURATION = "newsflow.enrich.duration";
    /** Timer with histogram buckets: time of the database transaction that stores one batch of articles (api-service). */
    public static final String DB_WRITE_DURATION = "newsflow.api.store";
    /** Gauge: records of a partition not yet committed by the service's consumer group (log end - committed). */
    public static final String CONSUMER_LAG = "newsflow.consumer.lag";

    /** Every meter of a service carries this tag with its {@code quarkus.application.name}. */
    public static final String TAG_SERVICE = "service";
    public static final String TAG_TOPIC = "topic";
    public static final String TAG_PARTITION = "partition";
    public static final String TAG_GROUP = "group";

    // ---- metrics: what Prometheus scrapes ----------------------------------------------------------
    public static final String PROM_ARTICLES_IN = "newsflow_articles_in_total";
    public static final String PROM_ARTICLES_OUT = "newsflow_articles_out_total";
    public static final String PROM_DLQ_RECORDS = "newsflow_dlq_records_total";
    public static final String PROM_ENRICH_DURATION = "newsflow_enrich_duration_seconds";
    public static final String PROM_DB_WRITE_DURATION = "newsflow_api_store_seconds";
    public static final String PROM_CONSUMER_LAG = "newsflow_consumer_lag";
    /** From Micrometer's JVM binder (quarkus-micrometer), used by the dashboard. */
    public static final String PROM_JVM_MEMORY_USED = "jvm_memory_used_bytes";
    public static final String PROM_JVM_MEMORY_MAX = "jvm_memory_max_bytes";

    /** The Prometheus metric families the services export and the dashboard may query. */
    public static final List<String> PROMETHEUS_FAMILIES = List.of(PROM_ARTICLES_IN, PROM_ARTICLES_OUT, PROM_DLQ_RECORDS,
            PROM_ENRICH_DURATION, PROM_DB_WRITE_DURATION, PROM_CONSUMER_LAG, PROM_JVM_MEMORY_USED, PROM_JVM_MEMORY_MAX);

    // ---- traces and logs ---------------------------------------------------------------------------
    /** The W3C trace-context header, on HTTP requests and responses and on Kafka records. */
    public static final String TRACEPARENT = "traceparent";
    /**
     * Kafka header on {@code articles.raw} (set by ingest) and {@code articles.enriched} (copied by enrich): the label
     * of the API key that submitted the article ({@code sha256:} and the first 12 hex digits of the key's SHA-256
     * digest, see service-support's {@code ApiKeySet.label}), never the key itself.
     */
    public static final String SUBMITTED_BY = "newsflow-submitted-by";
    /** MDC keys set while a request or record is processed (and fields of the JSON log lines). */
    public static final String MDC_ARTICLE_ID = "articleId";
    public static final String MDC_TRACE_ID = "traceId";

    private Telemetry() {
    }
}
