package dev.airlock.guardrail.policy;

import dev.airlock.InvalidValueException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every policy of a configuration: the environment groups documents can attach to, and the documents.
 *
 * @param environmentGroups environment group name to the environments in it, e.g. {@code prod: [prod-eu, prod-us]}
 * @param documents         the policy documents; their order never matters
 */
public record Policies(Map<String, List<String>> environmentGroups, List<PolicyDocument> documents) {
    /** No environment groups and no documents: only the built-in statements apply. */
    public static final Policies NONE = new Policies(Map.of(), List.of());

    public Policies {
        InvalidValueException.requireNonNull("environmentGroups", environmentGroups);
        InvalidValueException.requireNonNull("documents", documents);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        environmentGroups.forEach((name, members) -> groups.put(name, List.copyOf(members)));
        environmentGroups = Collections.unmodifiableMap(groups);
        documents = List.copyOf(documents);
    }

    /** Documents without environment groups. */
    public static Policies of(PolicyDocument... documents) {
        return new Policies(Map.of(), List.of(documents));
    }
}
