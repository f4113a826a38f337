package io.newsflow.api.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.events.ConsumerGroupLag;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The lag of this service's consumer group on articles.enriched, per partition (newsflow_consumer_lag). */
@ApplicationScoped
public class ConsumerLagMetrics {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "mp.messaging.incoming.articles-enriched.group.id")
    String group;
    @ConfigProperty(name = "mp.messaging.incoming.articles-enriched.topic")
    String topic;
    @ConfigProperty(name = "newsflow.metrics.lag-interval", defaultValue = "10s")
    Duration interval;

    private ConsumerGroupLag lag;

    void start(@Observes StartupEvent event, MeterRegistry registry) {
        lag = new ConsumerGroupLag(bootstrapServers, group, topic, registry).start(interval);
    }

    void stop(@Observes ShutdownEvent event) {
        if (lag != null) {
            lag.close();
        }
    }
}
