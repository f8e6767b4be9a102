package dev.camelkling.client.schema;

import java.util.Collection;
import java.util.Map;

/** A request's values with the new-design path and model row they are checked against. */
record NewDesignRequest(NewDesignProduct product, NewDesignModel model, Map<String, Object> values) {

    boolean given(String field) {
        return CrossFieldRules.given(values, field);
    }

    Object get(String field) {
        return values.get(field);
    }

    int count(String field) {
        return values.get(field) instanceof Collection<?> items ? items.size() : 0;
    }

    String on() {
        return "on " + product.path() + "/" + model.id();
    }

    boolean hasVideo() {
        return given("reference_video") || given("base_video");
    }
}
