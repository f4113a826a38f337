package io.newsflow.api.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One stored article with its enrichment (table {@code article}). */
@Entity
@Table(name = "article")
public class StoredArticle extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "external_id")
    public String externalId;

    public String url;

    public String source;

    public String title;

    public String body;

    public String language;

    @Column(name = "published_value")
    public String publishedValue;

    @Column(name = "published_basis")
    public String publishedBasis;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "stored_at")
    public Instant storedAt;

    @Column(name = "sort_at")
    public Instant sortAt;

    @Column(name = "enrichment_version")
    public String enrichmentVersion;

    @Column(name = "enrichment_took_ms")
    public Long enrichmentTookMs;

    /** Why the enrichment stopped short (a limit per article), null when it is complete (V9). */
    @Column(name = "enrichment_incomplete_reason")
    public String enrichmentIncompleteReason;

    /** The W3C trace id of the article's way through the pipeline (null before V5). */
    @Column(name = "trace_id")
    public String traceId;

    /** The label of the ingest key that submitted the current content (null when unknown, or before V7). */
    @Column(name = "submitted_by")
    public String submittedBy;

    /** How many earlier versions are kept in article_revisions. */
    public int revisions;

    /** What ran on the text (enrichment.extractors) as a JSON array, null when the record did not say (V10). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "enrichment_extractors")
    public String enrichmentExtractorsJson;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dates")
    public String datesJson;
}
