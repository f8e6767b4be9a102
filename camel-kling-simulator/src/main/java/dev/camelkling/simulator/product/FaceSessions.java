package dev.camelkling.simulator.product;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The identify-face sessions of all accounts. Expired sessions are kept (so they can be reported as expired) until {@link #clear()}. */
public final class FaceSessions {
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    private static final long LOWEST = 870_000_000_000_000_000L;

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, FaceSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong(LOWEST + ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));

    public FaceSessions(Clock clock, Duration ttl) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("session TTL must be positive");
        }
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    public FaceSession open(String accountId, FaceSession.SourceVideo video, List<FaceSession.Face> faces) {
        long now = clock.millis();
        String id = Long.toString(lastId.addAndGet(1 + ThreadLocalRandom.current().nextLong(997)));
        FaceSession session = new FaceSession(id, accountId, video, faces, now, now + ttl.toMillis());
        sessions.put(id, session);
        return session;
    }

    /** The account's session with this id, expired or not. */
    public Optional<FaceSession> find(String accountId, String sessionId) {
        FaceSession session = sessionId == null ? null : sessions.get(sessionId);
        return session != null && session.accountId().equals(accountId) ? Optional.of(session) : Optional.empty();
    }

    public int size() {
        return sessions.size();
    }

    public void clear() {
        sessions.clear();
    }
}
