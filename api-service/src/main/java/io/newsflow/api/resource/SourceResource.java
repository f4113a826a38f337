package io.newsflow.api.resource;

import io.newsflow.api.ApiConfig;
import io.newsflow.api.repository.SourceRepository;
import io.newsflow.api.repository.SourceRepository.SourceCount;
import io.newsflow.api.resource.ValidParam.Rule;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sources")
public class SourceResource {

    /** All sources in one page: a newsroom has dozens to a few thousand, not millions. */
    public record Sources(List<SourceCount> items) {
    }

    private final SourceRepository sources;
    private final ApiConfig config;

    public SourceResource(SourceRepository sources, ApiConfig config) {
        this.sources = sources;
        this.config = config;
    }

    @GET
    @Transactional
    @Operation(summary = "Sources with their article counts, most articles first", description = "q matches the start of the name, any case.")
    public Sources list(@QueryParam("q") @ValidParam(Rule.TEXT) String q, @QueryParam("limit") @ValidParam(Rule.LIMIT) String limit) {
        return new Sources(sources.list(QueryParams.text("q", q),
                QueryParams.limit(limit, config.maxLimit(), config.maxLimit())));
    }
}
