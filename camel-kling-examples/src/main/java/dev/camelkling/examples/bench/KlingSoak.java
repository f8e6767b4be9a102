package dev.camelkling.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelkling.component.KlingComponent;
import dev.camelkling.simulator.ExternalIdSummary;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultConfig;
import dev.camelkling.simulator.fault.FaultMatch;
import dev.camelkling.simulator.fault.FaultStats;
import dev.camelkling.simulator.fault.FaultTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The "never bill twice, never lose one" soak: many creates through the component while the simulator injects faults
 * of every kind into a share of all API requests (creates, reads and lists; before and after the task is made; resets,
 * slow and malformed answers), with a polling consumer emitting the finished tasks. It prints tasks per external id,
 * exchanges lost and deliveries per final task. Run: {@code java -cp camel-kling-examples/target/kling-demo.jar
 * dev.camelkling.examples.bench.KlingSoak [creates] [faultRate] [producerOptions]}.
 */
public final class KlingSoak {

    /** What a soak run found. */
    public record Result(int creates, int exchangesLost, int tasksCreated, ExternalIdSummary tasks, int delivered,
                         int deliveredTwice, int neverDelivered, FaultStats faults, long seconds) {

        /** One task per create (none billed twice, none missing), no exchange lost, every task delivered once. */
        public boolean holds() {
            return exchangesLost == 0 && tasksCreated == creates && tasks.noDuplicates() && deliveredTwice == 0
                   && neverDelivered == 0;
        }

        @Override
        public String toString() {
            return String.format("""
                    creates sent                       %d
                    tasks created                      %d (with an external id: %d, distinct ids: %d)
                    tasks per external id (max)        %d   ids used twice: %d
                    exchanges lost                     %d
                    consumer deliveries                %d   delivered twice: %d   never delivered: %d
                    faults injected / API requests     %d / %d   %s
                    wall time                          %d s
                    verdict                            %s""",
                    creates, tasksCreated, tasks.tasks(), tasks.distinctIds(), tasks.maxPerId(),
                    tasks.duplicates().size(), exchangesLost, delivered, deliveredTwice, neverDelivered, faults.injected(),
                    faults.requests(), faults.byKind(), seconds, holds() ? "HOLDS" : "BROKEN");
        }
    }

    private KlingSoak() {
    }

    public static void main(String[] args) throws Exception {
        int creates = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0.2;
        String producerOptions = args.length > 2 ? args[2] : "";
        Result result = run(creates, rate, 42, producerOptions);
        System.out.println(result);
        System.exit(result.holds() ? 0 : 1);
    }

    public static Result run(int creates, double faultRate, long seed) throws Exception {
        return run(creates, faultRate, seed, "");
    }

    /** @param producerOptions extra URI options of the producer, e.g. {@code deriveExternalTaskId=false} to see what breaks */
    public static Result run(int creates, double faultRate, long seed, String producerOptions) throws Exception {
        List<Fault> faults = new ArrayList<>(Fault.all());
        faults.add(Fault.slow(FaultTiming.AFTER, Duration.ofMillis(1_500)));
        faults.add(Fault.slow(FaultTiming.BEFORE, Duration.ofMillis(1_500)));
        KlingSimulator simulator = KlingSimulator.builder()
                .timing(SimulatorTiming.of(Duration.ofMillis(20), Duration.ofMillis(150)))
                .maxConcurrentTasks(1_000_000)
                .faults(FaultConfig.builder().seed(seed)
                        .rate(faultRate, FaultMatch.prefix("*", "/v1/"), faults.toArray(Fault[]::new)).build())
                .build().start();
        CamelContext context = new DefaultCamelContext();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        AtomicInteger lost = new AtomicInteger();
        long start = System.nanoTime();
        try {
            KlingComponent kling = new KlingComponent();
            kling.getConfiguration().setBaseUrl(simulator.baseUrl());
            kling.getConfiguration().setAccessKey(simulator.accessKey());
            kling.getConfiguration().setSecretKey(simulator.secretKey());
            kling.getConfiguration().setRequestTimeout(1_000);
            kling.getConfiguration().setMaxCreateAttempts(5);
            kling.getConfiguration().setMaxReadAttempts(5);
            context.addComponent("kling", kling);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // what a production route does: let Camel redeliver a failed create; the component makes sure a
                    // redelivery never becomes a second task
                    errorHandler(defaultErrorHandler().maximumRedeliveries(20).redeliveryDelay(20)
                            .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.DEBUG)
                            .logExhausted(true));
                    from("direct:create").routeId("soak-create").to("kling:text2video?" + producerOptions);
                    from("kling:text2video?delay=200&initialDelay=0&pageSize=500&maxPagesPerPoll=50")
                            .routeId("soak-consumer")
                            .process(e -> deliveries.computeIfAbsent(e.getMessage().getHeader("CamelKlingTaskId",
                                    String.class), id -> new AtomicInteger()).incrementAndGet());
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Semaphore inFlight = new Semaphore(32);
            for (int i = 0; i < creates; i++) {
                inFlight.acquire();
                String prompt = "Soak prompt " + i;
                template.asyncSend("direct:create", e -> e.getMessage().setBody(prompt)).whenComplete((exchange, error) -> {
                    if (error != null || exchange.isFailed()) {
                        lost.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(32);
            // the creates are done; faults stop so the consumer can settle, then wait until it delivered each task (bounded)
            FaultStats injected = simulator.faults().stats();
            simulator.faults().clear();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline && deliveries.size() < simulator.createdTaskCount()) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000); // a few more polls: anything delivered twice would show now
            ExternalIdSummary tasks = simulator.externalIdSummary();
            int twice = (int) deliveries.values().stream().filter(c -> c.get() > 1).count();
            int never = Math.max(0, simulator.createdTaskCount() - deliveries.size());
            return new Result(creates, lost.get(), simulator.createdTaskCount(), tasks, deliveries.size(), twice, never,
                    injected, (System.nanoTime() - start) / 1_000_000_000L);
        } finally {
            context.stop();
            simulator.close();
        }
    }
}
