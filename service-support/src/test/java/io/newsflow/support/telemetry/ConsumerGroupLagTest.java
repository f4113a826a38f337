package io.newsflow.support.telemetry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.events.Telemetry;
import io.newsflow.infra.InJvmKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lag gauge against a real broker: end offset minus committed offset, per partition. */
class ConsumerGroupLagTest {

    private static InJvmKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InJvmKafka.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("lagged", 3, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void lagIsEndOffsetMinusCommittedOffsetPerPartition() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("lagged", 0, null, "zero-" + i)).get();
            }
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>("lagged", 1, null, "one-" + i)).get();
            }
        }
        var registry = new SimpleMeterRegistry();
        try (var lag = new ConsumerGroupLag(kafka.bootstrapServers(), "slow-group", "lagged", registry)) {
            // nothing committed yet: everything is lag
            assertThat(lag.refresh()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 5L, 1, 2L, 2, 0L));

            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "slow-group"), new StringDeserializer(), new StringDeserializer())) {
                consumer.commitSync(Map.of(new TopicPartition("lagged", 0), new OffsetAndMetadata(3),
                        new TopicPartition("lagged", 1), new OffsetAndMetadata(2)));
            }
            assertThat(lag.refresh()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 2L, 1, 0L, 2, 0L));

            var gauge = registry.get(Telemetry.CONSUMER_LAG).tags(Telemetry.TAG_GROUP, "slow-group", Telemetry.TAG_TOPIC, "lagged",
                    Telemetry.TAG_PARTITION, "0").gauge();
            assertThat(gauge.value()).isEqualTo(2.0);
            assertThat(registry.get(Telemetry.CONSUMER_LAG).gauges()).hasSize(3);
        }
    }
}
