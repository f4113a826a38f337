package io.newsflow.api.service;

import io.newsflow.api.service.ArticleQueries.ArticleSummary;
import io.newsflow.support.retry.RetryBackoff;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Newly stored articles, live. Whichever api instance stores an article, PostgreSQL tells all of them
 * (LISTEN/NOTIFY on commit), so a client of any instance sees every new article exactly when it is queryable.
 */
@ApplicationScoped
public class StoredArticleFeed {

    public static final String CHANNEL = "newsflow_article_stored";
    private static final Logger LOG = Logger.getLogger(StoredArticleFeed.class);

    private final BroadcastProcessor<ArticleSummary> processor = BroadcastProcessor.create();
    private final ArticleQueries queries;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private volatile boolean running = true;
    /** Reconnecting after the database went away: the one retry policy, cut short by shutdown. */
    private final RetryBackoff backoff = new RetryBackoff();
    private Thread listener;

    public StoredArticleFeed(ArticleQueries queries,
                             @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                             @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.queries = queries;
        this.jdbcUrl = jdbcUrl;
        this.user = user.orElse(null);
        this.password = password.orElse(null);
    }

    public Multi<ArticleSummary> stream() {
        return processor;
    }

    void start(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "stored-article-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        backoff.stop();
        if (listener != null) {
            listener.interrupt();
        }
        processor.onComplete();
    }

    /** One dedicated connection (not from the pool: it is held forever), re-opened after failures. */
    private void listen() {
        Duration delay = RetryBackoff.FIRST;
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                 Statement st = connection.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
                delay = RetryBackoff.FIRST;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            publish(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Live article feed lost its database connection (%s); reconnecting in %d ms", e.getMessage(), delay.toMillis());
                if (backoff.stoppedWhileWaiting(delay)) {
                    return;
                }
                delay = RetryBackoff.next(delay);
            }
        }
    }

    private void publish(String id) {
        try {
            queries.summary(UUID.fromString(id)).ifPresent(processor::onNext);
        } catch (RuntimeException e) {
            LOG.warnf("Could not publish stored article %s to the live feed: %s", id, e.getMessage());
        }
    }
}
