package io.newsflow.bench;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Deterministic news-like articles, as the enrichment would emit them: ~2 KB of English-looking text (labelled
 * with a mix of languages, see {@link #language}) whose
 * words follow a Zipf law, 6-14 canonical entities per article drawn from a Zipf-distributed pool (a few
 * entities are in a quarter of all articles, most in a handful), each written under one of its aliases,
 * publication dates spread over 2015-2025 (3% unknown), and 2-4 mentioned dates near the publication.
 *
 * <p>Article {@code i} is the same for the same seed, so a run can be repeated and the pipeline benchmark can
 * tell which stored article was sent when.
 */
public final class Corpus {

    /** Probe words and names for the query benchmark: frequent, mid-frequency and rare. */
    public static final String COMMON_WORD = "government";
    public static final String SECOND_WORD = "election";
    public static final String PHRASE = "prime minister";
    public static final String OR_WORD = "referendum";
    public static final String EXCLUDED_WORD = "football";

    private static final String[] NEWS_WORDS = ("government said minister president officials country state week people "
            + "year security talks forces military election police city report military economic support agreement "
            + "statement capital parliament council opposition region leaders international attack border meeting "
            + "prime minister court law policy national foreign defense troops crisis protest vote campaign party "
            + "market trade oil energy bank prices growth budget million billion percent deal sanctions ceasefire "
            + "referendum football health hospital water rights justice investigation spokesman conference summit "
            + "agency commission committee sources announced warned according added told called reported visit").split(" ");
    private static final String[] FUNCTION_WORDS = ("the of and to in a that for on is was with by as at from has "
            + "it be have are which an not its were had this but also their after been who would will more than "
            + "over into about two other new some could they there when while since only most last first").split(" ");
    private static final String[] SYLLABLES = ("ka ri to men sa lo vi de ran tor al ben cor du el fa gor hi is jun "
            + "kel lim mar nor ob pel quin ros sul tam ur ven wes xan yor zel ba ce di fo gu").split(" ");
    private static final String[] FIRST_NAMES = ("James Maria Ahmed Olga Sergei Fatima Li Wei Carlos Anna Mohammed "
            + "Elena John Aisha Pierre Yuki Hans Ingrid Omar Leila Viktor Sofia Rahul Priya Kwame Amara Diego Lucia "
            + "Ivan Nadia Kenji Hana Lars Freya Mustafa Zainab Pedro Ines Dmitri Irina").split(" ");
    private static final String[] TITLES = {"President", "Minister", "General", "Mr", "Ms", "Senator", "Dr"};
    private static final String[] ORG_FORMS = {"National %s Party", "%s Bank", "%s Oil Company", "Ministry of %s",
            "%s Liberation Front", "%s Institute", "United %s Council"};

    private final long seed;
    private final int entityCount;
    private final Zipf entityZipf;
    private final Zipf wordZipf;
    private final String[] vocabulary;
    private final PoolEntity[] entities;

    /** An entity of the pool: its canonical key, name, type and the ways articles write it. */
    public record PoolEntity(String key, String name, EntityType type, List<String> aliases) {
    }

    public Corpus(long seed, int entityCount) {
        this.seed = seed;
        this.entityCount = entityCount;
        Random random = new Random(seed);
        this.entityZipf = new Zipf(entityCount, 0.8);
        this.vocabulary = vocabulary(random, 20_000);
        this.wordZipf = new Zipf(vocabulary.length, 1.0);
        this.entities = new PoolEntity[entityCount];
        for (int rank = 0; rank < entityCount; rank++) {
            entities[rank] = entity(random, rank);
        }
    }

    /** Entity pool of a size that suits {@code articles} articles (about one new entity per three articles). */
    public static Corpus forArticles(long seed, int articles) {
        return new Corpus(seed, Math.max(500, Math.min(60_000, articles / 3)));
    }

    /** The entity of popularity rank {@code rank} (0 = most popular). */
    public PoolEntity entity(int rank) {
        return entities[rank];
    }

    public int entityCount() {
        return entityCount;
    }

    /** Article number {@code i}: always the same for the same corpus seed. */
    public EnrichedArticle article(int i) {
        return article(i, 2_000);
    }

    public EnrichedArticle article(int i, int targetChars) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        LocalDate published = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(11 * 365));
        boolean dateKnown = r.nextInt(100) >= 3;

        int entityTarget = 6 + r.nextInt(9);
        Map<Integer, List<Entity.Mention>> mentions = new LinkedHashMap<>();
        List<DateMention> dates = new ArrayList<>();
        int dateTarget = 2 + r.nextInt(3);
        int[] chosen = new int[entityTarget];
        for (int e = 0; e < entityTarget; e++) {
            chosen[e] = entityZipf.sample(r);
        }

        StringBuilder text = new StringBuilder(targetChars + 200);
        String title = sentence(r, 6 + r.nextInt(5), entities[chosen[0]].aliases().get(0));
        int sentences = 0;
        while (text.length() < targetChars) {
            if (!text.isEmpty()) {
                text.append(sentences % 5 == 4 ? "\n\n" : " ");
            }
            int words = 10 + r.nextInt(16);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    text.append(' ');
                }
                int roll = r.nextInt(100);
                if (roll < 8 && (mentions.size() < entityTarget || roll < 3)) {
                    int rank = chosen[r.nextInt(entityTarget)];
                    PoolEntity pe = entities[rank];
                    String alias = pe.aliases().get(r.nextInt(pe.aliases().size()));
                    int start = text.length();
                    text.append(alias);
                    mentions.computeIfAbsent(rank, k -> new ArrayList<>()).add(new Entity.Mention(alias, start, text.length()));
                } else if (roll < 10 && dates.size() < dateTarget) {
                    int start = text.length();
                    DateMention d = date(r, published, start);
                    text.append(d.text());
                    dates.add(new DateMention(d.text(), start, text.length(), d.type(), d.value(), d.resolved()));
                } else {
                    appendWord(text, r, w == 0);
                }
            }
            text.append('.');
            sentences++;
        }

        List<Entity> articleEntities = new ArrayList<>();
        mentions.forEach((rank, ms) -> {
            PoolEntity pe = entities[rank];
            articleEntities.add(new Entity(pe.key(), pe.name(), pe.type(), null, ms));
        });
        String source = "bench-" + (i % 20);
        String externalId = "a" + i;
        Instant received = published.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600 + r.nextInt(7200));
        EnrichedArticle.PublishedAt publishedAt = dateKnown
                ? new EnrichedArticle.PublishedAt(published.toString(), EnrichedArticle.Basis.given)
                : EnrichedArticle.PublishedAt.unknown();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, ArticleIds.derive(source, externalId, null, null, null),
                externalId, null, source, title, text.toString(), language(i), publishedAt, received, articleEntities, dates,
                new EnrichedArticle.Enrichment("bench", 0));
    }

    /**
     * The article's language, mixed as in a multilingual newsroom: 72% en, 12% de, 10% es, 4% fr, 2% it. Only the
     * label (and so the search configuration, V11) varies: the text is the same invented English-like language.
     */
    static String language(int i) {
        int slot = Math.floorMod(Long.hashCode(i * 0x9E3779B97F4A7C15L), 50);
        return slot < 36 ? "en" : slot < 42 ? "de" : slot < 47 ? "es" : slot < 49 ? "fr" : "it";
    }

    private String sentence(SplittableRandom r, int words, String subject) {
        StringBuilder s = new StringBuilder(subject);
        for (int w = 1; w < words; w++) {
            s.append(' ');
            appendWord(s, r, false);
        }
        return s.toString();
    }

    private void appendWord(StringBuilder text, SplittableRandom r, boolean capitalise) {
        String word = vocabulary[wordZipf.sample(r)];
        if (capitalise) {
            text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        } else {
            text.append(word);
        }
    }

    private static DateMention date(SplittableRandom r, LocalDate published, int start) {
        int kind = r.nextInt(10);
        if (kind < 7) {
            LocalDate day = published.minusDays(r.nextInt(30));
            String text = day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " "
                    + day.getDayOfMonth() + ", " + day.getYear();
            return new DateMention(text, start, start + text.length(), "DATE", day.toString(), true);
        }
        if (kind < 9) {
            LocalDate month = published.minusMonths(r.nextInt(12));
            String text = month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
            return new DateMention(text, start, start + text.length(), "DATE", month.toString().substring(0, 7), true);
        }
        String year = String.valueOf(published.getYear() - r.nextInt(5));
        return new DateMention(year, start, start + year.length(), "DATE", year, true);
    }

    /** News words first (the frequent ranks, with the probe words), then function words, then invented words. */
    private static String[] vocabulary(Random random, int size) {
        List<String> words = new ArrayList<>();
        // interleave so that both kinds are frequent, as in real text
        for (int i = 0; i < Math.max(NEWS_WORDS.length, FUNCTION_WORDS.length); i++) {
            if (i < FUNCTION_WORDS.length) {
                words.add(FUNCTION_WORDS[i]);
            }
            if (i < NEWS_WORDS.length) {
                words.add(NEWS_WORDS[i]);
            }
        }
        while (words.size() < size) {
            int syllables = 2 + random.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(w.toString());
        }
        return words.toArray(String[]::new);
    }

    private static PoolEntity entity(Random random, int rank) {
        String surname = capitalised(invented(random, 2 + random.nextInt(2)));
        switch (rank % 3) {
            case 0 -> {
                String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                String name = first + " " + surname;
                String title = TITLES[random.nextInt(TITLES.length)] + " " + surname;
                return new PoolEntity("person:" + slug(name) + "-" + rank, name, EntityType.PERSON, List.of(name, surname, title));
            }
            case 1 -> {
                String name = String.format(ORG_FORMS[random.nextInt(ORG_FORMS.length)], surname);
                String acronym = Arrays.stream(name.split(" ")).map(p -> p.substring(0, 1)).reduce("", String::concat).toUpperCase(Locale.ROOT);
                return new PoolEntity("organization:" + slug(name) + "-" + rank, name, EntityType.ORGANIZATION, List.of(name, acronym));
            }
            default -> {
                String name = surname + (random.nextBoolean() ? "ia" : "");
                return new PoolEntity("location:" + slug(name) + "-" + rank, name, EntityType.LOCATION, List.of(name));
            }
        }
    }

    private static String invented(Random random, int syllables) {
        StringBuilder w = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return w.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s, by binary search in the cumulative weights. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, s);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int sample(SplittableRandom r) {
            int i = Arrays.binarySearch(cumulative, r.nextDouble());
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }
}
