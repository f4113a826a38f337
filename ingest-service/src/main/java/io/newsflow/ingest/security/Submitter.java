package io.newsflow.ingest.security;

import io.newsflow.support.security.ApiKeySet;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who submits the articles of the current request: the label of the API key that {@link RequestGate} accepted
 * ({@link ApiKeySet#label}, never the key). It goes on every {@code articles.raw} record of the request, so the stored
 * article and each of its revisions say which key sent them.
 */
@RequestScoped
public class Submitter {

    private String label;

    /** The key's label; null outside an authenticated ingest request. */
    public String label() {
        return label;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 10)
    public void identify(ContainerRequestContext ctx) {
        Object keyId = ctx.getProperty(RequestGate.KEY_ID);
        label = keyId == null ? null : ApiKeySet.label(keyId.toString());
    }
}
