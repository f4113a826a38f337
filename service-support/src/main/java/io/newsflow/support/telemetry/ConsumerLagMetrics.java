package io.newsflow.support.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * The lag of a service's consumer group on the topic of its incoming channel {@code newsflow.metrics.lag-channel}
 * (enrich: articles-raw, api: articles-enriched), per partition ({@code newsflow_consumer_lag}). The group and topic
 * are the channel's own {@code mp.messaging.incoming.<channel>.group.id} and {@code .topic}. A service without the
 * setting (ingest consumes nothing) reports no lag.
 */
@ApplicationScoped
public class ConsumerLagMetrics {

    @ConfigProperty(name = "newsflow.metrics.lag-channel")
    Optional<String> channel;
    @ConfigProperty(name = "newsflow.metrics.lag-interval", defaultValue = "10s")
    Duration interval;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    Optional<String> bootstrapServers;

    private ConsumerGroupLag lag;

    void start(@Observes StartupEvent event, MeterRegistry registry, Config config) {
        if (channel.isEmpty()) {
            return;
        }
        String prefix = "mp.messaging.incoming." + channel.get() + ".";
        String group = config.getValue(prefix + "group.id", String.class);
        String topic = config.getValue(prefix + "topic", String.class);
        String servers = bootstrapServers.orElseThrow(() -> new IllegalStateException(
                "newsflow.metrics.lag-channel is set but kafka.bootstrap.servers is not"));
        lag = new ConsumerGroupLag(servers, group, topic, registry).start(interval);
    }

    void stop(@Observes ShutdownEvent event) {
        if (lag != null) {
            lag.close();
        }
    }
}
