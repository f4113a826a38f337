package io.newsflow.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.newsflow.infra.RepositoryFiles.applicationProperties;
import static io.newsflow.infra.RepositoryFiles.environmentNamesOf;
import static io.newsflow.infra.RepositoryFiles.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

/**
 * There is no Docker engine to run {@code docker-compose.yml} with in this build, so this keeps it honest
 * against the repository instead: the services and Dockerfiles it names exist, it waits for healthy
 * dependencies, its environment variables are ones the services actually read, and Kafka is a single
 * KRaft node with 6 partitions per topic.
 */
class DockerComposeFileTest {

    private static final List<String> APPS = List.of("ingest-service", "enrich-service", "api-service");
    private static final Map<String, String> HTTP_PORTS = Map.of(
            "ingest-service", "8081", "enrich-service", "8082", "api-service", "8080");
    /** The configuration each service takes from the environment (the contract of the deployment). */
    private static final Map<String, Set<String>> ALLOWED_ENV = Map.of(
            "ingest-service", Set.of("QUARKUS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "NEWSFLOW_API_KEY"),
            "enrich-service", Set.of("QUARKUS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "NEWSFLOW_ENRICH_TIME_BUDGET",
                    "NEWSFLOW_ENRICH_MAX_ANALYSED_CHARS", "NEWSFLOW_ENRICH_MAX_MENTIONS", "NEWSFLOW_ENRICH_LANGUAGES"),
            "api-service", Set.of("QUARKUS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "NEWSFLOW_API_WRITE_KEYS"));

    private static Path root;
    private static String text;
    private static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        root = RepositoryFiles.root();
        Path file = root.resolve("docker-compose.yml");
        text = Files.readString(file);
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(file)) {
            compose = new Yaml().load(reader);
        }
        services = map(compose.get("services"));
    }

    @Test
    void declaresKafkaPostgresAndTheThreeServices() {
        assertThat(services).containsOnlyKeys("kafka", "postgres", "ingest-service", "enrich-service", "api-service", "gateway");
    }

    @Test
    void buildsEachServiceFromItsQuarkusJvmDockerfile() throws IOException {
        for (String app : APPS) {
            Map<String, Object> build = map(service(app).get("build"));
            assertThat(build.get("context")).as(app + " build context").isEqualTo("./" + app);
            Path dockerfile = root.resolve(app).resolve((String) build.get("dockerfile"));
            assertThat(dockerfile).as(app + " Dockerfile").isRegularFile();

            String content = Files.readString(dockerfile);
            assertThat(content).as(app + " Dockerfile")
                    .containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-21-runtime")
                    .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                    .contains("COPY --chown=185 target/quarkus-app/*.jar /deployments/")
                    .contains("COPY --chown=185 target/quarkus-app/app/ /deployments/app/")
                    .contains("COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/")
                    .containsPattern("(?m)^EXPOSE " + HTTP_PORTS.get(app) + "$")
                    .contains("-Dquarkus.http.host=0.0.0.0");
        }
    }

    @Test
    void everyContainerHasAHealthcheck() {
        assertThat(healthcheck("kafka")).contains("kafka-broker-api-versions");
        assertThat(healthcheck("postgres")).contains("pg_isready");
        for (String app : APPS) {
            assertThat(healthcheck(app)).as(app)
                    .contains("http://localhost:" + HTTP_PORTS.get(app) + "/q/health/ready")
                    .containsAnyOf("curl", "wget");
        }
    }

    @Test
    void servicesWaitForHealthyDependencies() {
        assertThat(dependsOn("ingest-service")).containsOnlyKeys("kafka");
        assertThat(dependsOn("enrich-service")).containsOnlyKeys("kafka");
        assertThat(dependsOn("api-service")).containsOnlyKeys("kafka", "postgres");
        for (String app : APPS) {
            dependsOn(app).forEach((dependency, condition) -> {
                assertThat(map(condition).get("condition")).as(app + " -> " + dependency).isEqualTo("service_healthy");
                assertThat(service(dependency)).as(dependency + " must have a healthcheck").containsKey("healthcheck");
            });
        }
    }

    @Test
    void everyServiceScalesBecauseOnlyTheGatewayPublishesTheirPorts() {
        for (String app : APPS) {
            assertThat(service(app)).as(app + " must publish no host port, or a second replica could not start")
                    .doesNotContainKey("ports");
            assertThat(service(app).get("expose")).as(app).asInstanceOf(LIST).containsExactly(HTTP_PORTS.get(app));
        }
        assertThat(service("gateway").get("ports")).asInstanceOf(LIST).containsExactlyInAnyOrder("8080:8080", "8081:8081");
        assertThat(dependsOn("gateway")).containsOnlyKeys("ingest-service", "api-service");
        assertThat(healthcheck("gateway")).contains("http://127.0.0.1:8080/q/health/ready");
    }

    @Test
    void gatewaySpreadsRequestsOverTheReplicasAndStreamsEvents() throws IOException {
        List<?> volumes = (List<?>) service("gateway").get("volumes");
        assertThat(volumes).hasSize(1);
        String[] mount = ((String) volumes.get(0)).split(":");
        assertThat(mount[1]).isEqualTo("/etc/nginx/conf.d/default.conf");
        String conf = Files.readString(root.resolve(mount[0]));
        // Docker's DNS, asked again while running: replicas added by --scale are used without a restart
        assertThat(conf).containsPattern("(?m)^resolver 127\\.0\\.0\\.11 valid=\\d+s");
        assertThat(conf).containsPattern("(?s)listen 8080;.*set \\$(\\w+) http://api-service:8080;\\s+proxy_pass \\$\\1;");
        assertThat(conf).containsPattern("(?s)listen 8081;.*set \\$(\\w+) http://ingest-service:8081;\\s+proxy_pass \\$\\1;");
        assertThat(conf).containsPattern("(?s)location = /stream \\{[^}]*proxy_buffering off;");
        // the gateway must not refuse bodies the ingest service would answer itself (413 problem+json up to its cap)
        Properties ingest = properties("ingest-service");
        assertThat(conf).contains("client_max_body_size " + ingest.getProperty("quarkus.http.limits.max-body-size").toLowerCase(Locale.ROOT) + ";");
    }

    @Test
    void environmentVariablesAreOnesTheServicesRead() throws IOException {
        for (String app : APPS) {
            Map<String, String> env = environment(app);
            assertThat(env.keySet()).as(app + " environment").isSubsetOf(ALLOWED_ENV.get(app))
                    .contains("QUARKUS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS");
            assertThat(env.get("QUARKUS_HTTP_PORT")).as(app + " port").isEqualTo(HTTP_PORTS.get(app));

            // each variable must feed a property of the service (MicroProfile Config's environment
            // mapping) or be referenced by name in its application.properties
            Path properties = applicationProperties(app);
            assertThat(properties).isRegularFile();
            String source = Files.readString(properties);
            Set<String> readable = environmentNamesOf(app);
            for (String name : env.keySet()) {
                assertThat(readable.contains(name) || source.contains("${" + name))
                        .as(app + " reads " + name + " (" + properties + ")").isTrue();
            }
        }
        assertThat(environment("ingest-service")).containsEntry("NEWSFLOW_API_KEY", "${NEWSFLOW_API_KEY:?set NEWSFLOW_API_KEY}");
        assertThat(environment("api-service")).containsKeys(
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

        // only these come from the caller's environment
        Set<String> interpolated = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(text);
        while (m.find()) {
            interpolated.add(m.group(1));
        }
        assertThat(interpolated).containsExactlyInAnyOrder("NEWSFLOW_API_KEY", "POSTGRES_PASSWORD", "NEWSFLOW_API_WRITE_KEYS");
    }

    @Test
    void servicesReachKafkaOnAnAdvertisedListener() {
        Set<String> advertised = new TreeSet<>();
        for (String listener : environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            advertised.add(listener.substring(listener.indexOf("://") + 3));
        }
        for (String app : APPS) {
            assertThat(advertised).as(app + " bootstrap").contains(environment(app).get("KAFKA_BOOTSTRAP_SERVERS"));
        }
    }

    @Test
    void kafkaIsOneKraftNodeWithSixPartitionsPerTopic() {
        Map<String, String> env = environment("kafka");
        assertThat(service("kafka").get("image")).asString().startsWith("apache/kafka:");
        assertThat(env).containsEntry("KAFKA_NUM_PARTITIONS", "6")
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo(env.get("KAFKA_NODE_ID") + "@kafka:9093");

        // every listener has a protocol, and the controller and inter-broker listeners exist
        Set<String> listeners = new TreeSet<>();
        for (String listener : env.get("KAFKA_LISTENERS").split(",")) {
            listeners.add(listener.substring(0, listener.indexOf("://")));
        }
        Set<String> mapped = new TreeSet<>();
        for (String entry : env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            mapped.add(entry.substring(0, entry.indexOf(':')));
        }
        assertThat(mapped).containsAll(listeners);
        assertThat(listeners).contains(env.get("KAFKA_CONTROLLER_LISTENER_NAMES"), env.get("KAFKA_INTER_BROKER_LISTENER_NAME"));
    }

    @Test
    void enrichServiceStatesItsBoundsPerArticleWithTheServiceDefaults() throws IOException {
        String properties = Files.readString(applicationProperties("enrich-service"));
        Map<String, String> env = environment("enrich-service");
        for (String name : List.of("NEWSFLOW_ENRICH_TIME_BUDGET", "NEWSFLOW_ENRICH_MAX_ANALYSED_CHARS", "NEWSFLOW_ENRICH_MAX_MENTIONS",
                "NEWSFLOW_ENRICH_LANGUAGES")) {
            Matcher fallback = Pattern.compile("\\$\\{" + name + ":([^}]*)}").matcher(properties);
            assertThat(fallback.find()).as(name + " in application.properties").isTrue();
            assertThat(env).as("docker-compose.yml").containsEntry(name, fallback.group(1));
        }
    }

    @Test
    void kafkaTakesTheLargestRecordTheServicesProduce() throws IOException {
        Map<String, String> env = environment("kafka");
        long brokerLimit = Long.parseLong(env.get("KAFKA_MESSAGE_MAX_BYTES"));
        assertThat(Long.parseLong(env.get("KAFKA_REPLICA_FETCH_MAX_BYTES"))).isGreaterThanOrEqualTo(brokerLimit);
        assertThat(brokerLimit).isEqualTo(InJvmKafka.MAX_RECORD_BYTES);
        // every producer (the channels' and the dead letter queues') states its limit, and the broker takes it
        Map<String, List<String>> producers = Map.of(
                "ingest-service", List.of("mp.messaging.outgoing.articles-raw.max.request.size"),
                "enrich-service", List.of("mp.messaging.outgoing.articles-enriched.max.request.size",
                        "mp.messaging.incoming.articles-raw.dead-letter-queue.max.request.size"),
                "api-service", List.of("mp.messaging.incoming.articles-enriched.dead-letter-queue.max.request.size"));
        for (var entry : producers.entrySet()) {
            Properties p = properties(entry.getKey());
            for (String key : entry.getValue()) {
                assertThat(p.getProperty(key)).as(entry.getKey() + " " + key).isNotNull();
                assertThat(Long.parseLong(p.getProperty(key))).as(entry.getKey() + " " + key).isEqualTo(brokerLimit);
            }
        }
        // ./newsflow's broker too: the configuration it writes for it
        String brokerConfig = Files.readString(root.resolve("scripts/kafka-server.properties"));
        assertThat(brokerConfig).contains("message.max.bytes=" + brokerLimit).contains("replica.fetch.max.bytes=" + brokerLimit);
        assertThat(Files.readString(root.resolve("newsflow"))).contains("scripts/kafka-server.properties");
    }

    @Test
    void apiServiceUsesTheComposeDatabase() {
        Map<String, String> pg = environment("postgres");
        Map<String, String> api = environment("api-service");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:17");
        assertThat(pg).containsEntry("POSTGRES_DB", "newsflow");
        assertThat(api.get("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + pg.get("POSTGRES_DB"));
        assertThat(api.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo(pg.get("POSTGRES_USER"));
        assertThat(api.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(pg.get("POSTGRES_PASSWORD"));
    }

    // ---------------------------------------------------------------------------------------------------

    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    private static String healthcheck(String name) {
        Map<String, Object> healthcheck = map(service(name).get("healthcheck"));
        Object test = healthcheck.get("test");
        assertThat(test).as(name + " healthcheck test").isNotNull();
        return test instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : test.toString();
    }

    private static Map<String, Object> dependsOn(String name) {
        return map(service(name).get("depends_on"));
    }

    /** The environment of a service, as strings, from the map or the list ("NAME=value") form. */
    private static Map<String, String> environment(String name) {
        Object env = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                result.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return new LinkedHashMap<>((Map<String, Object>) value);
    }
}
