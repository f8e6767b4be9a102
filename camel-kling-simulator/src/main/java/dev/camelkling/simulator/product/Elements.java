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
            JsonNode id = item.get("element_id");
            if (id == null || id.isNull()) {
                throw ApiException.invalidParameter(path + ".element_id is required");
            }
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw ApiException.invalidParameter(path + ".element_id must be a 64-bit integer JSON number");
            }
            long value = id.longValue();
            if (!context.elementExists(value)) {
                throw ApiException.invalidParameter(path + ".element_id " + value + " does not exist in the element library");
            }
            ids.add(value);
        }
        return ids;
    }
}
