package dev.camelkling.client.transport;

import dev.camelkling.client.auth.KlingCredentials;

import javax.net.ssl.SSLContext;
import java.time.Clock;
import java.time.Duration;

/** What the HTTP layer needs of the client's configuration: where to send, as whom, and how long to wait. */
public record HttpSettings(String baseUrl, KlingCredentials credentials, Duration connectTimeout,
        Duration requestTimeout, SSLContext sslContext, Clock clock) {
}
