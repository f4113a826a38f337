package io.newsflow.e2e;

import io.newsflow.infra.ServiceProcess;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.Topics;
import io.newsflow.infra.InJvmKafka;
import io.newsflow.infra.TopicClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Horizontal scaling of enrich-service: three instances (one consumer each) share the six partitions of
 * articles.raw through their consumer group; when one dies with kill -9, the other two take its partitions
 * and every article still comes out enriched.
 */
class EnrichScalingIT {

    private static final String GROUP = "newsflow-enrich";
    private static InJvmKafka kafka;
    private static final List<ServiceProcess> instances = new ArrayList<>();

    @BeforeAll
    static void startThreeInstances() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.root", ".."));
        kafka = InJvmKafka.start();
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "NEWSFLOW_ENRICH_CONCURRENCY", "1",
                // English articles: three instances loading every language's models at once would only slow the start
                "NEWSFLOW_ENRICH_LANGUAGES", "en");
        for (int i = 0; i < 3; i++) {
            instances.add(ServiceProcess.start(root, "enrich-service", "768m", env));
        }
        for (ServiceProcess s : instances) {
            s.awaitReady(Duration.ofSeconds(180));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess s : instances) {
            s.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void threeInstancesSplitThePartitionsAndTheSurvivorsTakeOverAKilledOne() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(partitionsPerMember(admin)).hasSize(3).allSatisfy(p -> assertThat(p).hasSize(2)));
            assertThat(allPartitions(admin)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
            enrichAll(20);

            instances.get(0).kill();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(partitionsPerMember(admin)).hasSize(2).allSatisfy(p -> assertThat(p).hasSize(3)));
            assertThat(allPartitions(admin)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
            enrichAll(20); // keys spread over all six partitions, the killed instance's too
        }
    }

    /** Sends articles with random ids (so, all partitions) and waits until each one is enriched. */
    private static void enrichAll(int count) throws Exception {
        TopicClient topics = new TopicClient(kafka.bootstrapServers());
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID().toString();
            topics.send(Topics.RAW, ids[i], EventJson.mapper().writeValueAsString(new RawArticle(1, ids[i], null, null, "scaling",
                    "Talks " + i, "Angela Merkel met Emmanuel Macron in Paris on Monday, talk " + i + ".", null, null,
                    "2019-04-12", "given", Instant.now())));
        }
        assertThat(topics.readUntilKeys(Topics.ENRICHED, Duration.ofSeconds(120), ids))
                .extracting(r -> r.key()).contains(ids);
    }

    private static List<List<Integer>> partitionsPerMember(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP).get();
        List<List<Integer>> result = new ArrayList<>();
        for (MemberDescription member : group.members()) {
            result.add(member.assignment().topicPartitions().stream()
                    .filter(tp -> tp.topic().equals(Topics.RAW)).map(TopicPartition::partition).toList());
        }
        return result;
    }

    private static List<Integer> allPartitions(Admin admin) throws Exception {
        return partitionsPerMember(admin).stream().flatMap(List::stream).toList();
    }
}
