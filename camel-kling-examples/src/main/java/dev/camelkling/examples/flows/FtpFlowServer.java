package dev.camelkling.examples.flows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.SaltedPasswordEncryptor;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * An in-process FTP server (Apache FtpServer) on loopback with one user who may write, whose home is a local
 * directory: what the FTP flow runs against when no FTP server is configured, and what its tests use. The control
 * port is a free one; passive data connections also take free ports, on 127.0.0.1.
 */
public final class FtpFlowServer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String LISTENER = "default";

    private final FtpServer server;
    private final Listener listener;
    private final Path home;
    private final String user;

    private FtpFlowServer(FtpServer server, Listener listener, Path home, String user) {
        this.server = server;
        this.listener = listener;
        this.home = home;
        this.user = user;
    }

    /**
     * Starts a server whose only user is {@code user}/{@code password} with {@code home} (created if missing) as the
     * root of what it sees. Connections are never closed for being idle: a Kling task keeps the flow's consumer
     * connection idle for as long as the route waits for the video.
     */
    public static FtpFlowServer start(Path home, String user, String password) {
        return start(home, user, password, 0);
    }

    /** As {@link #start(Path, String, String)}, closing connections idle for {@code idleTimeoutSeconds} (0: never). */
    public static FtpFlowServer start(Path home, String user, String password, int idleTimeoutSeconds) {
        Objects.requireNonNull(password, "password");
        try {
            Files.createDirectories(home);
            FtpServerFactory factory = new FtpServerFactory();
            factory.addListener(LISTENER, loopbackListener(idleTimeoutSeconds));
            factory.setUserManager(singleUser(home, user, password));
            NativeFileSystemFactory fileSystem = new NativeFileSystemFactory();
            fileSystem.setCreateHome(true);
            factory.setFileSystem(fileSystem);
            ConnectionConfigFactory connections = new ConnectionConfigFactory();
            connections.setAnonymousLoginEnabled(false);
            connections.setMaxLogins(20);
            factory.setConnectionConfig(connections.createConnectionConfig());
            FtpServer server = factory.createServer();
            server.start();
            return new FtpFlowServer(server, factory.getListener(LISTENER), home, user);
        } catch (FtpException | IOException e) {
            throw new IllegalStateException("Could not start the in-process FTP server: " + e.getMessage(), e);
        }
    }

    private static Listener loopbackListener(int idleTimeoutSeconds) {
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress(LOOPBACK);
        data.setPassiveExternalAddress(LOOPBACK);
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(LOOPBACK);
        listener.setPort(0);
        listener.setIdleTimeout(idleTimeoutSeconds);
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        return listener.createListener();
    }

    private static UserManager singleUser(Path home, String name, String password) throws FtpException {
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new SaltedPasswordEncryptor());
        UserManager manager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setPassword(password);
        user.setHomeDirectory(home.toAbsolutePath().toString());
        // the flow logs in several times at once: its consumer, and a producer per target folder
        user.setAuthorities(List.of(new WritePermission(), new ConcurrentLoginPermission(20, 20)));
        manager.save(user);
        return manager;
    }

    /**
     * Keeps Apache FtpServer's log to what matters when slf4j-simple is the logger: it logs every FTP command at INFO,
     * and warns "Releasing unreserved passive port" for each data connection on a port it picked itself. Call it
     * before the first logger is made; levels set with -D win.
     */
    public static void quietLogging() {
        String level = "org.slf4j.simpleLogger.log.org.apache.ftpserver";
        System.getProperties().putIfAbsent(level, "warn");
        System.getProperties().putIfAbsent(level + ".impl.PassivePorts", "error");
    }

    public int port() {
        return listener.getPort();
    }

    /** The server's address as the flow's {@code ftp.url}: {@code ftp://127.0.0.1:<port>}, without credentials. */
    public String url() {
        return "ftp://" + LOOPBACK + ":" + port();
    }

    /** The local directory the user sees as {@code /}. */
    public Path home() {
        return home;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() {
        server.stop();
    }
}
