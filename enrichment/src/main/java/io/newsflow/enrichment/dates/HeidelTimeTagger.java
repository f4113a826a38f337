package io.newsflow.enrichment.dates;

import de.unihd.dbs.heideltime.standalone.Config;
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import de.unihd.dbs.uima.types.heideltime.Timex3;
import io.newsflow.events.DateMention;
import org.apache.uima.cas.FSIterator;
import org.apache.uima.jcas.JCas;
import org.apache.uima.jcas.tcas.Annotation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time expressions in the languages HeidelTime 2.2.1 has rules for (German, Spanish, French, ...), without a POS
 * tagger (measured on TimeBank: Spanish value F1 81, French 72).
 *
 * <p>With a publication date, relative expressions ("el viernes pasado") resolve against it (HeidelTime's news
 * mode). Without one, HeidelTime's narrative mode runs, which needs no document date: it places relative
 * expressions against the last date the text mentioned, and what it cannot place keeps a value with X
 * ("XXXX-04-12") and is marked unresolved, as with the English tagger.
 *
 * <p>HeidelTime is not known to be thread-safe: each thread gets its own instance per language and mode, made on
 * first use (the first one starts UIMA: 3-4 s; further ones 0.1-0.7 s).
 */
public final class HeidelTimeTagger {

    private static final System.Logger LOG = System.getLogger(HeidelTimeTagger.class.getName());

    /** Its loggers print a line per document at INFO; kept here so that the level set on them stays. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("HeidelTimeStandalone"), Logger.getLogger("org.apache.uima"),
            Logger.getLogger("de.unihd"));

    /** HeidelTime's configuration is static and read by its constructor: set once, before the first instance. */
    private static final Object CONFIGURE = new Object();
    private static boolean configured;

    private final ThreadLocal<Map<String, HeidelTimeStandalone>> instances = ThreadLocal.withInitial(HashMap::new);
    /** Language and mode whose instance failed to start: not tried again for every article. */
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

    /**
     * The time expressions of a piece of text.
     *
     * @param language HeidelTime's name of the language ("spanish")
     * @param offset   where {@code text} starts in the article text
     * @param anchor   the publication date relative expressions resolve against, or null
     * @return in text order, without overlaps (the longer expression wins)
     */
    public List<DateMention> tag(String language, String text, int offset, LocalDate anchor) {
        if (text.isBlank()) {
            return List.of();
        }
        DocumentType mode = anchor == null ? DocumentType.NARRATIVES : DocumentType.NEWS;
        if (unavailable.contains(language + "/" + mode)) {
            return List.of();
        }
        HeidelTimeStandalone heidelTime;
        try {
            heidelTime = instance(language, mode);
        } catch (RuntimeException e) {
            // said once: the articles of that language keep their text, without dates
            if (unavailable.add(language + "/" + mode)) {
                LOG.log(System.Logger.Level.ERROR, "HeidelTime (" + language + ", " + mode + ") could not start; no dates in that language", e);
            }
            return List.of();
        }
        List<DateMention> found = new ArrayList<>();
        try {
            heidelTime.process(text, anchor == null ? null : noonOf(anchor), jcas -> {
                collect(jcas, text, offset, found);
                return "";
            });
        } catch (Exception e) {
            // one odd piece of text costs its dates, not the article
            LOG.log(System.Logger.Level.WARNING, "HeidelTime (" + language + ") failed on " + text.length() + " characters", e);
            return List.of();
        }
        return joinSplitDates(withoutOverlaps(found), text, offset);
    }

    /** A day and month without a year: "12. Apr." (value XXXX-04-12, or the anchor's year). */
    private static final Pattern DAY_MONTH_VALUE = Pattern.compile("^(?:XXXX|\\d{4})-(\\d{2})-(\\d{2})$");
    private static final Pattern MONTH_VALUE = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final Pattern WRITTEN_YEAR = Pattern.compile("(?<!\\d)\\d{4}(?!\\d)");
    /** A year right after a date that ends with an abbreviation's period: "12. Apr.| 2019", "12 avr.| 2019". */
    private static final Pattern YEAR_AFTER = Pattern.compile("^\\s{1,2}((?:1[89]|2\\d)\\d{2})(?![\\d\\p{L}])");
    /** A day right before a month and year: "12 |abr 2019", "12 de |abr 2019". */
    private static final Pattern DAY_BEFORE = Pattern.compile("(?<![\\d\\p{L}])(\\d{1,2})\\.?\\s+(?:\\p{Ll}{1,2}\\s+)?$");

