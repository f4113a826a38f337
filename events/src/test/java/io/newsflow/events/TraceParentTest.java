package io.newsflow.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    private static final String EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void parsesTheSpecExample() {
        TraceParent t = TraceParent.parse(EXAMPLE).orElseThrow();
        assertThat(t.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(t.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(t.flags()).isEqualTo("01");
        assertThat(t.header()).isEqualTo(EXAMPLE);
    }

    @Test
    void acceptsUppercaseAndFutureVersionsWithMoreFields() {
        assertThat(TraceParent.parse(EXAMPLE.toUpperCase())).isPresent();
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isPresent();
    }

    @Test
    void rejectsWhatTheSpecRejects() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
        assertThat(TraceParent.parse("garbage")).isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(TraceParent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01")).isEmpty();
    }

    @Test
    void childKeepsTheTraceWithANewSpan() {
        TraceParent parent = TraceParent.parse(EXAMPLE).orElseThrow();
        TraceParent child = parent.child();
        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.flags()).isEqualTo(parent.flags());
        assertThat(child.spanId()).hasSize(16).isNotEqualTo(parent.spanId());
        assertThat(TraceParent.parse(child.header())).contains(child);
    }

    @Test
    void continueOrStartKeepsAValidTraceAndStartsOneOtherwise() {
        assertThat(TraceParent.continueOrStart(EXAMPLE).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        TraceParent fresh = TraceParent.continueOrStart("nonsense");
        assertThat(fresh.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(TraceParent.parse(fresh.header())).contains(fresh);
        assertThat(TraceParent.newTrace().traceId()).isNotEqualTo(TraceParent.newTrace().traceId());
    }

    @Test
    void continueOrStartReadsAKafkaRecordsHeader() {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders()
                .add(Telemetry.TRACEPARENT, EXAMPLE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TraceParent continued = TraceParent.continueOrStart(headers);
        assertThat(continued.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(continued.spanId()).isNotEqualTo("00f067aa0ba902b7");
        TraceParent started = TraceParent.continueOrStart(new org.apache.kafka.common.header.internals.RecordHeaders());
        assertThat(started.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
