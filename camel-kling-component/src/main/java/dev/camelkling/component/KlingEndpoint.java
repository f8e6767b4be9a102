package dev.camelkling.component;

import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.transport.RetryPolicy;
import dev.camelkling.client.wait.WaitPolicy;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Generate videos and images with the Kling AI API: create generation tasks, read them, wait for them to finish, and
 * consume finished tasks.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kling", title = "Kling AI", syntax = "kling:feature",
             category = { Category.AI, Category.CLOUD }, headersClass = KlingConstants.class)
public class KlingEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    static final long DEFAULT_CONSUMER_DELAY = 5_000;

    @UriPath(enums = "text2video,image2video,multiImage2video,motionControl,videoExtend,lipSync,imageGeneration,omniImage",
             description = "The Kling feature (product) to use.")
    @Metadata(required = true)
    private final String feature;
    @UriParam
    private KlingConfiguration configuration;
    @UriParam(label = "consumer", defaultValue = "10",
              description = "The most list pages the consumer reads in one poll; a page shorter than pageSize ends the poll earlier.")
    private int maxPagesPerPoll = 10;
    @UriParam(label = "consumer", defaultValue = "succeed,failed",
              description = "Which final statuses the consumer emits, comma-separated: succeed, failed, or both.")
    private String statuses = "succeed,failed";
    @UriParam(label = "consumer",
              description = "Emit only tasks whose external_task_id starts with this prefix, so applications sharing an"
                            + " account see only their own tasks.")
    private String externalTaskIdPrefix;
    @UriParam(label = "consumer", defaultValue = "1",
              description = "Run this many consumer instances of one application against one account, each emitting a"
                            + " disjoint share of the tasks (by a hash of the task id): with partitionIndex set per"
                            + " instance, every task is emitted by exactly one instance, without coordination at run time.")
    private int partitionCount = 1;
    @UriParam(label = "consumer", defaultValue = "0",
              description = "This instance's share, from 0 to partitionCount - 1.")
    private int partitionIndex;
    @UriParam(label = "consumer", defaultValue = "true",
              description = "Stop reading further list pages once a page reaches tasks older than every task still"
                            + " awaited (not final yet, or final but not emitted). Relies on Kling listing newest first;"
                            + " turn off to read up to maxPagesPerPoll pages on every poll.")
    private boolean stopAtSeenTasks = true;
    @UriParam(label = "consumer,advanced",
              description = "Remembers which final tasks were emitted, keyed by task id; a task is added only when its"
                            + " exchange completes, so a failed exchange is emitted again on a later poll. Defaults to an"
                            + " in-memory repository of 10000 ids; use a persistent one to survive restarts.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", defaultValue = "poll",
              description = "How the consumer learns that tasks finished: poll reads the feature's task list on a"
                            + " schedule; callback serves POST callbackPath on the application's HTTP server"
                            + " (platform-http or another RestConsumerFactory) for the callbacks Kling sends to a task's"
                            + " callback_url, re-reads each announced task from the API and emits it once it is final.")
    private KlingConsumerMode consumerMode = KlingConsumerMode.poll;
    @UriParam(label = "consumer",
              description = "With consumerMode=callback: the path the callbacks are POSTed to. Defaults to"
                            + " /kling/callback/ plus the feature name, e.g. /kling/callback/text2video. The rest configuration's contextPath, if any, is put in front.")
    private String callbackPath;
    @UriParam(label = "consumer,advanced",
              description = "With consumerMode=callback: the name of the component or bean that serves the callback path"
                            + " (a RestConsumerFactory such as platform-http). Defaults to the rest configuration's"
                            + " component, then platform-http, then the only RestConsumerFactory found.")
    private String callbackComponent;
    private final KlingFeature klingFeature;
    private KlingClient client;
    private SharedKlingClients.Key clientKey;

    public KlingEndpoint(String uri, KlingComponent component, KlingFeature feature, KlingConfiguration configuration) {
        super(uri, component);
        this.klingFeature = feature;
        this.feature = feature.uriName();
        this.configuration = configuration;
        // Kling tasks take minutes and the list endpoint is rate limited in spirit; 500 ms polling would be abusive.
        setDelay(DEFAULT_CONSUMER_DELAY);
    }

    @Override
    public KlingComponent getComponent() {
        return (KlingComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new KlingProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (partitionCount < 1 || partitionIndex < 0 || partitionIndex >= partitionCount) {
            throw new IllegalArgumentException("partitionIndex must be between 0 and partitionCount - 1 (was "
                                               + partitionIndex + " of " + partitionCount + ")");
        }
        if (isCallbackMode()) {
            KlingCallbackConsumer consumer = new KlingCallbackConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
        KlingConsumer consumer = new KlingConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (idempotentRepository == null) {
            idempotentRepository = MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
        }
        ServiceHelper.startService(idempotentRepository);
        if (configuration.getKlingClient() != null) {
            client = configuration.getKlingClient(); // the user's own: used as it is, never closed here
        } else {
            SSLContextParameters ssl = sslContextParameters();
            clientKey = SharedKlingClients.Key.of(configuration, ssl);
            client = getComponent().getClients().acquire(clientKey, () -> KlingClient.create(clientConfig(ssl)));
        }
        KlingComponent component = getComponent();
        component.getAccountHealthChecks().started(getCamelContext(), client, klingFeature,
                component.isHealthCheckAccountEnabled(), Duration.ofMillis(component.getHealthCheckCacheTime()),
                Duration.ofMillis(configuration.getRequestTimeout()));
        if (configuration.isDownload() && configuration.getDownloadDirectory() == null) {
            getComponent().getTemporaryResultFiles().watchExchangesOf(getCamelContext());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            getComponent().getAccountHealthChecks().stopped(getCamelContext(), client);
            if (clientKey != null) {
                getComponent().getClients().release(clientKey);
                clientKey = null;
            }
            client = null;
        }
        ServiceHelper.stopService(idempotentRepository);
        super.doStop();
    }

    private KlingClientConfig clientConfig(SSLContextParameters ssl) {
        KlingConfiguration c = configuration;
        return KlingClientConfig.builder()
                .baseUrl(c.getBaseUrl())
                .credentials(CredentialsResolver.credentials(c))
                .connectTimeout(Duration.ofMillis(c.getConnectTimeout()))
                .requestTimeout(Duration.ofMillis(c.getRequestTimeout()))
                .sslContext(sslContext(ssl))
                .executor(getComponent().getClientExecutor())
                .maxConcurrentTasks(c.getMaxConcurrentTasks())
                .detectionTarget(Duration.ofMillis(c.getDetectionTarget()))
                .retryPolicy(readRetryPolicy(c.getMaxReadAttempts()))
                .scheduler(getComponent().getScheduler())
                .build();
    }

    private static RetryPolicy readRetryPolicy(int maxAttempts) {
        RetryPolicy d = RetryPolicy.defaults();
        return new RetryPolicy(maxAttempts, d.initialDelay(), d.maxDelay(), d.multiplier(), d.jitter());
    }

    private SSLContextParameters sslContextParameters() {
        SSLContextParameters parameters = configuration.getSslContextParameters();
        return parameters != null ? parameters : getComponent().retrieveGlobalSslContextParameters();
    }

    private SSLContext sslContext(SSLContextParameters parameters) {
        try {
            return parameters == null ? null : parameters.createSSLContext(getCamelContext());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the SSL context for " + getFeature(), e);
        }
    }

    /** Images come back in seconds to a few minutes, videos take minutes: the default bound follows the feature. */
    static final Duration DEFAULT_VIDEO_WAIT = Duration.ofMinutes(30);
    static final Duration DEFAULT_IMAGE_WAIT = Duration.ofMinutes(10);

    WaitPolicy waitPolicy() {
        Duration timeout = configuration.getWaitTimeout() > 0
                ? Duration.ofMillis(configuration.getWaitTimeout())
                : klingFeature.resultKind() == ResultKind.IMAGE ? DEFAULT_IMAGE_WAIT : DEFAULT_VIDEO_WAIT;
        return new WaitPolicy(Duration.ofMillis(configuration.getPollInterval()), 1.5,
                Duration.ofMillis(configuration.getMaxPollInterval()), timeout);
    }

    KlingClient getClient() {
        return client;
    }

    public KlingFeature getKlingFeature() {
        return klingFeature;
    }

    public String getFeature() {
        return feature;
    }

    public KlingConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KlingConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getMaxPagesPerPoll() {
        return maxPagesPerPoll;
    }

    public void setMaxPagesPerPoll(int maxPagesPerPoll) {
        this.maxPagesPerPoll = maxPagesPerPoll;
    }

    public String getStatuses() {
        return statuses;
    }

    public void setStatuses(String statuses) {
        this.statuses = statuses;
    }

    public String getExternalTaskIdPrefix() {
        return externalTaskIdPrefix;
    }

    public void setExternalTaskIdPrefix(String externalTaskIdPrefix) {
        this.externalTaskIdPrefix = externalTaskIdPrefix;
    }

    public int getPartitionCount() {
        return partitionCount;
    }

    public void setPartitionCount(int partitionCount) {
        this.partitionCount = partitionCount;
    }

    public int getPartitionIndex() {
        return partitionIndex;
    }

    public void setPartitionIndex(int partitionIndex) {
        this.partitionIndex = partitionIndex;
    }

    public boolean isStopAtSeenTasks() {
        return stopAtSeenTasks;
    }

    public void setStopAtSeenTasks(boolean stopAtSeenTasks) {
        this.stopAtSeenTasks = stopAtSeenTasks;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    boolean isCallbackMode() {
        return consumerMode == KlingConsumerMode.callback;
    }

    public KlingConsumerMode getConsumerMode() {
        return consumerMode;
    }

    public void setConsumerMode(KlingConsumerMode consumerMode) {
        this.consumerMode = consumerMode;
    }

    public String getCallbackPath() {
        return callbackPath;
    }

    public void setCallbackPath(String callbackPath) {
        this.callbackPath = callbackPath;
    }

    public String getCallbackComponent() {
        return callbackComponent;
    }

    public void setCallbackComponent(String callbackComponent) {
        this.callbackComponent = callbackComponent;
    }

    public String getCallbackBaseUrl() {
        return configuration.getCallbackBaseUrl();
    }

    public String getWebhookSecret() {
        return configuration.getWebhookSecret();
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return configuration.getBaseUrl() != null && configuration.getBaseUrl().startsWith("https") ? "https" : "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return Map.of("feature", feature, "path", klingFeature.path());
    }
}
