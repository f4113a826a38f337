package io.newsflow.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts a real in-JVM Kafka broker for a {@code @QuarkusTest} and points the application at it. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private InJvmKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = InJvmKafka.start();
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
