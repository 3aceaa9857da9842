package dev.airlock.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks event JSON against the schema core ships ({@code dev/airlock/event/events.schema.json}, the
 * same file as {@code docs/events.schema.json}). It understands the subset of JSON Schema that file
 * uses (type, required, properties, additionalProperties, items, const, enum, pattern, minLength,
 * minimum), so consumers' tests can hold their own events to the documented form without a schema library.
 */
public final class EventSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMA = load();

    private EventSchema() {
    }

    /** What is wrong with {@code json} as an event, with JSON pointers; empty when it conforms. */
    public static List<String> problems(String json) {
        List<String> problems = new ArrayList<>();
        try {
            check(SCHEMA, JSON.readTree(json), "", problems);
        } catch (IOException e) {
            problems.add("not JSON: " + e.getMessage());
        }
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        String where = at.isEmpty() ? "/" : at;
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(where + ": must be " + schema.get("const"));
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(where + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(where + ": " + value.getNodeType() + " is not of type " + schema.get("type"));
            return;
        }
        if (value.isTextual()) {
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                problems.add(where + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
            }
            if (schema.has("minLength") && value.asText().length() < schema.get("minLength").asInt()) {
                problems.add(where + ": shorter than " + schema.get("minLength").asInt());
            }
        }
        if (value.isNumber() && schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(where + ": less than " + schema.get("minimum"));
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "/" + i, problems);
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    problems.add(where + ": missing required '" + name.asText() + "'");
                }
            });
            JsonNode properties = schema.path("properties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String path = at + "/" + field.getKey();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), path, problems);
                } else if (schema.has("additionalProperties")) {
                    JsonNode additional = schema.get("additionalProperties");
                    if (additional.isBoolean() && !additional.asBoolean()) {
                        problems.add(path + ": not allowed");
                    } else if (additional.isObject()) {
                        check(additional, field.getValue(), path, problems);
                    }
                }
            }
        }
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static JsonNode load() {
        try (InputStream in = EventSchema.class.getResourceAsStream("/dev/airlock/event/events.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("events.schema.json is missing from airlock-core's jar");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
