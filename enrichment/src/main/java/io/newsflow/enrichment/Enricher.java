package io.newsflow.enrichment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import io.newsflow.enrichment.dates.DateTagger;
import io.newsflow.enrichment.dates.PublishedDateInference;
import io.newsflow.enrichment.ner.AcronymDefinitions;
import io.newsflow.enrichment.ner.EntityCanonicalizer;
import io.newsflow.enrichment.ner.MentionPropagation;
import io.newsflow.enrichment.ner.NamePatterns;
import io.newsflow.enrichment.ner.NerTagger;
import io.newsflow.enrichment.ner.DescribedNames;
import io.newsflow.enrichment.ner.PlaceQualifiers;
import io.newsflow.enrichment.ner.RawMention;
import io.newsflow.enrichment.text.HtmlMainText;
import io.newsflow.enrichment.text.LanguageDetection;
import io.newsflow.enrichment.text.Segments;
import io.newsflow.enrichment.text.TextCleaner;
import io.newsflow.enrichment.text.TitleCleaner;
import io.newsflow.events.ArticleIds;
import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EnrichedArticle.Basis;
import io.newsflow.events.EnrichedArticle.PublishedAt;
import io.newsflow.events.EntityType;
import io.newsflow.events.RawArticle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns a {@link RawArticle} into an {@link EnrichedArticle}: clean title and text, language, publication date
 * with its basis, canonical entities and time expressions.
 *
 * <p>Build one per process and share it: the constructor loads the models (a few seconds; ~200 MB of heap stay
 * in use, so give the JVM at least 512 MB), and {@link #enrich} is thread-safe.
 */
public final class Enricher {

    private final Clock clock;
    private final Sentences sentences;
    private final NerTagger ner;
    private final DateTagger dates;
    private final LongAdder tokens = new LongAdder();

    /** Loads the models. */
    public Enricher() {
        this(Clock.systemUTC());
    }

    /** @param clock gives {@code receivedAt} to articles that come without one (e.g. on the command line) */
    public Enricher(Clock clock) {
        this.clock = clock;
        this.sentences = new Sentences();
        this.ner = new NerTagger();
        this.dates = new DateTagger();
        LanguageDetection.load();
    }

    /** The {@code enrichment.version} written into every record. */
    public static String version() {
        return EnrichmentVersion.VERSION;
    }

    /** Enriches with boilerplate removal on. */
    public EnrichedArticle enrich(RawArticle raw) {
        return enrich(raw, true);
    }

    /**
     * @param clean false keeps the input text exactly (offsets then index the input); for HTML input it keeps the
     *              extracted main text without the line-level boilerplate rules
     * @throws IllegalArgumentException when the article has neither text nor html, or an unreadable publishedAt
     */
    public EnrichedArticle enrich(RawArticle raw, boolean clean) {
        long started = System.nanoTime();
        Instant receivedAt = raw.receivedAt() != null ? raw.receivedAt() : clock.instant();

        String title = raw.title();
        String body;
        String pagePublished = null;
        if (raw.text() != null) {
            body = raw.text();
        } else if (raw.html() != null) {
            HtmlMainText.Result page = HtmlMainText.extract(raw.html());
            body = page.text() == null ? "" : page.text();
            title = title != null && !title.isBlank() ? title : page.title();
            pagePublished = page.publishedAt();
        } else {
            throw new IllegalArgumentException("the article has neither text nor html");
        }

        String text = body;
        if (clean) {
            title = TitleCleaner.clean(title, body);
            text = TextCleaner.clean(body, title);
            if (title == null) {
                title = TitleCleaner.fromText(text);
            }
        }

        String language = raw.language() != null && !raw.language().isBlank() ? raw.language().strip() : LanguageDetection.detect(title, text);

        PublishedAt publishedAt;
        if (raw.publishedAt() != null && !raw.publishedAt().isBlank()) {
            Basis basis = "page".equalsIgnoreCase(raw.publishedAtBasis()) ? Basis.page : Basis.given;
            publishedAt = new PublishedAt(raw.publishedAt().strip(), basis);
        } else if (pagePublished != null) {
            publishedAt = new PublishedAt(pagePublished, Basis.page);
        } else {
            publishedAt = PublishedAt.unknown();
        }
        LocalDate anchor = publishedAt.value() == null ? null : dateOf(publishedAt.value());

        Analysis analysis = analyse(text, anchor, receivedAt.atOffset(ZoneOffset.UTC).toLocalDate());
        if (analysis.inferred() != null) {
            publishedAt = new PublishedAt(analysis.inferred().toString(), Basis.inferred);
        }

        String id = raw.id() != null && !raw.id().isBlank() ? raw.id()
                : ArticleIds.derive(raw.source(), raw.externalId(), raw.url(), raw.title(), raw.text() != null ? raw.text() : raw.html());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, raw.externalId(), raw.url(), raw.source(), title, text,
                language, publishedAt, receivedAt,
                EntityCanonicalizer.canonicalize(MentionPropagation.propagate(text, AcronymDefinitions.apply(text,
                        PlaceQualifiers.apply(text, DescribedNames.apply(text, NamePatterns.apply(text, analysis.mentions())))))), analysis.dates(),
                new EnrichedArticle.Enrichment(version(), tookMs));
    }

    /** Tokens analysed since this enricher was built (for throughput figures). */
    public long tokensProcessed() {
        return tokens.sum();
    }

    private record Analysis(List<RawMention> mentions, List<DateMention> dates, LocalDate inferred) {
    }

    /**
     * The time expressions of one sentence; while the publication date may still be inferred, where to find the
     * sentence again (segment and sentence index: tokens are not kept, memory stays bounded).
     */
    private record DatedSentence(Segments.Segment segment, int sentenceIndex, DateTagger.SentenceDates found,
                                 List<DateMention> dates) {

        DatedSentence(Segments.Segment segment, int sentenceIndex, DateTagger.SentenceDates found) {
            this(segment, sentenceIndex, found, found.dates());
        }
    }

    /**
     * One pass over the text, segment by segment: NER on every sentence, SUTime on the sentences that may hold a
     * time. Without an anchor, relative expressions stay unresolved; if an explicit date then gives one (inferred
     * publication), only the token windows that had such expressions are tagged again.
     */
    private Analysis analyse(String text, LocalDate anchor, LocalDate receivedDate) {
        List<RawMention> mentions = new ArrayList<>();
        List<DatedSentence> dated = new ArrayList<>();
        for (Segments.Segment segment : Segments.of(text)) {
            List<CoreMap> split = sentences.split(segment.text());
            for (int i = 0; i < split.size(); i++) {
                CoreMap sentence = split.get(i);
                List<CoreLabel> sentenceTokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
                tokens.add(sentenceTokens.size());
                mentions.addAll(ner.tag(sentenceTokens, segment.text(), segment.offset()));
                if (DateTagger.mayHaveTime(sentence.get(CoreAnnotations.TextAnnotation.class))) {
                    DateTagger.SentenceDates found = dates.tag(sentence, segment.text(), segment.offset(), anchor);
                    if (!found.isEmpty()) {
                        dated.add(new DatedSentence(segment, i, found));
                    }
                }
            }
        }
        LocalDate inferred = anchor == null ? PublishedDateInference.infer(
                dated.stream().flatMap(d -> d.dates().stream()).toList(), receivedDate) : null;
        if (inferred != null) {
            retag(dated, inferred);
        }
        List<DateMention> found = withoutNames(dated.stream()
                .flatMap(d -> d.dates().stream())
                .sorted(Comparator.comparingInt(DateMention::start))
                .toList(), mentions);
        return new Analysis(mentions, found, inferred);
    }

    /**
     * Resolves, against the inferred anchor, the sentences whose expressions need one (relative, or without a value
     * alone); a segment is split again once for all its sentences.
     */
    private void retag(List<DatedSentence> dated, LocalDate anchor) {
        Segments.Segment lastSegment = null;
        List<CoreMap> split = List.of();
        for (int i = 0; i < dated.size(); i++) {
            DatedSentence d = dated.get(i);
            if (!d.found().needsAnchor()) {
                continue;
            }
            if (d.segment() != lastSegment) {
                lastSegment = d.segment();
                split = sentences.split(d.segment().text());
            }
            List<DateMention> resolved = dates.resolve(split.get(d.sentenceIndex()), d.segment().text(), d.segment().offset(),
                    anchor, d.found());
            dated.set(i, new DatedSentence(d.segment(), d.sentenceIndex(), d.found(), resolved));
        }
    }

    /**
     * Drops time expressions inside a person or organization name ("Theresa May", "Black Friday Inc."). Both
     * lists are in text order and names do not overlap, so one forward pass is enough.
     */
    private static List<DateMention> withoutNames(List<DateMention> sortedDates, List<RawMention> mentionsInOrder) {
        List<RawMention> names = mentionsInOrder.stream()
                .filter(m -> m.type() == EntityType.PERSON || m.type() == EntityType.ORGANIZATION)
                .toList();
        List<DateMention> kept = new ArrayList<>();
        int n = 0;
        for (DateMention d : sortedDates) {
            while (n < names.size() && names.get(n).end() <= d.start()) {
                n++;
            }
            boolean inside = n < names.size() && names.get(n).start() <= d.start() && d.end() <= names.get(n).end();
            if (!inside) {
                kept.add(d);
            }
        }
        return kept;
    }

    /** The calendar date of an ISO-8601 date or date-time (in its own offset: the local publication day). */
    static LocalDate dateOf(String iso) {
        String s = iso.strip();
        try {
            return OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Instant.parse(s).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("publishedAt is not an ISO-8601 date or date-time: " + iso);
        }
    }
}
