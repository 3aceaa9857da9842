package dev.airlock.aws.internal.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Compares a live policy document with the generated one as IAM reads them: key order, the order of values
 * and statements, and a single value written as a one-element list do not matter.
 */
public final class Documents {
    private Documents() {
    }

    /** What differs, naming statements by Sid, or null when the documents mean the same. */
    public static @Nullable String difference(String expected, String actual) {
        Map<String, JsonNode> want;
        Map<String, JsonNode> have;
        try {
            want = statements(Stmt.JSON.readTree(expected));
            have = statements(Stmt.JSON.readTree(actual));
        } catch (IOException | RuntimeException e) {
            return "it is not a policy document Airlock can read";
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> statement : want.entrySet()) {
            JsonNode live = have.get(statement.getKey());
            if (live == null) {
                problems.add("statement " + statement.getKey() + " is missing");
            } else if (!live.equals(statement.getValue())) {
                problems.add("statement " + statement.getKey() + " differs");
            }
        }
        for (String extra : have.keySet()) {
            if (!want.containsKey(extra)) {
                problems.add("statement " + extra + " is not in the generated document");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static Map<String, JsonNode> statements(JsonNode policy) {
        Map<String, JsonNode> bySid = new LinkedHashMap<>();
        JsonNode statements = policy.get("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else {
            list.add(statements);
        }
        int n = 0;
        for (JsonNode statement : list) {
            n++;
            bySid.put(statement.has("Sid") ? statement.get("Sid").asText() : "#" + n, normalize(statement));
        }
        return bySid;
    }

    private static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                sorted.put(field.getKey(), normalize(field.getValue()));
            }
            ObjectNode out = Stmt.JSON.createObjectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalize(item)));
            if (items.size() == 1) {
                return items.get(0);
            }
            items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode out = Stmt.JSON.createArrayNode();
            items.forEach(out::add);
            return out;
        }
        // IAM returns booleans and numbers in conditions as strings.
        return node.isValueNode() ? Stmt.JSON.getNodeFactory().textNode(node.asText()) : node;
    }
}
