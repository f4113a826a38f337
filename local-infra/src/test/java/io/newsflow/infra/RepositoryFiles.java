package io.newsflow.infra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The repository as the deployment files' tests (docker-compose.yml, deploy/k8s) read it: where it is, and what each
 * service reads from its application.properties.
 */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository's root: the first directory above the working one that holds pom.xml and docker-compose.yml. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("docker-compose.yml not found above " + Path.of("").toAbsolutePath());
    }

    /** The service's (a module's) application.properties. */
    static Path applicationProperties(String app) {
        return root().resolve(app).resolve("src/main/resources/application.properties");
    }

    static Properties properties(String app) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties(app))) {
            p.load(reader);
        }
        return p;
    }

    /** The environment variable names that set the properties of a service (MicroProfile Config mapping). */
    static Set<String> environmentNamesOf(String app) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String key : properties(app).stringPropertyNames()) {
            if (!key.startsWith("%")) { // a profile's: not read in production
                names.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }
}
