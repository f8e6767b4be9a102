package dev.camelkling.component;

import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.schema.RequestSchema;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * Turns an exchange into a Kling request for any feature, driven only by the feature's field list: for each Kling
 * field, the header {@code CamelKling<Option>} wins, then the body (the feature's natural input, or a Map of fields),
 * then the endpoint option of the same name. Nothing here knows a particular feature.
 */
final class KlingRequestAssembler {

    private final ProducerSetup setup;
    private final KlingFeature feature;
    private final List<FieldBinding> bindings;
    /**
     * The endpoint options that set request fields, by option name (only those set): read once when the producer
     * starts, as an endpoint's options are fixed from then on, instead of through the configurer for every field of
     * every exchange.
     */
    private final Map<String, Object> optionValues = new HashMap<>();

    KlingRequestAssembler(ProducerSetup setup) {
        this.setup = setup;
        this.feature = setup.feature();
        this.bindings = feature.schema().fieldNames().stream().map(FieldBinding::forField).toList();
        for (FieldBinding binding : bindings) {
            Object value = setup.endpointOptions().apply(binding.option());
            if (value != null) {
                optionValues.put(binding.option(), value);
            }
        }
    }

    /**
     * The validated request, with {@code standIns} in place of the fields an earlier request of the flow will supply
     * (lip sync's session and face): a flow of several requests checks them all before it sends the first.
     * {@code completion} adds what the create step itself gives (its external id) before the one validation.
     */
    KlingRequest assemble(Exchange exchange, Map<String, Object> standIns, UnaryOperator<KlingRequest> completion) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body instanceof KlingRequest request) {
            if (request.feature() != feature) {
                throw feature.invalid("body",
                        "must be a " + feature.uriName() + " request, not " + request.feature().uriName());
            }
            request = withExternalIdHeader(request, message);
            if (request.field("callback_url") == null) {
                String derived = callbackUrl();
                request = derived == null ? request : request.with("callback_url", derived);
            }
            for (Map.Entry<String, Object> standIn : standIns.entrySet()) {
                request = request.with(standIn.getKey(), standIn.getValue());
            }
            request = completion.apply(request);
            request.validate();
            return request;
        }
        Map<?, ?> bodyFields = body instanceof Map<?, ?> map ? map : Map.of();
        NaturalInput natural = naturalInput(exchange, body);
        // A message that carries a task id is the result of an earlier kling call: its external id belongs to that
        // task, and reusing it for a chained create would be refused as a duplicate.
        boolean previousResult = message.getHeader(KlingConstants.TASK_ID) != null;
        Map<String, Object> fields = new LinkedHashMap<>();
        List<FieldBinding> fromHeaders = new ArrayList<>();
        List<FieldBinding> fromOptions = new ArrayList<>();
        for (FieldBinding binding : bindings) {
            Object value = previousResult && binding.header().equals(KlingConstants.EXTERNAL_TASK_ID)
                    ? null : message.getHeader(binding.header());
            if (value != null) {
                fromHeaders.add(binding);
            } else {
                value = bodyFields.get(binding.field());
            }
            if (value == null && binding.field().equals(natural.field())) {
                value = natural.value();
            }
            if (value == null) {
                value = optionValues.get(binding.option());
                if (value != null) {
                    fromOptions.add(binding);
                }
            }
            if (value != null) {
                fields.put(binding.field(), value);
            }
        }
        for (Object key : bodyFields.keySet()) {
            if (!fields.containsKey(String.valueOf(key)) && bodyFields.get(key) != null) {
                fields.put(String.valueOf(key), bodyFields.get(key)); // unknown names: let the schema name them in its error
            }
        }
        if (!fields.containsKey("callback_url")) {
            String derived = callbackUrl();
            if (derived != null) {
                fields.put("callback_url", derived);
            }
        }
        fields.putAll(standIns);
        try {
            KlingRequest request = completion.apply(KlingRequest.of(feature, fields));
            // what the route set explicitly is reported before what is missing or wrong between fields
            if (!fromHeaders.isEmpty() || !fromOptions.isEmpty()) {
                request.validateFields(Stream.concat(fromHeaders.stream(), fromOptions.stream()).map(FieldBinding::field).toList());
            }
            request.validate();
            return request;
        } catch (KlingValidationException e) {
            throw namingSource(e, fromHeaders, fromOptions);
        }
    }

    /**
     * A broken rule of a field that a header or an option set is reported with that header or option, as that is what
     * the user wrote and has to fix; the client knows only the field's wire name.
     */
    private static KlingValidationException namingSource(KlingValidationException e, List<FieldBinding> fromHeaders,
                                                         List<FieldBinding> fromOptions) {
        for (FieldBinding binding : fromHeaders) {
            if (binding.isOrContains(e.field())) {
                return attributed(e, "from header " + binding.header() + ", which overrides option " + binding.option());
            }
        }
        for (FieldBinding binding : fromOptions) {
            if (binding.isOrContains(e.field())) {
                return attributed(e, "from option " + binding.option());
            }
        }
        return e;
    }

    private static KlingValidationException attributed(KlingValidationException e, String source) {
        KlingValidationException named = new KlingValidationException(e.subject(), e.field(), e.rule() + " (" + source + ")");
        named.initCause(e);
        return named;
    }

    /**
     * The body as the feature's natural input: the first of the feature's natural input fields whose type fits the
     * body. Text fields take anything readable as text; files from the file or FTP component stay files.
     */
    private NaturalInput naturalInput(Exchange exchange, Object body) {
        if (body == null || body instanceof Map || body instanceof KlingTask) {
            return NaturalInput.NONE;
        }
        Object value = body;
        if (body instanceof WrappedFile<?> wrapped) {
            // a local file is sent from disk; a remote one is streamed (FTP with streamDownload=true) or already in
            // memory: as a stream either way, so that the size check and Base64 spool it instead of the heap
            value = wrapped.getFile() instanceof File file ? file
                    : wrapped.getBody() instanceof InputStream stream ? stream
                    : exchange.getMessage().getBody(InputStream.class);
        }
        for (String field : feature.naturalInputFields()) {
            if (feature.schema().isText(field)) {
                String text = exchange.getMessage().getBody(String.class);
                return text == null || text.isBlank() ? NaturalInput.NONE : new NaturalInput(field, text.strip());
            }
            if (feature.schema().acceptsBody(field, value)) {
                return new NaturalInput(field, value instanceof String text ? text.strip() : value);
            }
        }
        return NaturalInput.NONE;
    }

    /** The public URL of a callback consumer of this feature and account in the CamelContext, if there is one. */
    private String callbackUrl() {
        return setup.callbackUrl().get();
    }

    private record NaturalInput(String field, Object value) {
        static final NaturalInput NONE = new NaturalInput(null, null);
    }

    private static KlingRequest withExternalIdHeader(KlingRequest request, Message message) {
        String externalId = message.getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class);
        return externalId == null ? request : request.withExternalTaskId(externalId);
    }

    /** How one Kling field is reached from Camel: its header and its endpoint option. */
    record FieldBinding(String field, String option, String header) {

        static FieldBinding forField(String field) {
            String option = lowerCamel(field);
            return new FieldBinding(field, option,
                    KlingConstants.HEADER_PREFIX + Character.toUpperCase(option.charAt(0)) + option.substring(1));
        }

        /** Whether a (possibly dotted or indexed) field a validation error names is this field or part of it. */
        boolean isOrContains(String named) {
            return named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[");
        }

        static String lowerCamel(String snake) {
            return RequestSchema.camelCase(snake);
        }
    }
}
