package io.newsflow.enrichment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import io.newsflow.enrichment.dates.DateTagger;
import io.newsflow.enrichment.dates.HeidelTimeTagger;
import io.newsflow.enrichment.dates.PublishedDateInference;
import io.newsflow.enrichment.linking.EntityLinker;
import io.newsflow.enrichment.linking.WikipediaLinking;
import io.newsflow.enrichment.ner.AcronymDefinitions;
import io.newsflow.enrichment.ner.CountryNames;
import io.newsflow.enrichment.ner.EntityCanonicalizer;
import io.newsflow.enrichment.ner.MentionPropagation;
import io.newsflow.enrichment.ner.NamePatterns;
import io.newsflow.enrichment.ner.NerModel;
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
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.PublishedDates;
import io.newsflow.events.RawArticle;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Turns a {@link RawArticle} into an {@link EnrichedArticle}: clean title and text, language, publication date
 * with its basis, canonical entities and time expressions.
 *
 * <p>Build one per process and share it: the constructor loads the models of the NER languages it is given (English
 * alone: a few seconds and ~200 MB of heap; each other language adds its own, see README "Languages"), and
 * {@link #enrich} is thread-safe.
 */
public final class Enricher {

    /**
     * The languages whose NER loads by default: English and those whose models are in the default build and fit
     * the services' heap (Italian's stock CRF alone takes 770 MB and a minute to load: not by default). Dutch
     * runs once its model resource is on the classpath.
     */
    public static final Set<String> DEFAULT_NER_LANGUAGES = Set.of("en", "de", "es", "fr", "it", "nl");

    /** Why a language's NER does not run, as {@code enrichment.extractors} says it. */
    static final String NOT_CONFIGURED = "not-configured";
    static final String MODEL_UNAVAILABLE = "model-unavailable";

    private static final System.Logger LOG = System.getLogger(Enricher.class.getName());

    /** The NER of a language other than English: its tokenizer and its tagger. */
    private record LanguageNer(Sentences sentences, NerTagger tagger) {
    }

    /**
     * Bounds on the work spent on one article, so that no input holds a consumer for long or makes an unbounded
     * record. Beyond one, the article is still enriched with what finished and flagged incomplete
     * ({@link EnrichedArticle.Enrichment#complete()} false, with the reason).
     *
     * @param timeBudget       checked before each sentence the taggers analyse and each relative date resolved again:
     *                         the taggers stop there (page extraction and cleaning before them count against it)
     * @param maxAnalysedChars the NER and date taggers run on the first this many characters (cut at a line or
     *                         word break); the whole cleaned text is kept
     * @param maxMentions      at most this many entity mentions, and this many dates, in text order
     */
    public record Limits(Duration timeBudget, int maxAnalysedChars, int maxMentions) {

        public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(20);
        public static final int DEFAULT_MAX_ANALYSED_CHARS = 200_000;
        public static final int DEFAULT_MAX_MENTIONS = 5_000;
        public static final Limits DEFAULT = new Limits(DEFAULT_TIME_BUDGET, DEFAULT_MAX_ANALYSED_CHARS, DEFAULT_MAX_MENTIONS);

        public Limits {
            if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
                throw new IllegalArgumentException("timeBudget must be positive: " + timeBudget);
            }
            if (maxAnalysedChars < 1 || maxMentions < 0) {
                throw new IllegalArgumentException("maxAnalysedChars must be positive and maxMentions not negative");
            }
        }
    }

    private final Clock clock;
    private final Limits limits;
    /** English tokens and sentences (SUTime needs them even without English NER). */
    private final Sentences sentences;
    /** English NER, or null when English is not among the NER languages. */
    private final NerTagger ner;
    /** The NER of the other loaded languages, by ISO 639-1 code. */
    private final Map<String, LanguageNer> otherNer;
    /** Languages with a model that does not run here -> why ({@link #NOT_CONFIGURED}, {@link #MODEL_UNAVAILABLE}). */
    private final Map<String, String> nerOff;
    private final DateTagger dates;
    private final HeidelTimeTagger otherLanguageDates;
    private final LongAdder tokens;
    /** The clock of the time budget (a test may make time jump). */
    private final LongSupplier nanoTime;
    /** Links English entities to Wikipedia, or null when linking is off. */
    private final EntityLinker linker;

    /** Loads the models. */
    public Enricher() {
        this(Clock.systemUTC());
    }

    /** @param clock gives {@code receivedAt} to articles that come without one (e.g. on the command line) */
    public Enricher(Clock clock) {
        this(clock, Limits.DEFAULT);
    }

    /**
     * Loads the models of the languages in {@value #LANGUAGES_ENV} (comma-separated), else of
     * {@link #DEFAULT_NER_LANGUAGES}, with {@value NerModel#MODELS_DIR_ENV}; {@code limits} bound the work on each
     * article. The command line and the evaluation build theirs so; the service passes its configuration.
     */
    public Enricher(Clock clock, Limits limits) {
        this(clock, limits, nerLanguagesFromEnvironment(), NerModel.modelsDirFromEnvironment());
    }

    /** The environment variable that lists the NER languages to load. */
    public static final String LANGUAGES_ENV = "NEWSFLOW_ENRICH_LANGUAGES";

    private static Set<String> nerLanguagesFromEnvironment() {
        String languages = System.getenv(LANGUAGES_ENV);
        if (languages == null || languages.isBlank()) {
            return DEFAULT_NER_LANGUAGES;
        }
        Set<String> codes = new TreeSet<>();
        for (String code : languages.split(",")) {
            if (!code.isBlank()) {
                codes.add(code.strip());
            }
        }
        return codes;
    }

    /**
     * Loads the models of the NER languages (in parallel); a language whose model files are neither on the
     * classpath nor under {@code modelsDir} runs without NER, and its records say so.
     *
     * @param nerLanguages ISO 639-1 codes of languages with a model in {@link LanguageProfile} ("en", "de"...)
     * @param modelsDir    where language packs were unpacked ({@code NEWSFLOW_ENRICH_MODELS_DIR}), or null
     * @throws IllegalArgumentException for a language without a NER model
     */
    public Enricher(Clock clock, Limits limits, Set<String> nerLanguages, Path modelsDir) {
        this(clock, limits, nerLanguages, modelsDir, WikipediaLinking.fromEnvironment());
    }

    /**
     * As {@link #Enricher(Clock, Limits, Set, Path)}, with English entities linked to Wikipedia as {@code linking}
     * says (its index is made ready, the first time built, while the NER models load).
     */
    public Enricher(Clock clock, Limits limits, Set<String> nerLanguages, Path modelsDir, WikipediaLinking linking) {
        this(clock, limits, new Sentences(), loadNer(nerLanguages, modelsDir, linking), new DateTagger(), new HeidelTimeTagger(),
                new LongAdder(), System::nanoTime);
        LanguageDetection.load();
    }

    private Enricher(Clock clock, Limits limits, Sentences sentences, LoadedNer loaded, DateTagger dates,
                     HeidelTimeTagger otherLanguageDates, LongAdder tokens, LongSupplier nanoTime) {
        this(clock, limits, sentences, loaded.english(), loaded.others(), loaded.off(), dates, otherLanguageDates, tokens, nanoTime,
                loaded.linker());
    }

    private Enricher(Clock clock, Limits limits, Sentences sentences, NerTagger ner, Map<String, LanguageNer> otherNer,
                     Map<String, String> nerOff, DateTagger dates, HeidelTimeTagger otherLanguageDates, LongAdder tokens,
                     LongSupplier nanoTime, EntityLinker linker) {
        this.clock = clock;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sentences = sentences;
        this.ner = ner;
        this.otherNer = otherNer;
        this.nerOff = nerOff;
        this.dates = dates;
        this.otherLanguageDates = otherLanguageDates;
        this.tokens = tokens;
        this.nanoTime = nanoTime;
        this.linker = linker;
    }

    /** The same models (not loaded again) with other limits. */
    public Enricher withLimits(Limits limits) {
        return new Enricher(clock, limits, sentences, ner, otherNer, nerOff, dates, otherLanguageDates, tokens, nanoTime, linker);
    }

    /** The same enricher whose time budget reads {@code nanoTime} (tests). */
    Enricher withBudgetClock(LongSupplier nanoTime) {
        return new Enricher(clock, limits, sentences, ner, otherNer, nerOff, dates, otherLanguageDates, tokens, nanoTime, linker);
    }

    /** The languages whose NER runs ("en", "de"...). */
    public Set<String> nerLanguages() {
        Set<String> running = new TreeSet<>(otherNer.keySet());
        if (ner != null) {
            running.add("en");
        }
        return running;
    }

    /** The models of each language, loaded once; what does not load is said in {@code off}. The linker, or null. */
    private record LoadedNer(NerTagger english, Map<String, LanguageNer> others, Map<String, String> off, EntityLinker linker) {
    }

    private static LoadedNer loadNer(Set<String> nerLanguages, Path modelsDir, WikipediaLinking linking) {
        Set<String> wanted = new TreeSet<>();
        for (String language : nerLanguages) {
            String code = language.strip().toLowerCase(Locale.ROOT);
            if (LanguageProfile.nerModel(code) == null || code.equals(LanguageDetection.UNDETERMINED)) {
                throw new IllegalArgumentException("no NER model for the language '" + language + "'; languages with one: "
                        + LanguageProfile.nerLanguages());
            }
            wanted.add(code);
        }
        Map<String, String> off = new TreeMap<>();
        Map<String, NerModel.Located> found = new TreeMap<>();
        for (String code : LanguageProfile.nerLanguages()) {
            if (!wanted.contains(code)) {
                off.put(code, NOT_CONFIGURED);
                continue;
            }
            NerModel model = LanguageProfile.nerModel(code);
            Optional<NerModel.Located> located = model.locate(modelsDir);
            if (located.isPresent()) {
                found.put(code, located.get());
            } else {
                off.put(code, MODEL_UNAVAILABLE);
                LOG.log(System.Logger.Level.WARNING, "No NER for ''{0}'': the files {1} are neither on the classpath nor under {2} ({3})",
                        code, model.files(), modelsDir, NerModel.MODELS_DIR_ENV);
            }
        }
        // linking needs English entities; its index is made ready beside the models
        CompletableFuture<EntityLinker> linker = found.containsKey("en")
                ? CompletableFuture.supplyAsync(() -> linking.load().orElse(null)) : CompletableFuture.completedFuture(null);
        // each model loads on its own thread: start-up takes about as long as the largest one
        Map<String, Object> loaded = new ConcurrentHashMap<>();
        found.entrySet().parallelStream().forEach(e -> loaded.put(e.getKey(), e.getKey().equals("en")
                ? new NerTagger() : new LanguageNer(new Sentences(e.getValue().tokenizer()), new NerTagger(e.getValue()))));
        Map<String, LanguageNer> others = new TreeMap<>();
        loaded.forEach((code, tagger) -> {
            if (tagger instanceof LanguageNer languageNer) {
                others.put(code, languageNer);
            }
        });
        return new LoadedNer((NerTagger) loaded.get("en"), Map.copyOf(others), Map.copyOf(off), linker.join());
    }

    public Limits limits() {
        return limits;
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
        Budget budget = new Budget(nanoTime, limits.timeBudget());
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
            text = TextCleaner.clean(body, title, raw.language());
            if (title == null) {
                title = TitleCleaner.fromText(text);
            }
        }

        String language = raw.language() != null && !raw.language().isBlank() ? raw.language().strip() : LanguageDetection.detect(title, text);
        LanguageProfile profile = LanguageProfile.of(language);

        PublishedAt publishedAt;
        if (raw.publishedAt() != null && !raw.publishedAt().isBlank() && !outOfRange(raw.publishedAt())) {
            Basis basis = "page".equalsIgnoreCase(raw.publishedAtBasis()) ? Basis.page : Basis.given;
            publishedAt = new PublishedAt(raw.publishedAt().strip(), basis);
        } else if (pagePublished != null) {
            publishedAt = new PublishedAt(pagePublished, Basis.page);
        } else {
            publishedAt = PublishedAt.unknown();
        }
        LocalDate anchor = publishedAt.value() == null ? null : dateOf(publishedAt.value());

        String analysed = analysedPart(text, budget);
        LocalDate receivedDate = receivedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        String nerLanguage = profile.nerLanguage();
        String off = profile.ner() == null ? null : nerOff.get(nerLanguage);
        boolean runsNer = profile.ner() != null && off == null;
        Analysis analysis;
        if (profile.dates() == LanguageProfile.DateExtractor.SUTIME) {
            analysis = analyse(analysed, text.length(), anchor, receivedDate, budget);
        } else {
            // names first (sentence by sentence), then dates on the part the names finished
            Analysis names = runsNer ? tagNames(analysed, text.length(), otherNer.get(nerLanguage), budget)
                    : new Analysis(List.of(), List.of(), null, analysed.length());
            String dated = analysed.substring(0, names.analysedChars());
            analysis = switch (profile.dates()) {
                case HEIDELTIME -> {
                    Analysis found = analyseWithHeidelTime(dated, text.length(), profile.heidelTimeLanguage(), anchor, receivedDate, budget);
                    yield new Analysis(names.mentions(), withoutNames(found.dates(), names.mentions()), found.inferred(), found.analysedChars());
                }
                default -> names;
            };
        }
        if (analysis.inferred() != null) {
            publishedAt = new PublishedAt(analysis.inferred().toString(), Basis.inferred);
        }
        // the name rules see the part the taggers finished: entities are those of the analysed part
        String named = analysed.substring(0, analysis.analysedChars());
        List<Entity> entities = runsNer ? EntityCanonicalizer.canonicalize(nameRules(profile.ner(), named, analysis.mentions(), language), language)
                : List.of();
        if (linker != null && runsNer && nerLanguage.equals("en")) {
            entities = linker.link(entities, named);
        }

        String id = raw.id() != null && !raw.id().isBlank() ? raw.id()
                : ArticleIds.derive(raw.source(), raw.externalId(), raw.url(), raw.title(), raw.text() != null ? raw.text() : raw.html());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, raw.externalId(), raw.url(), raw.source(), title, text,
                language, publishedAt, receivedAt, capMentions(entities, budget), capDates(analysis.dates(), budget),
                new EnrichedArticle.Enrichment(version(), tookMs, budget.complete(), budget.reason(), profile.extractors(off)));
    }

    /** The rules the language's model says follow its CRF (English: the name rules and propagation, as always). */
    private static List<RawMention> nameRules(NerModel model, String named, List<RawMention> mentions, String language) {
        List<RawMention> found = mentions;
        if (model.rules().contains(NerModel.Rule.ENGLISH_NAMES)) {
            found = AcronymDefinitions.apply(named, PlaceQualifiers.apply(named, DescribedNames.apply(named, NamePatterns.apply(named, found))));
        }
        if (model.rules().contains(NerModel.Rule.COUNTRIES_AS_PLACES)) {
            found = CountryNames.asPlaces(found, language);
        }
        if (model.rules().contains(NerModel.Rule.PROPAGATION)) {
            found = MentionPropagation.propagate(named, found);
        }
        return found;
    }

    /** The text the taggers run on: all of it, or its first {@code maxAnalysedChars} cut at a line or word break. */
    private String analysedPart(String text, Budget budget) {
        int max = limits.maxAnalysedChars();
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf('\n', max);
        if (cut < max / 2) {
            cut = max;
            while (cut > max / 2 && !Character.isWhitespace(text.charAt(cut))) {
                cut--;
            }
            if (cut <= max / 2) {
                cut = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
            }
        }
        budget.incomplete("analysed the first " + cut + " of " + text.length() + " characters");
        return text.substring(0, cut);
    }

    /** At most {@code maxMentions} entity mentions, the first in the text; entities left without one go. */
    private List<Entity> capMentions(List<Entity> entities, Budget budget) {
        List<Entity.Mention> inTextOrder = entities.stream().flatMap(e -> e.mentions().stream())
                .sorted(Comparator.comparingInt(Entity.Mention::start)).toList();
        if (inTextOrder.size() <= limits.maxMentions()) {
            return entities;
        }
        Set<Entity.Mention> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(inTextOrder.subList(0, limits.maxMentions()));
        List<Entity> capped = new ArrayList<>();
        for (Entity e : entities) {
            List<Entity.Mention> mentions = e.mentions().stream().filter(kept::contains).toList();
            if (!mentions.isEmpty()) {
                capped.add(new Entity(e.key(), e.name(), e.type(), e.subtype(), mentions, e.link()));
            }
        }
        budget.incomplete("kept the first " + limits.maxMentions() + " of " + inTextOrder.size() + " entity mentions");
        return capped;
    }

    /** At most {@code maxMentions} dates (they come in text order). */
    private List<DateMention> capDates(List<DateMention> found, Budget budget) {
        if (found.size() <= limits.maxMentions()) {
            return found;
        }
        budget.incomplete("kept the first " + limits.maxMentions() + " of " + found.size() + " dates");
        return found.subList(0, limits.maxMentions());
    }

    /** True when the value is a date the pipeline reads but cannot store ("0001-01-01T00:00:00+01:00"): no date. */
    private static boolean outOfRange(String publishedAt) {
        return PublishedDates.normaliseLenient(publishedAt).isPresent() && PublishedDates.storableLenient(publishedAt).isEmpty();
    }

    /** The deadline of one article and why it is incomplete, if it is. */
    private static final class Budget {
        private final LongSupplier nanoTime;
        private final long deadline;
        private final Duration budget;
        private final List<String> reasons = new ArrayList<>();

        Budget(LongSupplier nanoTime, Duration budget) {
            this.nanoTime = nanoTime;
            this.budget = budget;
            this.deadline = nanoTime.getAsLong() + budget.toNanos();
        }

        /** One clock read: cheap enough between sentences. */
        boolean exceeded() {
            return nanoTime.getAsLong() - deadline > 0;
        }

        String budget() {
            return budget.toNanos() % 1_000_000_000 == 0 ? budget.toSeconds() + "s" : budget.toMillis() + "ms";
        }

        void incomplete(String reason) {
            reasons.add(reason);
        }

        /** null when complete (the field stays out of the JSON), false otherwise. */
        Boolean complete() {
            return reasons.isEmpty() ? null : Boolean.FALSE;
        }

        String reason() {
            return reasons.isEmpty() ? null : String.join("; ", reasons);
        }
    }

    /** Tokens analysed since this enricher was built (for throughput figures). */
    public long tokensProcessed() {
        return tokens.sum();
    }

    /** @param analysedChars how much of the text the taggers finished (all of it unless the time ran out) */
    private record Analysis(List<RawMention> mentions, List<DateMention> dates, LocalDate inferred, int analysedChars) {
    }

    /**
     * The time expressions of one sentence; while the publication date may still be inferred, what SUTime found in
     * the windows that need it (only those windows' tokens are kept, not the sentence's).
     */
    private record DatedSentence(DateTagger.SentenceDates found, List<DateMention> dates) {

        DatedSentence(DateTagger.SentenceDates found) {
            this(found, found.dates());
        }
    }

    /**
     * One pass over the text, segment by segment: NER on every sentence, SUTime on the sentences that may hold a
     * time. Without an anchor, relative expressions stay unresolved; if an explicit date then gives one (inferred
     * publication), the expressions SUTime found in the token windows that had such expressions are resolved against it.
     */
    private Analysis analyse(String text, int fullLength, LocalDate anchor, LocalDate receivedDate, Budget budget) {
        List<RawMention> mentions = new ArrayList<>();
        List<DatedSentence> dated = new ArrayList<>();
        int analysedChars = text.length();
        int analysedSentences = 0;
        analysis:
        for (Segments.Segment segment : Segments.of(text)) {
            List<CoreMap> split = sentences.split(segment.text());
            for (int i = 0; i < split.size(); i++) {
                CoreMap sentence = split.get(i);
                if (budget.exceeded()) {
                    // the sentences before this one are done; the rest of the text is kept, not analysed
                    analysedChars = segment.offset() + sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                    budget.incomplete("time budget " + budget.budget() + " exceeded after " + analysedSentences
                            + " sentences: analysed the first " + analysedChars + " of " + fullLength + " characters");
                    break analysis;
                }
                analysedSentences++;
                List<CoreLabel> sentenceTokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
                tokens.add(sentenceTokens.size());
                if (ner != null) {
                    mentions.addAll(ner.tag(sentenceTokens, segment.text(), segment.offset()));
                }
                if (DateTagger.mayHaveTime(sentence.get(CoreAnnotations.TextAnnotation.class))) {
                    DateTagger.SentenceDates found = dates.tag(sentence, segment.text(), segment.offset(), anchor);
                    if (!found.isEmpty()) {
                        dated.add(new DatedSentence(found));
                    }
                }
            }
        }
        LocalDate inferred = anchor == null ? PublishedDateInference.infer(
                dated.stream().flatMap(d -> d.dates().stream()).toList(), receivedDate) : null;
        if (inferred != null) {
            retag(dated, inferred, budget);
        }
        List<DateMention> found = withoutNames(dated.stream()
                .flatMap(d -> d.dates().stream())
                .sorted(Comparator.comparingInt(DateMention::start))
                .toList(), mentions);
        return new Analysis(mentions, found, inferred, analysedChars);
    }

    /** NER of a language other than English, sentence by sentence with that language's tokenizer, within the budget. */
    private Analysis tagNames(String text, int fullLength, LanguageNer languageNer, Budget budget) {
        List<RawMention> mentions = new ArrayList<>();
        int analysedSentences = 0;
        for (Segments.Segment segment : Segments.of(text)) {
            for (CoreMap sentence : languageNer.sentences().split(segment.text())) {
                if (budget.exceeded()) {
                    int analysedChars = segment.offset() + sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                    budget.incomplete("time budget " + budget.budget() + " exceeded after " + analysedSentences
                            + " sentences: analysed the first " + analysedChars + " of " + fullLength + " characters");
                    return new Analysis(mentions, List.of(), null, analysedChars);
                }
                analysedSentences++;
                List<CoreLabel> sentenceTokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
                tokens.add(sentenceTokens.size());
                mentions.addAll(languageNer.tagger().tag(sentenceTokens, segment.text(), segment.offset()));
            }
        }
        return new Analysis(mentions, List.of(), null, text.length());
    }

    /**
     * Dates by HeidelTime, on pieces of up to {@link Segments#MAX_CHARS} characters made of whole lines (so that
     * "that day" still finds the date before it), checking the time budget before each. Without an anchor, an
     * explicit date may give one (inferred publication), and the pieces are tagged again against it.
     */
    private Analysis analyseWithHeidelTime(String text, int fullLength, String language, LocalDate anchor, LocalDate receivedDate,
                                           Budget budget) {
        List<int[]> pieces = pieces(text);
        List<List<DateMention>> found = new ArrayList<>();
        int analysedChars = text.length();
        for (int[] piece : pieces) {
            if (budget.exceeded()) {
                analysedChars = piece[0];
                budget.incomplete("time budget " + budget.budget() + " exceeded after " + found.size() + " text pieces: analysed the first "
                        + analysedChars + " of " + fullLength + " characters");
                break;
            }
            found.add(otherLanguageDates.tag(language, text.substring(piece[0], piece[1]), piece[0], anchor));
        }
        LocalDate inferred = anchor == null ? PublishedDateInference.infer(found.stream().flatMap(List::stream).toList(), receivedDate) : null;
        if (inferred != null) {
            // all pieces again: narrative mode may have placed "ayer" against another date than the publication
            for (int i = 0; i < found.size(); i++) {
                if (budget.exceeded()) {
                    budget.incomplete("time budget " + budget.budget() + " exceeded while resolving relative dates");
                    break;
                }
                int[] piece = pieces.get(i);
                found.set(i, otherLanguageDates.tag(language, text.substring(piece[0], piece[1]), piece[0], inferred));
            }
        }
        return new Analysis(List.of(), found.stream().flatMap(List::stream).toList(), inferred, analysedChars);
    }

    /** [start, end) of consecutive whole lines of at most {@link Segments#MAX_CHARS} characters (longer lines cut as {@link Segments} does). */
    private static List<int[]> pieces(String text) {
        List<int[]> pieces = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (Segments.Segment segment : Segments.of(text)) {
            int segmentEnd = segment.offset() + segment.text().length();
            if (start >= 0 && segmentEnd - start > Segments.MAX_CHARS) {
                pieces.add(new int[] {start, end});
                start = -1;
            }
            if (start < 0) {
                start = segment.offset();
            }
            end = segmentEnd;
        }
        if (start >= 0 && end > start) {
            pieces.add(new int[] {start, end});
        }
        return pieces;
    }

    /**
     * Resolves, against the inferred anchor, the sentences whose expressions need one (relative, or without a value
     * alone), from what SUTime found in them without it.
     */
    private void retag(List<DatedSentence> dated, LocalDate anchor, Budget budget) {
        for (int i = 0; i < dated.size(); i++) {
            DatedSentence d = dated.get(i);
            if (!d.found().needsAnchor()) {
                continue;
            }
            if (budget.exceeded()) {
                // the remaining relative expressions stay unresolved, as without a publication date
                budget.incomplete("time budget " + budget.budget() + " exceeded while resolving relative dates");
                return;
            }
            dated.set(i, new DatedSentence(d.found(), dates.resolve(anchor, d.found())));
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
        return PublishedDates.localDate(iso)
                .orElseThrow(() -> new IllegalArgumentException("publishedAt is not an ISO-8601 date or date-time: " + iso));
    }
}
