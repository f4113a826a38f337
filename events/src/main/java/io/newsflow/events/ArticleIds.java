package io.newsflow.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Derives the deterministic article id (a name-based UUID, version 5) so that the same article
 * submitted twice gets the same id: from {@code source}+{@code externalId} when given, else the
 * normalised URL, else a hash of the normalised title and text.
 */
public final class ArticleIds {

    /** Namespace of Newsflow article ids (a fixed random UUID). */
    private static final UUID NAMESPACE = UUID.fromString("6f1c2b1e-7c59-4f7e-9a53-4b8e1c0d2a11");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TRACKING_PARAM = Pattern.compile("(?i)^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)=.*");

    private ArticleIds() {
    }

    public static String derive(String source, String externalId, String url, String title, String body) {
        if (notBlank(externalId)) {
            return nameUuid("ext:" + normaliseText(source) + "\u0000" + externalId.strip());
        }
        if (notBlank(url)) {
            return nameUuid("url:" + normaliseUrl(url));
        }
        return nameUuid("content:" + normaliseText(title) + "\u0000" + normaliseText(body));
    }

    /**
     * Lower-cases scheme and host, drops the fragment, default ports, tracking parameters and a trailing
     * slash, and sorts the query, so that trivially different spellings of one URL give one id.
     */
    public static String normaliseUrl(String url) {
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !TRACKING_PARAM.matcher(p).matches())
                    .sorted()
                    .collect(Collectors.joining("&"));
            // http and https name the same article
            return "//" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    /** Unicode-normalised, lower-cased, whitespace collapsed. */
    public static String normaliseText(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(n).replaceAll(" ").strip();
    }

    private static String nameUuid(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits())
                    .array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bb.getLong(), bb.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
