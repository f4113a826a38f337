package io.newsflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard queries only metrics named in {@link Telemetry} (which the service tests find in
 * their {@code /q/metrics}, and the end-to-end test in all three running services), and shows all of them.
 */
class DashboardMetricsTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

    @Test
    void everyQueriedMetricIsOneTheServicesExport() throws IOException {
        List<String> exprs = exprs();
        assertThat(exprs).isNotEmpty();
        Set<String> queried = new TreeSet<>();
        exprs.forEach(e -> queried.addAll(metricNames(e)));

        for (String name : queried) {
            assertThat(Telemetry.PROMETHEUS_FAMILIES.stream().anyMatch(f -> name.equals(f) || name.equals(f + "_bucket")
                    || name.equals(f + "_count") || name.equals(f + "_sum") || name.equals(f + "_max")))
                    .as("dashboard metric %s is one of %s", name, Telemetry.PROMETHEUS_FAMILIES).isTrue();
        }
        for (String family : Telemetry.PROMETHEUS_FAMILIES) {
            assertThat(queried.stream().anyMatch(n -> n.startsWith(family))).as("the dashboard shows " + family).isTrue();
        }
    }

    @Test
    void metricNamesAreFoundInPromQl() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(newsflow_enrich_duration_seconds_bucket[$__rate_interval])))"))
                .containsExactly("newsflow_enrich_duration_seconds_bucket");
        assertThat(metricNames("max by (group, topic, partition) (newsflow_consumer_lag)")).containsExactly("newsflow_consumer_lag");
        assertThat(metricNames("sum by (service, instance) (jvm_memory_used_bytes{area=\"heap\"})")).containsExactly("jvm_memory_used_bytes");
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords, labels or ranges. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String token = m.group();
            if (!Set.of("and", "or", "unless", "offset", "bool").contains(token)) {
                names.add(token);
            }
        }
        return names;
    }

    private static List<String> exprs() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(dashboardFile()));
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> exprs.add(e.asText()));
        return exprs;
    }

    private static Path dashboardFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("deploy/grafana/newsflow-dashboard.json");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("deploy/grafana/newsflow-dashboard.json not found");
    }
}
