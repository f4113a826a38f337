package io.newsflow.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the browser tests need, installed on first use: Debian's Chromium (apt, as root) and playwright-core (npm),
 * no browser download, and the module the test scripts share. Each method answers why the browser cannot run, or
 * nothing when it can; the tests turn that into an aborted (skipped) test.
 */
public final class BrowserTools {

    public static final String PLAYWRIGHT = "playwright-core@1.65.1";
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    /** The module the test scripts import: launching Chromium, watching pages, checks. */
    private static final String SHARED_MODULE = "browser.mjs";

    private BrowserTools() {
    }

    /**
     * Makes {@code dir} ready to run a browser test script: Chromium, playwright-core, the module the scripts share
     * ({@code browser.mjs}, this package's resource) and the script itself, copied there. Answers why the browser cannot
     * run, or nothing when it can.
     */
    public static Optional<String> prepare(Path dir, Path script) throws IOException, InterruptedException {
        Optional<String> missing = ensureChromium();
        if (missing.isEmpty()) {
            missing = installPlaywright(dir);
        }
        if (missing.isPresent()) {
            return missing;
        }
        try (InputStream shared = BrowserTools.class.getResourceAsStream(SHARED_MODULE)) {
            Files.copy(shared, dir.resolve(SHARED_MODULE), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(script, dir.resolve(script.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        return Optional.empty();
    }

    /** Installs Chromium when it is missing and we are root. */
    public static Optional<String> ensureChromium() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM)) {
            return Optional.empty();
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("Chromium is missing and only root can install it: apt-get install chromium");
        }
        run(List.of("apt-get", "update", "-qq"), null, 600);
        run(List.of("apt-get", "install", "-y", "-qq", "chromium"), null, 900);
        return Optional.empty();
    }

    /** playwright-core into {@code dir/node_modules} once. */
    public static Optional<String> installPlaywright(Path dir) throws IOException, InterruptedException {
        if (!onPath("node") || !onPath("npm")) {
            return Optional.of("Node.js and npm are needed for the browser test");
        }
        if (Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            return Optional.empty();
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"newsflow-ui-test\",\"private\":true}\n");
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--silent", PLAYWRIGHT), dir, 300);
        return Optional.empty();
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
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
