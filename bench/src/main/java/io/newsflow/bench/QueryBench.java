package io.newsflow.bench;

import io.newsflow.infra.ServiceProcess;
import io.newsflow.infra.InJvmKafka;
import io.newsflow.infra.LocalPostgres;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.newsflow.infra.ServiceProcess.environment;

/**
 * Issue 3: N generated articles in PostgreSQL, the packaged api-service in front of them, and the latency of
 * the query API's main requests over HTTP (p50/p99 after warm-up, one client), then EXPLAIN ANALYZE of the
 * SQL behind them. Returns false when a plan reads a big table sequentially or misses its index.
 */
final class QueryBench {

    /** Below this many articles the planner's seq scans are right; the plan checks then only prove an index can serve. */
    private static final int SMALL_CORPUS = 20_000;
    /** Above this many articles the no-index baseline (sequential reads of the whole tables per query) is not timed. */
    private static final int NO_INDEX_BASELINE_UP_TO = 200_000;

    private final Path root;
    private final int articles;
    private final int samples;
    private final int warmup;
    private final Duration budgetPerProbe;
    private final String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param jdbcUrl an existing database to use (loaded only when it has no articles yet), or null for a fresh server */
    QueryBench(Path root, int articles, int samples, int warmup, Duration budgetPerProbe, String jdbcUrl) {
        this.root = root;
        this.jdbcUrl = jdbcUrl;
        this.articles = articles;
        this.samples = samples;
        this.warmup = warmup;
        this.budgetPerProbe = budgetPerProbe;
    }

