package io.newsflow.api.repository;

import io.newsflow.infra.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V12 moves an article's entities from the article.entities jsonb into article_entity: an article stored before it
 * keeps every entity with its name, type, subtype, order and mentions, and the jsonb column is gone. V16 then gives
 * those link rows the spans of days their article's dates cover.
 */
class EntitiesInTablesMigrationTest {

    private static final String ARTICLE = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    private static LocalPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.startEphemeral();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void entitiesStoredAsJsonbSurviveInTheLinkRows() throws SQLException {
        flyway("11").migrate();
        try (Connection c = connection(); var st = c.createStatement()) {
            // as the api stored an article before V12: the jsonb lists the entities (a key twice, a link name that
            // drifted from it), article_entity has one link per key with the mentions added up
            st.execute("""
                    INSERT INTO article (id, body, published_basis, received_at, stored_at, sort_at, entities, dates)
                    VALUES ('%s', 'The GNA met Haftar in Tripoli. GNA ...', 'unknown', now(), now(), now(), '[
                      {"key": "person:khalifa-haftar", "name": "Haftar", "type": "PERSON",
                       "mentions": [{"text": "Haftar", "start": 12, "end": 18}]},
                      {"key": "organization:gna", "name": "Government of National Accord", "type": "ORGANIZATION",
                       "mentions": [{"text": "GNA", "start": 4, "end": 7}]},
                      {"key": "location:tripoli", "name": "Tripoli", "type": "LOCATION", "subtype": "CITY",
                       "mentions": [{"text": "Tripoli", "start": 22, "end": 29}]},
                      {"key": "organization:gna", "name": "GNA", "type": "ORGANIZATION",
                       "mentions": [{"text": "GNA", "start": 31, "end": 34}]}]'::jsonb, '[]'::jsonb)""".formatted(ARTICLE));
            st.execute("""
                    INSERT INTO entity (key, name, type) VALUES ('person:khalifa-haftar', 'Haftar', 'PERSON'),
                        ('organization:gna', 'Government of National Accord', 'ORGANIZATION'),
                        ('location:tripoli', 'Tripoli', 'LOCATION')""");
            st.execute("""
                    INSERT INTO article_entity (article_id, entity_key, name, type, mention_count, first_offset, sort_at)
                    SELECT id, k.key, k.name, k.type, k.mentions, k.first_offset, sort_at FROM article,
                        (VALUES ('person:khalifa-haftar', 'Haftar', 'PERSON', 1, 12),
                                ('organization:gna', 'GNA', 'ORGANIZATION', 2, 4),
                                ('location:tripoli', 'Tripoli', 'LOCATION', 1, 22)) AS k(key, name, type, mentions, first_offset)""");
            // its dates: a day inside a month it also names, a year, one from a day on (open end), one not resolved
            st.execute("""
                    INSERT INTO article_date (article_id, start_offset, value, type, resolved, date_from, date_to)
                    VALUES ('%1$s', 40, '2019-05-02', 'DATE', true, '2019-05-02', '2019-05-02'),
                           ('%1$s', 60, '2019-05', 'DATE', true, '2019-05-01', '2019-05-31'),
                           ('%1$s', 80, '2021', 'DATE', true, '2021-01-01', '2021-12-31'),
                           ('%1$s', 90, '2023-03-01/..', 'DATE', true, '2023-03-01', NULL),
                           ('%1$s', 99, 'XXXX-WXX', 'DATE', false, NULL, NULL)""".formatted(ARTICLE));
        }

        flyway(null).migrate();

        List<String> links = new ArrayList<>();
        try (Connection c = connection(); var st = c.createStatement(); var rs = st.executeQuery("""
                SELECT entity_key, name, type, subtype, mentions::text, mention_count FROM article_entity
                WHERE article_id = '%s' ORDER BY position""".formatted(ARTICLE))) {
            while (rs.next()) {
                links.add(String.join(" | ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        assertThat(links).containsExactly(
                "person:khalifa-haftar | Haftar | PERSON | null | [{\"end\": 18, \"text\": \"Haftar\", \"start\": 12}] | 1",
                "organization:gna | Government of National Accord | ORGANIZATION | null | "
                        + "[{\"end\": 7, \"text\": \"GNA\", \"start\": 4}, {\"end\": 34, \"text\": \"GNA\", \"start\": 31}] | 2",
                "location:tripoli | Tripoli | LOCATION | CITY | [{\"end\": 29, \"text\": \"Tripoli\", \"start\": 22}] | 1");
        try (Connection c = connection(); var rs = c.getMetaData().getColumns(null, null, "article", "entities")) {
            assertThat(rs.next()).as("article.entities is dropped").isFalse();
        }
        try (Connection c = connection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT mention_count FROM entity WHERE key = 'organization:gna'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the V6 counts are unchanged by the move").isEqualTo(2);
        }
        // V16: every link row of the article carries the days its resolved dates cover, overlapping ones joined
        List<String> spans = new ArrayList<>();
        try (Connection c = connection(); var st = c.createStatement(); var rs = st.executeQuery("""
                SELECT mentioned_spans::text FROM article_entity WHERE article_id = '%s' ORDER BY position""".formatted(ARTICLE))) {
            while (rs.next()) {
                spans.add(rs.getString(1));
            }
        }
        assertThat(spans).hasSize(3).containsOnly("{[2019-05-01,2019-06-01),[2021-01-01,2022-01-01),[2023-03-01,)}");
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(postgres.jdbcUrl(), LocalPostgres.USER, "")
                .locations("filesystem:src/main/resources/db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
    }
}
