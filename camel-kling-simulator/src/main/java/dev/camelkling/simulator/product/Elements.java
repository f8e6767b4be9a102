package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code element_list} items {@code {"element_id": <int64>}}. Ids are read as {@code long} straight
 * from the JSON integer token, never through {@code double}, and must exist in the element library.
 */
final class Elements {
    private Elements() {
    }

    static List<Long> read(RequestFields fields, ValidationContext context) {
        JsonNode list = fields.array("element_list");
        List<Long> ids = new ArrayList<>();
        if (list == null) {
            return ids;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String path = "element_list[" + i + "]";
            if (item == null || !item.isObject()) {
                throw ApiException.invalidParameter(path + " must be an object {element_id}");
            }
            ids.add(id(path + ".element_id", item.get("element_id"), context));
        }
        return ids;
    }

    /** One {@code element_id}: required, an int64 JSON number, in the element library. */
    static long id(String fieldPath, JsonNode id, ValidationContext context) {
        if (id == null || id.isNull()) {
            throw ApiException.invalidParameter(fieldPath + " is required");
        }
        if (!id.isIntegralNumber() || !id.canConvertToLong()) {
            throw ApiException.invalidParameter(fieldPath + " must be a 64-bit integer JSON number");
        }
        long value = id.longValue();
        if (!context.elementExists(value)) {
            throw ApiException.invalidParameter(fieldPath + " " + value + " does not exist in the element library");
        }
        return value;
    }
}
