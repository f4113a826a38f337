package io.newsflow.enrichment.dates;

import edu.stanford.nlp.ie.NumberNormalizer;
import edu.stanford.nlp.ie.regexp.NumberSequenceClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.types.Value;
import edu.stanford.nlp.pipeline.ChunkAnnotationUtils;
import edu.stanford.nlp.time.GenericTimeExpressionPatterns;
import edu.stanford.nlp.time.Options;
import edu.stanford.nlp.time.SUTime;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeExpression;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import io.newsflow.events.DateMention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time expressions with SUTime on tokenized sentences (tokenize + ssplit only: no POS or NER pipeline).
 *
 * <p>SUTime is the slow part of enrichment (on whole sentences about ten times the CRF's cost per token), so
 * it only runs on token windows around digits and time words ({@link #mayHaveTime}, {@link #windows}).
 *
 * <p>SUTime drops a lone "May"/"March" unless the POS tag says noun; without a POS tagger we tag a capitalised
 * May/March after a preposition or determiner ("in May", "since March"; not the modal verb, not "Theresa May")
 * as a proper noun, and "spring"/"fall" after last/this/next as nouns.
 *
 * <p>Expressions without calendar content ("now", "recently": TimeML's PRESENT_REF / PAST_REF / FUTURE_REF) are
 * kept with {@code resolved: false}, like unanchored relative ones ("last week" when the publication date is
 * unknown, which keep their granularity: XXXX-WXX). A time followed by a UTC/GMT zone takes the zone into its
 * span, and decades written as "the 70s" are tagged (SUTime only knows "the 1970s" and "the seventies").
 *
 * <p>SUTime works in two steps: its TokensRegex rules find the expressions (nearly all of its cost), then each
 * expression's temporal is resolved against the reference date, if any. Only the second step depends on the
 * anchor, so an article whose publication date is inferred from its own dates is matched once: the expressions
 * found without an anchor are resolved again against it ({@link #resolve}), as SUTime's
 * {@code TimeExpressionExtractorImpl} would resolve them (replayed in {@link #timexes}).
 *
 * <p>Thread-safe: SUTime's extractor is shared read-only, the time index is per call.
 */
public final class DateTagger {

    private static final System.Logger LOG = System.getLogger(DateTagger.class.getName());

    private static final Pattern TIME_WORDS = Pattern.compile("(?i)\\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|"
            + "june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|"
            + "mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(r(s(day)?)?)?|fri(day)?|sat(urday)?|sun(day)?|"
            + "today|tonight|yesterday|tomorrow|days?|weeks?|weekends?|fortnight|months?|years?|decades?|centur(y|ies)|"
            + "mornings?|afternoons?|evenings?|nights?|noon|midnight|hours?|minutes?|seconds?|"
            + "spring|summer|autumn|fall|winter|quarters?|annual(ly)?|daily|weekly|monthly|yearly|hourly|"
            + "christmas|easter|thanksgiving|halloween|ramadan|eid|hanukkah|"
            + "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|"
            // TimeML's PRESENT_REF / PAST_REF / FUTURE_REF expressions
            + "now|nowadays|currently|current|recent(ly)?|lately|previously|formerly|past|future|soon|present)\\b");
    /** Time words, or any digit: the sentence-level pre-test. */
    private static final Pattern TIME_WORD = Pattern.compile("\\d|" + TIME_WORDS.pattern());
    /** Numbers of more than two digits that can be (part of) a date or time: years, "0800", "10:30", "2019-05-29". */
    private static final Pattern DATE_LIKE_NUMBER = Pattern.compile("\\d{4}s?|.*\\d[:./-]\\d.*");
    /** A day, month or hour written alone: "5", "29". */
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,2}");
    /**
     * Words that make a time of a day, month or hour number without any {@link #TIME_WORDS time word} near it: a.m./p.m.,
     * o'clock, SUTime's abbreviated units ("15 hrs") and its times of day that are not time words here ("5 at dawn"),
     * an apostrophe before a year's two digits ("' 90"). SUTime's grammar builds nothing else from a lone number.
     */
    private static final Pattern CLOCK_WORD = Pattern.compile("(?i)a\\.?m\\.?|p\\.?m\\.?|o['’]clock|h|yrs?|mos?|hrs?|mins?|secs?|"
            + "millisecs?|milliseconds?|wks?|millenn?i(a|ums?)s?|dusks?|twilights?|dawns?|daybreaks?|sunrises?|sunups?|sundowns?|"
            + "sunsets?|middays?|teatimes?|lunchtimes?|dinnertimes?|suppertimes?|daylights?|daytimes?|nighttimes?|overnights?|"
            + "workdays?|['’]");
    private static final Set<String> SEASON_ANCHORS = Set.of("last", "this", "next", "past", "coming", "early", "late", "mid");
    /** Words before a month name: "in May", "since March" (not "Theresa May"). */
    private static final Set<String> MONTH_ANCHORS = Set.of("in", "on", "of", "since", "until", "till", "by", "from", "to",
            "during", "early", "late", "mid", "last", "next", "this", "before", "after", "through", "between", "and", "or",
            "-", "–", "around", "in-between", "throughout");

    /** A zone after a clock time: "16:00 UTC", "0800 GMT". */
    private static final Pattern UTC_AFTER = Pattern.compile("\\s*\\b(UTC|GMT|Z)\\b");
    /** Two-digit decades: "the 70s", "the '80s" (the digits are group 2; "1970s" is SUTime's). */
    private static final Pattern SHORT_DECADE = Pattern.compile("(?<![\\d'’])((?:['’])?([1-9]0)['’]?s)\\b");

    /** Words that join two time expressions SUTime may compose into one it cannot resolve. */
    private static final Set<String> CONNECTORS = Set.of("on", "since", "of", "at", "in", "after", "before", "until", ",");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s+|\\n");

    /** Tokens kept on each side of a time word. */
    static final int WINDOW = 4;

    /** The rule files SUTime's TimeAnnotator loads for English. */
    private static final String RULE_FILES = Options.languageToRulesFiles.get("english");

    /** SUTime's rules (the ones its TimeAnnotator loads) and its rule for the direction a relative time resolves to. */
    private final GenericTimeExpressionPatterns patterns;
    private final CoreMapExpressionExtractor<MatchedExpression> extractor;

    public DateTagger() {
        Properties properties = new Properties();
        properties.setProperty("sutime.rules", RULE_FILES);
        this.patterns = new GenericTimeExpressionPatterns(new Options("sutime", properties));
        this.extractor = RulePretest.sutimeExtractor(patterns, List.of(RULE_FILES.split(",")));
    }

    /**
     * A token a time expression can be built around: a time word, or a number that can be a day, month, hour,
     * year or clock time ("5", "2019", "1990s", "21st", "10:30", "2019-05-29", "0800"). Other numbers ("500",
     * "10,000", "A380") only take part in one next to a time word ("500 years"), whose window holds them anyway.
     */
    static boolean isTimeToken(String word) {
        long digits = word.chars().filter(Character::isDigit).count();
        if (digits == 0 || digits > 2 && !DATE_LIKE_NUMBER.matcher(word).matches()) {
            return TIME_WORDS.matcher(word).find(); // "500-year" still counts
        }
        return true;
    }

    /** Cheap pre-test: false when SUTime cannot find anything in the sentence. */
    public static boolean mayHaveTime(String sentence) {
        return TIME_WORD.matcher(sentence).find();
    }

    /**
     * The time expressions of one sentence, and, when they were found without an anchor, SUTime's expressions of the
     * windows that need one ({@code pending}: relative ones, and composites SUTime cannot resolve alone) and whether
     * a short decade's century does. SUTime finds the same expressions with or without an anchor, so only their
     * values have to be resolved again once an anchor is known ({@link #resolve}).
     */
    public record SentenceDates(List<DateMention> dates, List<Pending> pending, boolean shortDecades, Sentence sentence) {

        /** Nothing found, and nothing an anchor would find. */
        public boolean isEmpty() {
            return dates.isEmpty() && pending.isEmpty();
        }

        /** Some expression would come out differently against an anchor. */
        public boolean needsAnchor() {
            return !pending.isEmpty() || shortDecades;
        }
    }

    /** Where a sentence is: its segment, where that starts in the article, the sentence's text and start in the segment. */
    public record Sentence(String segment, int offset, String text, int start) {
    }

    /** A window whose expressions need an anchor: its characters in the segment, and what SUTime found there. */
    public static final class Pending {
        private final int begin;
        private final int end;
        private final Extracted found;

        private Pending(int begin, int end, Extracted found) {
            this.begin = begin;
            this.end = end;
            this.found = found;
        }
    }

    /**
     * SUTime's expressions in some tokens, before resolution: the tokens as SUTime saw them and each expression with
     * the value its rules gave it (resolution replaces an expression's value, and drops the tags on it).
     */
    private record Extracted(CoreMap annotation, List<TimeExpression> expressions, List<Value> values) {
    }

    /**
     * Finds the time expressions of one sentence.
     *
     * @param sentence a sentence from tokenize+ssplit over {@code segment}
     * @param offset   where {@code segment} starts in the article text
     * @param anchor   the publication date relative expressions resolve against, or null
     */
    public SentenceDates tag(CoreMap sentence, String segment, int offset, LocalDate anchor) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        Sentence where = new Sentence(segment, offset, sentence.get(CoreAnnotations.TextAnnotation.class),
                sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class));
        tagMonthNouns(tokens);
        List<DateMention> out = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (int[] window : windows(tokens)) {
            Extracted found = extract(tokens.subList(window[0], window[1]), segment);
            boolean complete = add(found, where, anchor, true, out);
            if (!complete && anchor == null) {
                pending.add(new Pending(tokens.get(window[0]).beginPosition(), tokens.get(window[1] - 1).endPosition(), found));
            }
        }
        boolean decades = addShortDecades(where, anchor, out);
        return new SentenceDates(out, pending, decades && anchor == null, where);
    }

    /**
     * The time expressions of a sentence {@link #tag}ged without an anchor, now that there is one: the expressions
     * of its pending windows are resolved against {@code anchor} (SUTime's rules are not matched again), the other
     * expressions stay as they were (short decades, whose century depends on the anchor, are placed again).
     */
    public List<DateMention> resolve(LocalDate anchor, SentenceDates unanchored) {
        Sentence where = unanchored.sentence();
        int offset = where.offset();
        List<DateMention> out = new ArrayList<>();
        for (DateMention d : unanchored.dates()) {
            boolean inPending = unanchored.pending().stream().anyMatch(w -> d.start() < offset + w.end && d.end() > offset + w.begin);
            if (!inPending && !SHORT_DECADE.matcher(d.text()).matches()) {
                out.add(d);
            }
        }
        for (Pending window : unanchored.pending()) {
            add(window.found, where, anchor, true, out);
        }
        addShortDecades(where, anchor, out);
        return out;
    }

    /** SUTime's rules over some tokens (the costly step), or null when SUTime fails on them. */
    private Extracted extract(List<CoreLabel> tokens, String segment) {
        try {
            // as TimeAnnotator.annotateSingleSentence and TimeExpressionExtractorImpl.extractTimeExpressions do
            CoreMap annotation = NumberSequenceClassifier.alignSentence(subSentence(tokens, segment));
            List<CoreMap> numbers;
            try {
                numbers = NumberNormalizer.findAndMergeNumbers(annotation);
            } catch (NumberFormatException e) {
                numbers = new ArrayList<>();
            }
            annotation.set(CoreAnnotations.NumerizedTokensAnnotation.class, numbers);
            List<TimeExpression> expressions = new ArrayList<>();
            List<Value> values = new ArrayList<>();
            for (MatchedExpression matched : extractor.extractExpressions(annotation)) {
                TimeExpression expression = matched.getAnnotation().get(TimeExpression.Annotation.class);
                if (expression != null) {
                    expressions.add(expression);
                    values.add(expression.value);
                }
            }
            return new Extracted(annotation, expressions, values);
        } catch (RuntimeException e) {
            // a SUTime bug on odd input must not cost the article its enrichment: these tokens just get no dates
            LOG.log(System.Logger.Level.DEBUG, "SUTime failed on " + tokens.size() + " tokens; no dates there", e);
            return null;
        }
    }

    /**
     * What SUTime's {@code annotateSingleSentence} returns for the extracted tokens with this anchor: each expression
     * resolved against it twice, before and after sorting, with the direction its tags give (or the closest for a
     * partial time), then as a TIMEX; as {@code TimeExpressionExtractorImpl} does (resolveTimeExpressions, toCoreMaps).
     */
    private List<CoreMap> timexes(Extracted found, LocalDate anchor) {
        SUTime.Time reference = anchor == null ? null : SUTime.parseDateTime(anchor.toString(), true);
        List<TimeExpression> expressions = new ArrayList<>(found.expressions());
        for (int i = 0; i < expressions.size(); i++) {
            expressions.get(i).value = found.values().get(i);
        }
        resolveAll(found.annotation(), expressions, reference);
        expressions.sort(MatchedExpression.EXPR_TOKEN_OFFSETS_NESTED_FIRST_COMPARATOR);
        resolveAll(found.annotation(), expressions, reference);
        SUTime.TimeIndex timeIndex = new SUTime.TimeIndex();
        List<CoreMap> timexes = new ArrayList<>(expressions.size());
        for (TimeExpression expression : expressions) {
            SUTime.Temporal temporal = expression.getTemporal();
            if (temporal == null) {
                continue;
            }
            CoreMap chunk = expression.getAnnotation();
            if (found.annotation().get(CoreAnnotations.TextAnnotation.class) != null) {
                ChunkAnnotationUtils.annotateChunkText(chunk, found.annotation());
            }
            try {
                Timex timex = Timex.fromMap(chunk.get(CoreAnnotations.TextAnnotation.class), temporal.getTimexAttributes(timeIndex));
                chunk.set(TimeAnnotations.TimexAnnotation.class, timex);
                timexes.add(chunk);
            } catch (RuntimeException e) {
                // SUTime leaves out an expression it cannot write as a TIMEX
            }
        }
        return timexes;
    }

    private void resolveAll(CoreMap annotation, List<TimeExpression> expressions, SUTime.Time reference) {
        for (TimeExpression expression : expressions) {
            SUTime.Temporal temporal = expression.getTemporal();
            if (temporal == null) {
                continue;
            }
            try {
                SUTime.Temporal resolved = temporal.resolve(reference, patterns.determineRelFlags(annotation, expression));
                if (resolved != temporal) {
                    expression.setTemporal(resolved);
                }
            } catch (RuntimeException e) {
                // SUTime keeps the expression unresolved
            }
        }
    }

    /**
     * Adds what SUTime found in some tokens, resolved against the anchor. SUTime sometimes composes two expressions
     * into one it cannot resolve ("six years on Thursday", "week since November", "day yesterday": value null); those
     * are split at their connecting words (or after the first token) and each part is tagged on its own, once.
     *
     * @return false when something found there needs an anchor: an expression left unresolved or without a value
     */
    private boolean add(Extracted found, Sentence where, LocalDate anchor, boolean splitComposites, List<DateMention> out) {
        if (found == null) {
            return true;
        }
        List<CoreMap> timexes;
        try {
            timexes = timexes(found, anchor);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "SUTime failed to resolve " + found.expressions().size() + " expressions; no dates there", e);
            return true;
        }
        String segment = where.segment();
        boolean complete = true;
        for (CoreMap cm : timexes) {
            Timex timex = cm.get(TimeAnnotations.TimexAnnotation.class);
            List<CoreLabel> span = cm.get(CoreAnnotations.TokensAnnotation.class);
            if (timex == null || span == null || span.isEmpty()) {
                continue;
            }
            if (timex.value() == null && anchor != null && splitComposites && span.size() > 1) {
                for (List<CoreLabel> part : parts(span)) {
                    add(extract(part, segment), where, anchor, false, out);
                }
                continue;
            }
            String sutimeValue = timex.value() != null ? timex.value()
                    : anchor == null ? NewsDateRules.unanchored(timex.timexType(), timex.altVal()) : null;
            if (sutimeValue == null) {
                complete = false;
                continue;
            }
            int start = span.get(0).beginPosition();
            int end = span.get(span.size() - 1).endPosition();
            String type = timex.timexType();
            String value = NewsDateRules.normalize(sutimeValue);
            Matcher zone = UTC_AFTER.matcher(segment).region(end, segment.length());
            if (zone.lookingAt() && NewsDateRules.isClockTime(value, segment.substring(start, end))) {
                end = zone.end();
                type = "TIME";
                value = NewsDateRules.inUtc(value, segment.substring(start, end), anchor);
            }
            String text = segment.substring(start, end);
            String before = clauseBefore(segment, start);
            value = NewsDateRules.adjust(value, text, before, where.text(), anchor);
            boolean resolved = NewsDateRules.isResolved(type, value);
            complete &= resolved;
            out.add(new DateMention(text, where.offset() + start, where.offset() + end, type, value, resolved));
        }
        return complete;
    }

    /** Up to 40 characters before a position, within its sentence. */
    static String clauseBefore(String segment, int position) {
        String before = segment.substring(Math.max(0, position - 40), position);
        Matcher end = SENTENCE_END.matcher(before);
        int from = 0;
        while (end.find()) {
            from = end.end();
        }
        return before.substring(from);
    }

    /** The parts of a composite expression: split at connecting words, else after its first token. */
    static List<List<CoreLabel>> parts(List<CoreLabel> span) {
        List<List<CoreLabel>> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < span.size(); i++) {
            if (CONNECTORS.contains(span.get(i).word().toLowerCase(Locale.ROOT))) {
                if (i > from) {
                    parts.add(span.subList(from, i));
                }
                from = i + 1;
            }
        }
        if (from == 0) {
            return List.of(span.subList(0, 1), span.subList(1, span.size()));
        }
        if (from < span.size()) {
            parts.add(span.subList(from, span.size()));
        }
        return parts;
    }

    /**
     * "the 70s", "the '80s", "mid-90s": a decade written with two digits, which SUTime leaves out. The century
     * is the latest that does not put the decade after the publication (or the current) year.
     *
     * @return whether any was added
     */
    private static boolean addShortDecades(Sentence where, LocalDate anchor, List<DateMention> out) {
        String segment = where.segment();
        int offset = where.offset();
        int sentenceStart = where.start();
        Matcher m = SHORT_DECADE.matcher(where.text());
        boolean added = false;
        while (m.find()) {
            int start = sentenceStart + m.start(1);
            int end = sentenceStart + m.end(1);
            boolean overlaps = out.stream().anyMatch(d -> d.start() < offset + end && d.end() > offset + start);
            if (overlaps) {
                continue;
            }
            int decade = Integer.parseInt(m.group(2));
            int referenceYear = (anchor != null ? anchor : LocalDate.now()).getYear();
            int century = referenceYear / 100;
            if (century * 100 + decade > referenceYear) {
                century--;
            }
            String value = String.format("%02d%d", century, decade / 10);
            out.add(new DateMention(segment.substring(start, end), offset + start, offset + end, "DATE", value, true));
            added = true;
        }
        out.sort(java.util.Comparator.comparingInt(DateMention::start));
        return added;
    }

    /**
     * Token ranges [from, to) around the time words of a sentence, {@value #WINDOW} tokens each side, merged
     * when they touch. SUTime's cost grows with the tokens it scans; the rest of a long sentence cannot be part
     * of a time expression (every token of one is a few tokens from a time word) and only costs time.
     */
    static List<int[]> windows(List<CoreLabel> tokens) {
        List<int[]> windows = new ArrayList<>();
        boolean onlySmallNumbers = true; // the last window was opened by lone day/month/hour numbers only
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).word();
            if (!isTimeToken(word)) {
                continue;
            }
            boolean smallNumber = SMALL_NUMBER.matcher(word).matches();
            int from = Math.max(0, i - WINDOW);
            int to = Math.min(tokens.size(), i + WINDOW + 1);
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = to;
                onlySmallNumbers &= smallNumber;
            } else {
                dropIfNoTimeCanBeThere(windows, tokens, onlySmallNumbers);
                windows.add(new int[]{from, to});
                onlySmallNumbers = smallNumber;
            }
        }
        dropIfNoTimeCanBeThere(windows, tokens, onlySmallNumbers);
        return windows;
    }

    /**
     * Drops the last window when only lone numbers of one or two digits opened it ("3 people", "12 of the 40 seats") and no
     * word in it makes a time of them ({@link #CLOCK_WORD}): SUTime finds nothing there ("5 p.m." and "15 hrs" stay).
     * The window is dropped whole, after merging, so that every other window is exactly as before.
     */
    private static void dropIfNoTimeCanBeThere(List<int[]> windows, List<CoreLabel> tokens, boolean onlySmallNumbers) {
        if (windows.isEmpty() || !onlySmallNumbers) {
            return;
        }
        int[] last = windows.get(windows.size() - 1);
        for (int k = last[0]; k < last[1]; k++) {
            if (CLOCK_WORD.matcher(tokens.get(k).word()).matches()) {
                return;
            }
        }
        windows.remove(windows.size() - 1);
    }

    /** A sentence-like CoreMap over some tokens, with its text, as SUTime expects. */
    private static CoreMap subSentence(List<CoreLabel> tokens, String segment) {
        // fresh tokens: SUTime leaves annotations on the tokens it ran over, which break a second run on them
        List<CoreLabel> sub = new ArrayList<>(tokens.size());
        for (CoreLabel t : tokens) {
            CoreLabel copy = new CoreLabel();
            copy.setWord(t.word());
            copy.setValue(t.value());
            copy.setOriginalText(t.originalText());
            copy.setBeginPosition(t.beginPosition());
            copy.setEndPosition(t.endPosition());
            copy.setBefore(t.before());
            copy.setAfter(t.after());
            copy.setIndex(t.index());
            if (t.tag() != null) {
                copy.setTag(t.tag());
            }
            sub.add(copy);
        }
        int begin = sub.get(0).beginPosition();
        int end = sub.get(sub.size() - 1).endPosition();
        CoreMap map = new ArrayCoreMap();
        map.set(CoreAnnotations.TokensAnnotation.class, sub);
        map.set(CoreAnnotations.TextAnnotation.class, segment.substring(begin, end));
        map.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
        map.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
        return map;
    }

    /** Stands in for a POS tagger where SUTime's filter needs one (see the class comment). */
    private static void tagMonthNouns(List<CoreLabel> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            CoreLabel t = tokens.get(i);
            String w = t.word();
            String previous = tokens.get(i - 1).word().toLowerCase(Locale.ROOT);
            if ((w.equals("May") || w.equals("March")) && MONTH_ANCHORS.contains(previous)) {
                t.setTag("NNP");
            } else if ((w.equals("spring") || w.equals("fall")) && SEASON_ANCHORS.contains(previous)) {
                t.setTag("NN");
            }
        }
    }
}
