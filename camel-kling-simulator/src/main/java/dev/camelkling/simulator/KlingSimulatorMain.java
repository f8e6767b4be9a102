package dev.camelkling.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a process. Prints {@code Kling simulator listening on <baseUrl>} (and, with
 * TLS, {@code Trust certificate (PEM): <path>}) to stdout once it serves, then runs until killed.
 */
public final class KlingSimulatorMain {
    static final String USAGE = """
            Usage: java -jar camel-kling-simulator.jar [options]
              --port N            port to listen on, 0 = any free port (default 0)
              --tls               serve HTTPS with a fresh self-signed certificate (localhost, 127.0.0.1)
              --cert-out FILE     where to write the certificate PEM (with --tls; default: a temp file)
              --access-key AK     access key accepted as JWT iss (default sim-access-key)
              --secret-key SK     secret key that signs the JWTs (default sim-secret-key)
              --api-key KEY       also accept this static API key as 'Bearer KEY'
              --timing NAME       fast (~50 ms to processing, ~250 ms to final) or realistic (~2 s, ~6 s); default fast
              --max-concurrent N  concurrent tasks per account, model and pack type (default 5)
              --elements IDS      comma-separated element ids to add to the element library
                                  (default library: 829836802793406551, ...552, ...553)
              --help              show this help
            """;

    private KlingSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(USAGE);
            System.out.flush();
            return;
        }
        KlingSimulator simulator = options.builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "kling-sim-shutdown"));
        Path certificate = options.tls ? writeCertificate(simulator, options.certOut) : null;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("Kling simulator listening on " + simulator.baseUrl());
        if (certificate != null) {
            out.println("Trust certificate (PEM): " + certificate.toAbsolutePath());
        }
        out.flush();
        new CountDownLatch(1).await();
    }

    private static Path writeCertificate(KlingSimulator simulator, Path target) throws IOException {
        Path file = target;
        if (file == null) {
            file = Files.createTempFile("kling-simulator-", ".pem");
            file.toFile().deleteOnExit();
        } else if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, simulator.certificatePem(), StandardCharsets.US_ASCII);
        return file;
    }

    /** Parsed command line; invalid input is an {@link IllegalArgumentException} with a readable message. */
    static final class Options {
        final KlingSimulator.Builder builder = KlingSimulator.builder();
        boolean help;
        boolean tls;
        Path certOut;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--tls" -> {
                        o.tls = true;
                        o.builder.tls(true);
                    }
                    case "--port" -> o.builder.port(integer(arg, value(args, ++i, arg)));
                    case "--cert-out" -> o.certOut = Path.of(value(args, ++i, arg));
                    case "--access-key" -> o.builder.accessKey(value(args, ++i, arg));
                    case "--secret-key" -> o.builder.secretKey(value(args, ++i, arg));
                    case "--api-key" -> o.builder.apiKey(value(args, ++i, arg));
                    case "--timing" -> o.builder.timing(SimulatorTiming.named(value(args, ++i, arg)));
                    case "--max-concurrent" -> o.builder.maxConcurrentTasks(integer(arg, value(args, ++i, arg)));
                    case "--elements" -> o.builder.elements(longs(arg, value(args, ++i, arg)));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.certOut != null && !o.tls) {
                throw new IllegalArgumentException("--cert-out needs --tls");
            }
            return o;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static long[] longs(String option, String value) {
            String[] parts = value.split(",");
            long[] ids = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    ids[i] = Long.parseLong(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " needs comma-separated 64-bit integers, got " + value);
                }
            }
            return ids;
        }

        private static int integer(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got " + value);
            }
        }
    }
}