    /**
     * Full dates HeidelTime's rules split: the period of an abbreviated month ends its sentence, so "12. Apr. 2019"
     * comes as "12. Apr." without its year (which then only the anchor gives); "12 abr 2019" comes as "abr 2019"
     * without its day. The year written right after, or the day written right before, joins the date.
     */
    static List<DateMention> joinSplitDates(List<DateMention> found, String text, int offset) {
        List<DateMention> joined = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            DateMention d = found.get(i);
            int start = d.start() - offset;
            int end = d.end() - offset;
            Matcher dayMonth = DAY_MONTH_VALUE.matcher(d.value());
            Matcher month = MONTH_VALUE.matcher(d.value());
            if ("DATE".equals(d.type()) && dayMonth.matches() && d.text().endsWith(".") && !WRITTEN_YEAR.matcher(d.text()).find()) {
                Matcher year = YEAR_AFTER.matcher(text.substring(end));
                if (year.find() && validDate(year.group(1), dayMonth.group(1), dayMonth.group(2))) {
                    int yearEnd = end + year.end(1);
                    joined.add(new DateMention(text.substring(start, yearEnd), d.start(), offset + yearEnd, "DATE",
                            year.group(1) + "-" + dayMonth.group(1) + "-" + dayMonth.group(2), true));
                    while (i + 1 < found.size() && found.get(i + 1).start() < offset + yearEnd) {
                        i++; // the year alone, now part of the date
                    }
                    continue;
                }
            } else if ("DATE".equals(d.type()) && month.matches() && !d.text().isEmpty() && Character.isLetter(d.text().charAt(0))
                    && WRITTEN_YEAR.matcher(d.text()).find()) {
                int from = Math.max(0, start - 12);
                Matcher day = DAY_BEFORE.matcher(text.substring(from, start));
                if (day.find()) {
                    int dayStart = from + day.start(1);
                    String dd = String.format("%02d", Integer.parseInt(day.group(1)));
                    boolean free = joined.isEmpty() || joined.get(joined.size() - 1).end() <= offset + dayStart;
                    if (free && validDate(month.group(1), month.group(2), dd)) {
                        joined.add(new DateMention(text.substring(dayStart, end), offset + dayStart, d.end(), "DATE", d.value() + "-" + dd, true));
                        continue;
                    }
                }
            }
            joined.add(d);
        }
        return joined;
    }

    private static boolean validDate(String year, String month, String day) {
        try {
            LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static void collect(JCas jcas, String text, int offset, List<DateMention> out) {
        FSIterator<Annotation> it = jcas.getAnnotationIndex(Timex3.type).iterator();
        while (it.hasNext()) {
            Timex3 t = (Timex3) it.next();
            String type = t.getTimexType();
            String value = t.getTimexValue();
            if (type == null || value == null || value.isBlank() || t.getBegin() >= t.getEnd() || t.getEnd() > text.length()) {
                continue;
            }
            out.add(new DateMention(text.substring(t.getBegin(), t.getEnd()), offset + t.getBegin(), offset + t.getEnd(), type, value,
                    NewsDateRules.isResolved(type, value)));
        }
    }

    static List<DateMention> withoutOverlaps(List<DateMention> found) {
        List<DateMention> longestFirst = new ArrayList<>(found);
        longestFirst.sort(Comparator.comparingInt((DateMention d) -> d.end() - d.start()).reversed()
                .thenComparingInt(DateMention::start));
        List<DateMention> kept = new ArrayList<>();
        for (DateMention d : longestFirst) {
            if (kept.stream().noneMatch(k -> k.start() < d.end() && d.start() < k.end())) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparingInt(DateMention::start));
        return kept;
    }

    /** HeidelTime formats the document date in the JVM's zone: noon of that day there is the anchor's day. */
    private static Date noonOf(LocalDate anchor) {
        return Date.from(anchor.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    private HeidelTimeStandalone instance(String language, DocumentType type) {
        return instances.get().computeIfAbsent(language + "/" + type, k -> {
            synchronized (CONFIGURE) {
                configure();
                return new HeidelTimeStandalone(Language.getLanguageFromString(language), type, OutputType.TIMEML, null, POSTagger.NO);
            }
        });
    }

    private static void configure() {
        if (configured) {
            return;
        }
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        Properties p = new Properties();
        p.setProperty("considerDate", "true");
        p.setProperty("considerDuration", "true");
        p.setProperty("considerSet", "true");
        p.setProperty("considerTime", "true");
        p.setProperty("considerTemponym", "false");
        p.setProperty("typeSystemHome", "desc/type/HeidelTime_TypeSystem.xml");
        p.setProperty("uimaVarDate", "Date");
        p.setProperty("uimaVarDuration", "Duration");
        p.setProperty("uimaVarLanguage", "Language");
        p.setProperty("uimaVarSet", "Set");
        p.setProperty("uimaVarTime", "Time");
        p.setProperty("uimaVarTemponym", "Temponym");
        p.setProperty("uimaVarTypeToProcess", "Type");
        Config.setProps(p);
        configured = true;
    }
}
