package dev.camelkling.kamelets.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.camelkling.client.schema.FieldSpec;
import dev.camelkling.client.schema.NewDesignProduct;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.schema.RequestSchema;

/**
 * Which Kamelets the catalog has and which kling options each one exposes. The options themselves (title,
 * description, type, default, enum) are never written here: they come from the component's metadata.
 */
public final class KameletCatalog {

    /** Kling credentials, in every Kamelet. */
    static final List<String> CREDENTIALS = List.of("accessKey", "secretKey", "apiKey");

    /** Options that steer a feature's flow rather than fill a Kling field (as in the component's option tables). */
    static final Map<KlingFeature, List<String>> FLOW_OPTIONS = Map.of(
            KlingFeature.LIP_SYNC, List.of("step", "faceIndex", "videoUrl", "videoId"),
            KlingFeature.VIDEO_EXTEND, List.of("targetDuration"));

    /**
     * Request fields no Kamelet exposes as a property: an external id set as an option is the same for every message,
     * so every create after the first would find the first task; externalTaskIdExpression derives one per message.
     */
    static final Set<String> NOT_AS_PROPERTY = Set.of("externalTaskId");

    /** After the request fields: what an action does with the finished task, and how it waits. */
    static final List<String> ACTION_RESULT_OPTIONS = List.of("download", "downloadAll", "resultIndex", "downloadDirectory",
            "waitTimeout", "pollInterval", "maxPollInterval");

    /** How creates are keyed and throttled (actions and the sink). */
    static final List<String> CREATE_OPTIONS = List.of("externalTaskIdExpression", "maxConcurrentTasks");

    /** The create options that apply: imageGeneration takes no external_task_id, so no expression for it. */
    static List<String> createOptions(KlingFeature feature) {
        return CREATE_OPTIONS.stream().filter(name -> feature.acceptsExternalTaskId() || !name.equals("externalTaskIdExpression"))
                .toList();
    }

    /** What the task source exposes beyond the feature, credentials and base URL. */
    static final List<String> SOURCE_OPTIONS = List.of("statuses", "externalTaskIdPrefix", "delay", "initialDelay", "pageSize",
            "maxPagesPerPoll", "stopAtSeenTasks", "partitionCount", "partitionIndex", "consumerMode", "callbackPath",
            "callbackBaseUrl", "webhookSecret", "callbackComponent");

    static final String ACTION_OUTPUT = " The action creates the task, waits until it has finished (a failed task fails the"
            + " exchange with KlingTaskFailedException) and sets the headers CamelKlingTaskId, CamelKlingTaskStatus,"
            + " CamelKlingExternalTaskId, CamelKlingResultUrls and CamelKlingVideoId. The body becomes the task"
            + " (dev.camelkling.client.task.KlingTask), or with download=true the result's media as a file, temporary unless"
            + " downloadDirectory is set, for a following sink to write.";

    /** What every template needs at run time; the component's version is filled in by the build. */
    static final List<String> DEPENDENCIES = List.of("camel:core", "camel:kamelet", "mvn:dev.camelkling:camel-kling:" + KameletYaml.VERSION);

    private final ComponentMetadata metadata;

    private KameletCatalog(ComponentMetadata metadata) {
        this.metadata = metadata;
    }

    /** Every Kamelet of the catalog as its file name and YAML text. */
    public static Map<String, String> files(ComponentMetadata metadata) {
        Map<String, String> files = new LinkedHashMap<>();
        generate(metadata).forEach(kamelet -> files.put(kamelet.fileName(), KameletYaml.write(kamelet)));
        return files;
    }

    static List<KameletDefinition> generate(ComponentMetadata metadata) {
        KameletCatalog catalog = new KameletCatalog(metadata);
        List<KameletDefinition> kamelets = new ArrayList<>();
        for (ActionKamelet action : ActionKamelet.values()) {
            kamelets.add(catalog.action(action));
        }
        kamelets.add(catalog.source());
        kamelets.add(catalog.sink());
        return kamelets;
    }

    private KameletDefinition action(ActionKamelet action) {
        KlingFeature feature = action.feature();
        List<KameletProperty> properties = new ArrayList<>(connection());
        FLOW_OPTIONS.getOrDefault(feature, List.of()).forEach(name -> properties.add(property(name)));
        requestOptions(feature).forEach(name -> properties.add(property(name, feature.schema())));
        ACTION_RESULT_OPTIONS.forEach(name -> properties.add(property(name)));
        createOptions(feature).forEach(name -> properties.add(property(name)));
        Map<String, Object> parameters = placeholders(properties);
        parameters.put("waitForCompletion", true);
        List<String> dependencies = new ArrayList<>(DEPENDENCIES);
        if (action.stepsDependency() != null) {
            dependencies.add(action.stepsDependency());
        }
        return new KameletDefinition(action.kameletName(), "action", action.title(), action.description() + ACTION_OUTPUT,
                List.of(), properties, "kling:" + feature.uriName(), parameters, action.stepsBefore(), dependencies);
    }

