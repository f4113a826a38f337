package io.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * EXPLAIN (ANALYZE) of one query the api-service runs (the same SQL, with the bench's values bound): which
 * indexes the plan reads, whether it scans a big table sequentially, and how long it took with and without
 * index access (the latter as the "no index" baseline).
 */
final class PlanCheck {

    /** Tables too big to read whole for one request. */
    private static final Set<String> BIG_TABLES = Set.of("article", "article_entity", "article_date", "entity_alias", "entity", "entity_month");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(String name, boolean ok, Set<String> indexes, Set<String> seqScans, double ms, double noIndexMs, String accepted) {
        String line() {
            String baseline = Double.isNaN(noIndexMs) ? "no-index not run" : String.format("no-index %9.2f ms  (x%.1f)", noIndexMs,
                    noIndexMs / Math.max(ms, 0.001));
            return String.format("%-34s %-4s %9.2f ms  %s  indexes %s%s", name, ok ? "ok" : "FAIL", ms, baseline, indexes, seqScans.isEmpty() ? ""
                            : "  SEQ SCAN on " + seqScans + (accepted == null ? "" : " (accepted: " + accepted + ")"));
        }
    }

    private final String name;
    private final String sql;
    private final List<Object> params;
    private final Set<String> expectedIndexes;
    private String seqScanAccepted;

    /**
     * @param expectedIndexes the plan must read at least one of these indexes (empty: no requirement beyond no
     *                        sequential scan of a big table)
     */
    PlanCheck(String name, String sql, List<Object> params, Set<String> expectedIndexes) {
        this.name = name;
        this.sql = sql;
        this.params = params;
        this.expectedIndexes = expectedIndexes;
    }

    /** A query that reads a big share of a table by design: its sequential scans are reported with the reason, not failed. */
    PlanCheck acceptingSeqScan(String reason) {
        this.seqScanAccepted = reason;
        return this;
    }

    /**
     * @param seqScanOff on a small corpus the planner rightly prefers reading a few pages whole; there the check
     *                   turns sequential scans off to verify that an index exists and can serve the query
     * @param noIndexBaseline also time the query with index access off (on a big corpus that reads gigabytes per query)
     */
    Result run(Connection c, boolean seqScanOff, boolean noIndexBaseline) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = " + (seqScanOff ? "off" : "on"));
        }
        JsonNode plan = explain(c);
        Set<String> indexes = new TreeSet<>();
        Set<String> seqScans = new TreeSet<>();
        walk(plan.get("Plan"), indexes, seqScans);
        double ms = plan.get("Execution Time").asDouble();
        double noIndexMs = noIndexBaseline ? noIndexMs(c) : Double.NaN;
        boolean usesExpected = expectedIndexes.isEmpty() || indexes.stream().anyMatch(expectedIndexes::contains);
        boolean ok = (seqScans.isEmpty() || seqScanAccepted != null) && usesExpected;
        return new Result(name, ok, indexes, seqScans, ms, noIndexMs, seqScanAccepted);
    }

    private double noIndexMs(Connection c) throws SQLException {
        double noIndexMs;
        try (Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = on");
            st.execute("SET enable_indexscan = off");
            st.execute("SET enable_bitmapscan = off");
            st.execute("SET enable_indexonlyscan = off");
            noIndexMs = explain(c).get("Execution Time").asDouble();
            st.execute("RESET enable_indexscan");
            st.execute("RESET enable_bitmapscan");
            st.execute("RESET enable_indexonlyscan");
            st.execute("RESET enable_seqscan");
        }
        return noIndexMs;
    }

    private JsonNode explain(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1)).get(0);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void walk(JsonNode node, Set<String> indexes, Set<String> seqScans) {
        if (node.has("Index Name")) {
            indexes.add(node.get("Index Name").asText());
        }
        String type = node.path("Node Type").asText();
        String relation = node.path("Relation Name").asText();
        if (type.equals("Seq Scan") && BIG_TABLES.contains(relation)) {
            seqScans.add(relation);
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, indexes, seqScans);
        }
    }

    static List<Object> params(Object... values) {
        return new ArrayList<>(List.of(values));
    }
}
