package dev.camelkling.component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.request.KlingFeature;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Generate videos and images with the Kling AI API. Component-level options are defaults that every endpoint copies
 * and may override.
 */
@Component("kling")
public class KlingComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Set<String> SECRET_OPTIONS = new KlingEndpointUriFactory().secretPropertyNames();

    @Metadata(description = "Default configuration shared by all kling endpoints.")
    private KlingConfiguration configuration = new KlingConfiguration();
    @Metadata(label = "security", defaultValue = "false",
              description = "Use the CamelContext's global SSL context parameters when no sslContextParameters are set.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "advanced", defaultValue = "8",
              description = "Threads that read Kling's answers and on which exchanges continue once Kling has answered"
                            + " (each on the thread that read its answer); waits hold no thread at all, so this bounds"
                            + " concurrency of the routes' next steps, not of waiting tasks. A step that blocks holds one.")
    private int workerPoolSize = 8;

    @Metadata(label = "health", defaultValue = "true",
              description = "Register a readiness check per Kling account in use (one cheap authenticated read, cached):"
                            + " DOWN with Kling's code when Kling refuses the read (wrong credentials, arrears, no resource"
                            + " pack, ...).")
    private boolean healthCheckAccountEnabled = true;
    @Metadata(label = "health", defaultValue = "60s", javaType = "java.time.Duration",
              description = "How long an account health check reuses its last read before asking Kling again.")
    private long healthCheckCacheTime = 60_000;

    private final CredentialsResolver credentialsResolver;
    private ScheduledExecutorService scheduler;
    private KlingWorkerPool workerPool;
    private final SharedKlingClients clients = new SharedKlingClients();
    private final AccountHealthChecks accountHealthChecks = new AccountHealthChecks();
    private final TemporaryResultFiles temporaryResultFiles = new TemporaryResultFiles(
            () -> isStoppingOrStopped() ? null : getScheduler());

    public KlingComponent() {
        this(CredentialsResolver.fromEnvironment());
    }

    KlingComponent(CredentialsResolver credentialsResolver) {
        this.credentialsResolver = credentialsResolver;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KlingFeature feature = KlingFeature.fromUriName(remaining);
        // the endpoint is registered under the URI as given; the URI it shows carries no secret
        KlingEndpoint endpoint = new KlingEndpoint(MaskedEndpointUri.of(uri, SECRET_OPTIONS), this, feature, configuration.copy());
        DoublyEncodedUriValues.repair(parameters);
        if (getEndpointPropertyConfigurer() instanceof PropertyConfigurerGetter options) {
            ListOptionValues.split(getCamelContext(), options, endpoint, parameters);
        }
        setProperties(endpoint, parameters);
        KlingConfiguration c = endpoint.getConfiguration();
        if (c.getKlingClient() == null) {
            // a client of the user's own carries its credentials
            credentialsResolver.applyFallback(c);
            credentialsResolver.requireCredentials(c);
        }
        if (c.isDownload() && !c.isWaitForCompletion()) {
            throw new IllegalArgumentException("download=true needs waitForCompletion=true: only a finished task has media");
        }
        KlingClientConfig.requireHttpUrl("baseUrl", c.getBaseUrl());
        if (c.getCallbackGracePeriod() < 0) {
            throw new IllegalArgumentException("callbackGracePeriod must not be negative (was " + c.getCallbackGracePeriod()
                                               + " ms)");
        }
        if (endpoint.getCallbackBaseUrl() != null) {
            KlingClientConfig.requireHttpUrl("callbackBaseUrl", endpoint.getCallbackBaseUrl());
        }
        return endpoint;
    }

    /**
     * Camel converts bridgeErrorHandler, lazyStartProducer and autowiredEnabled itself, before the endpoint's
     * properties are bound, and its conversion error names neither the option nor the endpoint.
     */
    @Override
    public <T> T getAndRemoveParameter(Map<String, Object> parameters, String key, Class<T> type, T defaultValue) {
        Object given = parameters.get(key);
        try {
            return super.getAndRemoveParameter(parameters, key, type, defaultValue);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Option " + key + ": cannot convert \"" + given + "\" to "
                                               + type.getSimpleName(), e);
        }
    }

    /**
     * One scheduler per component serves every endpoint's re-polls and backoffs: waiting tasks hold no thread, only a
     * scheduled entry, so thousands of waits share it.
     */
    synchronized ScheduledExecutorService getScheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "KlingScheduler", 1);
        }
        return scheduler;
    }

    /**
     * The {@code KlingWorker} threads ({@link KlingWorkerPool}): the component's Kling clients read their answers on
     * them, and exchanges continue on them once Kling has answered. Without it the rest of the route would run on
     * whatever thread completed the HTTP future (the JDK's common pool, or a new thread per response on small machines),
     * which Camel neither sizes nor sees.
     */
    synchronized KlingWorkerPool getWorkerPool() {
        if (workerPool == null) {
            ExecutorService workers = getCamelContext().getExecutorServiceManager().newThreadPool(this, "KlingWorker",
                    fixedPoolNeverFull("KlingWorker", workerPoolSize));
            workerPool = new KlingWorkerPool(getCamelContext(), this, workers, workerPoolSize, getScheduler());
        }
        return workerPool;
    }

    /**
     * A fixed pool whose queue never fills in practice: with Camel's default (1,000 and "caller runs") a busy route
     * would run its next steps on an HTTP or scheduler thread. Camel turns a queue size of 0 or less into a
     * synchronous hand-off, so the bound is explicit. Once shut down the pool refuses work, which the producer and the
     * client handle.
     */
    private static ThreadPoolProfile fixedPoolNeverFull(String name, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    SharedKlingClients getClients() {
        return clients;
    }

    AccountHealthChecks getAccountHealthChecks() {
        return accountHealthChecks;
    }

    TemporaryResultFiles getTemporaryResultFiles() {
        return temporaryResultFiles;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        clients.closeAll();
        temporaryResultFiles.deleteAll();
        synchronized (this) {
            if (scheduler != null) {
                getCamelContext().getExecutorServiceManager().shutdown(scheduler);
                scheduler = null;
            }
            if (workerPool != null) {
                workerPool.shutdown();
                workerPool = null;
            }
        }
    }

    public KlingConfiguration getConfiguration() {
        return configuration;
    }

    /** Default configuration shared by all kling endpoints. */
    public void setConfiguration(KlingConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    /** Threads that read Kling's answers and on which exchanges continue once Kling has answered. */
    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public boolean isHealthCheckAccountEnabled() {
        return healthCheckAccountEnabled;
    }

    /** Register a readiness check per Kling account in use. */
    public void setHealthCheckAccountEnabled(boolean healthCheckAccountEnabled) {
        this.healthCheckAccountEnabled = healthCheckAccountEnabled;
    }

    public long getHealthCheckCacheTime() {
        return healthCheckCacheTime;
    }

    /** How long an account health check reuses its last read (ms). */
    public void setHealthCheckCacheTime(long healthCheckCacheTime) {
        this.healthCheckCacheTime = healthCheckCacheTime;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the CamelContext's global SSL context parameters when no sslContextParameters are set. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
