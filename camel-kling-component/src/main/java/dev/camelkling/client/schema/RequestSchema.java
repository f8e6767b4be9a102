package dev.camelkling.client.schema;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The fields of one feature's create request and the rules between them. Validation and the conversion of
 * loosely typed input are written once here and driven by this data.
 */
public final class RequestSchema {

    private final List<FieldSpec> fields;
    private final Map<String, FieldSpec> byAnyName;
    private final List<CrossFieldRule> crossFieldRules;
    private final UnaryOperator<Map<String, Object>> defaults;
    private final Set<String> wireContainers;
    /** The feature's path on the new design; {@code null} when the feature is legacy-only. */
    private final NewDesignProduct newDesign;
    /** Reshapes the legacy wire object where Kling's legacy body is not flat; {@code null} when it is. */
    private final UnaryOperator<Map<String, Object>> legacyWire;
    /** The fields only the new design takes on this feature; a legacy model refuses them. */
    private final List<String> newDesignOnlyFields;

    private RequestSchema(List<FieldSpec> fields, List<CrossFieldRule> crossFieldRules, UnaryOperator<Map<String, Object>> defaults,
            NewDesignProduct newDesign, List<String> newDesignOnlyFields, UnaryOperator<Map<String, Object>> legacyWire) {
        this.newDesign = newDesign;
        this.newDesignOnlyFields = List.copyOf(newDesignOnlyFields);
        this.legacyWire = legacyWire;
        this.fields = List.copyOf(fields);
        this.crossFieldRules = List.copyOf(crossFieldRules);
        this.defaults = defaults;
        this.wireContainers = fields.stream().map(FieldSpec::wireContainer).flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, FieldSpec> names = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            names.put(field.name(), field);
            names.put(camelCase(field.name()), field);
            field.aliases().forEach(alias -> names.put(alias, field));
        }
        this.byAnyName = Map.copyOf(names);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fields in the order they are written to JSON. */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** Looks a field up by wire name ({@code negative_prompt}), lowerCamelCase ({@code negativePrompt}) or alias. */
    public Optional<FieldSpec> field(String anyName) {
        return Optional.ofNullable(anyName == null ? null : byAnyName.get(anyName));
    }

    /**
     * The design a request with these values is sent on: {@link DesignStandard#NEW_DESIGN} when the feature has a
     * new-design path and {@code model_name} is a model id of the new design's tables ({@link NewDesignModels}),
     * otherwise {@link DesignStandard#LEGACY} (no model, a legacy model, or a model no table knows).
     */
    public DesignStandard design(Map<String, Object> values) {
        return newDesign != null && NewDesignModels.isNewDesignModel(values.get("model_name"))
                ? DesignStandard.NEW_DESIGN : DesignStandard.LEGACY;
    }

    /** The feature's create path on the new design, if it has one. */
    public Optional<NewDesignProduct> newDesignProduct() {
        return Optional.ofNullable(newDesign);
    }

    /**
     * The designs that take a field on this feature, by the data validation refuses a field of the other design with:
     * the legacy design takes every field but the new design's own settings ({@link #newDesignOnlyViolation}); the new
     * design takes the fields of its path ({@link NewDesignProduct}: prompt, contents, settings, options) that at least
     * one of its models takes ({@link NewDesignModel#takes}), and refuses the rest. Empty for a name that is no field
     * of this feature.
     */
    public Set<DesignStandard> designsTaking(String field) {
        Set<DesignStandard> designs = EnumSet.noneOf(DesignStandard.class);
        if (fieldNames().contains(field) && !newDesignOnlyFields.contains(field)) {
            designs.add(DesignStandard.LEGACY);
        }
        if (newDesign != null && newDesign.takes(field)) {
            designs.add(DesignStandard.NEW_DESIGN);
        }
        return designs;
    }

    /** Whether the named field takes a {@link KlingMedia} (image or audio). */
    public boolean isMedia(String anyName) {
        return field(anyName).map(f -> f.type() == FieldType.MEDIA).orElse(false);
    }

    /** Whether the named field is plain text ({@link FieldType#TEXT}), e.g. a prompt or a video id. */
    public boolean isText(String anyName) {
        return field(anyName).map(f -> f.type() == FieldType.TEXT).orElse(false);
    }

    /**
     * Whether a plain message body can fill the named field, judged by its Java type (see
     * {@link FieldType#acceptsBody}); {@code false} for an unknown field.
     */
    public boolean acceptsBody(String anyName, Object body) {
        return field(anyName).map(f -> f.acceptsBody(body)).orElse(false);
    }

