package io.newsflow.api.security;

import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * The request's security context once {@link WriteAccessGate} has let a correction through: its principal is the label
 * of the write key presented (the curation log's "who"), so the resources do not identify the key a second time.
 */
public record CuratorContext(String label, boolean secure) implements SecurityContext {

    /** The label of the write key of a request the gate let through. */
    public static String curatorOf(SecurityContext context) {
        if (context instanceof CuratorContext curator) {
            return curator.label();
        }
        throw new IllegalStateException("A correction passed the write-key gate without a write key");
    }

    @Override
    public Principal getUserPrincipal() {
        return () -> label;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "API key";
    }
}
