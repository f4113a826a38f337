package io.newsflow.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.newsflow.infra.RepositoryFiles.applicationProperties;
import static io.newsflow.infra.RepositoryFiles.environmentNamesOf;
import static io.newsflow.infra.RepositoryFiles.properties;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no cluster in this build, so this keeps {@code deploy/k8s} honest against the services instead:
 * probes on the paths and ports the services really serve, resources requested, autoscalers that point at
 * existing Deployments, the KEDA trigger on the topic and group enrich-service really consumes, and
 * configuration that the services read, with no secret values in the repository.
 */
class KubernetesManifestsTest {

    private static final List<String> APPS = List.of("ingest-service", "enrich-service", "api-service");
    private static final int PARTITIONS = 6;

    private static Path root;
    private static Path dir;
    private static List<Map<String, Object>> objects;

    @BeforeAll
    static void load() throws IOException {
        root = RepositoryFiles.root();
        dir = root.resolve("deploy/k8s");
        objects = new ArrayList<>();
        for (Object resource : list(yaml(dir.resolve("kustomization.yaml")).get("resources"))) {
            Path file = dir.resolve(resource.toString());
            assertThat(file).as("kustomization resource").isRegularFile();
            try (Reader reader = Files.newBufferedReader(file)) {
                for (Object doc : new Yaml().loadAll(reader)) {
                    if (doc != null) {
                        objects.add(map(doc));
                    }
                }
            }
        }
    }

