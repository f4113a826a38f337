package io.newsflow.api.repository;

import io.newsflow.events.Entity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes articles and their entity / date rows. The rows of an article are written as JDBC batches on
 * the session's own connection, so they share the article's transaction. Entity and alias rows are
 * shared between articles and between api instances: ON CONFLICT DO NOTHING lets concurrent writers pass.
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<StoredArticle, UUID> {

    /** A date mentioned in an article with the span of days its value covers (null when it has none). */
    public record DateRow(int start, String value, String type, boolean resolved, LocalDate from, LocalDate to) {
    }

    /** Replaces the entity and date rows of an article; the article row must be flushed already. */
    public void replaceChildren(UUID articleId, Instant sortAt, List<Entity> entities, List<DateRow> dates) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            delete(connection, "DELETE FROM article_entity WHERE article_id = ?", articleId);
            delete(connection, "DELETE FROM article_date WHERE article_id = ?", articleId);
            insertEntities(connection, articleId, Timestamp.from(sortAt), entities);
            insertDates(connection, articleId, dates);
        });
    }

    private static void delete(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, id);
            st.executeUpdate();
        }
    }

    private static void insertEntities(Connection c, UUID articleId, Timestamp sortAt, List<Entity> entities) throws SQLException {
        try (PreparedStatement entity = c.prepareStatement(
                     "INSERT INTO entity (key, name, type) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING");
             PreparedStatement alias = c.prepareStatement(
                     "INSERT INTO entity_alias (entity_key, alias) VALUES (?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement link = c.prepareStatement("""
                     INSERT INTO article_entity (article_id, entity_key, name, type, mention_count, first_offset, sort_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (article_id, entity_key)
                     DO UPDATE SET mention_count = article_entity.mention_count + EXCLUDED.mention_count""")) {
            for (Entity e : entities) {
                entity.setString(1, e.key());
                entity.setString(2, e.name());
                entity.setString(3, e.type().name());
                entity.addBatch();
                for (String a : aliases(e)) {
                    alias.setString(1, e.key());
                    alias.setString(2, a);
                    alias.addBatch();
                }
                link.setObject(1, articleId);
                link.setString(2, e.key());
                link.setString(3, e.name());
                link.setString(4, e.type().name());
                link.setInt(5, e.mentions().size());
                link.setInt(6, e.mentions().stream().mapToInt(Entity.Mention::start).min().orElse(0));
                link.setTimestamp(7, sortAt);
                link.addBatch();
            }
            // entities first: aliases and links reference them
            entity.executeBatch();
            alias.executeBatch();
            link.executeBatch();
        }
    }

    private static Set<String> aliases(Entity e) {
        Set<String> aliases = new LinkedHashSet<>();
        aliases.add(e.name());
        e.mentions().forEach(m -> aliases.add(m.text()));
        return aliases;
    }

    private static void insertDates(Connection c, UUID articleId, List<DateRow> dates) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO article_date (article_id, start_offset, value, type, resolved, date_from, date_to)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (DateRow d : dates) {
                st.setObject(1, articleId);
                st.setInt(2, d.start());
                st.setString(3, d.value());
                st.setString(4, d.type());
                st.setBoolean(5, d.resolved());
                st.setObject(6, d.from(), Types.DATE);
                st.setObject(7, d.to(), Types.DATE);
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