    boolean run() throws Exception {
        System.out.printf("query benchmark: %,d articles, %d samples per request after %d warm-up (at most %ds each)%n",
                articles, samples, warmup, budgetPerProbe.toSeconds());
        Corpus corpus = Corpus.forArticles(42, articles);
        try (LocalPostgres pg = jdbcUrl == null ? LocalPostgres.startEphemeral() : null;
             Connection c = DriverManager.getConnection(url(pg) + "?reWriteBatchedInserts=true", LocalPostgres.USER, "")) {
            CorpusLoader.migrate(root, url(pg), LocalPostgres.USER);
            if (articleCount(c) == 0) {
                double loadSeconds = CorpusLoader.load(c, corpus, articles);
                System.out.printf("loaded %,d articles in %.1f s (%.0f articles/s, with entity/alias/date rows)%n",
                        articles, loadSeconds, articles / loadSeconds);
            } else if (articleCount(c) != articles) {
                throw new IllegalStateException(jdbcUrl + " holds " + articleCount(c) + " articles, not " + articles);
            }
            System.out.println("database " + size(c));

            Probes p = probes(c, corpus);
            boolean plansOk;
            try (InJvmKafka kafka = InJvmKafka.start();
                 ServiceProcess api = ServiceProcess.start(root, "api-service", "512m", environment(
                         Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()), LocalPostgres.serviceEnvironment(url(pg))))) {
                api.awaitReady(Duration.ofSeconds(120));
                System.out.printf("%nHTTP latency (ms), api-service %s, RSS %d MiB at start%n", api.url(), api.rssMib());
                System.out.printf("%-34s %6s %9s %9s %s%n", "request", "n", "p50", "p99", "path");
                for (Map.Entry<String, String> probe : p.http().entrySet()) {
                    Latencies l = measure(api.url() + probe.getValue());
                    System.out.printf("%-34s %6d %9.2f %9.2f %s%n", probe.getKey(), l.count(), l.percentileMs(50),
                            l.percentileMs(99), probe.getValue());
                }
                System.out.printf("api-service RSS after the requests: %d MiB%n", api.rssMib());
            }

            boolean small = articles < SMALL_CORPUS;
            System.out.printf("%nEXPLAIN ANALYZE of the SQL behind them%s%n",
                    small ? " (small corpus: sequential scans off, so this proves an index can serve each query)" : "");
            plansOk = true;
            for (PlanCheck check : p.plans()) {
                PlanCheck.Result r = check.run(c, small, articles <= NO_INDEX_BASELINE_UP_TO);
                System.out.println(r.line());
                if (!r.ok()) {
                    plansOk = false;
                    System.out.println("  -> " + r.name() + (r.seqScans().isEmpty() ? " does not use its index"
                            : " scans " + r.seqScans() + " sequentially"));
                }
            }
            return plansOk;
        }
    }

    /** The requests and the SQL the service runs for them, with this corpus's popular and rare entities. */
    private record Probes(Map<String, String> http, List<PlanCheck> plans) {
    }

    private Probes probes(Connection c, Corpus corpus) throws SQLException {
        Corpus.PoolEntity popular = corpus.entity(0);
        Corpus.PoolEntity rare = rare(c, corpus);
        long popularCount = articleCount(c, popular.key());
        long rareCount = articleCount(c, rare.key());
        System.out.printf("popular entity %s (%s): %,d articles; rare entity %s: %,d articles%n",
                popular.key(), popular.aliases().get(1), popularCount, rare.key(), rareCount);

        Map<String, String> http = new LinkedHashMap<>();
        http.put("article by id (reference)", "/articles/" + corpus.article(articles / 2).id());
        http.put("latest articles", "/articles");
        http.put("search one word", "/articles?q=" + enc(Corpus.COMMON_WORD));
        http.put("search two words", "/articles?q=" + enc(Corpus.COMMON_WORD + " " + Corpus.SECOND_WORD));
        http.put("search phrase", "/articles?q=" + enc("\"" + Corpus.PHRASE + "\""));
        http.put("search OR and -exclusion", "/articles?q=" + enc(Corpus.SECOND_WORD + " OR " + Corpus.OR_WORD + " -" + Corpus.EXCLUDED_WORD));
        http.put("search rare word", "/articles?q=" + enc(rare.aliases().get(0)));
        http.put("language filter (de, 12%)", "/articles?language=de");
        http.put("language filter (it, 2%)", "/articles?language=it");
        http.put("entity filter popular (key)", "/articles?entity=" + enc(popular.key()));
        http.put("entity filter popular (alias)", "/articles?entity=" + enc(popular.aliases().get(1)));
        http.put("entity filter rare", "/articles?entity=" + enc(rare.key()));
        http.put("entity popular + published year", "/articles?entity=" + enc(popular.key()) + "&publishedFrom=2018-01-01&publishedTo=2018-12-31");
        http.put("entity rare + published range", "/articles?entity=" + enc(rare.key()) + "&publishedFrom=2015-01-01&publishedTo=2025-12-31");
        http.put("entity popular + mentioned month", "/articles?entity=" + enc(popular.key()) + "&mentionedFrom=2019-05&mentionedTo=2019-05");
        http.put("search + entity popular", "/articles?q=" + enc(Corpus.SECOND_WORD) + "&entity=" + enc(popular.key()));
        http.put("entity page popular", "/entities/" + enc(popular.key()));
        http.put("entity page rare", "/entities/" + enc(rare.key()));
        http.put("entity list (most mentioned)", "/entities");
        http.put("entity list q=popular name", "/entities?q=" + enc(popular.aliases().get(1)));
        http.put("entity list q=rare name", "/entities?q=" + enc(rare.aliases().get(0)));
        http.put("entity list type=PERSON", "/entities?type=PERSON");
        http.put("source list", "/sources");
        http.put("source list q=prefix", "/sources?q=" + enc("bench-1"));

        OffsetDateTime from2018 = LocalDate.of(2018, 1, 1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to2018 = LocalDate.of(2019, 1, 1).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<PlanCheck> plans = new ArrayList<>();
        plans.add(new PlanCheck("search one word", SEARCH_TEXT, PlanCheck.params(Corpus.COMMON_WORD, Corpus.COMMON_WORD, Corpus.COMMON_WORD),
                Set.of("article_search_idx", "article_sort_idx")));
        plans.add(new PlanCheck("search rare word", SEARCH_TEXT, PlanCheck.params(rare.aliases().get(0), rare.aliases().get(0), rare.aliases().get(0)),
                Set.of("article_search_idx")));
        plans.add(new PlanCheck("search OR and -exclusion", SEARCH_TEXT, PlanCheck.params(
                Corpus.SECOND_WORD + " OR " + Corpus.OR_WORD + " -" + Corpus.EXCLUDED_WORD,
                Corpus.SECOND_WORD + " OR " + Corpus.OR_WORD + " -" + Corpus.EXCLUDED_WORD,
                Corpus.SECOND_WORD + " OR " + Corpus.OR_WORD + " -" + Corpus.EXCLUDED_WORD),
                Set.of("article_search_idx", "article_sort_idx")));
        // a language no article has must not walk the whole newest-first index
        plans.add(new PlanCheck("language filter (absent language)", SEARCH_LANGUAGE, PlanCheck.params("nl"),
                Set.of("article_language_sort_idx")));
        plans.add(new PlanCheck("entity alias lookup", RESOLVE_KEYS, PlanCheck.params(popular.aliases().get(1), popular.aliases().get(1)),
                Set.of("entity_alias_lower_idx")));
        plans.add(new PlanCheck("entity filter popular", SEARCH_ENTITY, PlanCheck.params(popular.key()),
                Set.of("article_entity_key_sort_idx", "article_entity_pkey")));
        plans.add(new PlanCheck("entity filter rare", SEARCH_ENTITY, PlanCheck.params(rare.key()),
                Set.of("article_entity_key_sort_idx")));
        plans.add(new PlanCheck("entity popular + published year", SEARCH_ENTITY_PUBLISHED, PlanCheck.params(popular.key(), from2018, from2018, to2018, to2018),
                Set.of("article_published_idx", "article_sort_idx", "article_entity_key_sort_idx")));
        plans.add(new PlanCheck("entity popular + mentioned month", SEARCH_ENTITY_MENTIONED,
                PlanCheck.params(popular.key(), LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 31)),
                Set.of("article_entity_mentioned_idx")));
        plans.add(new PlanCheck("entity rare + mentioned 2015-2025", SEARCH_ENTITY_MENTIONED,
                PlanCheck.params(rare.key(), LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31)),
                Set.of("article_entity_mentioned_idx", "article_entity_key_sort_idx")));
        // GET /articles/{id}: the article's entities come from its link rows (V12), not from a jsonb copy
        plans.add(new PlanCheck("article by id: its entities", ARTICLE_ENTITIES,
                PlanCheck.params(java.util.UUID.fromString(corpus.article(articles / 2).id())), Set.of("article_entity_pkey")));
        plans.add(new PlanCheck("entity page: counts popular", ENTITY_FIND, PlanCheck.params(popular.key(), popular.key()),
                Set.of("entity_pkey")));
        plans.add(new PlanCheck("entity page: related popular", ENTITY_RELATED, PlanCheck.params(popular.key(), popular.key()),
                Set.of("article_entity_key_sort_idx")));
        plans.add(new PlanCheck("entity page: related rare", ENTITY_RELATED, PlanCheck.params(rare.key(), rare.key()),
                Set.of("article_entity_key_sort_idx")));
        // the timelines read the counts kept per entity and month (V15), whatever the entity's number of articles
        plans.add(new PlanCheck("entity page: timeline popular", ENTITY_TIMELINE, PlanCheck.params(popular.key()),
                Set.of("entity_month_pkey")));
        plans.add(new PlanCheck("entity page: mentioned popular", ENTITY_MENTIONED_TIMELINE, PlanCheck.params(popular.key()),
                Set.of("entity_month_pkey")));
        plans.add(new PlanCheck("entity page: timeline rare", ENTITY_TIMELINE, PlanCheck.params(rare.key()),
                Set.of("entity_month_pkey")));
        plans.add(new PlanCheck("entity list (most mentioned)", ENTITY_LIST, PlanCheck.params(), Set.of("entity_mentions_idx")));
        plans.add(new PlanCheck("entity list type=PERSON", ENTITY_LIST_TYPE, PlanCheck.params("PERSON"),
                Set.of("entity_type_mentions_idx", "entity_mentions_idx")));
        plans.add(new PlanCheck("entity list q=rare name", ENTITY_LIST_TEXT,
                PlanCheck.params("%" + rare.aliases().get(0).toLowerCase(java.util.Locale.ROOT) + "%"), Set.of("entity_alias_trgm_idx")));
        plans.add(new PlanCheck("source list", SOURCE_LIST, PlanCheck.params(), Set.of("article_source_published_idx")));
        return new Probes(http, plans);
    }

    // ---- the SQL of api-service's repositories, with the values of the probes above -----------------------------

    // each article in its own language (V11): the GIN index is asked the query in every configuration, each
    // candidate is rechecked in its own
    private static final String SEARCH_TEXT = """
            SELECT a.id, a.title, a.source, a.url, a.language, a.published_value, a.published_basis, a.sort_at,
              ts_headline(CAST(a.search_config AS regconfig), left(a.body, 3000), websearch_to_tsquery(CAST(a.search_config AS regconfig), ?), 'MaxWords=35, MinWords=15, MaxFragments=2')
            FROM article a WHERE a.search @@ newsflow_search_query(?) AND newsflow_search_matches(a.search, a.search_config, ?)
            ORDER BY a.sort_at DESC, a.id DESC LIMIT 21""";
    private static final String SEARCH_LANGUAGE = """
            SELECT a.id, a.title, a.source, a.url, a.language, a.published_value, a.published_basis, a.sort_at, left(a.body, 240)
            FROM article a WHERE a.language IN (?)
            ORDER BY a.sort_at DESC, a.id DESC LIMIT 21""";
    private static final String RESOLVE_KEYS = """
            SELECT key FROM entity WHERE key = ? UNION SELECT entity_key FROM entity_alias WHERE lower(alias) = lower(?)""";
    private static final String SEARCH_ENTITY = """
            SELECT a.id, a.title, a.source, a.url, a.published_value, a.published_basis, a.sort_at, left(a.body, 240)
            FROM article a WHERE EXISTS (SELECT 1 FROM article_entity ae WHERE ae.article_id = a.id AND ae.entity_key IN (?))
            ORDER BY a.sort_at DESC, a.id DESC LIMIT 21""";
    private static final String SEARCH_ENTITY_PUBLISHED = """
            SELECT a.id, a.title, a.source, a.url, a.published_value, a.published_basis, a.sort_at, left(a.body, 240)
            FROM article a WHERE EXISTS (SELECT 1 FROM article_entity ae WHERE ae.article_id = a.id AND ae.entity_key IN (?))
            AND a.published_at >= ? AND a.sort_at >= ? AND a.published_at < ? AND a.sort_at < ?
            ORDER BY a.sort_at DESC, a.id DESC LIMIT 21""";
    // one entity and a mentioned range (V16): the entity's links whose article's date spans overlap it, newest first
    private static final String SEARCH_ENTITY_MENTIONED = """
            SELECT a.id, a.title, a.source, a.url, a.published_value, a.published_basis, a.sort_at, left(a.body, 240)
            FROM article_entity ae JOIN article a ON a.id = ae.article_id
            WHERE ae.entity_key = ? AND NOT isempty(ae.mentioned_spans) AND ae.mentioned_spans && daterange(?, ?, '[]')
            ORDER BY ae.sort_at <-> TIMESTAMPTZ '100000-01-01 UTC', a.id DESC LIMIT 21""";
    private static final String ARTICLE_ENTITIES = """
            SELECT ae.entity_key, ae.name, ae.type, ae.subtype, CAST(ae.mentions AS text) AS mentions
            FROM article_entity ae WHERE ae.article_id = ? ORDER BY ae.position, ae.entity_key""";
    private static final String ENTITY_FIND = """
            SELECT e.key, e.name, e.type, e.article_count, e.mention_count FROM entity e
            WHERE e.key = coalesce((SELECT to_key FROM entity_redirect WHERE from_key = ?), ?)""";
    private static final String ENTITY_RELATED = """
            WITH recent AS (
                SELECT article_id FROM article_entity WHERE entity_key = ?
                ORDER BY sort_at DESC, article_id DESC LIMIT 1000),
            strongest AS (
                SELECT other.entity_key, count(*) AS shared
                FROM recent JOIN article_entity other ON other.article_id = recent.article_id AND other.entity_key <> ?
                GROUP BY other.entity_key
                ORDER BY shared DESC, other.entity_key LIMIT 25)
            SELECT s.entity_key, e.name, e.type, s.shared
            FROM strongest s JOIN entity e ON e.key = s.entity_key
            ORDER BY s.shared DESC, s.entity_key""";
    private static final String ENTITY_TIMELINE = """
            SELECT to_char(month, 'YYYY-MM') AS month, published AS articles FROM entity_month
            WHERE entity_key = ? AND published > 0 ORDER BY entity_month.month""";
    private static final String ENTITY_MENTIONED_TIMELINE = """
            SELECT to_char(month, 'YYYY-MM') AS month, mentioned AS articles FROM entity_month
            WHERE entity_key = ? AND mentioned > 0 ORDER BY entity_month.month""";
    private static final String SOURCE_LIST = """
            SELECT s.source, s.articles, (SELECT max(a.published_at) FROM article a WHERE a.source = s.source) AS latest
            FROM (SELECT source, articles FROM source_count WHERE articles > 0 ORDER BY articles DESC, source LIMIT 21) s
            ORDER BY s.articles DESC, s.source""";
    private static final String ENTITY_LIST_TEXT = """
            SELECT e.key, e.name, e.type, e.article_count AS articles, e.mention_count AS mentions
            FROM entity e WHERE e.article_count > 0
            AND e.key IN (SELECT x.entity_key FROM entity_alias x WHERE lower(x.alias) LIKE ? ESCAPE '\\')
            ORDER BY e.mention_count DESC, e.key ASC LIMIT 21""";
    private static final String ENTITY_LIST_TYPE = """
            SELECT e.key, e.name, e.type, e.article_count AS articles, e.mention_count AS mentions
            FROM entity e WHERE e.article_count > 0 AND e.type = ?
            ORDER BY e.mention_count DESC, e.key ASC LIMIT 21""";
    private static final String ENTITY_LIST = """
            SELECT e.key, e.name, e.type, e.article_count AS articles, e.mention_count AS mentions
            FROM entity e WHERE e.article_count > 0
            ORDER BY e.mention_count DESC, e.key ASC LIMIT 21""";

    // ---- measuring ------------------------------------------------------------------------------------------

    private Latencies measure(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
        for (int i = 0; i < warmup; i++) {
            send(request);
        }
        Latencies l = new Latencies();
        long deadline = System.nanoTime() + budgetPerProbe.toNanos();
        for (int i = 0; i < samples && (i < 5 || System.nanoTime() < deadline); i++) {
            long start = System.nanoTime();
            send(request);
            l.add(System.nanoTime() - start);
        }
        return l;
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    /** An entity of the least popular ranks that is in at least two articles. */
    private static Corpus.PoolEntity rare(Connection c, Corpus corpus) throws SQLException {
        for (int rank = corpus.entityCount() - 1; rank > 0; rank--) {
            if (articleCount(c, corpus.entity(rank).key()) >= 2) {
                return corpus.entity(rank);
            }
        }
        throw new IllegalStateException("no entity in two articles");
    }

    private String url(LocalPostgres pg) {
        return pg == null ? jdbcUrl : pg.jdbcUrl();
    }

    private static long articleCount(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM article")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long articleCount(Connection c, String key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM article_entity WHERE entity_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String size(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT pg_size_pretty(pg_database_size(current_database())), (SELECT count(*) FROM article_entity), (SELECT count(*) FROM entity)")) {
            rs.next();
            return String.format("%s, %,d article_entity rows, %,d entities", rs.getString(1), rs.getLong(2), rs.getLong(3));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
