import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A stand-in for ingest-service's HTTP surface, for scripts/test-newsflow.sh (run as a single-file
 * program: java scripts/FakeIngestServer.java PORT_FILE REQUEST_LOG KEY). It answers like the contract
 * says; a body containing "BAD" is invalid. Each request is logged as "METHOD PATH CONTENT-TYPE".
 */
public class FakeIngestServer {

    public static void main(String[] args) throws IOException {
        Path portFile = Path.of(args[0]);
        Path requestLog = Path.of(args[1]);
        String key = args[2];
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, requestLog, key);
            }
        });
        server.start();
        Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
    }

    private static void handle(HttpExchange ex, Path requestLog, String key) throws IOException {
        String path = ex.getRequestURI().getPath();
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(requestLog, ex.getRequestMethod() + " " + path + " " + type + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + key).equals(auth) && !key.equals(ex.getRequestHeaders().getFirst("X-API-Key"))) {
            problem(ex, 401, "Unauthorized", "Send a valid API key", "");
            return;
        }
        if (path.equals("/articles")) {
            if (body.contains("BAD")) {
                problem(ex, 400, "Bad Request", "The article is not valid.",
                        ",\"errors\":[{\"field\":\"text\",\"message\":\"must not be blank\"}]");
            } else {
                send(ex, 202, "application/json", "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"accepted\"}");
            }
        } else if (path.equals("/articles/batch")) {
            StringBuilder results = new StringBuilder();
            int accepted = 0;
            int rejected = 0;
            int line = 0;
            for (String l : body.split("\n")) {
                line++;
                if (!results.isEmpty()) {
                    results.append(',');
                }
                if (l.contains("BAD")) {
                    rejected++;
                    results.append("{\"line\":").append(line)
                            .append(",\"status\":\"rejected\",\"error\":\"text: must not be blank\"}");
                } else {
                    accepted++;
                    results.append("{\"line\":").append(line).append(",\"id\":\"").append(UUID.randomUUID())
                            .append("\",\"status\":\"accepted\"}");
                }
            }
            send(ex, 200, "application/json",
                    "{\"accepted\":" + accepted + ",\"rejected\":" + rejected + ",\"results\":[" + results + "]}");
        } else {
            problem(ex, 404, "Not Found", "no such endpoint", "");
        }
    }

    private static void problem(HttpExchange ex, int status, String title, String detail, String extra) throws IOException {
        send(ex, status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"" + extra + "}");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
