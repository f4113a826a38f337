package io.newsflow.support.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.newsflow.events.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The lag of a consumer group on a topic, per partition, as the gauge {@link Telemetry#CONSUMER_LAG}: the
 * partition's end offset minus the group's committed offset (its start offset when the group committed
 * nothing yet), the same figure KEDA scales on. Read with an admin client every {@code interval}, so it
 * counts records fetched but not yet committed too (the consumer's own {@code records-lag} does not).
 * Every instance of a service reports the whole group: aggregate with {@code max}, not {@code sum}.
 */
public final class ConsumerGroupLag implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumerGroupLag.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String group;
    private final String topic;
    private final MeterRegistry registry;
    private final Map<Integer, AtomicLong> lags = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public ConsumerGroupLag(String bootstrapServers, String group, String topic, MeterRegistry registry) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "lag-" + group,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
        this.group = group;
        this.topic = topic;
        this.registry = registry;
    }

    /** Refreshes the lag every {@code interval} in a daemon thread, until {@link #close()}. */
    public ConsumerGroupLag start(Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "consumer-lag-" + group);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads the end and committed offsets now and updates the gauges; returns the lag per partition. */
    public Map<Integer, Long> refresh() throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        Map<Integer, Long> result = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            long position = c == null ? start.get(tp) : Math.max(c.offset(), start.get(tp));
            long lag = Math.max(0, end.get(tp) - position);
            result.put(tp.partition(), lag);
            lags.computeIfAbsent(tp.partition(), this::register).set(lag);
        }
        return result;
    }

    private AtomicLong register(int partition) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(Telemetry.CONSUMER_LAG, value, AtomicLong::get)
                .description("Records of the partition the consumer group has not committed yet")
                .tag(Telemetry.TAG_GROUP, group).tag(Telemetry.TAG_TOPIC, topic).tag(Telemetry.TAG_PARTITION, String.valueOf(partition))
                .register(registry);
        return value;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, ListOffsetsResultInfo> info = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> spec))).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return info.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (Exception e) {
            // the topic may not exist yet, or the broker is away: keep the last figures and try again
            LOG.log(Level.FINE, "Cannot read the lag of " + group + " on " + topic, e);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
