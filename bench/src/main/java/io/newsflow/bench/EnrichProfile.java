package io.newsflow.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Java Flight Recorder execution samples of enrich-service, added up by the library the sampled thread was in
 * (the frame nearest the top of the stack that belongs to a known package), plus garbage-collection pauses.
 */
final class EnrichProfile {

    /**
     * Package prefix -> what it is. A sample counts for the first specific library found from the top of its
     * stack down (a HashMap lookup inside the CRF is the CRF's time); only when there is none, for the first
     * general one (our own code, the rest of CoreNLP, the framework the worker thread runs in).
     */
    private static final Map<String, String> SPECIFIC = new LinkedHashMap<>();
    private static final Map<String, String> GENERAL = new LinkedHashMap<>();

    static {
        SPECIFIC.put("edu.stanford.nlp.time.", "SUTime (dates)");
        SPECIFIC.put("edu.stanford.nlp.ling.tokensregex.", "SUTime (dates)");
        SPECIFIC.put("edu.stanford.nlp.ie.", "CRF named entities");
        SPECIFIC.put("edu.stanford.nlp.sequences.", "CRF named entities");
        SPECIFIC.put("edu.stanford.nlp.process.", "tokenizer / sentences");
        SPECIFIC.put("edu.stanford.nlp.tagger.", "part-of-speech tagger");
        SPECIFIC.put("org.jsoup.", "HTML (jsoup)");
        SPECIFIC.put("com.github.pemistahl.lingua.", "language detection (Lingua)");
        SPECIFIC.put("it.unimi.dsi.fastutil.", "language detection (Lingua)"); // Lingua's model maps
        SPECIFIC.put("org.apache.kafka.", "Kafka client");
        SPECIFIC.put("com.fasterxml.jackson.", "JSON");
        GENERAL.put("io.newsflow.", "Newsflow rules (entities, dates, text)");
        GENERAL.put("edu.stanford.nlp.", "other CoreNLP");
        GENERAL.put("io.smallrye.", "Quarkus / Vert.x / messaging");
        GENERAL.put("io.vertx.", "Quarkus / Vert.x / messaging");
        GENERAL.put("io.netty.", "Quarkus / Vert.x / messaging");
        GENERAL.put("io.quarkus.", "Quarkus / Vert.x / messaging");
    }

    private final Map<String, Long> byCategory = new TreeMap<>();
    private final Map<String, Long> byLeafMethod = new TreeMap<>();
    private long samples;
    private Duration gcPauses = Duration.ZERO;

    void add(Path recording) throws IOException {
        try {
            for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> sample(event.getStackTrace());
                    case "jdk.GarbageCollection" -> gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
                    default -> { }
                }
            }
        } finally {
            Files.deleteIfExists(recording);
        }
    }

    private void sample(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames(); // top of the stack first
        RecordedFrame leaf = frames.get(0);
        byLeafMethod.merge(leaf.getMethod().getType().getName() + "." + leaf.getMethod().getName(), 1L, Long::sum);
        byCategory.merge(category(frames), 1L, Long::sum);
    }

    private static String category(List<RecordedFrame> frames) {
        String general = null;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String specific = match(SPECIFIC, type);
            if (specific != null) {
                return specific;
            }
            if (general == null) {
                general = match(GENERAL, type);
            }
        }
        return general != null ? general : "JDK / other";
    }

    private static String match(Map<String, String> categories, String type) {
        for (var c : categories.entrySet()) {
            if (type.startsWith(c.getKey())) {
                return c.getValue();
            }
        }
        return null;
    }

    /** Category shares per step, one column per profile, then the hottest methods of the first profile. */
    static void printSideBySide(List<EnrichProfile> profiles, List<String> labels) {
        TreeMap<String, Long> total = new TreeMap<>();
        profiles.forEach(p -> p.byCategory.forEach((k, v) -> total.merge(k, v, Long::sum)));
        System.out.println("| where | " + String.join(" | ", labels) + " |");
        System.out.println("|---|" + "---:|".repeat(profiles.size()));
        total.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(c -> {
            StringBuilder row = new StringBuilder("| " + c.getKey() + " |");
            for (EnrichProfile p : profiles) {
                row.append(String.format(" %.1f%% |", 100.0 * p.byCategory.getOrDefault(c.getKey(), 0L) / Math.max(1, p.samples)));
            }
            System.out.println(row);
        });
        StringBuilder gc = new StringBuilder("| GC pauses (s, not in the samples) |");
        StringBuilder n = new StringBuilder("| samples |");
        for (EnrichProfile p : profiles) {
            gc.append(String.format(" %.1f |", p.gcPauses.toMillis() / 1000.0));
            n.append(String.format(" %,d |", p.samples));
        }
        System.out.println(gc);
        System.out.println(n);
        EnrichProfile first = profiles.get(0);
        System.out.printf("%nHottest methods (self time, %s):%n", labels.get(0));
        first.byLeafMethod.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(m -> System.out.printf("  %5.1f%%  %s%n", 100.0 * m.getValue() / Math.max(1, first.samples), m.getKey()));
    }
}
