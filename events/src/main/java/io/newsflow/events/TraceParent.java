package io.newsflow.events;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C trace context {@code traceparent} value (https://www.w3.org/TR/trace-context/): version 00,
 * a 16-byte trace id, the 8-byte id of the parent span and the flags. Each hop keeps the trace id and
 * names itself with a new span id ({@link #child()}), so one article's trace id is the same from the
 * ingest request through both Kafka topics to its database row.
 */
public record TraceParent(String traceId, String spanId, String flags) {

    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The trace context of a header value, or empty when it is absent or invalid (then a new trace starts). */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(header.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || "ff".equals(m.group(1)) || ("00".equals(m.group(1)) && m.group(5) != null)
                || INVALID_TRACE_ID.equals(m.group(2)) || INVALID_SPAN_ID.equals(m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(m.group(2), m.group(3), m.group(4)));
    }

    /** A new trace (sampled), for work that arrived without a valid trace context. */
    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16, INVALID_TRACE_ID), randomHex(8, INVALID_SPAN_ID), "01");
    }

    /** The context of the header when it is valid, else a new trace. */
    public static TraceParent continueOrStart(String header) {
        return parse(header).map(TraceParent::child).orElseGet(TraceParent::newTrace);
    }

    /** The context of a Kafka record's {@code traceparent} header when it is valid, else a new trace. */
    public static TraceParent continueOrStart(org.apache.kafka.common.header.Headers headers) {
        var header = headers.lastHeader(Telemetry.TRACEPARENT);
        return continueOrStart(header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The same trace, with a new span id for the next hop. */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(8, INVALID_SPAN_ID), flags);
    }

    /** The header value ({@code 00-<trace id>-<span id>-<flags>}). */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    @Override
    public String toString() {
        return header();
    }

    private static String randomHex(int bytes, String invalid) {
        byte[] b = new byte[bytes];
        String hex;
        do {
            RANDOM.nextBytes(b);
            hex = HexFormat.of().formatHex(b);
        } while (hex.equals(invalid));
        return hex;
    }
}
