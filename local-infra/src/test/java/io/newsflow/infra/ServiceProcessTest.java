package io.newsflow.infra;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTest {

    @Test
    void anEnvironmentHoldsEveryPartAndALaterValueWins() {
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        Map<String, String> postgres = Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/newsflow",
                "QUARKUS_DATASOURCE_USERNAME", "newsflow");
        Map<String, String> test = Map.of("QUARKUS_DATASOURCE_USERNAME", "other", "NEWSFLOW_API_KEY", "k");

        assertThat(ServiceProcess.environment(kafka, postgres, test)).isEqualTo(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/newsflow",
                "QUARKUS_DATASOURCE_USERNAME", "other",
                "NEWSFLOW_API_KEY", "k"));
        assertThat(ServiceProcess.environment()).isEmpty();
    }
}
