package io.newsflow.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The servers the other test suites stand on really start and answer. */
class LocalInfraTest {

    @Test
    void kafkaAcceptsRecordsAndAutoCreatesSixPartitions() throws Exception {
        try (InJvmKafka kafka = InJvmKafka.start();
             var producer = new KafkaProducer<String, String>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            var metadata = producer.send(new ProducerRecord<>("probe", "k", "v")).get(30, TimeUnit.SECONDS);
            assertThat(metadata.offset()).isZero();
            var topic = admin.describeTopics(List.of("probe")).allTopicNames().get().get("probe");
            assertThat(topic.partitions()).hasSize(6);
        }
    }

    @Test
    void postgresServesTheNewsflowDatabase() throws Exception {
        try (LocalPostgres pg = LocalPostgres.startEphemeral();
             var c = DriverManager.getConnection(pg.jdbcUrl(), LocalPostgres.USER, "");
             var rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("newsflow");
            assertThat(rs.getString(2)).startsWith("PostgreSQL");
        }
    }

    @Test
    void serviceEnvironmentReachesTheServer() throws Exception {
        try (LocalPostgres pg = LocalPostgres.startEphemeral()) {
            Map<String, String> env = pg.serviceEnvironment();
            // the names a Quarkus service reads quarkus.datasource.jdbc.url and .username from
            assertThat(env).containsOnlyKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME");
            // the same by port alone, as a test that stops and starts the server uses it
            assertThat(LocalPostgres.serviceEnvironment(LocalPostgres.jdbcUrl(pg.port()))).isEqualTo(env);
            // no password: what the services default to (quarkus.datasource.password is empty)
            try (var c = DriverManager.getConnection(env.get("QUARKUS_DATASOURCE_JDBC_URL"), env.get("QUARKUS_DATASOURCE_USERNAME"), "");
                 var rs = c.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(LocalPostgres.DATABASE);
            }
        }
    }
}
