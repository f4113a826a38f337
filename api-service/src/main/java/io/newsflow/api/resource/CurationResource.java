package io.newsflow.api.resource;

import io.newsflow.api.resource.ValidParam.Rule;
import io.newsflow.api.service.Curations;
import io.newsflow.api.service.Curations.Curation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.newsflow.api.security.CuratorContext.curatorOf;

/**
 * Corrections of one entity (issue 17): merge, split, rename / retype, reject. Each needs a write key
 * ({@code WriteAccessGate}); each answers with its entry in the curation log ({@code GET /curations}), whose id undoes it.
 */
@Path("/entities/{key}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "curation")
@APIResponse(responseCode = "200", description = "Done: the correction's entry in the curation log")
@APIResponse(responseCode = "400", description = "Bad body or key (problem+json naming the field)")
@APIResponse(responseCode = "401", description = "No write key")
@APIResponse(responseCode = "403", description = "A read key, which may not correct")
@APIResponse(responseCode = "404", description = "No entity with that key")
@APIResponse(responseCode = "409", description = "Not possible now: into itself, a cycle, a rejected entity")
public class CurationResource {

    public record MergeRequest(@ValidParam(Rule.PATH_SEGMENT) String into) {
    }

    public record SplitRequest(@ValidParam(Rule.PATH_SEGMENT) String alias) {
    }

    public record EditRequest(@ValidParam(Rule.TEXT) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                              @Size(max = 200) String name,
                              @ValidParam(Rule.ENTITY_TYPE) String type) {
    }

    private final Curations curations;

    public CurationResource(Curations curations) {
        this.curations = curations;
    }

    @POST
    @Path("/merge")
    @Operation(summary = "Merge this entity into another",
            description = "Its articles, mentions and aliases become the other's; its key answers as the other's from then on, "
                    + "also for articles stored later. The other then takes the type most of its articles give it, as after an "
                    + "automatic merge (a type an analyst's edit gave it stays); the log's after.type is that type. "
                    + "409 when both are one entity already (into itself, or a cycle).")
    public Curation merge(@PathParam("key") @ValidParam(Rule.PATH_SEGMENT) String key, @Valid @NotNull MergeRequest body,
                          @Context SecurityContext security) {
        return curations.merge(key.strip(), body.into().strip(), curatorOf(security));
    }

    @POST
    @Path("/split")
    @Operation(summary = "Split an alias off into an entity of its own",
            description = "Every mention written exactly so, in stored and later articles, belongs to a new entity of the "
                    + "same type, named by the alias. 400 when the alias is not one of the entity's or is its name.")
    public Curation split(@PathParam("key") @ValidParam(Rule.PATH_SEGMENT) String key, @Valid @NotNull SplitRequest body,
                          @Context SecurityContext security) {
        return curations.split(key.strip(), body.alias().strip(), curatorOf(security));
    }

    @PATCH
    @Operation(summary = "Rename the entity and / or change its type",
            description = "The entity and its links in every article, stored and later, keep the name and type given.")
    public Curation edit(@PathParam("key") @ValidParam(Rule.PATH_SEGMENT) String key, @Valid @NotNull EditRequest body,
                         @Context SecurityContext security) {
        return curations.edit(key.strip(), body.name() == null ? null : body.name().strip(), QueryParams.entityType(body.type()),
                curatorOf(security));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reject the entity: it is not one",
            description = "Its mentions leave entity lists, filters, pages, counts and the stream, in stored and later "
                    + "articles, until the rejection is undone. 409 when it is rejected already.")
    public Curation reject(@PathParam("key") @ValidParam(Rule.PATH_SEGMENT) String key, @Context SecurityContext security) {
        return curations.reject(key.strip(), curatorOf(security));
    }
}
