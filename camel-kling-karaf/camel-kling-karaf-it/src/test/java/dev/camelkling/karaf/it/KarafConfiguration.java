package dev.camelkling.karaf.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Edits an unpacked Karaf's etc/ for a headless, loopback-only, offline run. */
final class KarafConfiguration {

    private final Path etc;

    KarafConfiguration(Path home) {
        this.etc = home.resolve("etc");
    }

    /** SSH and the JMX RMI ports on loopback, at the given ports (Karaf's defaults 8101, 1099, 44444 may be taken). */
    void ports(int ssh, int rmiRegistry, int rmiServer) throws IOException {
        setProperty("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ssh));
        setProperty("org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1");
        setProperty("org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(rmiRegistry));
        setProperty("org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(rmiServer));
    }

    /** The shell user (Karaf ships it commented out). */
    void user(String name, String password) throws IOException {
        Files.writeString(etc.resolve("users.properties"), name + " = " + password + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
    }

    /**
     * mvn: locations resolve from Karaf's system/ folder and from {@code repository} only: no remote repository,
     * and a local repository of its own, so that nothing comes from ~/.m2 (where a stale snapshot could hide).
     */
    void mavenRepositories(Path repository, Path emptyLocalRepository) throws IOException {
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "org.ops4j.pax.url.mvn.defaultRepositories = \\",
                "    ${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, \\",
                "    ${karaf.data.uri}kar@id=kar.repository@multi@snapshots, \\",
                "    " + repository.toUri() + "@id=build@snapshots",
                "org.ops4j.pax.url.mvn.repositories =",
                "org.ops4j.pax.url.mvn.localRepository = " + emptyLocalRepository.toAbsolutePath(),
                "org.ops4j.pax.url.mvn.useFallbackRepositories = false",
                ""));
    }

    /** A configuration file etc/{pid}.cfg, as a user would write it. */
    void configuration(String pid, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        Files.writeString(etc.resolve(pid + ".cfg"), text);
    }

    private void setProperty(String file, String key, String value) throws IOException {
        Path path = etc.resolve(file);
        String text = Files.readString(path);
        Matcher line = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        if (!line.find()) {
            throw new IllegalStateException(key + " not found in " + path);
        }
        Files.writeString(path, line.replaceFirst(Matcher.quoteReplacement(key + " = " + value)));
    }
}
