package io.newsflow.eval;

import io.newsflow.enrichment.Enricher;
import io.newsflow.eval.identity.IdentityDocument;
import io.newsflow.eval.identity.IdentitySystem;
import io.newsflow.eval.identity.KeyedMention;
import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.Span;
import io.newsflow.eval.timex.TimexSpan;
import io.newsflow.eval.timex.TmlDocument;
import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.RawArticle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Newsflow's enricher as production runs it: {@link Enricher#enrich(RawArticle, boolean)}, with {@code clean=false}
 * for the NER and TIMEX texts (the output text is the input text, so offsets index it) and {@code clean=true} for
 * HTML pages (the output text is the extracted, cleaned main text). The identity texts go in as English with
 * {@code clean=false}; their mentions carry the entity's key and link as the article's JSON has them.
 */
public final class NewsflowExtractor implements Extractor, IdentitySystem {

    private static final Instant RECEIVED = Instant.parse("2020-01-01T00:00:00Z");

    private final Enricher enricher;

    public NewsflowExtractor(Enricher enricher) {
        this.enricher = enricher;
    }

    @Override
    public String name() {
        return "newsflow";
    }

    public Enricher enricher() {
        return enricher;
    }

    @Override
    public List<Span> entities(ConllDocument document) {
        EnrichedArticle out = enrichNerText(document);
        List<Span> spans = new ArrayList<>();
        for (Entity entity : out.entities()) {
            for (Entity.Mention m : entity.mentions()) {
                spans.add(new Span(m.start(), m.end(), conllType(entity.type())));
            }
        }
        return spans;
    }

    /** The document's text enriched with the language of its set, as a client would give it (null: detection). */
    EnrichedArticle enrichNerText(ConllDocument document) {
        return enrichText(document.id(), document.text(), null, document.language());
    }

    @Override
    public List<KeyedMention> keyedMentions(IdentityDocument document) {
        EnrichedArticle out = enrichText(document.id(), document.text(), null, "en");
        List<KeyedMention> mentions = new ArrayList<>();
        for (Entity entity : out.entities()) {
            String link = entity.link() == null ? null : IdentityDocument.normaliseTitle(entity.link().id());
            for (Entity.Mention m : entity.mentions()) {
                mentions.add(new KeyedMention(m.start(), m.end(), entity.key(), link));
            }
        }
        return mentions;
    }

    @Override
    public List<TimexSpan> timexes(TmlDocument document) {
        EnrichedArticle out = enrichText(document.id(), document.text(), document.dct(), document.language());
        List<TimexSpan> spans = new ArrayList<>();
        for (DateMention d : out.dates()) {
            spans.add(new TimexSpan(d.start(), d.end(), d.type(), d.value(), d.text()));
        }
        return spans;
    }

    /** The cleaned main text of a web page (RawArticle with html only, clean=true). */
    public String articleText(String id, String html) {
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, null, null, "eval", null, null, html, null, null,
                null, RECEIVED);
        String text = enricher.enrich(raw, true).text();
        return text == null ? "" : text;
    }

    /** @param language the data set's language, as a client would give it; null to let the enricher detect it */
    private EnrichedArticle enrichText(String id, String text, String publishedAt, String language) {
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, null, null, "eval", null, text, null, language,
                publishedAt, publishedAt == null ? null : "given", RECEIVED);
        EnrichedArticle out = enricher.enrich(raw, false);
        if (!text.equals(out.text())) {
            throw new IllegalStateException(id + ": with clean=false the enricher changed the text; offsets would not index it");
        }
        return out;
    }

    static String conllType(EntityType type) {
        return switch (type) {
            case PERSON -> "PER";
            case ORGANIZATION -> "ORG";
            case LOCATION -> "LOC";
            case MISC -> "MISC";
        };
    }
}