    private KameletDefinition source() {
        List<KameletProperty> properties = new ArrayList<>();
        properties.add(property("feature"));
        properties.addAll(connection());
        for (String name : SOURCE_OPTIONS) {
            // The endpoint polls every 5 s, not the 500 ms kling.json inherits from Camel's scheduled poll consumer:
            // take the default from a real endpoint, or the Kamelet would pass 500 and poll ten times as often.
            properties.add(name.equals("delay") ? property(name).withDefault(DefaultsOfAnEndpoint.consumerDelay()) : property(name));
        }
        return new KameletDefinition("kling-task-source", "source", "Kling Task Source",
                "Receives the Kling tasks of one feature that have finished, each once, in the order they finished: by"
                + " polling the feature's task list (consumerMode=poll, every delay ms), or from the callbacks Kling posts"
                + " to the tasks' callback_url (consumerMode=callback, served on the application's HTTP server, e.g."
                + " platform-http). The body is the task (dev.camelkling.client.task.KlingTask); the headers CamelKlingTaskId,"
                + " CamelKlingTaskStatus, CamelKlingTaskStatusMessage, CamelKlingExternalTaskId, CamelKlingResultUrls and"
                + " CamelKlingVideoId describe it. A task counts as emitted once its exchange has completed, so a failed"
                + " exchange is emitted again later.",
                List.of("feature"), properties, "kling:{{feature}}", placeholders(properties.subList(1, properties.size())), null, DEPENDENCIES);
    }

    private KameletDefinition sink() {
        List<KameletProperty> properties = new ArrayList<>();
        properties.add(property("feature"));
        properties.addAll(connection());
        Set<String> union = new LinkedHashSet<>();
        for (KlingFeature feature : KlingFeature.values()) {
            FLOW_OPTIONS.getOrDefault(feature, List.of()).stream().filter(name -> !name.equals("targetDuration")).forEach(union::add);
            union.addAll(requestOptions(feature));
        }
        union.forEach(name -> properties.add(property(name)));
        CREATE_OPTIONS.forEach(name -> properties.add(property(name)));
        return new KameletDefinition("kling-task-sink", "sink", "Kling Task Sink",
                "Creates a Kling task of the chosen feature from each message and does not wait for it (create and"
                + " forget; receive the finished tasks with kling-task-source). The body is the feature's natural input:"
                + " the prompt for text2video and imageGeneration, the image for image2video and motionControl, a List of"
                + " images for multiImage2video, the video id for videoExtend, the audio for lipSync; CamelKling* headers"
                + " override the properties. Properties that do not apply to the feature are ignored; the request is"
                + " checked against Kling's rules before anything is sent.",
                List.of("feature"), properties, "kling:{{feature}}", placeholders(properties.subList(1, properties.size())), null, DEPENDENCIES);
    }

    /** Credentials and the API's base URL, first in every Kamelet. */
    private List<KameletProperty> connection() {
        List<KameletProperty> properties = new ArrayList<>();
        CREDENTIALS.forEach(name -> properties.add(property(name)));
        properties.add(property("baseUrl"));
        return properties;
    }

    /** The options that fill the feature's Kling request fields, in the order of its request schema. */
    private List<String> requestOptions(KlingFeature feature) {
        return feature.schema().fieldNames().stream().map(RequestSchema::camelCase)
                .filter(metadata::hasOption).filter(name -> !NOT_AS_PROPERTY.contains(name)).toList();
    }

    private KameletProperty property(String name) {
        return KameletProperty.of(metadata.option(name));
    }

    private KameletProperty property(String name, RequestSchema schema) {
        KameletProperty property = property(name);
        // a feature with a new-design path takes the model's values there (duration 3-15 on kling-3.0, ...): the legacy
        // bounds of a settings field would refuse valid values in a Kamelet form
        boolean legacyBoundsOnly = schema.newDesignProduct().isEmpty();
        Optional<FieldSpec> field = schema.field(name).filter(f -> legacyBoundsOnly || !NewDesignProduct.isSetting(f.name()));
        return field.map(property::narrowedBy).orElse(property);
    }

    private static Map<String, Object> placeholders(List<KameletProperty> properties) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        properties.forEach(property -> parameters.put(property.name(), property.placeholder()));
        return parameters;
    }
}
