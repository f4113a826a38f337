package io.newsflow.ingest.resource;

import io.newsflow.infra.PrometheusText;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What arrives on the wire before any endpoint runs, through raw sockets: bodies cut at the limit while they
 * arrive, message framing a proxy could read differently, connections that stall, and the HTTP
 * metrics that anonymous requests to random paths must not blow up. No broker is needed for any of it.
 */
@QuarkusTest
@TestProfile(HttpTransportTest.ShortTimeouts.class)
class HttpTransportTest {

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1",
                    "quarkus.http.idle-timeout", "4s");
        }
    }

    private static final int MIB = 1024 * 1024;

    /** A request on a fresh connection: the 4 s idle timeout would close pooled ones under the client's feet. */
    private static io.restassured.specification.RequestSpecification http() {
        return given().header("Connection", "close");
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One HTTP/1.1 answer: the status line and headers, then Content-Length bytes of body (or up to EOF). */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = -1;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void aChunkedUploadOfTwentyMebibytesIsCutAtTheLimitWithA413() throws Exception {
        long limit = 65_536; // %test newsflow.ingest.max-body-bytes
        try (Socket socket = connect()) {
            send(socket, "POST /articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer test-key\r\n"
                    + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return readAnswer(socket.getInputStream());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            long sent = 0;
            try {
                while (sent < 20L * MIB && !answer.isDone()) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
            } catch (SocketException closedByTheServer) {
                // the server may close the connection while we still write: that is a way to stop too
            }
            String response = answer.get(20, TimeUnit.SECONDS);
            assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                    .contains("NEWSFLOW_INGEST_MAX_BODY_BYTES").contains(String.valueOf(limit));
            // the answer came while the upload was still going: the server did not wait for (or keep) 20 MiB
            assertThat(sent).isLessThan(20L * MIB);
        }
    }

    @Test
    void aTransferEncodingOtherThanChunkedIsRefusedWith400() throws Exception {
        String body = "{\"text\":\"Smuggled " + UUID.randomUUID() + "\"}";
        for (String encoding : List.of("xchunked", "gzip, chunked", "chunked, chunked")) {
            try (Socket socket = connect()) {
                send(socket, "POST /articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer test-key\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: " + encoding + "\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
                String response = readAnswer(socket.getInputStream());
                assertThat(response).as(encoding).startsWith("HTTP/1.1 400");
            }
        }
        // without a key too: framing is checked first
        try (Socket socket = connect()) {
            send(socket, "POST /articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: xchunked\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            String response = readAnswer(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("Transfer-Encoding 'xchunked' is not accepted");
        }
    }

    @Test
    void transferEncodingTogetherWithContentLengthIsRefusedWith400() throws Exception {
        String body = "{\"text\":\"Both " + UUID.randomUUID() + "\"}";
        try (Socket socket = connect()) {
            send(socket, "POST /articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer test-key\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
            String response = readAnswer(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aClientThatNeverFinishesItsHeadersIsDropped() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bea");
            long start = System.nanoTime();
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (SocketException reset) {
                read = -1;
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the server kept a half-sent request open for 20 s", stillOpen);
            }
            assertThat(read).isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        }
    }

    @Test
    void randomPathsShareAFewUriTagsInTheHttpMetrics() {
        String marker = "rnd" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 150; i++) {
            String path = "/" + marker + i;
            switch (i % 5) {
                case 0 -> http().get(path).then().statusCode(404);
                case 1 -> http().body("x").post("/articles" + path).then().statusCode(401);
                case 2 -> http().get("/articles" + path).then().statusCode(401);
                case 3 -> http().header("Authorization", "Bearer test-key").get("/articles" + path).then().statusCode(404);
                default -> http().header("Authorization", "Bearer wrong").contentType("application/json").body("{}")
                        .post("/articles/batch" + path).then().statusCode(401);
            }
        }
        String metrics = http().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> uris = new TreeSet<>();
        PrometheusText.parse(metrics).stream().filter(s -> s.name().startsWith("http_server_requests_seconds"))
                .map(s -> s.labels().get("uri")).forEach(uris::add);
        assertThat(uris).isNotEmpty().allSatisfy(uri -> assertThat(uri).doesNotContain(marker));
        assertThat(uris.size()).as("uri tag values: " + uris).isLessThan(15);
    }
}
