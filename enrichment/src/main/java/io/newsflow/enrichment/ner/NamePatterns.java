package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names recognised by how English names are formed, where the sentence-level CRF has no feature for it: a run of
 * capitalised words ending in a designator word gets the designator's type, over whatever the tagger said inside it.
 * <ul>
 *   <li>organisation designators: "Acme Widgets Inc.", "Riverside Football Club", "Northern Farmers Party",
 *       "Lakeshore University"; head designators followed by "of": "University of Lakeshore", "Ministry of
 *       Fisheries", "Norland Hall of Fame"; sports clubs with a leading designator: "FC Redhill";</li>
 *   <li>events, prizes and laws (CoNLL MISC): "Harbour Jazz Festival", "Northern Cup", "Clean Rivers Act", with a
 *       year right before ("1987 Coastal Championship"); "Battle of X", "Treaty of X";</li>
 *   <li>places: "Green River", "Hill County", "Riverside Stadium";</li>
 *   <li>titles of works (MISC) in quotation marks after the noun that says what they are: the single "Tarn Street
 *       Blues".</li>
 * </ul>
 * A run is a sequence of capitalised words (or words starting with a digit and holding a letter) that may be joined
 * by "of", "&amp;", "de" and "of the" (not "for": "the Norland League for Redhill Rovers" is two names); it stops at punctuation, possessives and lower-case
 * words. Leading function words ("The", "When"...) are not part of the name, and a designator needs at least one
 * name word before it unless it heads an "of" phrase, or it stands alone, capitalised, after "the": "the League"
 * is the short name of an organisation (English capitalises the designator only then). Title-case lines (headlines,
 * where every word is capitalised) are skipped: runs there say nothing about names.
 *
 * <p>The new span replaces mentions that lie wholly inside it; a mention crossing its edges (or containing it)
 * leaves everything as it was.
 */
public final class NamePatterns {

