package io.github.hopflow.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scalars of a {@code summary.json} as table columns: nested keys joined by {@code '.'}, an
 * array by its last element as {@code KEY.last} (itself flattened when it is an object or an
 * array), null values and empty arrays left out. Numbers stay integers ({@code long}) when the
 * document wrote them so, doubles otherwise.
 */
public final class SummaryColumns {

    private SummaryColumns() {
    }

    /**
     * The columns of {@code summary}, in document order.
     *
     * @param summary the parsed document. Not modified.
     */
    public static LinkedHashMap<String, Object> of(JsonNode summary) {
        LinkedHashMap<String, Object> columns = new LinkedHashMap<>();
        add(columns, "", summary);
        return columns;
    }

    private static void add(Map<String, Object> columns, String key, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                add(columns, key.isEmpty() ? f.getKey() : key + "." + f.getKey(), f.getValue());
            }
        } else if (node.isArray()) {
            if (node.size() > 0) {
                add(columns, (key.isEmpty() ? "" : key + ".") + "last", node.get(node.size() - 1));
            }
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            columns.put(key, node.longValue());
        } else if (node.isNumber()) {
            columns.put(key, node.doubleValue());
        } else if (node.isBoolean()) {
            columns.put(key, node.booleanValue());
        } else {
            columns.put(key, node.asText());
        }
    }
}
