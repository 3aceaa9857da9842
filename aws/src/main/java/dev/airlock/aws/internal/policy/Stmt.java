package dev.airlock.aws.internal.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One statement of a generated policy, built in the order IAM documents show its elements. */
final class Stmt {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode node;
    private @Nullable ObjectNode condition;

    private Stmt(String sid, String effect) {
        node = JSON.createObjectNode().put("Sid", sid).put("Effect", effect);
    }

    private Stmt(ObjectNode node) {
        this.node = node;
        this.condition = node.has("Condition") ? (ObjectNode) node.get("Condition") : null;
    }

    /** A statement already written, to be added to another document. */
    static Stmt wrap(ObjectNode node) {
        return new Stmt(node);
    }

    static Stmt allow(String sid) {
        return new Stmt(sid, "Allow");
    }

    static Stmt deny(String sid) {
        return new Stmt(sid, "Deny");
    }

    /** {@code "Principal": "*"}: everyone, narrowed by the conditions. */
    Stmt anyone() {
        node.put("Principal", "*");
        return this;
    }

    Stmt aws(Collection<String> principals) {
        node.putObject("Principal").set("AWS", values(principals));
        return this;
    }

    Stmt actions(String... actions) {
        return actions(List.of(actions));
    }

    Stmt actions(Collection<String> actions) {
        node.set("Action", values(actions));
        return this;
    }

    /** NotAction: every action but these (SCP region denies leave global services alone). */
    Stmt notActions(Collection<String> actions) {
        node.set("NotAction", values(actions));
        return this;
    }

    Stmt resources(String... resources) {
        return resources(List.of(resources));
    }

    Stmt resources(Collection<String> resources) {
        node.set("Resource", values(resources));
        return this;
    }

    /** Adds {@code "operator": {"key": values}} to the statement's Condition (conditions are ANDed). */
    Stmt when(String operator, String key, Collection<String> values) {
        if (condition == null) {
            condition = node.putObject("Condition");
        }
        ObjectNode op = condition.has(operator) ? (ObjectNode) condition.get(operator) : condition.putObject(operator);
        op.set(key, values(values));
        return this;
    }

    Stmt when(String operator, String key, String value) {
        return when(operator, key, List.of(value));
    }

    ObjectNode node() {
        return node;
    }

    /** A single value as a string, several as a list, as IAM writes them. */
    private static com.fasterxml.jackson.databind.JsonNode values(Collection<String> values) {
        if (values.size() == 1) {
            return JSON.getNodeFactory().textNode(values.iterator().next());
        }
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A policy document holding these statements. */
    static ObjectNode document(List<Stmt> statements) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode array = policy.putArray("Statement");
        statements.forEach(s -> array.add(s.node()));
        return policy;
    }
}
