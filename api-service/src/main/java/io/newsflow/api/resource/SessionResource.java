package io.newsflow.api.resource;

import io.newsflow.api.security.ReadAccess;
import io.newsflow.events.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Browser sign-in for a Newsflow whose query API needs a read key: the key goes into an HttpOnly, SameSite=Strict
 * cookie, which fetch() and EventSource send with every same-origin request and page scripts cannot read.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record SessionState(boolean required, boolean authenticated) {
    }

    public record SignIn(String key) {
    }

    private final ReadAccess access;

    public SessionResource(ReadAccess access) {
        this.access = access;
    }

    @GET
    @Operation(summary = "Whether reading needs a key, and whether this browser has signed in")
    public SessionState state(@CookieParam(ReadAccess.COOKIE) String cookie) {
        return new SessionState(access.required(), access.allows(null, null, cookie));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with a read key (sets an HttpOnly cookie)")
    public Response signIn(SignIn body, @Context UriInfo uri) {
        String key = body == null ? null : body.key();
        if (!access.required()) {
            return Response.noContent().build();
        }
        if (key == null || access.identify(key.strip()).isEmpty()) {
            return Response.status(401).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(401, "Unauthorized", "That is not a read key of this Newsflow.")).build();
        }
        return Response.noContent().cookie(cookie(ReadAccess.COOKIE, key.strip(), NewCookie.DEFAULT_MAX_AGE, uri)).build();
    }

    @DELETE
    @Operation(summary = "Sign out (clears the cookie)")
    public Response signOut(@Context UriInfo uri) {
        return Response.noContent().cookie(cookie(ReadAccess.COOKIE, "", 0, uri)).build();
    }

    /** A key cookie: HttpOnly, SameSite=Strict, Secure over https (also the write key's, {@link WriteSessionResource}). */
    static NewCookie cookie(String name, String value, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