    /** The wire names of all fields, local-only ones included (they can be set like any other). */
    public List<String> fieldNames() {
        return fields.stream().map(FieldSpec::name).toList();
    }

    /**
     * The values with the defaults this feature derives locally filled in (e.g. lip sync's {@code sound_end_time} from
     * the audio's length); the same map when the feature derives none.
     */
    public Map<String, Object> withDefaults(Map<String, Object> values) {
        return defaults == null ? values : ordered(defaults.apply(new LinkedHashMap<>(values)));
    }

    /**
     * The JSON object as sent: local-only fields dropped, and fields Kling nests gathered into the single item of
     * their container ({@code face_choose: [{...}]}) where the first of them stands.
     */
    public Map<String, Object> toWire(Map<String, Object> values) {
        if (design(values) == DesignStandard.NEW_DESIGN) {
            return NewDesignWire.toWire(newDesign, values);
        }
        Map<String, Object> wire = flatWire(values);
        return legacyWire == null ? wire : legacyWire.apply(wire);
    }

    private Map<String, Object> flatWire(Map<String, Object> values) {
        Map<String, Object> wire = new LinkedHashMap<>();
        Map<String, Map<String, Object>> containers = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            Object value = values.get(field.name());
            if (value == null || field.isLocalOnly()) {
                continue;
            }
            Optional<String> container = field.wireContainer();
            if (container.isPresent()) {
                Map<String, Object> item = containers.computeIfAbsent(container.get(), name -> new LinkedHashMap<>());
                wire.putIfAbsent(container.get(), item);
                item.put(field.name(), value);
            } else {
                wire.put(field.name(), value);
            }
        }
        containers.forEach((name, item) -> wire.put(name, List.of(item)));
        return wire;
    }

    /**
     * Converts loosely typed input to canonical wire-named values, in schema order; {@code null} values are
     * dropped.
     *
     * @throws KlingValidationException for an unknown field name or an unconvertible value
     */
    public Map<String, Object> coerce(String subject, Map<String, ?> input) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        input.forEach((name, value) -> put(subject, canonical, name, value));
        return ordered(canonical);
    }

    /** Sets one field in {@code values} from a loosely typed value under its wire name; {@code null} removes it. */
    public void put(String subject, Map<String, Object> values, String anyName, Object value) {
        if (anyName != null && wireContainers.contains(anyName)) {
            putNested(subject, values, anyName, value);
            return;
        }
        FieldSpec field = resolve(subject, anyName);
        if (value == null) {
            values.remove(field.name());
        } else {
            values.put(field.name(), field.coerce(subject, value));
        }
    }

    /** A container given in its wire form ({@code face_choose: [{face_id: ...}]}) sets its fields one by one. */
    private void putNested(String subject, Map<String, Object> values, String container, Object value) {
        List<FieldSpec> nested = fields.stream().filter(f -> f.wireContainer().filter(container::equals).isPresent()).toList();
        if (value == null) {
            nested.forEach(f -> values.remove(f.name()));
            return;
        }
        Object item = value;
        if (!(value instanceof Map<?, ?>)) {
            List<Object> items;
            try {
                items = LooseValues.items(value);
            } catch (InvalidValue e) {
                throw e.toException(subject, container);
            }
            if (items.size() != 1) {
                throw new KlingValidationException(subject, container, "must have exactly 1 item (was " + items.size() + ")");
            }
            item = items.get(0);
        }
        if (!(item instanceof Map<?, ?> entries)) {
            throw new KlingValidationException(subject, container + "[0]", "must be an object (was " + LooseValues.typeOf(item) + ")");
        }
        entries.forEach((key, entry) -> {
            String name = String.valueOf(key);
            FieldSpec field = field(name).filter(nested::contains).orElseThrow(() -> new KlingValidationException(subject,
                    container + "[0]." + name, "is not a known field (known: "
                            + nested.stream().map(FieldSpec::name).collect(Collectors.joining(", ")) + ")"));
            put(subject, values, field.name(), entry);
        });
    }

    /** The same values in schema order, which is the order they are written to JSON. */
    public Map<String, Object> ordered(Map<String, Object> values) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            if (values.containsKey(field.name())) {
                ordered.put(field.name(), values.get(field.name()));
            }
        }
        return ordered;
    }

    FieldSpec resolve(String subject, String anyName) {
        return field(anyName).orElseThrow(() -> new KlingValidationException(subject, String.valueOf(anyName),
                "is not a known field (known: " + String.join(", ", fieldNames()) + ")"));
    }

    /** @throws KlingValidationException for the first broken rule of the named fields' own (not cross-field) rules */
    public void validateFields(String subject, Map<String, Object> values, Collection<String> names) {
        // on the new design the legacy field rules (model ids, durations "5"/"10", ...) do not apply, as in validate
        boolean newDesign = design(values) == DesignStandard.NEW_DESIGN;
        checkFields(subject, values, field -> names.contains(field.name())
                && (!newDesign || NewDesignProduct.SHARED_FIELD_RULES.contains(field.name())));
    }

    private void checkFields(String subject, Map<String, Object> values, Predicate<FieldSpec> which) {
        for (FieldSpec field : fields) {
            Optional<Violation> violation = which.test(field) ? field.check(values.get(field.name())) : Optional.empty();
            if (violation.isPresent()) {
                throw violation.get().toException(subject);
            }
        }
    }

    /** @throws KlingValidationException for the first broken rule */
    public void validate(String subject, Map<String, Object> values) {
        for (String name : values.keySet()) {
            resolve(subject, name);
        }
        if (design(values) == DesignStandard.NEW_DESIGN) {
            // the legacy field rules (10 MB images, durations "5"/"10", ...) are not the new design's; options and video URLs are shared
            checkFields(subject, values, field -> NewDesignProduct.SHARED_FIELD_RULES.contains(field.name()));
            NewDesignRules.check(newDesign, values).ifPresent(violation -> {
                throw violation.toException(subject);
            });
            return;
        }
        // a field of the other design is the first thing wrong with a request, whatever else is
        newDesignOnlyViolation(values).ifPresent(violation -> {
            throw violation.toException(subject);
        });
        checkFields(subject, values, field -> true);
        for (CrossFieldRule rule : crossFieldRules) {
            Optional<Violation> violation = rule.check(values);
            if (violation.isPresent()) {
                throw violation.get().toException(subject);
            }
        }
    }

    /** The new design's own settings on a legacy model (no model, a legacy one, or one no table knows). */
    private Optional<Violation> newDesignOnlyViolation(Map<String, Object> values) {
        return newDesignOnlyFields.stream().filter(name -> CrossFieldRules.given(values, name)).findFirst()
                .map(name -> new Violation(name, "applies only to the new design's models " + NewDesignModels.ids(newDesign)
                        + " (model_name was " + (values.get("model_name") == null ? "absent" : LooseValues.describe(values.get("model_name")))
                        + ", a legacy model)"));
    }

    /** The lowerCamelCase form of a Kling field name ({@code negative_prompt} is {@code negativePrompt}). */
    public static String camelCase(String wireName) {
        StringBuilder out = new StringBuilder(wireName.length());
        boolean upper = false;
        for (char c : wireName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "RequestSchema" + fields.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }

    public static final class Builder {
        private final List<FieldSpec> fields = new ArrayList<>();
        private final List<CrossFieldRule> rules = new ArrayList<>();
        private UnaryOperator<Map<String, Object>> defaults;
        private NewDesignProduct newDesign;
        private List<String> newDesignOnlyFields = List.of();
        private UnaryOperator<Map<String, Object>> legacyWire;

        private Builder() {
        }

        /** The feature's path on the new design: a new-design {@code model_name} then selects it (see {@link RequestSchema#design}). */
        Builder newDesign(NewDesignProduct product, String... newDesignOnlyFields) {
            this.newDesign = product;
            this.newDesignOnlyFields = List.of(newDesignOnlyFields);
            return this;
        }

        /** Reshapes the flat legacy wire object (legacy omni-video's {@code image_list} and {@code video_list}). */
        Builder legacyWire(UnaryOperator<Map<String, Object>> reshape) {
            this.legacyWire = reshape;
            return this;
        }

        public Builder field(FieldSpec.Builder field) {
            fields.add(field.build());
            return this;
        }

        Builder fields(List<FieldSpec.Builder> more) {
            more.forEach(this::field);
            return this;
        }

        public Builder rule(CrossFieldRule rule) {
            rules.add(rule);
            return this;
        }

        Builder rules(List<CrossFieldRule> more) {
            rules.addAll(more);
            return this;
        }

        /** Fills in values the feature derives locally; receives a mutable copy, before validation and sending. */
        Builder defaults(UnaryOperator<Map<String, Object>> defaults) {
            this.defaults = defaults;
            return this;
        }

        public RequestSchema build() {
            return new RequestSchema(fields, rules, defaults, newDesign, newDesignOnlyFields, legacyWire);
        }
    }
}
