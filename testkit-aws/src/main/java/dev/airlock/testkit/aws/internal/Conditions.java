package dev.airlock.testkit.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Condition block of a statement, evaluated the IAM way: every operator and every key must hold (AND),
 * any of a key's values may match (OR); a missing key fails positive operators and satisfies negated ones;
 * {@code ...IfExists} holds when the key is missing. Keys are compared case-insensitively.
 *
 * <p>Multivalued keys, such as {@code aws:TagKeys}, are held in the context as their values joined by
 * {@link #SEPARATOR} ({@link #multivalued}) and take the set operators: {@code ForAllValues:} holds when every
 * request value matches (so also for no values, or a missing key), {@code ForAnyValue:} when at least one does
 * (so never for none). A plain operator on a multivalued key, or a set operator with {@code Null}, is refused.
 */
public final class Conditions {
    /** Joins the values of a multivalued key in a context; no tag key or other value holds it. */
    public static final char SEPARATOR = '\u0000';
    private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringLike", "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null", "Bool");

    private enum Quantifier { SINGLE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    private record Test(Quantifier quantifier, String operator, boolean ifExists, String key, List<String> values) {
    }

    private final List<Test> tests;

    private Conditions(List<Test> tests) {
        this.tests = List.copyOf(tests);
    }

    static Conditions none() {
        return new Conditions(List.of());
    }

    /**
     * @throws PolicyException when the block is malformed
     * @throws UnsupportedOperationException for operators this model does not evaluate (numeric, date, IP)
     */
    static Conditions parse(JsonNode node) {
        if (!node.isObject()) {
            throw new PolicyException("Condition must be an object");
        }
        List<Test> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.properties().iterator(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            String operator = op.getKey();
            Quantifier quantifier = Quantifier.SINGLE;
            if (operator.startsWith("ForAllValues:") || operator.startsWith("ForAnyValue:")) {
                quantifier = operator.startsWith("ForAll") ? Quantifier.FOR_ALL_VALUES : Quantifier.FOR_ANY_VALUE;
                operator = operator.substring(operator.indexOf(':') + 1);
            }
            boolean ifExists = operator.endsWith("IfExists");
            String base = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
            if (!OPERATORS.contains(base)) {
                throw new UnsupportedOperationException("The in-memory AWS does not evaluate condition operator '"
                        + operator + "'; it knows " + OPERATORS.stream().sorted().toList() + " and their IfExists forms");
            }
            if (quantifier != Quantifier.SINGLE && base.equals("Null")) {
                throw new PolicyException("Condition operator " + op.getKey() + ": Null takes no set operator");
            }
            if (!op.getValue().isObject()) {
                throw new PolicyException("Condition operator " + operator + " must map keys to values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().properties().iterator(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                tests.add(new Test(quantifier, base, ifExists, key.getKey().toLowerCase(Locale.ROOT), values(key.getValue())));
            }
        }
        return new Conditions(tests);
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(scalar(v)));
        } else {
            values.add(scalar(node));
        }
        return values;
    }

    private static String scalar(JsonNode node) {
        if (!node.isValueNode()) {
            throw new PolicyException("Condition values must be strings, numbers or booleans");
        }
        return node.asText();
    }

    /** The context value of a multivalued key: its values, joined by {@link #SEPARATOR}. */
    public static String multivalued(Collection<String> values) {
        return String.join(String.valueOf(SEPARATOR), values);
    }

    /** Whether every test holds for a request with these condition keys (lower-cased). */
    boolean hold(Map<String, String> context) {
        for (Test test : tests) {
            if (!holds(test, context.get(test.key()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Test test, @Nullable String value) {
        if (test.quantifier() == Quantifier.SINGLE) {
            if (value != null && value.indexOf(SEPARATOR) >= 0) {
                throw new UnsupportedOperationException("The condition key " + test.key() + " is multivalued: "
                        + "test it with ForAllValues:" + test.operator() + " or ForAnyValue:" + test.operator());
            }
            return holdsFor(test, value);
        }
        List<String> values = value == null || value.isEmpty() ? List.of()
                : List.of(value.split(String.valueOf(SEPARATOR), -1));
        return test.quantifier() == Quantifier.FOR_ALL_VALUES ? values.stream().allMatch(v -> holdsFor(test, v))
                : values.stream().anyMatch(v -> holdsFor(test, v));
    }

    private static boolean holdsFor(Test test, @Nullable String value) {
        if (test.operator().equals("Null")) {
            boolean wantsAbsent = test.values().stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return wantsAbsent == (value == null);
        }
        if (value == null) {
            return test.ifExists() || test.operator().contains("Not");
        }
        boolean any = switch (test.operator()) {
            case "StringEquals", "StringNotEquals", "ArnEquals", "ArnNotEquals" -> test.values().contains(value);
            case "StringEqualsIgnoreCase" -> test.values().stream().anyMatch(value::equalsIgnoreCase);
            case "Bool" -> test.values().stream().anyMatch(value::equalsIgnoreCase);
            default -> test.values().stream().anyMatch(v -> like(v).matcher(value).matches());
        };
        return test.operator().contains("Not") != any;
    }

    /** {@code *} matches any characters (slashes and colons too), {@code ?} one. */
    private static Pattern like(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
