package dev.camelkling.karaf.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Karaf started headless ({@code bin/karaf server}) as a child process of the test, so that the test can always end
 * it: {@code bin/stop} first, then the process tree by force.
 */
final class KarafProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KarafProcess.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final int sshPort;
    private final String user;
    private final String password;
    private final Process process;

    private KarafProcess(Path home, int sshPort, String user, String password, Process process) {
        this.home = home;
        this.sshPort = sshPort;
        this.user = user;
        this.password = password;
        this.process = process;
    }

    /** Starts Karaf with a clean data/ directory; {@code environment} is added to the process environment. */
    static KarafProcess start(Path home, int sshPort, String user, String password, Map<String, String> environment,
            Path consoleLog) throws IOException {
        deleteRecursively(home.resolve("data"));
        ProcessBuilder builder = new ProcessBuilder("sh", "bin/karaf", "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        builder.environment().putAll(javaEnvironment());
        builder.environment().put("KARAF_EXEC", "exec");   // the script execs java: this process is Karaf itself
        builder.environment().putAll(environment);
        Process process = builder.start();
        // if the test JVM itself is stopped (Ctrl-C, a fork timeout), Karaf must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "stop-karaf"));
        return new KarafProcess(home, sshPort, user, password, process);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs one shell command over SSH ({@code bin/client}, batch mode) and returns what it printed. */
    String shell(String command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("karaf-client", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", "bin/client", "-h", "127.0.0.1", "-a",
                    String.valueOf(sshPort), "-u", user, "-p", password, "-r", "1", "-b")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(javaEnvironment());
            Process client = builder.start();
            client.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().close();
            if (!client.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                client.destroyForcibly();
                throw new IllegalStateException("karaf client did not finish: " + command);
            }
            String printed = stripAnsi(Files.readString(output));
            if (client.exitValue() != 0 || printed.contains("Error executing command")) {
                throw new KarafCommandException(command, client.exitValue(), printed);
            }
            return printed;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** bin/stop, a grace period, then the process and anything it started are killed. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            ProcessBuilder stop = new ProcessBuilder("sh", "bin/stop").directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            stop.environment().putAll(javaEnvironment());
            Process stopper = stop.start();
            if (!stopper.waitFor(20, TimeUnit.SECONDS)) {
                stopper.destroyForcibly();
            }
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            LOG.warn("Karaf did not stop in time: killing process {} and its descendants", process.pid());
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static Map<String, String> javaEnvironment() {
        // the same JDK as the test; the scripts warn and guess without it
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    private static String stripAnsi(String text) {
        return text.replaceAll("\u001B\\[[;\\d]*m", "");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static final class KarafCommandException extends IOException {

        KarafCommandException(String command, int exitValue, String output) {
            super("'" + command + "' failed (exit " + exitValue + "): " + output);
        }
    }
}
