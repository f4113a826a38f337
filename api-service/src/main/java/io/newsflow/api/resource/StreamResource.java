package io.newsflow.api.resource;

import io.newsflow.api.service.StoredArticleFeed;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;

@Path("/stream")
@Tag(name = "stream")
public class StreamResource {

    /** A comment line now and then keeps idle connections open through proxies. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final StoredArticleFeed feed;

    public StreamResource(StoredArticleFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Newly stored articles, live", description = "Server-Sent Events: one 'article' event (the search summary) per new article.")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> articles = feed.stream().map(summary -> sse.newEventBuilder()
                .name("article").id(summary.id()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(summary).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(articles, keepAlive);
    }
}
