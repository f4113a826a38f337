package io.newsflow.api.resource;

import io.newsflow.api.ApiConfig;
import io.newsflow.api.service.StoredArticleFeed;
import io.newsflow.events.Problem;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

@Path("/stream")
@Tag(name = "stream")
@Singleton // one count of clients per instance
public class StreamResource {

    /** Refused: every slot is taken ({@code newsflow.api.max-stream-clients}); answered 503 + Retry-After. */
    public static class TooManyClientsException extends RuntimeException {
        /** A client that left frees its slot at once; a few seconds spread the retries of a crowd. */
        static final int RETRY_AFTER_SECONDS = 10;

        TooManyClientsException(int max) {
            super("The live stream has its " + max + " clients (newsflow.api.max-stream-clients); try again later.",
                    null, false, false);
        }
    }

    /** A comment line now and then keeps idle connections open through proxies. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final StoredArticleFeed feed;
    private final int maxClients;
    private final AtomicInteger clients = new AtomicInteger();

    public StreamResource(StoredArticleFeed feed, ApiConfig config) {
        this.feed = feed;
        this.maxClients = config.maxStreamClients();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Newly stored articles, live", description = "Server-Sent Events: one 'article' event (the search summary) per new article.")
    @APIResponse(responseCode = "200", description = "The event stream")
    @APIResponse(responseCode = "503", description = "Every stream slot is taken (newsflow.api.max-stream-clients); retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        if (clients.incrementAndGet() > maxClients) {
            clients.decrementAndGet();
            throw new TooManyClientsException(maxClients);
        }
        // the slot goes back when the stream ends for any reason: the client left (cancellation), failure, shutdown
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                clients.decrementAndGet();
            }
        };
        try {
            return events(sse).onTermination().invoke(release);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    private Multi<OutboundSseEvent> events(Sse sse) {
        Multi<OutboundSseEvent> articles = feed.stream().map(summary -> sse.newEventBuilder()
                .name("article").id(summary.id()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(summary).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(articles, keepAlive);
    }
}