    @Test
    void kustomizationListsEveryManifestAndNamesNoNamespace() throws IOException {
        Map<String, Object> kustomization = yaml(dir.resolve("kustomization.yaml"));
        assertThat(kustomization).doesNotContainKey("namespace");
        Set<String> files = new TreeSet<>();
        try (Stream<Path> paths = Files.list(dir)) {
            paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .forEach(files::add);
        }
        assertThat(list(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(files);
        for (Map<String, Object> o : objects) {
            assertThat(map(o.get("metadata"))).as(name(o)).doesNotContainKey("namespace");
        }
    }

    @Test
    void everyServiceHasADeploymentAndAService() {
        assertThat(names("Deployment")).containsExactlyInAnyOrderElementsOf(APPS);
        assertThat(names("Service")).containsExactlyInAnyOrderElementsOf(APPS);
    }

    @Test
    void probesUseTheHealthPathsOnTheServicesHttpPort() throws IOException {
        for (String app : APPS) {
            Map<String, Object> container = container(app);
            int port = httpPort(app);
            assertThat(ports(container)).as(app + " container ports").containsValue(port);
            assertThat(probe(app, container, "readinessProbe")).isEqualTo("/q/health/ready:" + port);
            assertThat(probe(app, container, "livenessProbe")).isEqualTo("/q/health/live:" + port);
            if (container.containsKey("startupProbe")) {
                assertThat(probe(app, container, "startupProbe")).isEqualTo("/q/health/started:" + port);
            }
            Map<String, Object> annotations = map(map(map(map(deployment(app).get("spec")).get("template")).get("metadata")).get("annotations"));
            assertThat(annotations).containsEntry("prometheus.io/path", "/q/metrics").containsEntry("prometheus.io/port", String.valueOf(port));
        }
    }

    @Test
    void servicesRouteToTheHttpPort() throws IOException {
        for (String app : APPS) {
            Map<String, Object> service = object("Service", app);
            Map<String, Object> spec = map(service.get("spec"));
            assertThat(map(spec.get("selector"))).isEqualTo(map(map(map(deployment(app).get("spec")).get("selector")).get("matchLabels")));
            Map<String, Object> port = map(list(spec.get("ports")).get(0));
            assertThat(port.get("port")).isEqualTo(httpPort(app));
            assertThat(resolvePort(container(app), port.get("targetPort"))).isEqualTo(httpPort(app));
        }
    }

    @Test
    void everyContainerRequestsCpuAndMemoryAndLimitsMemory() {
        for (String app : APPS) {
            Map<String, Object> resources = map(container(app).get("resources"));
            assertThat(map(resources.get("requests"))).as(app + " requests").containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).as(app + " limits").containsKey("memory");
        }
    }

    @Test
    void apiServiceHasAnHpaOnItsDeployment() {
        Map<String, Object> hpa = object("HorizontalPodAutoscaler", "api-service");
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        Map<String, Object> spec = map(hpa.get("spec"));
        Map<String, Object> target = map(spec.get("scaleTargetRef"));
        assertThat(target).containsEntry("kind", "Deployment").containsEntry("apiVersion", "apps/v1");
        assertThat(names("Deployment")).contains((String) target.get("name"));
        assertThat((Integer) spec.get("minReplicas")).isPositive().isLessThanOrEqualTo((Integer) spec.get("maxReplicas"));
        assertThat(list(spec.get("metrics"))).isNotEmpty();
        assertThat(names("HorizontalPodAutoscaler")).containsExactly("api-service");
    }

    @Test
    void enrichServiceScalesWithKedaOnTheLagOfItsOwnConsumerGroup() throws IOException {
        Map<String, Object> scaled = object("ScaledObject", "enrich-service");
        assertThat(scaled.get("apiVersion")).isEqualTo("keda.sh/v1alpha1");
        Map<String, Object> spec = map(scaled.get("spec"));
        String target = (String) map(spec.get("scaleTargetRef")).get("name");
        assertThat(target).isEqualTo("enrich-service");
        assertThat(names("Deployment")).contains(target);
        assertThat((Integer) spec.get("maxReplicaCount")).isBetween(1, PARTITIONS);
        assertThat((Integer) spec.get("minReplicaCount")).isBetween(0, (Integer) spec.get("maxReplicaCount"));

        Properties enrich = properties("enrich-service");
        Map<String, Object> trigger = map(list(spec.get("triggers")).get(0));
        assertThat(trigger.get("type")).isEqualTo("kafka");
        Map<String, Object> metadata = map(trigger.get("metadata"));
        assertThat(metadata.get("topic")).isEqualTo(enrich.getProperty("mp.messaging.incoming.articles-raw.topic"));
        assertThat(metadata.get("consumerGroup")).isEqualTo(enrich.getProperty("mp.messaging.incoming.articles-raw.group.id"));
        assertThat(Integer.parseInt((String) metadata.get("lagThreshold"))).isPositive();
        // the brokers come from the Deployment's own environment
        assertThat(env(container(target))).containsKey((String) metadata.get("bootstrapServersFromEnv"));
    }

    @Test
    void configurationComesFromTheConfigMapAndANamedSecretThatIsNotInTheRepository() throws IOException {
        assertThat(names("Secret")).isEmpty();
        Set<String> configMaps = new TreeSet<>(names("ConfigMap"));
        for (String app : APPS) {
            Set<String> readable = environmentNamesOf(app);
            String source = Files.readString(applicationProperties(app));
            for (Map.Entry<String, Map<String, Object>> e : env(container(app)).entrySet()) {
                String name = e.getKey();
                assertThat(readable.contains(name) || source.contains("${" + name)).as(app + " reads " + name).isTrue();
                Map<String, Object> from = map(e.getValue().get("valueFrom"));
                if (from.containsKey("configMapKeyRef")) {
                    Map<String, Object> ref = map(from.get("configMapKeyRef"));
                    assertThat(configMaps).as(app + " " + name).contains((String) ref.get("name"));
                    assertThat(map(map(object("ConfigMap", (String) ref.get("name")).get("data")))).containsKey((String) ref.get("key"));
                } else {
                    assertThat(map(from.get("secretKeyRef")).get("name")).as(app + " " + name).isEqualTo("newsflow-secrets");
                }
            }
            assertThat(env(container(app))).containsKey("KAFKA_BOOTSTRAP_SERVERS");
        }
        assertThat(env(container("api-service"))).containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD");
        assertThat(map(env(container("api-service")).get("QUARKUS_DATASOURCE_PASSWORD").get("valueFrom"))).containsKey("secretKeyRef");
        assertThat(map(env(container("ingest-service")).get("NEWSFLOW_API_KEY").get("valueFrom"))).containsKey("secretKeyRef");
    }

    @Test
    void enrichServiceStatesItsBoundsPerArticleWithTheServiceDefaults() throws IOException {
        Properties enrich = properties("enrich-service");
        Map<String, Object> config = map(object("ConfigMap", "newsflow-config").get("data"));
        Map<String, String> settings = Map.of("NEWSFLOW_ENRICH_TIME_BUDGET", "newsflow.enrich.time-budget",
                "NEWSFLOW_ENRICH_MAX_ANALYSED_CHARS", "newsflow.enrich.max-analysed-chars",
                "NEWSFLOW_ENRICH_MAX_MENTIONS", "newsflow.enrich.max-mentions",
                "NEWSFLOW_ENRICH_LANGUAGES", "newsflow.enrich.languages");
        for (Map.Entry<String, String> s : settings.entrySet()) {
            assertThat(env(container("enrich-service"))).containsKey(s.getKey());
            // application.properties: ${NEWSFLOW_ENRICH_...:default}; the ConfigMap states the same default
            String property = enrich.getProperty(s.getValue());
            assertThat(property).startsWith("${" + s.getKey() + ":");
            assertThat(String.valueOf(config.get(s.getKey()))).isEqualTo(property.substring(s.getKey().length() + 3, property.length() - 1));
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private static String probe(String app, Map<String, Object> container, String kind) {
        assertThat(container).as(app + " " + kind).containsKey(kind);
        Map<String, Object> get = map(map(container.get(kind)).get("httpGet"));
        return get.get("path") + ":" + resolvePort(container, get.get("port"));
    }

    /** A port number, or the number of a named container port. */
    private static Integer resolvePort(Map<String, Object> container, Object port) {
        return port instanceof Integer n ? n : ports(container).get(String.valueOf(port));
    }

    private static Map<String, Integer> ports(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object p : list(container.get("ports"))) {
            Map<String, Object> port = map(p);
            ports.put(String.valueOf(port.get("name")), (Integer) port.get("containerPort"));
        }
        return ports;
    }

    private static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        for (Object e : list(container.get("env"))) {
            Map<String, Object> var = map(e);
            assertThat(var).as("env " + var.get("name") + " is taken from a ConfigMap or Secret").containsKey("valueFrom");
            env.put((String) var.get("name"), var);
        }
        return env;
    }

    private static int httpPort(String app) throws IOException {
        return Integer.parseInt(properties(app).getProperty("quarkus.http.port"));
    }

    private static Map<String, Object> deployment(String app) {
        return object("Deployment", app);
    }

    private static Map<String, Object> container(String app) {
        Map<String, Object> podSpec = map(map(map(deployment(app).get("spec")).get("template")).get("spec"));
        List<Object> containers = list(podSpec.get("containers"));
        assertThat(containers).as(app + " containers").hasSize(1);
        return map(containers.get(0));
    }

    private static Map<String, Object> object(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    private static List<String> names(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).map(KubernetesManifestsTest::name).toList();
    }

    private static String name(Map<String, Object> o) {
        return (String) map(o.get("metadata")).get("name");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return new LinkedHashMap<>((Map<String, Object>) value);
    }
}
