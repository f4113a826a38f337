package io.newsflow.enrichment.ner;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names of countries, continents and world regions in every language, each to its English name:
 * "Deutschland", "Allemagne", "Германия", "德国" -> "Germany". Built once, on first use, from locale data: ICU's
 * display names of every region in every ICU locale (long and short forms: "Estados Unidos", "EE. UU."), and the
 * JDK's {@link Locale#getDisplayCountry(Locale)} for every JDK locale.
 *
 * <p>Names are compared by their {@link EntityKeys#slug slug} (case and accents do not matter). Three rules keep
 * the table from renaming what it should not:
 * <ul>
 *   <li>a name some English locale uses is never renamed, so English keys stay as they are ("UK" stays "UK");</li>
 *   <li>a name that stands for two different regions in two languages is dropped (ambiguous);</li>
 *   <li>Latin-script names of fewer than three letters are skipped: such short forms are acronyms that would also
 *       catch organisations.</li>
 * </ul>
 * Only whole names are looked up: "Deutsche Bank" is not "Germany".
 */
public final class PlaceNames {

    /** What building the table cost, for the README and the tests. */
    public record BuildCost(int names, int regions, int locales, long millis) {
    }

    private static final class Table {
        static final Table INSTANCE = build();

        final Map<String, String> englishBySlug;
        final BuildCost cost;

        Table(Map<String, String> englishBySlug, BuildCost cost) {
            this.englishBySlug = englishBySlug;
            this.cost = cost;
        }
    }

    private PlaceNames() {
    }

    /** The English name of a region named in another language, or empty (also for English names themselves). */
    public static Optional<String> english(String name) {
        return Optional.ofNullable(Table.INSTANCE.englishBySlug.get(EntityKeys.slug(name)));
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

        Set<String> englishSlugs = new HashSet<>();
        Map<String, Set<String>> regionsBySlug = new HashMap<>();
        List<ULocale> locales = List.of(ULocale.getAvailableLocales());
        for (ULocale locale : locales) {
            boolean english = locale.getLanguage().equals("en");
            for (LocaleDisplayNames names : List.of(LocaleDisplayNames.getInstance(locale),
                    LocaleDisplayNames.getInstance(locale, DisplayContext.LENGTH_SHORT))) {
                for (String region : regions) {
                    add(name(names, region), region, english, englishSlugs, regionsBySlug);
                }
            }
        }
        Locale[] jdkLocales = Locale.getAvailableLocales();
        for (Locale locale : jdkLocales) {
            boolean english = locale.getLanguage().equals("en");
            for (String region : Locale.getISOCountries()) {
                String name = new Locale("", region).getDisplayCountry(locale);
                add(name.equals(region) ? null : name, region, english, englishSlugs, regionsBySlug);
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
        return new Table(Map.copyOf(englishBySlug),
                new BuildCost(englishBySlug.size(), regions.size(), locales.size() + jdkLocales.length, millis));
    }

    private static void add(String name, String region, boolean english, Set<String> englishSlugs,
                            Map<String, Set<String>> regionsBySlug) {
        if (name == null) {
            return;
        }
        String slug = EntityKeys.slug(name);
        if (slug.isEmpty()) {
            return;
        }
        if (english) {
            englishSlugs.add(slug);
            return;
        }
        int letters = (int) slug.codePoints().filter(Character::isLetter).count();
        boolean latin = slug.codePoints().allMatch(c -> c < 0x250);
        if (latin && letters < 3) {
            return;
        }
        regionsBySlug.computeIfAbsent(slug, k -> new HashSet<>(1)).add(region);
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