    /** Last words of organisation names (compared without a final '.'). */
    private static final Set<String> ORG_SUFFIXES = Set.of("Inc", "Incorporated", "Corp", "Corporation", "Co",
            "Company", "Ltd", "Limited", "LLC", "LLP", "plc", "PLC", "AG", "GmbH", "Group", "Holdings", "Industries",
            "Airlines", "Airways", "Records", "Studios", "Entertainment", "Pictures", "Motors", "Bank", "Party",
            "University", "College", "Institute", "Academy", "School", "Council", "Association", "Federation", "League",
            "Committee", "Commission", "Society", "Foundation", "Agency", "Ministry", "Department", "Authority", "Board",
            "Corps", "Army", "Navy", "Police", "Club", "FC", "F.C", "AFC", "A.F.C", "Orchestra", "Trust", "Bureau",
            "Court", "Parliament", "Assembly", "Congress", "Senate", "Office", "Hospital", "Network", "Brothers", "Bros",
            "Band", "Brotherhood", "Movement", "Division", "Regiment", "Battalion", "Brigade", "Squadron", "Fleet", "Wing",
            "Radio", "Television", "Broadcasting", "Magazine", "Journal", "Gazette", "Herald", "Tribune", "Chronicle",
            "Telegraph", "Partners", "Associates", "Ventures", "Systems", "Technologies", "Laboratories",
            "Pharmaceuticals", "Communications", "Media", "Films", "Productions", "Publishing", "Publishers", "Gaming",
            "Alliance", "Coalition", "Organisation", "Organization", "Institution", "Services", "Administration",
            "Cooperative", "Guild", "Legion", "Guard", "Force", "Forces", "Marines");
    /** Organisation words that head an "of" phrase: "University of X". */
    private static final Set<String> ORG_HEADS = Set.of("University", "Bank", "Ministry", "Department", "Council",
            "Federation", "Association", "Institute", "College", "Academy", "League", "Church", "Party", "Board",
            "Commission", "Committee", "Court", "Society", "Government", "House", "Office", "Bureau", "Agency",
            "Chamber", "Order", "Congress", "Assembly", "Parliament", "Union", "Municipality");
    /** Last words of events, prizes and laws (CoNLL MISC). */
    private static final Set<String> MISC_SUFFIXES = Set.of("Festival", "Championship", "Championships", "Cup",
            "Olympics", "Bowl", "Trophy", "Award", "Awards", "Prize", "Medal", "Tournament", "Marathon", "War", "Act",
            "Revolution", "Uprising", "Rebellion", "Treaty", "Expo", "Games", "Prix", "Contest", "Convention");
    private static final Set<String> MISC_HEADS = Set.of("Battle", "Treaty", "Siege", "War", "Act");
    private static final Set<String> LOC_SUFFIXES = Set.of("River", "County", "Province", "Stadium", "Mountains",
            "Mountain", "Valley", "Airport", "Island", "Islands", "Peninsula", "Desert", "Road", "Street", "Avenue", "Square",
            "Bridge", "Sea", "Ocean", "Bay", "Gulf", "Strait", "Canal", "Coast", "Region", "Township", "Kingdom", "Empire");
    /** Designators that, capitalised alone after "the", stand for an organisation named before ("the League"). */
    private static final Set<String> SHORT_FORMS = Set.of("Corporation", "Company", "Bank", "Party", "University",
            "College", "Institute", "Academy", "Council", "Association", "Federation", "League", "Committee", "Commission",
            "Society", "Foundation", "Agency", "Ministry", "Department", "Authority", "Board", "Corps", "Army", "Navy",
            "Club", "Orchestra", "Trust", "Bureau", "Court", "Parliament", "Assembly", "Congress", "Senate", "Brotherhood",
            "Movement", "Division", "Regiment", "Battalion", "Brigade", "Squadron", "Fleet", "Alliance", "Coalition",
            "Organisation", "Organization", "Legion", "Church", "Government");
    /** Designators before a sports club's name. */
    private static final Set<String> CLUB_PREFIXES = Set.of("FC", "F.C", "AFC", "AC", "SC", "SV", "CF", "CD", "FK", "NK",
            "BK", "IF", "SK");
    /** Designators before the name of a storm, a military operation or a vessel (CoNLL MISC). */
    private static final Set<String> MISC_PREFIXES = Set.of("Hurricane", "Cyclone", "Typhoon", "Tropical Storm",
            "Operation", "USS", "HMS", "HMAS", "HMCS", "RMS", "Space Shuttle");
    /** Place words that head an "of" phrase: "Gulf of X". */
    private static final Set<String> LOC_HEADS = Set.of("Gulf", "Bay", "Sea", "Isle", "Strait", "Straits", "Kingdom",
            "Republic", "Province", "County", "City", "Lake", "Cape");
    /** Designators abbreviated with a final '.' that belongs to the name. */
    private static final Set<String> ABBREVIATIONS = Set.of("Inc", "Corp", "Co", "Ltd", "F.C", "A.F.C", "Bros");
    /** Capitalised words that start a sentence or a clause rather than a name. */
    private static final Set<String> LEADING_WORDS = Set.of("the", "a", "an", "when", "in", "at", "on", "after", "before",
            "for", "while", "if", "but", "and", "as", "this", "that", "these", "those", "its", "his", "her", "their",
            "our", "my", "your", "by", "with", "from", "to", "during", "since", "under", "until", "both", "all", "every",
            "each", "some", "many", "most", "new", "former", "then", "also", "only", "so", "or", "of", "about",
            "against", "into", "through", "between", "without", "within", "among", "like", "unlike", "although",
            "though", "because", "once", "whether", "where", "which", "who", "what", "how", "why");
    private static final Set<String> CONNECTORS = Set.of("of", "&", "de", "du", "des", "del", "la", "le");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.&'’-][\\p{L}\\p{N}]+)*|&");
    /** A work noun, optionally "titled"/"called", then a quotation. */
    private static final Pattern QUOTED_TITLE = Pattern.compile("\\b(?:songs?|singles?|albums?|films?|movies?|books?|novels?|"
            + "episodes?|shows?|series|plays?|poems?|games?|tracks?|EP|musical|opera|documentary|sitcom|programme|program|"
            + "painting|sculpture|video)\\s*:?\\s+(?:(?:titled|entitled|called|named)\\s+)?[\"“]([^\"“”\\n]{1,80})[\"”]");
    /** An organisation noun, "called"/"named", then a quotation: a band called "Tarn". */
    private static final Pattern QUOTED_ORGANISATION = Pattern.compile("\\b(?:band|group|company|firm|club|label|team|"
            + "party|organi[sz]ation|charity|society|association)\\s+(?:called|named)\\s+[\"“]([^\"“”\\n]{1,80})[\"”]");
    /** The next title of a list: ', "B"', ' and "C"'. */
    private static final Pattern NEXT_QUOTED = Pattern.compile("\\s*(?:,\\s*(?:and\\s+|or\\s+)?|and\\s+|or\\s+)[\"“]([^\"“”\\n]{1,80})[\"”]");
    private static final Set<String> TITLE_MINOR_WORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for",
            "and", "or", "but", "by", "with", "from", "as", "is", "it", "my", "your", "me", "you", "i", "'s", "-", "&");
    private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th)");
    private static final Set<String> MILITARY_UNITS = Set.of("Division", "Regiment", "Battalion", "Brigade", "Squadron",
            "Fleet", "Corps", "Army", "Wing");
    private static final Pattern UNIT_NUMBER = Pattern.compile("\\d{1,3}(?:st|nd|rd|th|d)?");
    private static final Pattern ROMAN = Pattern.compile("I{1,3}|IV|VI{0,3}|IX|XI{0,3}");
    private static final Pattern YEAR = Pattern.compile("1[5-9]\\d\\d|20\\d\\d");
    /** Words of a title-case line before it counts as one (headlines). */
    private static final int TITLE_CASE_MIN_WORDS = 4;
    private static final int MAX_NAME_WORDS = 7;

    private record Word(String text, int start, int end) {
    }

    private NamePatterns() {
    }

    /** The mentions with the pattern names added (and the mentions inside them removed), in text order. */
    public static List<RawMention> apply(String text, List<RawMention> mentions) {
        List<RawMention> found = find(text);
        if (found.isEmpty()) {
            return mentions;
        }
        List<RawMention> out = new ArrayList<>(mentions);
        for (RawMention name : found) {
            List<RawMention> next = new ArrayList<>(out.size() + 1);
            boolean blocked = false;
            for (RawMention m : out) {
                boolean overlaps = m.start() < name.end() && name.start() < m.end();
                if (!overlaps) {
                    next.add(m);
                } else if (m.start() < name.start() || m.end() > name.end()) {
                    blocked = true;
                    break;
                } // else: inside the name, replaced by it
            }
            if (!blocked) {
                next.add(name);
                out = next;
            }
        }
        out.sort(Comparator.comparingInt(RawMention::start));
        return out;
    }

    /** The pattern names of the text, in text order. */
    static List<RawMention> find(String text) {
        List<RawMention> names = new ArrayList<>();
        quotedTitles(text, names);
        List<RawMention> quoted = List.copyOf(names);
        for (int[] line : lines(text)) {
            List<Word> words = new ArrayList<>();
            Matcher w = WORD.matcher(text).region(line[0], line[1]);
            while (w.find()) {
                words.add(new Word(w.group(), w.start(), w.end()));
            }
            if (titleCase(words)) {
                continue;
            }
            int i = 0;
            while (i < words.size()) {
                int end = runEnd(text, words, i);
                if (end > i) {
                    name(text, words, i, end, names);
                    i = end;
                } else {
                    i++;
                }
            }
        }
        // a quoted name wins over the names of runs inside it
        names.removeIf(n -> !quoted.contains(n) && quoted.stream().anyMatch(q -> q.start() < n.end() && n.start() < q.end()));
        names.sort(Comparator.comparingInt(RawMention::start));
        return names;
    }

    /**
     * Titles of works in quotation marks right after the noun that says what they are: the single "Tarn Street
     * Blues", the album called "Norland", the tracks: "Redhill" and "Greywater" (a list after the noun). The title must be
     * in title case (minor words aside) and short. After an organisation noun ("a band called "Tarn"") the quoted name
     * is an organisation.
     */
    static void quotedTitles(String text, List<RawMention> names) {
        Matcher named = QUOTED_ORGANISATION.matcher(text);
        while (named.find()) {
            quotedName(named.group(1), named.start(1), EntityType.ORGANIZATION, names);
        }
        Matcher m = QUOTED_TITLE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            from = m.end();
            if (!quotedTitle(text, m.group(1), m.start(1), names)) {
                continue;
            }
            // a list of titles: the songs "A", "B" and "C"
            Matcher next = NEXT_QUOTED.matcher(text).region(m.end(), text.length());
            while (next.lookingAt() && quotedTitle(text, next.group(1), next.start(1), names)) {
                from = next.end();
                next.region(next.end(), text.length());
            }
        }
    }

    private static boolean quotedTitle(String text, String inner, int innerStart, List<RawMention> names) {
        return quotedName(inner, innerStart, EntityType.MISC, names);
    }

    private static boolean quotedName(String inner, int innerStart, EntityType type, List<RawMention> names) {
        int lead = 0;
        while (lead < inner.length() && inner.charAt(lead) == ' ') {
            lead++;
        }
        String title = inner.strip();
        if (title.isEmpty() || !titleCased(title)) {
            return false;
        }
        int begin = innerStart + lead;
        names.add(new RawMention(type, title, begin, begin + title.length()));
        return true;
    }

    private static boolean titleCased(String title) {
        String[] words = title.split(" +");
        if (words.length > 8 || !(Character.isUpperCase(title.codePointAt(0)) || Character.isDigit(title.codePointAt(0)))) {
            return false;
        }
        for (String w : words) {
            int c = w.codePointAt(0);
            if (Character.isLetter(c) && !Character.isUpperCase(c) && !TITLE_MINOR_WORDS.contains(w)) {
                return false;
            }
            if (w.endsWith(",") || w.endsWith(".") || w.equals(",") || w.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** Lines (runs stop at punctuation anyway; a line that is all title case is a headline). */
    private static List<int[]> lines(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.add(new int[]{start, i + 1});
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(new int[]{start, text.length()});
        }
        return out;
    }

    private static boolean titleCase(List<Word> words) {
        int letters = 0;
        int capitalised = 0;
        for (Word w : words) {
            if (Character.isLetter(w.text().codePointAt(0)) && !CONNECTORS.contains(w.text())
                    && !w.text().equals("the") && !w.text().equals("and")) {
                letters++;
                if (Character.isUpperCase(w.text().codePointAt(0))) {
                    capitalised++;
                }
            }
        }
        return letters >= TITLE_CASE_MIN_WORDS && capitalised * 10 >= letters * 8;
    }

    private static boolean nameWord(String w) {
        int first = w.codePointAt(0);
        if (Character.isUpperCase(first)) {
            return !possessive(w);
        }
        return Character.isDigit(first) && w.codePoints().anyMatch(Character::isLetter) && !possessive(w)
                && !ORDINAL.matcher(w).matches();
    }

    private static boolean possessive(String w) {
        return w.endsWith("'s") || w.endsWith("’s") || w.endsWith("'") || w.endsWith("’");
    }

    /** Only white space between two words (no punctuation). */
    private static boolean adjacent(String text, Word a, Word b) {
        for (int k = a.end(); k < b.start(); k++) {
            if (!Character.isWhitespace(text.charAt(k)) || text.charAt(k) == '\n') {
                return false;
            }
        }
        return true;
    }

    /** The end (exclusive word index) of the run of name words starting at {@code i}, or {@code i}. */
    private static int runEnd(String text, List<Word> words, int i) {
        if (!nameWord(words.get(i).text())) {
            return i;
        }
        int end = i + 1;
        int k = i + 1;
        while (k < words.size() && adjacent(text, words.get(k - 1), words.get(k))) {
            String w = words.get(k).text();
            if (nameWord(w)) {
                end = k + 1;
                k++;
                continue;
            }
            boolean connector = CONNECTORS.contains(w) || (w.equals("the") && words.get(k - 1).text().equals("of"));
            if (!connector) {
                break;
            }
            k++;
        }
        return end;
    }

    /** Adds the name the run words[from, to) forms, if any. */
    private static void name(String text, List<Word> words, int from, int to, List<RawMention> names) {
        int start = from;
        while (start < to && LEADING_WORDS.contains(words.get(start).text().toLowerCase(Locale.ROOT))) {
            start++;
        }
        if (start >= to) {
            return;
        }
        // "the League", "the Party": a capitalised designator alone after "the" is an organisation's short name
        if (start == to - 1 && SHORT_FORMS.contains(words.get(start).text()) && start > 0
                && words.get(start - 1).text().equalsIgnoreCase("the") && adjacent(text, words.get(start - 1), words.get(start))
                && !(to < words.size() && words.get(to).text().equals("of"))) {
            Word w = words.get(start);
            names.add(new RawMention(EntityType.ORGANIZATION, w.text(), w.start(), w.end()));
            return;
        }
        // names with a leading designator: sports clubs ("FC Redhill"), storms, operations and vessels ("Cyclone
        // Tarn", "Operation Greywater", "HMS Norland", "Space Shuttle Redhill")
        int prefix = prefixLength(words, start, to);
        EntityType prefixType = prefix == 0 ? null
                : CLUB_PREFIXES.contains(bare(words.get(start).text())) ? EntityType.ORGANIZATION : EntityType.MISC;
        if (prefixType != null && start + prefix < to && nameWord(words.get(start + prefix).text())) {
            int last = start + prefix;
            while (last + 1 < to && nameWord(words.get(last + 1).text())) {
                last++;
            }
            int begin = words.get(start).start();
            int end = words.get(last).end();
            names.add(new RawMention(prefixType, text.substring(begin, end), begin, end));
            return;
        }
        // the last designator decides; an "of" head may come first
        for (int k = to - 1; k >= start; k--) {
            String w = bare(words.get(k).text());
            EntityType type = null;
            int last = k;
            if (k + 1 < to && words.get(k + 1).text().equals("of")) {
                boolean hallOfFame = w.equals("Hall") && k + 2 < to && words.get(k + 2).text().equals("Fame");
                type = ORG_HEADS.contains(w) || hallOfFame ? EntityType.ORGANIZATION : MISC_HEADS.contains(w) ? EntityType.MISC
                        : LOC_HEADS.contains(w) ? EntityType.LOCATION : null;
                last = hallOfFame ? k + 2 : to - 1;
            }
            if (type == null && k > start && nameWord(words.get(k).text()) && endsName(words, k, to)) {
                type = suffixType(w);
                last = k;
            }
            if (type == null) {
                continue;
            }
            int first = start;
            if (last == k) { // "Fans of Redhill Football Club": the name starts after an "of" that no head word governs
                for (int j = k - 1; j > start; j--) {
                    String c = words.get(j).text();
                    if ((c.equals("of") || c.equals("for")) && !ORG_HEADS.contains(bare(words.get(j - 1).text()))
                            && !MISC_HEADS.contains(bare(words.get(j - 1).text()))
                            && !LOC_HEADS.contains(bare(words.get(j - 1).text()))) {
                        first = j + 1;
                        break;
                    }
                }
            }
            if (last - first + 1 > MAX_NAME_WORDS) {
                return;
            }
            while (first < last && LEADING_WORDS.contains(words.get(first).text().toLowerCase(Locale.ROOT))) {
                first++;
            }
            // a military unit's number belongs to its name: "65 Air Division", "101st Airborne Division"
            if (last == k && MILITARY_UNITS.contains(w) && first == start && first > 0
                    && UNIT_NUMBER.matcher(words.get(first - 1).text()).matches() && adjacent(text, words.get(first - 1), words.get(first))) {
                first--;
            }
            // a closing numeral belongs to the name: "Norland War II", "Tarn Division III"
            if (last == k && k + 1 < to && ROMAN.matcher(words.get(k + 1).text()).matches()) {
                last = k + 1;
            }
            // a law's year belongs to its name: "Clean Rivers Act 1990", "Clean Rivers Act of 1990"
            if (last == k && w.equals("Act") && k + 1 < words.size() && adjacent(text, words.get(k), words.get(k + 1))) {
                if (YEAR.matcher(words.get(k + 1).text()).matches()) {
                    last = k + 1;
                } else if (words.get(k + 1).text().equals("of") && k + 2 < words.size()
                        && YEAR.matcher(words.get(k + 2).text()).matches() && adjacent(text, words.get(k + 1), words.get(k + 2))) {
                    last = k + 2;
                }
            }
            int begin = words.get(first).start();
            int end = words.get(last).end();
            if (last == k && ABBREVIATIONS.contains(w) && end < text.length() && text.charAt(end) == '.'
                    && !words.get(k).text().endsWith(".")) {
                end++;
            }
            names.add(new RawMention(type, text.substring(begin, end), begin, end));
            return;
        }
    }

    /**
     * A designator ends the name when the run ends with it, a connector follows ("the Norland League for Redhill
     * Rovers"; "of" heads were tried before) or a person's title does ("Acme Widgets Inc. President Jane Doe"); otherwise the name goes on past it ("Tarn Street Singers") and its type is unknown.
     */
    private static boolean endsName(List<Word> words, int k, int to) {
        if (k == to - 1) {
            return true;
        }
        String next = words.get(k + 1).text();
        if (ROMAN.matcher(next).matches() && k + 2 == to) {
            return true;
        }
        return CONNECTORS.contains(next) || PersonNames.isTitle(next) || next.equals("CEO") || next.equals("Chairman") || next.equals("Director");
    }

    /** How many words of a leading designator start the run at {@code start} (0: none). */
    private static int prefixLength(List<Word> words, int start, int to) {
        String first = bare(words.get(start).text());
        if (CLUB_PREFIXES.contains(first) || MISC_PREFIXES.contains(first)) {
            return 1;
        }
        return start + 1 < to && MISC_PREFIXES.contains(first + " " + words.get(start + 1).text()) ? 2 : 0;
    }

    private static EntityType suffixType(String w) {
        if (ORG_SUFFIXES.contains(w)) {
            return EntityType.ORGANIZATION;
        }
        if (MISC_SUFFIXES.contains(w)) {
            return EntityType.MISC;
        }
        return LOC_SUFFIXES.contains(w) ? EntityType.LOCATION : null;
    }

    private static String bare(String w) {
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }
}
