package dev.camelkling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.auth.ApiKeyCredentials;
import dev.camelkling.client.auth.KlingCredentials;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.transport.RetryPolicy;
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
import org.apache.camel.util.ObjectHelper;

/**
 * Generate videos and images with the Kling AI API: create generation tasks, read them, wait for them to finish, and
 * consume finished tasks.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kling", title = "Kling AI", syntax = "kling:feature",
             category = { Category.AI, Category.CLOUD }, headersClass = KlingConstants.class)
public class KlingEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    static final long DEFAULT_CONSUMER_DELAY = 5_000;

    /** Shadows the scheduler's delay so that the catalog shows this endpoint's default, not the scheduler's 500 ms. */
    @UriParam(defaultValue = "" + DEFAULT_CONSUMER_DELAY, javaType = "java.time.Duration", label = "consumer,scheduler",
              description = "Milliseconds before the next poll.")
    private long delay = DEFAULT_CONSUMER_DELAY;

    @UriPath(enums = "text2video,image2video,multiImage2video,motionControl,omniVideo,videoExtend,lipSync,imageGeneration,omniImage",
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
    private List<KlingFinalStatus> statuses = List.of(KlingFinalStatus.succeed, KlingFinalStatus.failed);
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
    @UriParam(label = "consumer",
              description = "On the new design, the task list (POST /tasks) holds every feature's tasks of a product type"
                            + " and does not say which feature made a task: the consumer emits the tasks known to be of its"
                            + " feature (created by this application's client, or with an external_task_id derived by a"
                            + " kling producer, camel-<exchange>-<feature>-<n>) and never those known to be another"
                            + " feature's. Tasks of unknown origin (created outside camel-kling, or before a restart with an"
                            + " external_task_id of their own) are emitted when this is true. Unset: true when this is the"
                            + " only new-design polling consumer of its product type and account in the CamelContext (so"
                            + " nothing is lost), false when there are several (set it on one of them, so such tasks are"
                            + " neither lost nor emitted twice).")
    private Boolean emitUnknownOrigin;
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
    @UriParam(label = "consumer", enums = "LEGACY,NEW_DESIGN",
              description = "Which design standard's task listing the polling consumer reads: LEGACY lists the feature's"
                            + " /v1 path newest first; NEW_DESIGN reads POST /tasks (every task of the feature's product"
                            + " type, video or image, oldest first, by time window and cursor; needs an apiKey). Defaults"
                            + " to the design of modelName: a new-design model (e.g. kling-3.0) means NEW_DESIGN.")
    private DesignStandard designStandard;
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
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
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
        if (Boolean.TRUE.equals(emitUnknownOrigin) && (isCallbackMode() || !usesNewDesign())) {
            throw new IllegalArgumentException("emitUnknownOrigin applies only to the polling consumer on the new design"
                    + " (designStandard=NEW_DESIGN or a new-design modelName), whose task list mixes every feature's tasks;"
                    + " the legacy list and callbacks are the feature's own: remove emitUnknownOrigin");
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
        requireApiKeyForNewDesignModel();
        if (configuration.getKlingClient() != null) {
            client = configuration.getKlingClient(); // the user's own: used as it is, never closed here
        } else {
            SSLContextParameters ssl = sslContextParameters();
            clientKey = SharedKlingClients.Key.of(configuration, ssl, appliedCallbackGracePeriod());
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

    /**
     * The new design accepts only an API key (kling-api-2026.md §1): a route whose URI names a new-design model but
     * whose account has only an access key and secret key would fail on every exchange, so it fails to start instead.
     */
    private void requireApiKeyForNewDesignModel() {
        if (usesNewDesign() && !(credentials() instanceof ApiKeyCredentials)) {
            String why = designStandard != null ? "designStandard=NEW_DESIGN reads Kling's new design, which"
                    : "modelName " + configuration.getModelName() + " is a model of Kling's new design, which";
            throw new IllegalArgumentException(why + " accepts only an API key: configure the option apiKey (or"
                    + " KLING_API_KEY) instead of accessKey and secretKey");
        }
    }

    /** Whether this endpoint works on the new design: option designStandard, else the design of option modelName. */
    boolean usesNewDesign() {
        if (designStandard != null) {
            return designStandard == DesignStandard.NEW_DESIGN;
        }
        String model = configuration.getModelName();
        return model != null && klingFeature.schema().design(Map.of("model_name", model)) == DesignStandard.NEW_DESIGN;
    }

    private KlingCredentials credentials() {
        KlingClient own = configuration.getKlingClient();
        return own != null ? own.config().credentials() : CredentialsResolver.credentials(configuration);
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
                .executor(getComponent().getWorkerPool().clientExecutor())
                .maxConcurrentTasks(c.getMaxConcurrentTasks())
                .detectionTarget(Duration.ofMillis(c.getDetectionTarget()))
                .callbackGracePeriod(Duration.ofMillis(appliedCallbackGracePeriod()))
                .retryPolicy(readRetryPolicy(c.getMaxReadAttempts()))
                .scheduler(getComponent().getScheduler())
                .build();
    }

    /**
     * callbackGracePeriod holds the waits of tasks whose callbacks reach a callback consumer of this application. A
     * producer with a callbackUrl of its own sends its callbacks elsewhere (the component cannot know where), unless
     * it names the callbackReceiver they reach: otherwise its waits never hold.
     */
    private long appliedCallbackGracePeriod() {
        boolean reachesThisApplication = ObjectHelper.isEmpty(configuration.getCallbackUrl())
                                         || ObjectHelper.isNotEmpty(configuration.getCallbackReceiver());
        return reachesThisApplication ? configuration.getCallbackGracePeriod() : 0;
    }

    /**
     * The clients a callback for a task of this endpoint's account may concern: its own, then every other client of
     * the component reaching the same account (endpoints with other settings have clients of their own).
     */
    List<KlingClient> accountClients() {
        KlingClient own = client;
        List<KlingClient> all = new ArrayList<>();
        if (own != null) {
            all.add(own);
        }
        if (clientKey != null) {
            getComponent().getClients().ofAccount(clientKey).stream().filter(c -> c != own).forEach(all::add);
        }
        return all;
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

    public List<KlingFinalStatus> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<KlingFinalStatus> statuses) {
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

    public Boolean getEmitUnknownOrigin() {
        return emitUnknownOrigin;
    }

    public void setEmitUnknownOrigin(Boolean emitUnknownOrigin) {
        this.emitUnknownOrigin = emitUnknownOrigin;
    }

    /** Whether the consumer emits tasks of unknown origin now: the option, else whether it reads its task list alone. */
    boolean emitsUnknownOrigin() {
        return emitUnknownOrigin != null ? emitUnknownOrigin : !sharesTaskList();
    }

    /** Whether another started route consumes the same new-design task list (same product type and account). */
    private boolean sharesTaskList() {
        return getCamelContext().getRoutes().stream()
                .map(route -> route.getEndpoint())
                .anyMatch(other -> other != this && other instanceof KlingEndpoint kling && kling.listsTheSameTasksAs(this));
    }

    private boolean listsTheSameTasksAs(KlingEndpoint other) {
        boolean sameAccount = clientKey != null && other.clientKey != null ? clientKey.sameAccount(other.clientKey)
                : client != null && client == other.client;
        return sameAccount && !isCallbackMode() && usesNewDesign()
               && klingFeature.resultKind() == other.klingFeature.resultKind();
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

    public DesignStandard getDesignStandard() {
        return designStandard;
    }

    public void setDesignStandard(DesignStandard designStandard) {
        this.designStandard = designStandard;
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
