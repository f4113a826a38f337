package io.newsflow.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Moves a consumer group back to the start of a topic, so that its consumers process every record again when they
 * next start: {@code ./newsflow reprocess} does this for the enrich group on {@code articles.raw}. Kafka only lets a
 * group's offsets be changed while it has no members, so the group's consumers must be stopped first; this refuses
 * with a clear message otherwise.
 */
public final class ConsumerOffsets {

    private ConsumerOffsets() {
    }

    /** @return how many records the group will read again (the sum of the partitions' lengths) */
    public static long resetToEarliest(String bootstrapServers, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get(30, TimeUnit.SECONDS);
            if (!description.members().isEmpty()) {
                throw new IllegalStateException("consumer group " + group + " has " + description.members().size()
                        + " active member(s); stop its consumers first");
            }
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResultInfo> latest = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
            earliest.forEach((tp, info) -> reset.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, reset).all().get(30, TimeUnit.SECONDS);
            return partitions.stream().mapToLong(tp -> latest.get(tp).offset() - earliest.get(tp).offset()).sum();
        }
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec)))
                .all().get(30, TimeUnit.SECONDS);
    }

    /** {@code --bootstrap HOST:PORT --group GROUP --topic TOPIC}: exit 0 done, 1 failed, 2 usage. */
    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length != 6 || !options.keySet().equals(java.util.Set.of("--bootstrap", "--group", "--topic"))) {
            System.err.println("usage: ConsumerOffsets --bootstrap HOST:PORT --group GROUP --topic TOPIC");
            System.exit(2);
        }
        String group = options.get("--group");
        String topic = options.get("--topic");
        try {
            long records = resetToEarliest(options.get("--bootstrap"), group, topic);
            System.out.println("Consumer group " + group + " moved to the start of " + topic + ": " + records
                    + " record(s) to process again");
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("Could not reset " + group + " on " + topic + ": " + cause.getMessage());
            System.exit(1);
        }
    }
}
