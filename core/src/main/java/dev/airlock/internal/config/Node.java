package dev.airlock.internal.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON document node that remembers where it was written, so every validation error can
 * point at a line and column. Jackson's tree model forgets positions; this one keeps them.
 */
public sealed interface Node {
    Location location();

    /** How the node is called in messages ("a map", "a list", "text"). */
    String kind();

    record Location(int line, int column) {
    }

    record Field(String key, Location keyLocation, Node value) {
    }

    record MapNode(Location location, Map<String, Field> fields) implements Node {
        public MapNode {
            fields = new LinkedHashMap<>(fields);
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    record ListNode(Location location, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is the value as written, null for an explicit null. */
    record ScalarNode(Location location, String text, Type type) implements Node {
        public enum Type { TEXT, NUMBER, BOOLEAN, NULL }

        @Override
        public String kind() {
            return switch (type) {
                case TEXT -> "text";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }
    }
}
