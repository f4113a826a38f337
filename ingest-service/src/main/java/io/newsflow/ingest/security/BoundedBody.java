package io.newsflow.ingest.security;

import io.newsflow.events.Problem;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.support.web.CommonProblemMappers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;

/**
 * Reads the body of an ingest request before the endpoint does, counting the bytes as they arrive: one byte past
 * {@code newsflow.ingest.max-body-bytes} it stops keeping them and answers 413, so a chunked upload (which
 * announces no length) never has more than the limit in memory, whatever it sends. Runs after matching, so an
 * unknown path or content type (404, 415) and everything the {@link RequestGate} refuses (key, rate, announced
 * size, encoding) is answered without reading a byte.
 */
public class BoundedBody {

    /** The body bytes, for the filters after this one (the batch's rate charge). */
    public static final String BODY = "newsflow.body";

    private final IngestConfig config;

    public BoundedBody(IngestConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.ENTITY_CODER)
    public Uni<Response> read(ContainerRequestContext ctx, HttpServerRequest request) {
        if (ctx.getProperty(RequestGate.KEY_ID) == null) {
            return Uni.createFrom().nullItem(); // not an ingest endpoint
        }
        long limit = config.maxBodyBytes();
        return Uni.createFrom().emitter(answer -> {
            if (request.isEnded()) { // nothing (more) to read
                ctx.setProperty(BODY, new byte[0]);
                ctx.setEntityStream(new ByteArrayInputStream(new byte[0]));
                answer.complete(null);
                return;
            }
            long announced = ctx.getLength();
            Buffer body = Buffer.buffer((int) Math.min(Math.max(announced, 1024), limit));
            boolean[] over = {false};
            request.pause();
            request.handler(chunk -> {
                if (over[0]) {
                    return; // what still comes after the 413 is dropped, never kept
                }
                if (body.length() + (long) chunk.length() > limit) {
                    over[0] = true;
                    answer.complete(tooLarge(limit));
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.exceptionHandler(e -> {
                if (!over[0]) {
                    // the client went away in the middle of its body: nobody reads this answer
                    answer.complete(CommonProblemMappers.problem(Problem.of(400, "Bad Request", "The body did not arrive whole.")));
                }
            });
            request.endHandler(end -> {
                if (!over[0]) {
                    byte[] bytes = body.getBytes();
                    ctx.setProperty(BODY, bytes);
                    ctx.setEntityStream(new ByteArrayInputStream(bytes));
                    answer.complete(null);
                }
            });
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                request.response().writeContinue();
            }
            request.resume();
        });
    }

    /** 413 under the limit's name; the connection is closed after it, as the rest of the body is not wanted. */
    public static Response tooLarge(long limit) {
        return Response.fromResponse(CommonProblemMappers.problem(Problem.of(413, "Content Too Large", tooLargeDetail(limit))))
                .header("Connection", "close").build();
    }

    public static String tooLargeDetail(long limit) {
        return "The body is larger than the limit of " + limit + " bytes (newsflow.ingest.max-body-bytes, env "
                + "NEWSFLOW_INGEST_MAX_BODY_BYTES).";
    }
}
