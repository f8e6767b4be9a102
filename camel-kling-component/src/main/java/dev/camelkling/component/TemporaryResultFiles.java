package dev.camelkling.component;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary files that {@code download=true} puts into bodies when no {@code downloadDirectory} is set. A file
 * lives as long as an exchange in flight carries it, not just as long as the exchange that downloaded it: Camel hands
 * messages on in ways that exchange cannot see. A Kamelet or an enrich runs a copy and copies the result back into
 * the original; a wireTap, multicast or split continues with copies after (or while) the original completes. So when
 * the exchange holding a file completes, the hold passes to another exchange in flight that carries the file, or to
 * the exchange the completed one was copied from; only when there is none, also a moment later ({@link #GRACE}), is
 * the file deleted. Files still held when
 * the component stops are deleted then, so none outlives the application.
 */
final class TemporaryResultFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryResultFiles.class);

    /**
     * How long a file no exchange in flight carries is kept before it is looked at again and deleted: a wireTap's copy
     * shares the body at once but enters flight only when the tap's thread picks it up.
     */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final Set<Path> live = ConcurrentHashMap.newKeySet();
    private final Supplier<ScheduledExecutorService> scheduler;

    /** @param scheduler where the last look is scheduled; {@code null} once the component is stopping */
    TemporaryResultFiles(Supplier<ScheduledExecutorService> scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * The hand-over needs to see the exchanges in flight, not just count them, from before the first download on (an
     * exchange that entered its route earlier would be missing). Camel's in-flight browsing, off by default, costs a
     * map entry per exchange in flight; it is turned on only when an endpoint downloads to temporary files.
     */
    void watchExchangesOf(CamelContext context) {
        context.getInflightRepository().setInflightBrowseEnabled(true);
    }

    /** A new empty temporary file, held by {@code holder} until it and every exchange it is handed to have completed. */
    Path create(Exchange holder, String prefix, String suffix) throws IOException {
        Path file = Files.createTempFile(prefix, suffix);
        live.add(file);
        holdBy(holder, file);
        return file;
    }

    private void holdBy(Exchange exchange, Path file) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                released(done, file);
            }
        });
    }

    private void released(Exchange done, Path file) {
        Optional<Exchange> next = nextHolder(done, file);
        if (next.isPresent()) {
            holdBy(next.get(), file);
            return;
        }
        ScheduledExecutorService later = scheduler.get();
        try {
            if (later != null) {
                later.schedule(() -> lastLook(done, file), GRACE.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
        } catch (RejectedExecutionException stopping) {
            // the component is stopping: nothing will read the file any more
        }
        delete(file);
    }

    private void lastLook(Exchange done, Path file) {
        nextHolder(done, file).ifPresentOrElse(next -> holdBy(next, file), () -> delete(file));
    }

    private static Optional<Exchange> nextHolder(Exchange done, Path file) {
        InflightRepository inflight = done.getContext().getInflightRepository();
        String copiedFrom = done.getProperty(ExchangePropertyKey.CORRELATION_ID, String.class);
        return inflight.browse().stream()
                .map(InflightRepository.InflightExchange::getExchange)
                .filter(other -> other != done && !other.getExchangeId().equals(done.getExchangeId()))
                .filter(other -> other.getExchangeId().equals(copiedFrom) || copiedFrom(other, done) || carries(other, file))
                .findFirst();
    }

    private static boolean copiedFrom(Exchange copy, Exchange original) {
        return original.getExchangeId().equals(copy.getProperty(ExchangePropertyKey.CORRELATION_ID, String.class));
    }

    private static boolean carries(Exchange exchange, Path file) {
        Object body = exchange.getMessage().getBody();
        return body instanceof Collection<?> many ? many.stream().anyMatch(item -> isFile(item, file)) : isFile(body, file);
    }

    private static boolean isFile(Object body, Path file) {
        return body instanceof File f && f.toPath().equals(file) || body instanceof Path p && p.equals(file);
    }

    private void delete(Path file) {
        live.remove(file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary result file {}: {}", file, e.getMessage());
        }
    }

    /** Deletes every file still held: the component is stopping, so no exchange will read them any more. */
    void deleteAll() {
        live.forEach(this::delete);
    }

    /** For tests and the dev console: how many temporary result files exist now. */
    int count() {
        return live.size();
    }
}
