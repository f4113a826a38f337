package io.newsflow.api.resource;

import io.newsflow.api.security.WriteAccess;
import io.newsflow.events.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The web UI's write key: asked once, kept in an HttpOnly, SameSite=Strict cookie (as the read key, {@link SessionResource}),
 * which page scripts cannot read and other sites cannot make the browser send.
 */
@Path("/session/write")
@Produces(MediaType.APPLICATION_JSON)
public class WriteSessionResource {

    public record WriteSessionState(boolean authenticated) {
    }

    private final WriteAccess access;

    public WriteSessionResource(WriteAccess access) {
        this.access = access;
    }

    @GET
    @Operation(summary = "Whether this browser holds a write key")
    public WriteSessionState state(@CookieParam(WriteAccess.COOKIE) String cookie) {
        return new WriteSessionState(access.isWriteKey(cookie));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with a write key (sets an HttpOnly cookie)")
    public Response signIn(SessionResource.SignIn body, @Context UriInfo uri) {
        String key = body == null || body.key() == null ? null : body.key().strip();
        if (!access.isWriteKey(key)) {
            return Response.status(401).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(401, "Unauthorized", "That is not a write key of this Newsflow.")).build();
        }
        return Response.noContent().cookie(SessionResource.cookie(WriteAccess.COOKIE, key, NewCookie.DEFAULT_MAX_AGE, uri)).build();
    }

    @DELETE
    @Operation(summary = "Forget the write key (clears the cookie)")
    public Response signOut(@Context UriInfo uri) {
        return Response.noContent().cookie(SessionResource.cookie(WriteAccess.COOKIE, "", 0, uri)).build();
    }
}
