package io.newsflow.api.resource;

import io.newsflow.api.ApiConfig;
import io.newsflow.api.resource.ValidParam.Rule;
import io.newsflow.api.service.Curations;
import io.newsflow.api.service.Curations.Curation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.newsflow.api.security.CuratorContext.curatorOf;

/** The curation log (who corrected what, when, before and after) and undo. */
@Path("/curations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "curation")
public class CurationLogResource {

    private final Curations curations;
    private final ApiConfig config;

    public CurationLogResource(Curations curations, ApiConfig config) {
        this.curations = curations;
        this.config = config;
    }

    @GET
    @Operation(summary = "The curation log, newest first",
            description = "Each correction with the label of the write key that made it (never the key), when, what it "
                    + "changed before and after, and the undo that undid it. entity: only those touching that entity key. "
                    + "A merge's before.links are the article links it moved: article, mentions ([start, end]) and givenType, "
                    + "the type that article gave the entity, which the undo gives the link moved back.")
    public Page<Curation> log(@QueryParam("entity") @ValidParam(Rule.TEXT) String entity,
                              @QueryParam("limit") @ValidParam(Rule.LIMIT) String limit,
                              @QueryParam("cursor") @ValidParam(Rule.REVISION_CURSOR) String cursor) {
        Cursor after = QueryParams.revisionCursor(cursor);
        return Page.of(curations.log(QueryParams.text("entity", entity),
                QueryParams.limit(limit, config.defaultLimit(), config.maxLimit()), after == null ? null : after.position()));
    }

    @POST
    @Path("/{id}/undo")
    @Operation(summary = "Undo a correction",
            description = "The entity index as before it, for articles stored since too; logged as an undo. 409 when a later "
                    + "correction on the same entities depends on it (undo that first), or it is an undo or undone already.")
    @APIResponse(responseCode = "200", description = "Undone: the undo's entry in the curation log")
    @APIResponse(responseCode = "401", description = "No write key")
    @APIResponse(responseCode = "403", description = "A read key, which may not correct")
    @APIResponse(responseCode = "404", description = "No curation with that id")
    @APIResponse(responseCode = "409", description = "A later correction depends on it, or it cannot be undone")
    public Curation undo(@PathParam("id") String id, @Context SecurityContext security) {
        long curationId;
        try {
            curationId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("id", "must be the id of a curation (a whole number)");
        }
        return curations.undo(curationId, curatorOf(security));
    }
}
