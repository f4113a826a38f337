package io.newsflow.enrich.messaging;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Record keys that Kafka's default partitioner puts on one partition of articles.raw: one consumer, in order. */
final class SamePartition {

    private static final int PARTITIONS = 6;

    private SamePartition() {
    }

    static List<String> keys(int n) {
        List<String> keys = new ArrayList<>();
        int partition = -1;
        while (keys.size() < n) {
            String key = UUID.randomUUID().toString();
            int p = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (partition < 0) {
                partition = p;
            }
            if (p == partition) {
                keys.add(key);
            }
        }
        return keys;
    }
}
