package io.newsflow.e2e;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Installs what the browser test needs: Debian's Chromium (apt) and playwright-core (npm), no browser download. */
final class BrowserTools {

    static final String PLAYWRIGHT = "playwright-core@1.65.1";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private BrowserTools() {
    }

    static void ensureChromium() throws Exception {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(root, "Chromium is missing and only root can install it: apt-get install chromium");
        run(List.of("apt-get", "update", "-qq"), null, 600);
        run(List.of("apt-get", "install", "-y", "-qq", "chromium"), null, 900);
    }

    static void installPlaywright(Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are needed for the browser test");
        if (Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            return;
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"newsflow-ui-test\",\"private\":true}\n");
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--silent", PLAYWRIGHT), dir, 300);
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    private static void run(List<String> command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
