package dev.camelkling.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fault to inject: a kind, its timing and an optional delay before the (faulty) answer.
 *
 * <p>String form (used by {@link #parse}, {@link #toString}, the CLI and the admin JSON):
 * {@code KIND[/TIMING][/DELAY]}, e.g. {@code 1302}, {@code 429/1302/before}, {@code 5000/after},
 * {@code reset/after}, {@code slow/after/3s}, {@code 5002/before/250ms}, {@code malformed}.
 *
 * @param kind   what happens
 * @param timing before the handler (nothing created) or after it (the task was created)
 * @param delay  how long to wait before answering (or closing); {@link #DEFAULT_SLOW_DELAY} for a slow
 *               response given without one
 */
public record Fault(FaultKind kind, FaultTiming timing, Duration delay) {
    /** The delay of a {@link FaultKind#SLOW_RESPONSE} that names none. */
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(5);
    private static final Pattern DELAY = Pattern.compile("(\\d+)(ms|s)");

    public Fault {
        Objects.requireNonNull(kind, "kind");
        timing = timing == null ? kind.defaultTiming() : timing;
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("fault delay must not be negative");
        }
        if (kind == FaultKind.SLOW_RESPONSE && delay.isZero()) {
            delay = DEFAULT_SLOW_DELAY;
        }
    }

    /** The kind with its default timing and no delay. */
    public static Fault of(FaultKind kind) {
        return new Fault(kind, null, null);
    }

    /** Instead of the handler: nothing is created. */
    public static Fault before(FaultKind kind) {
        return new Fault(kind, FaultTiming.BEFORE, null);
    }

    /** After the handler: the task was created, the answer is the fault. */
    public static Fault after(FaultKind kind) {
        return new Fault(kind, FaultTiming.AFTER, null);
    }

    /** A slow answer: after = the real answer (task created) late; before = 504/5002 late, nothing created. */
    public static Fault slow(FaultTiming timing, Duration delay) {
        return new Fault(FaultKind.SLOW_RESPONSE, timing, delay);
    }

    public Fault withDelay(Duration delay) {
        return new Fault(kind, timing, delay);
    }

    /** Every kind in both timings, except slow responses (which need a delay chosen for the client under test). */
    public static List<Fault> all() {
        List<Fault> all = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            if (kind != FaultKind.SLOW_RESPONSE) {
                all.add(before(kind));
                all.add(after(kind));
            }
        }
        return List.copyOf(all);
    }

    /** Parses the string form; see the class comment. */
    public static Fault parse(String text) {
        String t = text == null ? "" : text.trim();
        String[] tokens = t.split("/");
        int i = 0;
        String kindText = tokens[0];
        if (tokens.length > 1 && tokens[0].matches("\\d{3}") && tokens[1].matches("\\d{4}")) {
            kindText = tokens[0] + "/" + tokens[1];
            i = 1;
        }
        FaultKind kind = FaultKind.parse(kindText);
        FaultTiming timing = null;
        Duration delay = null;
        for (i++; i < tokens.length; i++) {
            String token = tokens[i].trim();
            Matcher m = DELAY.matcher(token);
            if (m.matches() && delay == null) {
                long amount = Long.parseLong(m.group(1));
                delay = m.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
            } else if (timing == null && (token.equalsIgnoreCase("before") || token.equalsIgnoreCase("after"))) {
                timing = FaultTiming.parse(token);
            } else {
                throw new IllegalArgumentException("cannot read fault " + text + ": expected KIND[/before|after][/<n>ms|<n>s]");
            }
        }
        return new Fault(kind, timing, delay);
    }

    /** The canonical string form, e.g. {@code 5000/after} or {@code slow/after/5000ms}; also the counter key. */
    @Override
    public String toString() {
        return label() + (delay.isZero() ? "" : "/" + delay.toMillis() + "ms");
    }

    /** {@code KIND/TIMING} without the delay, e.g. {@code 5000/after}. */
    public String label() {
        return kind.wireName() + "/" + timing.wireName();
    }
}
