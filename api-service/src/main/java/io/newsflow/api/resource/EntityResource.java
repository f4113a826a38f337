package io.newsflow.api.resource;

import io.newsflow.api.ApiConfig;
import io.newsflow.api.resource.ValidParam.Rule;
import io.newsflow.api.service.EntityQueries;
import io.newsflow.api.service.EntityQueries.EntityDetail;
import io.newsflow.api.service.EntityQueries.EntitySummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entities")
public class EntityResource {

    private final EntityQueries queries;
    private final ApiConfig config;

    public EntityResource(EntityQueries queries, ApiConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Operation(summary = "Entities, most mentioned first", description = "q matches names and aliases.")
    public Page<EntitySummary> list(@QueryParam("q") @ValidParam(Rule.TEXT) String q,
                                    @QueryParam("type") @ValidParam(Rule.ENTITY_TYPE) String type,
                                    @QueryParam("limit") @ValidParam(Rule.LIMIT) String limit,
                                    @QueryParam("cursor") @ValidParam(Rule.ENTITY_CURSOR) String cursor) {
        Cursor after = QueryParams.entityCursor(cursor);
        return Page.of(queries.list(QueryParams.text("q", q), QueryParams.entityType(type),
                QueryParams.limit(limit, config.defaultLimit(), config.maxLimit()), after == null ? null : after.position()));
    }

    @GET
    @Path("/{key}")
    @Operation(summary = "One entity with aliases, counts, co-occurring entities and a monthly timeline")
    public EntityDetail get(@PathParam("key") @ValidParam(Rule.PATH_SEGMENT) String key) {
        return queries.get(QueryParams.pathSegment("key", key));
    }
}
