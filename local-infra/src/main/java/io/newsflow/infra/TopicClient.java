package io.newsflow.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the test suites do with topics directly: write a record, read records back by key, read a header. */
public final class TopicClient {

    private final String bootstrapServers;

    public TopicClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Writes one record and waits for the broker's acknowledgement (acks=all). */
    public void send(String topic, String key, String value) throws Exception {
        send(topic, key, value, Map.of());
    }

    /** Writes one record with these headers (UTF-8 values) and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value, Map<String, String> headers) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    /**
     * Reads the topic from the start, in a fresh consumer group, until records with all the given keys were seen
     * or the timeout passed; returns everything read (callers assert on what they need).
     */
    public List<ConsumerRecord<String, String>> readUntilKeys(String topic, Duration timeout, String... keys) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!seenAll(records, keys) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The record with this key, read from the start of the topic. */
    public ConsumerRecord<String, String> read(String topic, String key, Duration timeout) {
        return readUntilKeys(topic, timeout, key).stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no record with key " + key + " on " + topic));
    }

    /** A header's value as UTF-8 text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static boolean seenAll(List<ConsumerRecord<String, String>> records, String... keys) {
        return Arrays.stream(keys).allMatch(k -> records.stream().anyMatch(r -> k.equals(r.key())));
    }
}
