package io.newsflow.enrichment.ner;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of countries, continents and world regions in every language, each to its English name:
 * "Deutschland", "Allemagne", "Германия", "德国" -> "Germany". Built once, on first use, from locale data: ICU's
 * display names of every region in every ICU language (long and short forms: "Estados Unidos", "EE. UU."), and the
 * JDK's {@link Locale#getDisplayCountry(Locale)} for any language ICU lacks. One locale per language (and script:
 * "sr" and "sr_Latn"), not its country variants ("de_AT", "es_MX"): they repeat their language's names, and
 * reading all 1,900 locales took 27 s instead of a few.
 *
 * <p>Names are compared by their {@link EntityKeys#slug slug} (case and accents do not matter). Three rules keep
 * the table from renaming what it should not:
 * <ul>
 *   <li>a name some English locale uses, in long, short or variant form, is never renamed, so English keys stay as
 *       they are ("UK" stays "UK", "Czech Republic" stays "Czech Republic");</li>
 *   <li>a name that stands for two different regions in two languages is dropped (ambiguous);</li>
 *   <li>Latin-script names of fewer than three letters and one-word acronyms ("USA") are skipped: English writes
 *       them too, and two letters would also catch organisations.</li>
 * </ul>
 * Only whole names are looked up: "Deutsche Bank" is not "Germany". In text of a known language, a Latin-script
 * name counts only if that language uses it (see {@link #english(String, String)}).
 */
public final class PlaceNames {

    /** "USA", "UAE": one word in capitals, written so in English too. */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,}");

    /** What building the table cost, for the README and the tests. */
    public record BuildCost(int names, int regions, int locales, long millis) {
    }

    private static final class Table {
        static final Table INSTANCE = build();

        final Map<String, String> englishBySlug;
        /** The languages that use each Latin-script name. */
        final Map<String, Set<String>> languagesBySlug;
        final BuildCost cost;
        /** The English names of regions themselves (slugs). */
        final Set<String> englishSlugs;

        Table(Map<String, String> englishBySlug, Map<String, Set<String>> languagesBySlug, BuildCost cost, Set<String> englishSlugs) {
            this.englishBySlug = englishBySlug;
            this.languagesBySlug = languagesBySlug;
            this.cost = cost;
            this.englishSlugs = englishSlugs;
        }
    }

    private PlaceNames() {
    }

    /** The English name of a region named in another language, or empty (also for English names themselves). */
    public static Optional<String> english(String name) {
        return english(name, null);
    }

    /**
     * As {@link #english(String)}, for a name in a text of the given language (ISO 639-1; null or "und" when
     * unknown). When the language is known, a Latin-script name counts only if that language uses it: a country's
     * name in one language is often another place's name in another ("Columbia" is Romanian for Colombia, "England"
     * some language's name for the United Kingdom), and in English text no Latin-script name is renamed. Names in
     * other scripts count whatever the language.
     */
    public static Optional<String> english(String name, String language) {
        String slug = EntityKeys.slug(name);
        String base = language == null ? "und" : language.split("[-_]")[0].toLowerCase(Locale.ROOT);
        if (!base.equals("und") && isLatin(slug)
                && !Table.INSTANCE.languagesBySlug.getOrDefault(slug, Set.of()).contains(base)) {
            return Optional.empty();
        }
        return Optional.ofNullable(Table.INSTANCE.englishBySlug.get(slug));
    }

    /**
     * The English name of the region a name in a text of the given language names, this name itself when it is an
     * English one ("Russia" in Italian text is Russia), or empty.
     */
    public static Optional<String> region(String name, String language) {
        Optional<String> english = english(name, language);
        return english.isPresent() || !Table.INSTANCE.englishSlugs.contains(EntityKeys.slug(name)) ? english : Optional.of(name);
    }

    private static boolean isLatin(String slug) {
        return slug.codePoints().allMatch(c -> c < 0x250);
    }

    public static BuildCost buildCost() {
        return Table.INSTANCE.cost;
    }

    private static Table build() {
        long started = System.nanoTime();
        List<String> regions = regionCodes();
        LocaleDisplayNames englishLong = LocaleDisplayNames.getInstance(ULocale.ENGLISH);
        LocaleDisplayNames englishShort = LocaleDisplayNames.getInstance(ULocale.ENGLISH, DisplayContext.LENGTH_SHORT);

        // the English name a region's key is made of: the long one, unless the short one is a name, not an
        // abbreviation ("Hong Kong" for "Hong Kong SAR China", but "United States", not "US")
        Map<String, String> englishByRegion = new HashMap<>();
        for (String region : regions) {
            String longName = name(englishLong, region);
            String shortName = name(englishShort, region);
            if (longName != null) {
                englishByRegion.put(region, shortName != null && shortName.length() > 3 ? shortName : longName);
            }
        }

        Set<String> englishSlugs = new HashSet<>(englishVariants());
        Map<String, Set<String>> regionsBySlug = new HashMap<>();
        Map<String, Set<String>> languagesBySlug = new HashMap<>();
        List<ULocale> locales = Stream.of(ULocale.getAvailableLocales()).filter(l -> l.getCountry().isEmpty()).toList();
        for (ULocale locale : locales) {
            for (LocaleDisplayNames names : List.of(LocaleDisplayNames.getInstance(locale),
                    LocaleDisplayNames.getInstance(locale, DisplayContext.LENGTH_SHORT))) {
                for (String region : regions) {
                    add(name(names, region), region, locale.getLanguage(), englishSlugs, regionsBySlug, languagesBySlug);
                }
            }
        }
        // the JDK's names come from CLDR as ICU's do, an older version: only languages ICU lacks are read (none with
        // JDK 17 and ICU 79; reading all JDK languages took 4 s more for 2.7% more names, older spellings)
        Set<String> icuLanguages = new HashSet<>();
        locales.forEach(l -> icuLanguages.add(l.getLanguage() + "_" + l.getScript()));
        List<Locale> jdkLocales = Stream.of(Locale.getAvailableLocales())
                .filter(l -> l.getCountry().isEmpty() && !icuLanguages.contains(l.getLanguage() + "_" + l.getScript()))
                .toList();
        for (Locale locale : jdkLocales) {
            for (String region : Locale.getISOCountries()) {
                String name = new Locale("", region).getDisplayCountry(locale);
                add(name.equals(region) ? null : name, region, locale.getLanguage(), englishSlugs, regionsBySlug,
                        languagesBySlug);
            }
        }

        Map<String, String> englishBySlug = new HashMap<>();
        regionsBySlug.forEach((slug, candidates) -> {
            if (candidates.size() == 1 && !englishSlugs.contains(slug)) {
                String english = englishByRegion.get(candidates.iterator().next());
                if (english != null) {
                    englishBySlug.put(slug, english);
                }
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        languagesBySlug.keySet().retainAll(englishBySlug.keySet());
        return new Table(Map.copyOf(englishBySlug), Map.copyOf(languagesBySlug),
                new BuildCost(englishBySlug.size(), regions.size(), locales.size() + jdkLocales.size(), millis), Set.copyOf(englishSlugs));
    }

    private static void add(String name, String region, String language, Set<String> englishSlugs,
                            Map<String, Set<String>> regionsBySlug, Map<String, Set<String>> languagesBySlug) {
        if (name == null) {
            return;
        }
        String slug = EntityKeys.slug(name);
        if (slug.isEmpty()) {
            return;
        }
        if (language.equals("en")) {
            englishSlugs.add(slug);
            return;
        }
        int letters = (int) slug.codePoints().filter(Character::isLetter).count();
        boolean latin = isLatin(slug);
        if (latin && (letters < 3 || ACRONYM.matcher(name).matches())) {
            return;
        }
        regionsBySlug.computeIfAbsent(slug, k -> new HashSet<>(1)).add(region);
        if (latin) {
            languagesBySlug.computeIfAbsent(slug, k -> new HashSet<>(2)).add(language);
        }
    }

    /** English's other names of regions ("Czech Republic", "Ivory Coast", "Burma"), which English text uses too. */
    private static Set<String> englishVariants() {
        Set<String> slugs = new HashSet<>();
        UResourceBundle countries = UResourceBundle.getBundleInstance(ICUData.ICU_REGION_BASE_NAME, ULocale.ENGLISH)
                .get("Countries%variant");
        for (int i = 0; i < countries.getSize(); i++) {
            slugs.add(EntityKeys.slug(countries.get(i).getString()));
        }
        return slugs;
    }

    /** Countries and territories, continents and their parts ("Europe", "Western Africa"), and groupings ("EU"). */
    private static List<String> regionCodes() {
        List<String> codes = new ArrayList<>();
        for (Region.RegionType type : List.of(Region.RegionType.TERRITORY, Region.RegionType.CONTINENT,
                Region.RegionType.SUBCONTINENT, Region.RegionType.GROUPING)) {
            for (Region region : Region.getAvailable(type)) {
                codes.add(region.toString());
            }
        }
        return codes;
    }

    /** The display name, or null where the locale has none (ICU then returns the code itself). */
    private static String name(LocaleDisplayNames names, String region) {
        String name = names.regionDisplayName(region);
        return name == null || name.isBlank() || name.equals(region) ? null : name;
    }
}
