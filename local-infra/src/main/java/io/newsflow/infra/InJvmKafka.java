package io.newsflow.infra;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka cluster in KRaft mode, running inside the current JVM on a random port.
 * Topics are auto-created with the contract's default of 6 partitions.
 */
public final class InJvmKafka implements AutoCloseable {

    /** The largest record, end to end (broker message.max.bytes, producers' max.request.size). */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private final KafkaClusterTestKit cluster;

    private InJvmKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static InJvmKafka start() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "6")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    // records up to 16 MiB, as the services' producers and ./newsflow's broker
                    .setConfigProp("message.max.bytes", String.valueOf(MAX_RECORD_BYTES))
                    .setConfigProp("replica.fetch.max.bytes", String.valueOf(MAX_RECORD_BYTES))
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new InJvmKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the in-JVM Kafka broker", e);
        }
    }
}
