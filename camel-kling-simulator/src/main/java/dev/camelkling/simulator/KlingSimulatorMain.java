package dev.camelkling.simulator;

import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultConfig;
import dev.camelkling.simulator.fault.FaultJson;
import dev.camelkling.simulator.fault.FaultMatch;
import dev.camelkling.simulator.fault.FaultRule;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
              --video-character-elements IDS
                                  comma-separated video-character element ids (omni-video counts them apart)
              --webhook-secret S  sign callbacks (Standard Webhooks) with this whsec_... secret
              --duplicate-callbacks  deliver every callback twice
              --reorder-callbacks    deliver the notification before a task's final one after it
              --large-result-mb N serve task results (videos, generated images) at least N MiB big, streamed
            Fault injection (test facility; see the README):
              --admin             serve the admin API at /__admin/faults (GET/POST/DELETE, no auth)
              --fault-rate R      inject a fault into R (0..1) of the matching requests
              --faults LIST       faults to pick from for --fault-rate, comma-separated, e.g.
                                  1302,5000/after,reset/before,slow/after/3s (default: all = every kind
                                  before and after, except slow)
              --fault-match M     requests --fault-rate applies to, METHOD:PATH_PREFIX (default POST:/v1/,
                                  '*' = any method)
              --fault-seed N      RNG seed of the rate rules (default: random, shown by GET /__admin/faults)
              --faults-json FILE  a full fault setup (rules, script, seed) in the admin JSON format
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
        final KlingSimulatorBuilder builder = KlingSimulator.builder();
        boolean help;
        boolean tls;
        Path certOut;
        FaultConfig faultsJson;
        Double faultRate;
        String faultList;
        String faultMatch;
        Long faultSeed;

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
                    case "--video-character-elements" -> o.builder.videoCharacterElements(longs(arg, value(args, ++i, arg)));
                    case "--webhook-secret" -> o.builder.webhookSecret(value(args, ++i, arg));
                    case "--duplicate-callbacks" -> o.builder.duplicateCallbacks(true);
                    case "--reorder-callbacks" -> o.builder.reorderCallbacks(true);
                    case "--large-result-mb" -> o.builder.largeResultBytes(integer(arg, value(args, ++i, arg)) * 1024L * 1024L);
                    case "--admin" -> o.builder.admin(true);
                    case "--fault-rate" -> o.faultRate = rate(arg, value(args, ++i, arg));
                    case "--faults" -> o.faultList = value(args, ++i, arg);
                    case "--fault-match" -> o.faultMatch = value(args, ++i, arg);
                    case "--fault-seed" -> o.faultSeed = longValue(arg, value(args, ++i, arg));
                    case "--faults-json" -> o.faultsJson = faultsJson(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.certOut != null && !o.tls) {
                throw new IllegalArgumentException("--cert-out needs --tls");
            }
            if (o.faultRate == null && (o.faultList != null || o.faultMatch != null)) {
                throw new IllegalArgumentException("--faults and --fault-match need --fault-rate");
            }
            o.builder.faults(o.faultConfig());
            return o;
        }

        /** --faults-json as the base, plus the --fault-rate rule, with --fault-seed overriding the seed. */
        FaultConfig faultConfig() {
            FaultConfig base = faultsJson == null ? FaultConfig.NONE : faultsJson;
            List<FaultRule> rules = new ArrayList<>(base.rules());
            if (faultRate != null) {
                List<Fault> faults = new ArrayList<>();
                for (String token : (faultList == null ? "all" : faultList).split(",")) {
                    if (token.trim().equalsIgnoreCase("all")) {
                        faults.addAll(Fault.all());
                    } else {
                        try {
                            faults.add(Fault.parse(token));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--faults: " + e.getMessage());
                        }
                    }
                }
                rules.add(new FaultRule(match(faultMatch == null ? "POST:/v1/" : faultMatch), faultRate, faults));
            }
            return new FaultConfig(faultSeed != null ? faultSeed : base.seed(), rules, base.script());
        }

        private static FaultMatch match(String value) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--fault-match needs METHOD:PATH_PREFIX, got " + value);
            }
            return FaultMatch.prefix(value.substring(0, colon), value.substring(colon + 1));
        }

        private static double rate(String option, String value) {
            try {
                double rate = Double.parseDouble(value);
                if (rate >= 0 && rate <= 1) {
                    return rate;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs a number in [0, 1], got " + value);
        }

        private static FaultConfig faultsJson(String file) {
            try {
                return FaultJson.parse(Files.readAllBytes(Path.of(file)));
            } catch (IOException e) {
                throw new IllegalArgumentException("--faults-json: cannot read " + file + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--faults-json " + file + ": " + e.getMessage());
            }
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

        private static long longValue(String option, String value) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a 64-bit integer, got " + value);
            }
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
