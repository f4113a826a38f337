package io.newsflow.infra;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Kafka broker of {@code ./newsflow up}: one combined broker + controller node (KRaft) on loopback, whose data
 * is kept between runs. {@link #main} writes {@code HOME/server.properties} from the template
 * ({@code scripts/kafka-server.properties}), formats {@code HOME/data} once, then runs the broker in this JVM
 * until SIGTERM: {@code --port 9092 --controller-port 9093 --home DIR --template FILE}.
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    /** Writes HOME/server.properties: the template with its {@code @PORT@}, {@code @CONTROLLER_PORT@}, {@code @DATA@}. */
    static Path writeConfig(Path template, int port, int controllerPort, Path home) throws IOException {
        Path data = home.resolve("data").toAbsolutePath();
        Files.createDirectories(data);
        String config = Files.readString(template)
                .replace("@PORT@", String.valueOf(port))
                .replace("@CONTROLLER_PORT@", String.valueOf(controllerPort))
                .replace("@DATA@", data.toString());
        Path file = home.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    /**
     * Formats the KRaft storage of HOME/data unless it is formatted already. The cluster id is kept in
     * HOME/cluster-id, so that formatting again after the data was removed gives the same cluster.
     */
    static void formatOnce(Path home, Path config) throws IOException {
        if (Files.exists(home.resolve("data").resolve("meta.properties"))) {
            return;
        }
        Path idFile = home.resolve("cluster-id");
        if (!Files.exists(idFile) || Files.readString(idFile).isBlank()) {
            Files.writeString(idFile, Uuid.randomUuid() + "\n");
        }
        String clusterId = Files.readString(idFile).strip();
        System.out.println("Formatting the Kafka storage (cluster " + clusterId + ")");
        int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(),
                "--standalone", "--ignore-formatted"}, System.out);
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed (exit " + exit + ")");
        }
    }

    public static void main(String[] args) throws Exception {
        int port = 9092;
        int controllerPort = 9093;
        Path home = Path.of(".newsflow", "kafka");
        Path template = Path.of("scripts", "kafka-server.properties");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                case "--home" -> home = Path.of(args[++i]);
                case "--template" -> template = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: LocalKafka [--port PORT] [--controller-port PORT] [--home DIR] [--template FILE]");
                    System.exit(2);
                }
            }
        }
        Path config = writeConfig(template, port, controllerPort, home);
        formatOnce(home, config);
        kafka.Kafka.main(new String[] {config.toString()}); // returns (or exits) when the broker has stopped
    }
}
