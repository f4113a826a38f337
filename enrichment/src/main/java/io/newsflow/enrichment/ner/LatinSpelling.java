package io.newsflow.enrichment.ner;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ASCII Latin spelling of a name, for its key (the entity keeps its own spelling as name and mention text).
 * Names whose letters are ASCII once accents are stripped are returned unchanged, so English keys do not move.
 * Others go through ICU transforms:
 * <ul>
 *   <li>Russian by the BGN/PCGN romanisation, the one English news writes ("Путин" -> "Putin", "Шойгу" -> "Shoygu"),
 *       with the adjective endings "-iy", "-yy" written "-y" as English does ("Дмитрий" -> "Dmitry",
 *       "Навальный" -> "Navalny") and the soft and hard signs dropped;</li>
 *   <li>Greek by the UN (UNGEGN) romanisation, the one of Greek passports and road signs ("Μητσοτάκης" ->
 *       "Mitsotakis");</li>
 *   <li>Chinese characters as pinyin, the syllables of a name written together ("北京" -> "Beijing"), a person's
 *       family name (the first character) apart ("习近平" -> "Xi Jinping");</li>
 *   <li>everything else by ICU's {@code Any-Latin}, then {@code Latin-ASCII} ("Wałęsa" -> "Walesa",
 *       "Straße" -> "Strasse").</li>
 * </ul>
 * ICU transliterators are not documented as thread-safe, so each thread has its own.
 */
final class LatinSpelling {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    /** BGN's signs for ь and ъ, and its middle dot that separates "t·s" from "ts". */
    private static final Pattern BGN_SIGNS = Pattern.compile("[\u02B9\u02BA\u00B7]");
    private static final Pattern RUSSIAN_ADJECTIVE_ENDING = Pattern.compile("(?<=\\p{L}{2})[iy]y\\b");

    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Russian-Latin/BGN; Greek-Latin/UNGEGN; Any-Latin"));
    private static final ThreadLocal<Transliterator> HAN_TO_LATIN = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Han-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Latin-ASCII"));

    private LatinSpelling() {
    }

    static String ascii(String name, boolean person) {
        if (isAsciiOnceAccentsStripped(name)) {
            return name;
        }
        String latin = hanAsPinyin(name, person);
        boolean cyrillic = CYRILLIC.matcher(latin).find();
        latin = BGN_SIGNS.matcher(TO_LATIN.get().transliterate(latin)).replaceAll("");
        if (cyrillic) {
            latin = RUSSIAN_ADJECTIVE_ENDING.matcher(latin).replaceAll("y");
        }
        return TO_ASCII.get().transliterate(latin);
    }

    private static boolean isAsciiOnceAccentsStripped(String name) {
        if (name.chars().allMatch(c -> c < 0x80)) {
            return true;
        }
        String stripped = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return stripped.codePoints().noneMatch(c -> c >= 0x80 && Character.isLetterOrDigit(c));
    }

    /**
     * Each run of Chinese characters as one pinyin word, or for a person of 2-4 characters as family + given name.
     * Character by character, so that the syllables can be joined this way whatever ICU puts between them.
     */
    private static String hanAsPinyin(String name, boolean person) {
        return HAN_RUN.matcher(name).replaceAll(run -> {
            String chars = run.group();
            StringBuilder pinyin = new StringBuilder();
            int count = chars.codePointCount(0, chars.length());
            int i = 0;
            for (int offset = 0; offset < chars.length(); i++) {
                int cp = chars.codePointAt(offset);
                String syllable = HAN_TO_LATIN.get().transliterate(new String(Character.toChars(cp))).strip();
                if (i == 1 && person && count >= 2 && count <= 4) {
                    pinyin.append(' ');
                }
                pinyin.append(syllable);
                offset += Character.charCount(cp);
            }
            return Matcher.quoteReplacement(pinyin.toString());
        });
    }
}
