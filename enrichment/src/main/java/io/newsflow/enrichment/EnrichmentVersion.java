package io.newsflow.enrichment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version written into every record's {@code enrichment.version}: the Maven project version. */
public final class EnrichmentVersion {

    public static final String VERSION = load();

    private EnrichmentVersion() {
    }

    private static String load() {
        try (InputStream in = EnrichmentVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = EnrichmentVersion.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "dev";
    }
}
