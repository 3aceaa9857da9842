package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.testkit.aws.AwsCall;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** What the permissions-in-step tests compare: the IAM actions sessions used, and those a policy lists. */
final class IamActions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamActions() {
    }

    /**
     * The actions the calls {@code of} selects were authorized as, from {@code byOperation} ("Service Operation"
     * to action); fails for a call that has none there, saying where to add it.
     */
    static Set<String> used(List<AwsCall> calls, Predicate<AwsCall> of, Map<String, String> byOperation,
            String generator) {
        Set<String> used = new TreeSet<>();
        for (AwsCall call : calls) {
            if (call.principalArn() == null || !of.test(call)) {
                continue;
            }
            String action = byOperation.get(call.service().serviceName() + " " + call.operation());
            if (action == null) {
                fail(call.principalArn() + " called " + call.operation() + ", which has no IAM action here: add it to "
                        + "the test's table and to the permissions the generator writes (" + generator + ")");
            }
            used.add(action);
        }
        return used;
    }

    /** Every action a policy's statements list, one or many each. */
    static Set<String> listed(String policy) throws Exception {
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : JSON.readTree(policy).get("Statement")) {
            JsonNode action = statement.get("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(action.asText());
            }
        }
        return actions;
    }
}
