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
}
