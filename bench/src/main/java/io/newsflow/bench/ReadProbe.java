package io.newsflow.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * "Reads stay fast under writes": one reader that cycles through typical queries (latest articles, a word
 * search, the entity list), five a second (an analyst's UI, not a load test: it must not take the CPU the
 * pipeline is measured with), at rest or while the pipeline is storing articles, and records each latency.
 */
final class ReadProbe implements AutoCloseable {

    static final List<String> QUERIES = List.of(
            "/articles",
            "/articles?q=" + URLEncoder.encode(Corpus.COMMON_WORD, StandardCharsets.UTF_8),
            "/entities?limit=20");

    private static final Duration PAUSE = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String apiUrl;
    private final Latencies latencies = new Latencies();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    private ReadProbe(String apiUrl) {
        this.apiUrl = apiUrl;
        this.reader = new Thread(this::read, "read-probe");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts reading until {@link #close()}. */
    static ReadProbe start(String apiUrl) {
        return new ReadProbe(apiUrl);
    }

    /** Reads for a while and returns what it measured. */
    static Latencies forDuration(String apiUrl, Duration duration) throws InterruptedException {
        try (ReadProbe probe = start(apiUrl)) {
            Thread.sleep(duration.toMillis());
            return probe.latencies();
        }
    }

    Latencies latencies() {
        return latencies;
    }

    private void read() {
        for (int i = 0; running.get(); i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + QUERIES.get(i % QUERIES.size()))).build();
            long start = System.nanoTime();
            try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    latencies.add(System.nanoTime() - start);
                }
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (java.io.IOException e) {
                // counted as missing: the report gives the number of answers
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join(10_000);
    }
}
